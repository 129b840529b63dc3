#pragma once

// What the real-time daemon plays from, and its reload without a restart: the content bundle and
// the checked schedule, loaded at start and again on SIGHUP, on the `reload` command, and when
// schedule.yaml's modification time changes (the event loop asks changed() once a second).
//
// A reload loads the bundle and the schedule beside the running ones and checks them together
// (load_checked_schedule, as `tinxa check` does). Any error rejects it whole: the checker's
// file:line:column messages are returned and the old schedule keeps running. The one exception is
// a media problem (content::LoadResult::usable(): a missing, unreadable or undecodable recording):
// it is returned among the errors, yet the bundle is used, and the engine skips that item when it
// falls due (as-run outcome skipped_file, with the loader's reason). A valid one replaces
// the engine's pending occurrences (Engine::reschedule: nothing already fired or in the as-run
// log plays again) and is then the one in force. Zones are fixed at start (their devices are
// open): a reload that changes a zone's device, channels or gain applies everything else and
// warns that the zones change after a restart.
//
// Horizon: occurrences are expanded from kBehind back (for Engine::catch_up, which logs as missed
// those due while the daemon was down, at most EngineOptions::catch_up_horizon back) to kAhead
// ahead, and extended by extend() as time passes.
// Loading off the loop: load_candidate() (ReloadCandidate.hpp) runs on the reload worker
// (ReloadWorker, BackgroundReload) and apply() takes its result on the loop, which only moves the
// new model in and re-expands the horizon. reload() does both on the calling thread.
// Starting from the last good copy: adopt() with the copy's folder; last_good() names it until
// the first reload of the configured files is applied (`tinxa status`: content.source).
// Threading: the event loop's thread. The engine holds references to bundle() and schedule():
// this object must outlive it and never moves (a reload assigns into the same objects).

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "broadcast/daemon/ReloadCandidate.hpp"
#include "broadcast/engine/Engine.hpp"
#include "broadcast/schedule/Schedule.hpp"
#include "config/reader/Diagnostics.hpp"
#include "content/model/Bundle.hpp"
#include "content/time/TimeZone.hpp"

namespace tinxa::broadcast {

class ScheduleReloader {
 public:
  static constexpr std::chrono::hours kAhead{48};
  // The missed-while-down lookback's bound: an outage longer than this logs only its last 31 days.
  static constexpr std::chrono::hours kBehind{24 * 31};

  struct Outcome {
    bool applied = false;
    std::vector<std::string> errors;    // the checker's messages, one diagnostic per entry
                                        // (with only media problems, applied is still true)
    std::vector<std::string> warnings;  // e.g. zones that change only after a restart
    std::size_t slots = 0;              // slots of the schedule in force
    std::size_t pending = 0;            // occurrences now waiting in the engine
  };

  // `load` loads the bundle folder (content::load_bundle when empty): the daemon passes one that
  // uses its probe cache.
  ScheduleReloader(std::filesystem::path schedule_file, std::filesystem::path content_dir,
                   content::TimeZone zone, BundleLoad load = {});
  ScheduleReloader(const ScheduleReloader&) = delete;
  ScheduleReloader& operator=(const ScheduleReloader&) = delete;

  // The first load. False when the bundle or the schedule has errors other than media problems
  // (all in `diagnostics`, warnings and media problems too). Never throws except std::bad_alloc.
  bool load(config::Diagnostics& diagnostics);

  // The first load, done elsewhere: takes `candidate` if it is accepted (its diagnostics go to
  // `diagnostics` either way). `last_good`: the candidate was loaded from that last good copy.
  bool adopt(ReloadCandidate&& candidate, config::Diagnostics& diagnostics,
             std::optional<std::filesystem::path> last_good = std::nullopt);

  // Gives `engine` (built on bundle() and schedule()) every occurrence of [now - kBehind,
  // now + kAhead); the caller then runs Engine::catch_up().
  void start(Engine& engine, content::TimePoint now);

  // Extends the engine's occurrences to now + kAhead once less than kAhead / 2 is left.
  void extend(Engine& engine, content::TimePoint now);

  // True when schedule.yaml's modification time (or its presence) differs from the last load or
  // reload attempt. Never throws.
  [[nodiscard]] bool changed() const;

  // Records schedule.yaml's modification time as seen: a reload was requested, so changed() is
  // false until the file changes again. Never throws.
  void mark_seen();

  // Loads, checks and, if valid, applies the files as they are now. Never throws except
  // std::bad_alloc and what the engine throws (content::SqliteError).
  Outcome reload(Engine& engine, content::TimePoint now);

  // Applies a candidate loaded from files() (on the loop: cheap, no file I/O). Its errors
  // reject it whole; media problems alone do not. Throws what the engine throws.
  Outcome apply(ReloadCandidate candidate, Engine& engine, content::TimePoint now);

  // The configured files (what reloads read) and the bundle loader; copies may go to any thread.
  [[nodiscard]] ProgrammeFiles files() const;
  [[nodiscard]] const BundleLoad& bundle_load() const noexcept { return m_load; }
  // The last good copy in force when the daemon started on it; nullopt once a reload applied.
  [[nodiscard]] const std::optional<std::filesystem::path>& last_good() const noexcept {
    return m_last_good;
  }

  [[nodiscard]] const content::Bundle& bundle() const noexcept { return m_bundle; }
  [[nodiscard]] const Schedule& schedule() const noexcept { return m_schedule; }
  [[nodiscard]] const content::TimeZone& time_zone() const noexcept { return m_zone; }
  // Media problems (missing or broken recordings and images) in the bundle in force.
  [[nodiscard]] std::size_t media_problems() const noexcept { return m_media_problems; }
  [[nodiscard]] const std::filesystem::path& schedule_file() const noexcept {
    return m_schedule_file;
  }

 private:
  using FileTime = ReloadCandidate::FileTime;

  std::filesystem::path m_schedule_file;
  std::filesystem::path m_content_dir;
  content::TimeZone m_zone;
  BundleLoad m_load;
  std::optional<std::filesystem::path> m_last_good;
  content::Bundle m_bundle;
  Schedule m_schedule;
  FileTime m_seen;             // the modification time last loaded or rejected
  content::TimePoint m_until;  // occurrences are expanded up to here (exclusive)
  std::size_t m_media_problems = 0;
};

// Zone differences that need a restart: "zone ap-2: device, channels" lines; empty when none.
[[nodiscard]] std::vector<std::string> zone_changes(const Schedule& running,
                                                    const Schedule& loaded);

}  // namespace tinxa::broadcast
