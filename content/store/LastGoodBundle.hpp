#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>

namespace tinxa::content {

// Where a program keeps the last good copy of its content bundle inside the site's data_dir.
[[nodiscard]] inline std::filesystem::path last_good_path(const std::filesystem::path& data_dir) {
  return data_dir / "last-good-content";
}

// A copy of the last content bundle a program accepted, kept under the site's data_dir so that it
// can start on it when the configured bundle is broken or gone (a bad edit or a power cut while it
// was off).
//
// save() writes the new copy beside the old one, in a temporary folder whose files and folders
// are fsync'ed, and swaps it in with one rename (an exchange where the file system has one), so
// folder() is only ever a whole copy: a temporary folder left by a crash is never used, and the
// next save() removes it. A file whose copy is still current (same size and modification time;
// files up to kCompareBytes compared byte for byte) is hard-linked from the old copy instead of
// copied, so a large media folder is not copied again. Names starting with '.' (.git, editors'
// files) are not copied.
//
// Blocking file I/O that may take seconds: call save() from a worker thread, never from a UI or
// real-time thread. One writer per data_dir at a time; folder() may be called from any thread.
class LastGoodBundle {
 public:
  static constexpr std::uintmax_t kCompareBytes = 1024 * 1024;

  // `data_dir` must exist when save() is called; nothing is created here.
  explicit LastGoodBundle(const std::filesystem::path& data_dir);

  // The complete last good copy, or nullopt when none was ever saved.
  [[nodiscard]] std::optional<std::filesystem::path> folder() const;

  struct SaveStats {
    std::size_t copied = 0;  // files written anew
    std::size_t linked = 0;  // files kept from the previous copy
    std::uintmax_t bytes_copied = 0;
  };
  // Copies the bundle folder `source` and makes the copy the last good one, provided `check`
  // (when given) accepts it once written: e.g. "the source folder still looks as it did when it
  // was accepted", so that a bundle edited while it was copied is not kept. Returns nullopt when
  // `check` refused (the previous copy stays). Throws std::filesystem::filesystem_error or
  // std::system_error when the copy cannot be written; the previous copy then stays as it was.
  using Check = std::function<bool(const std::filesystem::path& copy)>;
  std::optional<SaveStats> save(const std::filesystem::path& source, const Check& check = {});

 private:
  std::filesystem::path m_folder;  // data_dir/last-good-content
  std::filesystem::path m_new;     // data_dir/.last-good-content.new: being written
  std::filesystem::path m_old;     // data_dir/.last-good-content.old: the old copy, mid-swap
};

}  // namespace tinxa::content
