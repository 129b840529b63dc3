#include "content/media/ProbeCache.hpp"

#include "content/media/AudioProbe.hpp"
#include "content/media/MediaError.hpp"

#include <system_error>

namespace tinxa::content {

ProbeOutcome probe_outcome(const std::filesystem::path& path) {
  ProbeOutcome outcome;
  try {
    outcome.info = probe_audio(path);
  } catch (const MediaError& e) {
    // A decoding failure says where the audio breaks ("cannot decode audio after 3.2 s").
    outcome.error = e.what_failed().rfind("cannot decode", 0) == 0
                        ? e.what_failed() + ": " + e.reason()
                        : e.reason();
  }
  return outcome;
}

ProbeOutcome ProbeCache::probe(const std::filesystem::path& path) {
  // Read size and time before decoding: a file changed during the decode then differs next time.
  std::error_code size_ec;
  std::error_code time_ec;
  const auto size = std::filesystem::file_size(path, size_ec);
  const auto written = std::filesystem::last_write_time(path, time_ec);
  const bool known = !size_ec && !time_ec;
  if (known) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(path);
    if (it != m_entries.end() && it->second.size == size && it->second.written == written) {
      ++m_hits;
      return it->second.outcome;
    }
  }
  ProbeOutcome outcome = probe_outcome(path);
  const std::lock_guard lock(m_mutex);
  ++m_misses;
  if (known)
    m_entries.insert_or_assign(path, Entry{size, written, outcome});
  else
    m_entries.erase(path);
  return outcome;
}

void ProbeCache::retain_only(const std::set<std::filesystem::path>& seen) {
  const std::lock_guard lock(m_mutex);
  std::erase_if(m_entries, [&](const auto& entry) { return !seen.contains(entry.first); });
}

void ProbeCache::clear() {
  const std::lock_guard lock(m_mutex);
  m_entries.clear();
}

std::uint64_t ProbeCache::hits() const {
  const std::lock_guard lock(m_mutex);
  return m_hits;
}

std::uint64_t ProbeCache::misses() const {
  const std::lock_guard lock(m_mutex);
  return m_misses;
}

std::size_t ProbeCache::size() const {
  const std::lock_guard lock(m_mutex);
  return m_entries.size();
}

}  // namespace tinxa::content
