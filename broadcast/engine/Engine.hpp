#pragma once

// The broadcast engine: turns occurrences of the schedule into audio in each zone and into as-run
// records. It reads time only from a Clock and never sleeps: the caller (the simulation driver,
// later the real-time event loop) calls poll() when something is due or every few tens of
// milliseconds while anything plays, and feed() before the sinks render.
//
// What it does:
//  - Occurrences whose key is already in the as-run log are never played (no replay after a
//    restart); catch_up() logs as `missed` what was due in [now - 24 h, now - grace) and is not in
//    the log, and plays at once what was due in [now - grace, now).
//  - A due occurrence becomes a request to the ZoneArbiter; its decisions start, suspend, resume,
//    restart, queue or drop it per zone. A playlist plays chime_before, its announcements and
//    chime_after; an emergency with repeat N plays that N times.
//  - Each item is one PlaybackStream in the zone's mixer. Its start frame is computed from the
//    scheduled instant (sample-accurate), and the next item is posted to start at the frame the
//    current one ends (from the probed length), so there is no gap between items.
//  - A missing or undecodable file is logged as skipped_file with the reason, and the next item
//    starts where the skipped one would have.
//  - Resume granularity: a suspended playlist resumes at the start of the item that was cut off
//    (streams cannot seek yet).
//  - As-run records: one per occurrence and zone it played in, appended (durably) when its first
//    sample is at the output, finished when it ends or is preempted; a resumed part is a new
//    record with the same key. Times come from the mixer's frame count through the sink's timing.
// Decoding: feed() decodes synchronously on the caller's thread (the simulation needs every block
// ready before it renders, as fast as it can); the real-time mode will hand streams to a
// DecodeWorker instead. Threading: one thread (the event loop); not thread-safe. Errors: as-run
// log writes throw content::SqliteError; the engine's state is then unspecified.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "broadcast/engine/PlayoutItem.hpp"
#include "broadcast/engine/ZoneArbiter.hpp"
#include "broadcast/engine/ZoneOutput.hpp"
#include "broadcast/schedule/Occurrence.hpp"
#include "content/model/Bundle.hpp"
#include "content/store/AsRunLog.hpp"
#include "content/time/Clock.hpp"

namespace tinxa::broadcast {

struct EngineOptions {
  int sample_rate_hz = 48000;
  std::optional<double> target_lufs = -16.0;  // nullopt: play files as they are
  std::chrono::milliseconds catch_up_grace{std::chrono::minutes{10}};
  std::chrono::hours catch_up_horizon{24};  // how far back catch_up() looks for missed items
  std::size_t pool_blocks = 192;            // per zone
  std::size_t frames_per_block = 1024;
  std::size_t queue_target_blocks = 24;
};

struct EngineStats {
  std::size_t already_logged = 0;  // occurrences not played because the log has their key
  std::size_t fired = 0;           // occurrences that became requests
  std::size_t missed = 0;          // logged as missed by catch_up()
  std::size_t caught_up = 0;       // late but within the grace: played at once
  std::size_t skipped_files = 0;   // items skipped for a missing or undecodable file
  std::size_t records = 0;         // as-run records appended
};

class Engine {
 public:
  // `clock`, `log`, `bundle` and `cache` (may be null: no normalisation) must outlive the engine.
  // One ZoneOutput per zone of `schedule`. Throws as BlockPool().
  Engine(const content::Clock& clock, content::AsRunLog& log, const Schedule& schedule,
         const content::Bundle& bundle, EngineOptions options, LoudnessCache* cache = nullptr);
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  ~Engine();

  // The zone's output; nullptr for an unknown zone id.
  [[nodiscard]] ZoneOutput* output(const std::string& zone) noexcept;
  [[nodiscard]] const std::vector<std::unique_ptr<ZoneOutput>>& outputs() const noexcept {
    return m_outputs;
  }

  // Adds occurrences to fire when due (any order; merged by start). Those already in the log are
  // dropped here and counted in stats().already_logged.
  void schedule(std::vector<Occurrence> occurrences);

