#pragma once

// One load of the content bundle and the schedule, checked together (load_checked_schedule, as
// `tinxa check` does): made on any thread (the reload worker, or the daemon's main thread at
// start), then applied on the event loop by ScheduleReloader, which does nothing slow.
//
// The schedule is parsed from the bytes read once (schedule_text), so what is checked is exactly
// what LastGoodProgramme keeps. Relative off_air paths are resolved against
// ProgrammeFiles::schedule_folder, so a schedule loaded from the last good copy records where
// the configured one does.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "broadcast/schedule/Schedule.hpp"
#include "config/reader/Diagnostics.hpp"
#include "content/loader/LoadResult.hpp"
#include "content/model/Bundle.hpp"

namespace tinxa::broadcast {

// Where a programme is read from.
struct ProgrammeFiles {
  std::filesystem::path schedule_file;
  std::filesystem::path content_dir;
  std::filesystem::path schedule_folder;  // relative off_air paths start here
};

// Loads a bundle folder. The daemon's passes its probe cache; tests may gate it.
using BundleLoad = std::function<content::LoadResult(const std::filesystem::path& root)>;

struct ReloadCandidate {
  using FileTime = std::optional<std::filesystem::file_time_type>;

  content::Bundle bundle;
  std::optional<Schedule> schedule;  // set when accepted: no errors but media problems
  config::Diagnostics diagnostics;   // the bundle's (sorted), then the schedule's (sorted)
  std::size_t media_problems = 0;
  FileTime schedule_time;  // schedule.yaml's modification time, taken before it was read

  // What LastGoodProgramme needs to keep it: the bytes checked and the bundle folder as it was.
  struct Origin {
    std::filesystem::path content_dir;
    std::uint64_t fingerprint = 0;  // content_fingerprint() before the bundle was loaded
    std::string schedule_text;
  } origin;

  [[nodiscard]] bool accepted() const noexcept { return schedule.has_value(); }
};

// Loads and checks `files` with `load` (content::load_bundle when empty). Any thread; blocking
// file I/O and decoding. Never throws except std::bad_alloc.
[[nodiscard]] ReloadCandidate load_candidate(const ProgrammeFiles& files, const BundleLoad& load);

// A cheap summary of a folder (each file's path, size and modification time, names starting
// with '.' left out): it changes when a file is added, removed or rewritten. 0 when unreadable.
[[nodiscard]] std::uint64_t content_fingerprint(const std::filesystem::path& root);

[[nodiscard]] ReloadCandidate::FileTime modification_time(const std::filesystem::path& file);

}  // namespace tinxa::broadcast
