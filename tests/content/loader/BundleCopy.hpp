#pragma once

#include "tests/support/TempDir.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace tinxa::content::test {

inline const std::filesystem::path kFixtures =
    std::filesystem::path(TINXA_SOURCE_DIR) / "tests/fixtures/bundles";

// A scratch copy of a fixture bundle, in a fresh temporary folder, that a test may break; removed
// when the test ends.
class BundleCopy {
 public:
  explicit BundleCopy(std::string_view fixture) : m_root(m_folder / fixture) {
    std::filesystem::copy(kFixtures / fixture, m_root, std::filesystem::copy_options::recursive);
  }

  [[nodiscard]] const std::filesystem::path& root() const noexcept { return m_root; }
  // A folder beside the bundle (outside it), for files the bundle must not reach.
  [[nodiscard]] const std::filesystem::path& beside() const noexcept { return m_folder.path(); }

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
  tinxa::test::TempDir m_folder;
  std::filesystem::path m_root;
};

}  // namespace tinxa::content::test
