#pragma once

// The as-run log: what the loudspeakers actually played, when, where and how it ended, to the
// millisecond. The broadcaster writes it; `tinxa log` and `tinxa report` read it, and the kiosk
// reads today's entries so a resident who missed an announcement can hear it again.
//
// Durability: every write is its own transaction on a Database opened with synchronous=FULL, so
// when a write returns the record is on disk; the broadcaster tells the operator only after that.
// Threading: one AsRunLog per connection; use it from one thread at a time. Errors: SqliteError.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/store/Database.hpp"
#include "content/time/Clock.hpp"

namespace tinxa::content {

// How an occurrence ended. Stored as the word in parentheses.
enum class AsRunOutcome {
  playing,         // (playing) started, not finished yet: a crash leaves this behind
  played,          // (played) played to its end
  preempted,       // (preempted) cut off by a higher priority; may be resumed by a later record
  resumed,         // (resumed) played to its end after a preemption
  interrupted,     // (interrupted) the daemon stopped while it played
  skipped_file,    // (skipped_file) a file was missing or could not be decoded
  device_failure,  // (device_failure) the output device failed
  missed,          // (missed) due while the daemon was down, past the catch-up grace
  fell_back,       // (fell_back) a live or relayed source stayed silent; the zone fell back
  skipped,         // (skipped) a schedule rule kept it from starting: quiet hours, max_delay
};

[[nodiscard]] std::string_view to_string(AsRunOutcome outcome) noexcept;
[[nodiscard]] std::optional<AsRunOutcome> parse_outcome(std::string_view word) noexcept;

struct AsRunRecord {
  std::int64_t id = 0;         // assigned by the log
  std::string occurrence_key;  // stable across restarts: the slot id and its local start
  std::string slot_id;
  std::string item_id;  // the playlist or announcement played
  std::string item_title;
  std::string category;  // the announcement's category, for the monthly report; may be empty
  std::string priority;  // "normal", "priority" or "emergency"
  std::vector<std::string> zones;
  TimePoint scheduled;
  std::optional<TimePoint> started;
  std::optional<TimePoint> ended;
  AsRunOutcome outcome = AsRunOutcome::playing;
  std::string detail;  // why it was skipped, what preempted it, ...
};

class AsRunLog {
 public:
  // Brings `database`'s schema up to date (see the migrations in AsRunLog.cpp). The database must
  // outlive the log and hold nothing else (its user_version belongs to this schema). A read-only
  // connection (Database::open_read_only) to a log at an older version is read as it is
  // (between(), contains()); its writer upgrades it.
  explicit AsRunLog(Database& database);

  // Writes a new record (any outcome) and returns its id. Durable on return.
  std::int64_t append(const AsRunRecord& record);

  // Sets how record `id` ended; a non-empty `detail` (why) is added after the detail written when
  // it started (e.g. a live source's label), joined by "; ". Durable on return. Throws
  // std::out_of_range for an unknown id.
  void finish(std::int64_t id, TimePoint ended, AsRunOutcome outcome, std::string_view detail = {});

  // True if any record has this occurrence key: it must not be played again after a restart.
  [[nodiscard]] bool contains(std::string_view occurrence_key);

  // Marks every record still `playing` as `interrupted` at `now`: called when the daemon starts,
  // for what a crash or power cut cut off. Returns how many were marked.
  std::int64_t close_interrupted(TimePoint now);

  // The daemon's runs, for what it missed while it was down. start_run() records a new run
  // starting at `now` and returns the previous run's last-alive time (nullopt on the very first
  // start: nothing can have been missed before the installation existed). A database from
  // before runs were recorded counts its latest as-run time as the previous run's last-alive.
  std::optional<TimePoint> start_run(TimePoint now);
  // Sets the current run's last-alive time to `now`. Does nothing before start_run(). Durable.
  void mark_alive(TimePoint now);

  // Records scheduled in [from, to), in scheduled order (then by id).
  [[nodiscard]] std::vector<AsRunRecord> between(TimePoint from, TimePoint to);

 private:
  Database& m_database;
  std::int64_t m_run = 0;  // this connection's run (start_run), 0: none
};

}  // namespace tinxa::content