  // After a (re)start: marks what a crash left `playing` as interrupted, logs as missed every
  // scheduled occurrence due in [now - horizon, now - grace) that the log lacks, and leaves those
  // due in [now - grace, now) to play at the next poll(). Returns how many were logged missed.
  std::size_t catch_up();

  // Plays `occurrence` now (operator `play`, `alert`; tests), whatever its start says. Nothing is
  // played if its key is already logged; returns false then.
  bool inject(Occurrence occurrence);

  // Handles what the mixers reported, then fires every occurrence due by now whose key is still
  // not in the as-run log (each fires at most once, whatever the clock does afterwards).
  void poll();

  // Decodes what every live stream needs next and gives played blocks back to the pools.
  void feed();

  // The start of the next occurrence not yet fired.
  [[nodiscard]] std::optional<content::TimePoint> next_due() const;
  // True while anything plays, waits or is suspended.
  [[nodiscard]] bool busy() const noexcept { return !m_plays.empty(); }

  // Stops everything: records still playing are finished as interrupted at now.
  void shutdown();

  [[nodiscard]] const EngineStats& stats() const noexcept { return m_stats; }

 private:
  struct Active {
    Occurrence occurrence;
    std::vector<PlayoutItem> items;
    std::string title;
    std::size_t zones_left = 0;
  };
  using PlayKey = std::pair<RequestId, std::string>;
  struct ZonePlay {
    RequestId request = 0;
    std::string zone;
    std::size_t item = 0;
    std::shared_ptr<PlaybackStream> current;
    std::shared_ptr<PlaybackStream> next;
    std::size_t next_item = 0;
    std::int64_t record = 0;  // 0: no record open
    bool resumed = false;     // the next record is a resumed part
    bool restarted = false;
    std::string preempted_by;
  };

  void fire(Occurrence occurrence, bool at_once);
  void apply(const std::vector<ZoneDecision>& decisions, std::optional<std::int64_t> frame);
  void begin(ZonePlay& play, std::int64_t frame);
  // A stream for the first playable item from `index` on; logs skipped ones. nullptr if none.
  std::shared_ptr<PlaybackStream> prepare(ZonePlay& play, std::size_t& index, std::int64_t frame);
  void halt(ZonePlay& play, std::int64_t frame, const std::string& why,
            content::AsRunOutcome outcome);
  void finish_zone(const PlayKey& key, std::int64_t frame);
  void handle(ZoneOutput& output, const MixerEvent& event);
  void release(StreamId stream);
  void append_record(ZonePlay& play, std::int64_t frame);
  void log_skip(const Active& active, const std::string& zone, const PlayoutItem& item,
                const std::string& reason, content::TimePoint at);

  [[nodiscard]] const ZoneOutput* find_output(const std::string& zone) const noexcept;
  [[nodiscard]] content::TimePoint time_of(const std::string& zone, std::int64_t frame) const;
  [[nodiscard]] std::int64_t frame_of(const std::string& zone, content::TimePoint t) const;
  [[nodiscard]] std::int64_t now_frame(const std::string& zone) const;
  [[nodiscard]] content::AsRunRecord base_record(const Active& active) const;

  const content::Clock& m_clock;
  content::AsRunLog& m_log;
  const Schedule& m_schedule;
  const content::Bundle& m_bundle;
  EngineOptions m_options;
  LoudnessCache* m_cache;
  std::vector<std::unique_ptr<ZoneOutput>> m_outputs;
  ZoneArbiter m_arbiter;
  std::vector<Occurrence> m_pending;  // sorted by start, latest first (pop_back fires)
  std::map<RequestId, Active> m_active;
  std::map<PlayKey, ZonePlay> m_plays;
  std::map<StreamId, std::pair<PlayKey, std::shared_ptr<PlaybackStream>>> m_streams;
  RequestId m_next_request = 1;
  StreamId m_next_stream = 1;
  EngineStats m_stats;
};

}  // namespace tinxa::broadcast
