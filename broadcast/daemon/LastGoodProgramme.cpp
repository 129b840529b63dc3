#include "broadcast/daemon/LastGoodProgramme.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <exception>
#include <system_error>
#include <utility>

namespace tinxa::broadcast {

namespace {

// Writes `text` to the new file `path` and makes it durable.
void write_durably(const std::filesystem::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + path.string());
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int saved = errno;
      ::close(fd);
      throw std::system_error(saved, std::generic_category(), "write " + path.string());
    }
    written += static_cast<std::size_t>(n);
  }
  const int synced = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  if (synced != 0)
    throw std::system_error(saved, std::generic_category(), "fsync " + path.string());
  const int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace

LastGoodProgramme::LastGoodProgramme(const std::filesystem::path& data_dir)
    : m_dir{data_dir / "broadcast"}, m_bundle{m_dir} {}

std::optional<ProgrammeFiles> LastGoodProgramme::files(const ProgrammeFiles& configured) const {
  const auto folder = m_bundle.folder();
  if (!folder) return std::nullopt;
  std::error_code ec;
  const auto schedule = *folder / kScheduleName;
  if (!std::filesystem::is_regular_file(schedule, ec)) return std::nullopt;
  return ProgrammeFiles{schedule, *folder, configured.schedule_folder};
}

std::string LastGoodProgramme::save(const ReloadCandidate::Origin& origin) {
  if (std::exchange(m_skip_next_save, false))
    return "chưa lưu bản tốt gần nhất: đài vẫn có thể đang phát từ bản đó, lần tải lại sau sẽ lưu "
           "/ last good copy not updated: the daemon may still be playing from it; the next "
           "reload saves";
  if (origin.schedule_text.empty() || origin.fingerprint == 0)
    return "không lưu bản tốt gần nhất (không đọc lại được) / last good copy not saved (the "
           "files could not be read again)";
  try {
    std::filesystem::create_directories(m_dir);
    const auto stats = m_bundle.save(origin.content_dir, [&](const std::filesystem::path& copy) {
      if (content_fingerprint(origin.content_dir) != origin.fingerprint) return false;
      write_durably(copy / kScheduleName, origin.schedule_text);
      return true;
    });
    if (!stats)
      return "nội dung đã đổi trong khi chép, chưa lưu bản tốt / the content changed while it "
             "was copied; the last good copy was not updated";
    return fmt::format(
        "đã lưu bản tốt gần nhất: chép {0} tệp, giữ {1} tệp / last good copy saved in {2}: {0} "
        "files copied, {1} kept",
        stats->copied, stats->linked, content::last_good_path(m_dir).string());
  } catch (const std::exception& e) {
    return fmt::format("không lưu được bản tốt gần nhất / last good copy not saved: {}", e.what());
  }
}

}  // namespace tinxa::broadcast
