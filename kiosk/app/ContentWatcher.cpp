#include "kiosk/app/ContentWatcher.hpp"

#include "config/reader/DiagnosticFormat.hpp"
#include "content/loader/BundleLoader.hpp"

#include <algorithm>
#include <string>
#include <system_error>
#include <vector>

namespace tinxa::kiosk::app {
namespace {

// FNV-1a, 64 bit: fast, and a change in any byte changes the value.
void mix(std::uint64_t& hash, const void* data, std::size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= bytes[i];
    hash *= 1099511628211ULL;
  }
}

}  // namespace

std::uint64_t folder_fingerprint(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path real = fs::canonical(root, ec);
  if (ec || !fs::is_directory(real, ec)) return 0;
  struct Entry {
    std::string path;
    std::uintmax_t size;
    long long mtime;
  };
  std::vector<Entry> entries;
  for (fs::recursive_directory_iterator it(real, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec)) continue;
    const auto size = it->file_size(entry_ec);
    const auto time = it->last_write_time(entry_ec);
    entries.push_back({it->path().lexically_relative(real).generic_string(), entry_ec ? 0 : size,
                       static_cast<long long>(time.time_since_epoch().count())});
  }
  if (ec) return 0;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.path < b.path; });
  std::uint64_t hash = 14695981039346656037ULL;
  const std::string real_text = real.string();
  mix(hash, real_text.data(), real_text.size());
  for (const Entry& e : entries) {
    mix(hash, e.path.data(), e.path.size() + 1);
    mix(hash, &e.size, sizeof e.size);
    mix(hash, &e.mtime, sizeof e.mtime);
  }
  return hash == 0 ? 1 : hash;
}

ContentWatcher::ContentWatcher(std::filesystem::path root, std::uint64_t loaded,
                               std::chrono::milliseconds interval,
                               std::shared_ptr<content::ProbeCache> probes)
    : m_root(std::move(root)),
      m_interval(interval),
      m_loaded(loaded),
      m_probes(probes ? std::move(probes) : std::make_shared<content::ProbeCache>()) {}

std::optional<ContentWatcher::Attempt> ContentWatcher::poll(content::TimePoint now) {
  if (!m_forced && m_last_look && now - *m_last_look < m_interval) return std::nullopt;
  m_last_look = now;
  const std::uint64_t seen = folder_fingerprint(m_root);
  const bool forced = m_forced;
  m_forced = false;
  if (!forced) {
    if (seen == 0 || seen == m_loaded || seen == m_failed || seen == m_offered) {
      m_pending = 0;
      return std::nullopt;
    }
    if (seen != m_pending) {
      m_pending = seen;  // look again next time: it may still be being copied
      return std::nullopt;
    }
  }
  m_pending = 0;
  Attempt attempt{now, seen,
                  std::make_shared<content::LoadResult>(
                      content::load_bundle(m_root, content::LoadOptions{m_probes.get()})),
                  nullptr};
  // The folder may have changed while it was read: if so, what was read is not what `seen` says.
  if (folder_fingerprint(m_root) != seen) {
    if (!forced) return std::nullopt;
    attempt.fingerprint = 0;
  }
  // A usable bundle may name missing or broken media: the screens leave those out, and the admin
  // panel lists them with the other messages.
  if (attempt.result->usable()) {
    std::vector<std::string> page_ids;
    for (const auto& page : attempt.result->bundle.pages) page_ids.push_back(page.id);
    attempt.standards =
        std::make_shared<content::StandardsLoadResult>(content::load_standards(m_root, page_ids));
    attempt.standards->diagnostics.sort();
    m_offered = attempt.fingerprint;
  } else {
    m_failed = seen;
  }
  return attempt;
}

bool take_standards(content::StandardsLoadResult* loaded, std::vector<content::Standard>& current,
                    std::vector<std::string>& messages) {
  if (loaded == nullptr) return false;
  if (loaded->ok()) {
    current = std::move(loaded->standards);
    return true;
  }
  for (const auto& d : loaded->diagnostics.items()) {
    std::string line = config::format_diagnostic(d);
    while (!line.empty() && line.back() == '\n') line.pop_back();
    messages.push_back(std::move(line));
  }
  messages.push_back(
      "Chuẩn nghèo mới có lỗi, giữ bộ chuẩn cũ cho phần tự kiểm tra (tinxa check) / the new "
      "poverty standards have errors; the self-check keeps the last good ones (tinxa check)");
  return false;
}

}  // namespace tinxa::kiosk::app
