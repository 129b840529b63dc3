#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace tinxa::content::test {

inline const std::filesystem::path kFixtures =
    std::filesystem::path(TINXA_SOURCE_DIR) / "tests/fixtures/bundles";

// A scratch copy of a fixture bundle that a test may break, removed when the test ends.
class BundleCopy {
 public:
  explicit BundleCopy(std::string_view fixture, std::string_view name)
      : m_root(std::filesystem::temp_directory_path() / ("tinxa-bundle-" + std::string(name))) {
    std::filesystem::remove_all(m_root);
    std::filesystem::copy(kFixtures / fixture, m_root, std::filesystem::copy_options::recursive);
  }
  BundleCopy(const BundleCopy&) = delete;
  BundleCopy& operator=(const BundleCopy&) = delete;
  ~BundleCopy() {
    std::error_code ec;
    std::filesystem::remove_all(m_root, ec);
  }

  [[nodiscard]] const std::filesystem::path& root() const noexcept { return m_root; }

  [[nodiscard]] std::string read(const std::string& file) const {
    std::ifstream in(m_root / file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  void write(const std::string& file, const std::string& text) const {
    std::ofstream(m_root / file, std::ios::binary) << text;
  }
  // Replaces the first `from` in `file` with `to`; returns false if `from` is not there.
  bool replace(const std::string& file, const std::string& from, const std::string& to) const {
    std::string text = read(file);
    const auto at = text.find(from);
    if (at == std::string::npos) return false;
    text.replace(at, from.size(), to);
    write(file, text);
    return true;
  }

 private:
  std::filesystem::path m_root;
};

}  // namespace tinxa::content::test
