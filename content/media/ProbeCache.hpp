#pragma once

// Remembers what probe_audio() found for each audio file, so a program that reloads its content
// bundle (the daemon on a schedule edit, the kiosk on a content change) decodes only the files
// that changed since the last load instead of every recording again.

#include "content/media/AudioInfo.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace tinxa::content {

// What probing one audio file gave: the decoded facts, or why the file cannot be used.
struct ProbeOutcome {
  std::optional<AudioInfo> info;  // set when the file is usable audio
  // Empty when `info` is set; otherwise the reason as the loader shows it after "cannot read the
  // audio file: ", e.g. "Format not recognised." or, for a decoding failure, where the audio
  // breaks: "cannot decode audio after 3.200 s: ...".
  std::string error;

  friend bool operator==(const ProbeOutcome&, const ProbeOutcome&) = default;
};

// probe_audio(`path`), with a MediaError turned into ProbeOutcome::error. Never throws MediaError
// (std::bad_alloc only). Any thread; blocks while the whole file is decoded.
[[nodiscard]] ProbeOutcome probe_outcome(const std::filesystem::path& path);

// A cache of probe outcomes keyed by the file's path (as the loader resolved it: the real path
// inside the bundle), its size and its last write time. A file whose size or last write time
// changed since it was probed is probed again; so is a file whose size or time cannot be read.
// Unusable files are cached too (their error message), so a broken recording is not decoded on
// every reload either, and gives the same message each time.
//
// Use: create one per program (or per watched bundle) and pass it to every load through
// content::LoadOptions (content/loader/BundleLoader.hpp); the loader calls probe() and, after a
// usable load, retain_only() with the files that load used, so entries of removed or renamed
// files do not pile up. Nothing else needs to be called.
//
// Threads: every member may be called from any thread at the same time; two loads on two
// threads may share one cache. The lock is not held while a file is decoded, so two threads
// missing the same file at once may both decode it (the last one stored wins; both outcomes are
// the same). Ownership: the caller owns the cache and keeps it alive during every load that was
// given it; the cache holds only copies (no files stay open). Not copyable or movable (it holds
// a mutex): share it by pointer or std::shared_ptr.
class ProbeCache {
 public:
  ProbeCache() = default;
  ProbeCache(const ProbeCache&) = delete;
  ProbeCache& operator=(const ProbeCache&) = delete;

  // The outcome for `path`: the cached one when the file's size and last write time are those
  // seen when it was probed (a hit), otherwise probe_outcome(path), stored (a miss). Never throws
  // MediaError.
  [[nodiscard]] ProbeOutcome probe(const std::filesystem::path& path);

  // Forgets every entry whose path is not in `seen`.
  void retain_only(const std::set<std::filesystem::path>& seen);

  // Forgets everything; the counters stay.
  void clear();

  // How many probe() calls were answered from the cache, how many decoded the file, and how many
  // entries are held now. For tests, logs and benchmarks.
  [[nodiscard]] std::uint64_t hits() const;
  [[nodiscard]] std::uint64_t misses() const;
  [[nodiscard]] std::size_t size() const;

 private:
  struct Entry {
    std::uintmax_t size = 0;
    std::filesystem::file_time_type written{};
    ProbeOutcome outcome;
  };

  mutable std::mutex m_mutex;
  std::map<std::filesystem::path, Entry> m_entries;
  std::uint64_t m_hits = 0;
  std::uint64_t m_misses = 0;
};

}  // namespace tinxa::content
