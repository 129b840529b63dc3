#include "content/store/LastGoodBundle.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

namespace tinxa::content {
namespace {

namespace fs = std::filesystem;

// Folders deeper than this in a bundle are a symlink loop, not content.
constexpr int kMaxDepth = 32;

[[noreturn]] void throw_errno(const std::string& what, const fs::path& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

// Makes what was written to `path` (a file's data, or a folder's entries) durable.
void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw_errno("open", path);
  if (::fsync(fd) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    throw_errno("fsync", path);
  }
  ::close(fd);
}

void sync_folder(const fs::path& path) { sync_path(path, O_RDONLY | O_DIRECTORY); }

bool same_bytes(const fs::path& a, const fs::path& b) {
  std::ifstream in_a(a, std::ios::binary);
  std::ifstream in_b(b, std::ios::binary);
  if (!in_a || !in_b) return false;
  char buffer_a[8192];
  char buffer_b[8192];
  while (true) {
    in_a.read(buffer_a, sizeof buffer_a);
    in_b.read(buffer_b, sizeof buffer_b);
    const auto got = in_a.gcount();
    if (got != in_b.gcount()) return false;
    if (got == 0) return in_a.eof() && in_b.eof();
    if (!std::equal(buffer_a, buffer_a + got, buffer_b)) return false;
  }
}

// True when `copy` (in the previous last good copy) still holds what `source` holds.
bool still_current(const fs::path& source, std::uintmax_t size, const fs::path& copy) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(copy, ec)) || ec) return false;
  if (fs::file_size(copy, ec) != size || ec) return false;
  if (size <= LastGoodBundle::kCompareBytes) return same_bytes(source, copy);
  const auto source_time = fs::last_write_time(source, ec);
  if (ec) return false;
  return fs::last_write_time(copy, ec) == source_time && !ec;
}

// Copies `from` to the new file `to` with its modification time, and makes it durable.
void copy_durably(const fs::path& from, const fs::path& to) {
  fs::copy_file(from, to);
  fs::last_write_time(to, fs::last_write_time(from));
  sync_path(to, O_RDONLY);
}

}  // namespace

LastGoodBundle::LastGoodBundle(const std::filesystem::path& data_dir)
    : m_folder(last_good_path(data_dir)),
      m_new(data_dir / ".last-good-content.new"),
      m_old(data_dir / ".last-good-content.old") {}

std::optional<std::filesystem::path> LastGoodBundle::folder() const {
  std::error_code ec;
  if (fs::is_directory(m_folder, ec)) return m_folder;
  // A swap without an exchange was cut between its two renames: the old copy is whole.
  if (fs::is_directory(m_old, ec)) return m_old;
  return std::nullopt;
}

std::optional<LastGoodBundle::SaveStats> LastGoodBundle::save(const std::filesystem::path& source,
                                                              const Check& check) {
  const fs::path root = fs::canonical(source);
  const fs::path parent = m_folder.parent_path();
  // What an earlier save left behind: a half-written copy goes, an interrupted swap is finished.
  if (!fs::is_directory(m_folder) && fs::is_directory(m_old)) {
    fs::rename(m_old, m_folder);
  } else {
    fs::remove_all(m_old);
  }
  fs::remove_all(m_new);
  fs::create_directory(m_new);

  SaveStats stats;
  const bool have_previous = fs::is_directory(m_folder);
  std::vector<fs::path> folders{m_new};
  for (auto it =
           fs::recursive_directory_iterator(root, fs::directory_options::follow_directory_symlink);
       it != fs::recursive_directory_iterator(); ++it) {
    if (it.depth() > kMaxDepth) {
      throw fs::filesystem_error("folders nested too deep (a symlink loop?)", it->path(),
                                 std::make_error_code(std::errc::too_many_symbolic_link_levels));
    }
    const std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    const fs::path relative = it->path().lexically_relative(root);
    const fs::path to = m_new / relative;
    if (it->is_directory()) {
      fs::create_directory(to);
      folders.push_back(to);
      continue;
    }
    if (!it->is_regular_file()) continue;
    const std::uintmax_t size = it->file_size();
    if (const fs::path previous = m_folder / relative;
        have_previous && still_current(it->path(), size, previous)) {
      std::error_code ec;
      fs::create_hard_link(previous, to, ec);
      if (!ec) {
        ++stats.linked;
        continue;
      }
    }
    copy_durably(it->path(), to);
    ++stats.copied;
    stats.bytes_copied += size;
  }
  for (auto f = folders.rbegin(); f != folders.rend(); ++f) sync_folder(*f);

  if (check && !check(m_new)) {
    fs::remove_all(m_new);
    return std::nullopt;
  }

  if (!have_previous) {
    fs::rename(m_new, m_folder);
  } else if (::renameat2(AT_FDCWD, m_new.c_str(), AT_FDCWD, m_folder.c_str(), RENAME_EXCHANGE) ==
             0) {
    sync_folder(parent);
    fs::remove_all(m_new);  // now the previous copy
  } else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
    // No exchange on this file system: two renames; folder() finds the old copy in between.
    fs::rename(m_folder, m_old);
    fs::rename(m_new, m_folder);
    sync_folder(parent);
    fs::remove_all(m_old);
  } else {
    throw_errno("rename", m_new);
  }
  sync_folder(parent);
  return stats;
}

}  // namespace tinxa::content
