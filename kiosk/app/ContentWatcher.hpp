#pragma once

#include "content/eligibility/StandardReader.hpp"
#include "content/loader/LoadResult.hpp"
#include "content/media/ProbeCache.hpp"
#include "content/time/Clock.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::kiosk::app {

// A cheap summary of a content folder: the folder's real path (a symlink switched to a new
// version counts) and every file's relative path, size and modification time, hashed. Two
// different values mean something changed. 0 when the folder cannot be read.
[[nodiscard]] std::uint64_t folder_fingerprint(const std::filesystem::path& root);

// Notices a new or changed content bundle and loads it beside the one shown. poll() looks at the
// folder at most once per `interval`; a change is loaded once the folder has looked the same
// twice in a row (a copy in progress is not loaded half-way), and a folder that failed to load
// (not LoadResult::usable()) is not loaded again until it changes again. A bundle whose only
// errors are media problems (a missing or broken recording or image) is usable and offered. Every
// load goes through one content::ProbeCache, so a recording unchanged since the last load is not
// decoded again. Pure apart from reading files: times come from the caller, so tests drive it with
// a virtual clock. One thread at a time.
class ContentWatcher {
 public:
  // `loaded`: the fingerprint of what is shown now (folder_fingerprint() when it was loaded).
  // `probes`: the cache to load with, shared with whoever else loads the same folder (the start
  // load); a new one when null.
  ContentWatcher(std::filesystem::path root, std::uint64_t loaded,
                 std::chrono::milliseconds interval = std::chrono::seconds{1},
                 std::shared_ptr<content::ProbeCache> probes = nullptr);

  struct Attempt {
    content::TimePoint at{};
    std::uint64_t fingerprint = 0;
    std::shared_ptr<content::LoadResult> result;  // usable() or not
    // The bundle's poverty standards (standards/*.yaml, checked against its pages), read with it
    // when the bundle is usable (media problems only, if any); null otherwise. ok() or not: see
    // take_standards().
    std::shared_ptr<content::StandardsLoadResult> standards;
  };
  // Returns a load attempt when one was made.
  [[nodiscard]] std::optional<Attempt> poll(content::TimePoint now);
  // The next poll() loads the folder whatever its fingerprint (the admin panel's Reload).
  void force() noexcept { m_forced = true; }
  // The attempt was used (its bundle is shown now).
  void accepted(std::uint64_t fingerprint) noexcept { m_loaded = fingerprint; }

  [[nodiscard]] const std::filesystem::path& root() const noexcept { return m_root; }
  // The cache every load of this watcher uses; never null. Thread-safe itself (ProbeCache.hpp).
  [[nodiscard]] const std::shared_ptr<content::ProbeCache>& probes() const noexcept {
    return m_probes;
  }

 private:
  std::filesystem::path m_root;
  std::chrono::milliseconds m_interval;
  std::uint64_t m_loaded;
  std::uint64_t m_pending = 0;  // a change seen once, waiting to look the same again
  std::uint64_t m_failed = 0;   // the last fingerprint that failed to load
  std::uint64_t m_offered = 0;  // the last fingerprint loaded well, until accepted() says so
  std::optional<content::TimePoint> m_last_look;
  bool m_forced = false;
  std::shared_ptr<content::ProbeCache> m_probes;
};

// What the swap does with the standards that came with a new bundle: when `loaded` is ok, they
// replace `current` (an empty set: the new bundle has no self-check) and the result is true.
// When it has errors, `current` keeps the last good set, and `messages` gets each problem at
// file:line:column and then a bilingual line saying the old standards stay (for the admin panel
// and the log); the result is false. Null `loaded` changes nothing and returns false.
bool take_standards(content::StandardsLoadResult* loaded, std::vector<content::Standard>& current,
                    std::vector<std::string>& messages);

}  // namespace tinxa::kiosk::app
