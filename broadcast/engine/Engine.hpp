#pragma once

// The broadcast engine: turns occurrences of the schedule into audio in each zone and into as-run
// records. It reads time only from a Clock and never sleeps: the caller (the simulation driver,
// later the real-time event loop) calls poll() when something is due or every few tens of
// milliseconds while anything plays, and feed() before the sinks render.
//
// What it does:
//  - Occurrences whose key is already in the as-run log are never played (no replay after a
//    restart); catch_up() logs as `missed` what was due while the daemon was down (from the
//    previous run's last-alive time, at most catch_up_horizon back, to now - grace) and is not in
//    the log, and plays at once what was due in [now - grace, now). poll() refreshes the run's
//    last-alive time in the as-run database every alive_period.
//  - Schedule rules at the actual start: a normal-class occurrence from the schedule whose start
//    in a zone (later than scheduled when it waited for the zone) or whose resume after a
//    preemption falls in the schedule's quiet hours does not play there, nor does one that would
//    start later than its slot's max_delay after its scheduled start; either is logged `skipped`
//    with the reason, and the zone goes on to what waits next. The wall clock of an instant is
//    the occurrence's `local` reading moved by the elapsed time (exact unless the clocks change
//    between the scheduled and the actual start). Operator plays (inject, live) are exempt.
//  - Quiet hours beginning while such a normal item holds a zone (EngineQuietHours.cpp): the
//    file sounding then plays to its end if at most EngineOptions::quiet_hours_finish of it is
//    left, and nothing of the item plays after it (no further announcement, no chime after);
//    with more left, or a relay with more left, it fades out on the frame quiet hours begin.
//    Either way its record ends `preempted` with the reason. An item whose last file is sounding
//    then, within the limit, simply plays to its end. Other classes are not touched.
//  - A due occurrence becomes a request to the ZoneArbiter; its decisions start, suspend, resume,
//    restart, queue or drop it per zone. A playlist plays chime_before, its announcements and
//    chime_after; an emergency with repeat N plays that N times.
//  - Each item is one PlaybackStream in the zone's mixer. Its start frame is computed from the
//    scheduled instant (sample-accurate), and the next item is posted to start at the frame the
//    current one ends (from the probed length), so there is no gap between items.
//  - A missing or undecodable file is logged as skipped_file with the reason, and the next item
//    starts where the skipped one would have. It is logged once, when its turn comes: a file
//    found unplayable while the item before it still sounds is logged when that item ends, and
//    not at all if the occurrence is cut off before (a resume meets it again and logs it then).
//  - Preemption is frame-exact: the holder of a zone fades out so that its last sample is just
//    before the frame the higher class starts on (the mixer is told that frame; audio already
//    decoded for the holder does not delay the switch). With EngineOptions::lead > 0 (the
//    real-time daemon: more than the sink latency plus the poll period) occurrences fire that
//    long before their start, so both the switch and the start land on the scheduled frame.
//  - Resume: a suspended playlist continues in the item that was cut off, from the frame where it
//    was cut minus EngineOptions::resume_preroll (the stream seeks); restart plays it again from
//    the first item; drop ends it.
//  - Live and relay: start_live() (the operator's microphone) and relay slots play a LiveSource
//    (opened through the LiveSourceFactory, see set_live_sources()) in their zones with the
//    same priority rules: live is usually `priority`, an emergency preempts it and it comes back
//    live (not from where it was: it is live) when the emergency ends. A relay, or a live with a
//    length, ends on the frame of start + length (from the scheduled start), also when it was
//    preempted meanwhile. A source that stays below silence_threshold_dbfs for
//    silence_fallback ends (outcome fell_back, with the reason) and the zone returns to what it
//    would otherwise play.
//  - As-run records: one per occurrence and zone it played in, appended (durably) when its first
//    sample is at the output, finished when it ends or is preempted; a resumed part is a new
//    record with the same key. Times come from the mixer's frame count through the sink's timing.
//    The mixer starts a stream only with its first block (Mixer.hpp), so `started` is the first
//    real sample: a stream whose audio is late starts late (and the items after it follow it),
//    never in silence on its frame. A relay or live with a length whose input gave no audio at
//    all before its end is logged device_failure ("the input gave no audio") on its end frame.
// Decoding has two modes (EngineOptions::decode_thread):
//  - Synchronous (false; the simulator and most tests): feed() decodes, resamples and measures
//    loudness on the caller's thread, so every block is ready before the caller renders and runs
//    are deterministic and as fast as the machine allows.
//  - Decode thread (true; the real-time daemon): the engine owns a DecodeWorker. The event loop
//    only opens each file's header (content::SoundFile::open: a missing or unreadable file is
//    logged skipped_file at once) and hands the opened stream to the worker, which measures its
//    loudness through `cache`, seeks, decodes and resamples, and gives played blocks back to the
//    pools (the worker is the only consumer of the mixers' spent rings). The loop never decodes.
//    Lengths for gapless starts and preemption come from the bundle's probe, not from decoding.
//    Gain of a file not yet in the cache: the worker measures it (on its measuring thread)
//    before queueing the stream's first block, so a stream always plays at its normalised gain
//    from its first sample; the stream has its lead (EngineOptions::lead, or the length of the
//    item before it) to get ready. A long unmeasured file delays its own first block by the
//    measurement (the other streams keep being refilled meanwhile), which is why the daemon
//    prefills the cache (LoudnessPrefill, audio_files()) on a thread of its own at start and after
//    each reload. A file that fails on the worker before any audio (it cannot be measured or
//    decoded) is logged skipped_file when its start comes, and the next item starts on that frame,
//    as in the synchronous mode.
// Threading: one thread (the event loop); not thread-safe (the decode thread only touches the
// streams and pools it is handed). Errors: as-run log writes throw content::SqliteError; the
// engine's state is then unspecified.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "broadcast/audio/DecodeWorker.hpp"
#include "broadcast/audio/LiveSource.hpp"
#include "broadcast/audio/LiveStream.hpp"
#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "broadcast/engine/PlayoutItem.hpp"
#include "broadcast/engine/SilenceDetector.hpp"
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
  // How far back catch_up() looks for missed items at most (and how far back the daemon expands
  // the schedule at start: ScheduleReloader::kBehind).
  std::chrono::hours catch_up_horizon{24 * 31};
  // poll() writes the run's last-alive time to the as-run database this often (after catch_up()).
  std::chrono::milliseconds alive_period{std::chrono::minutes{1}};
  std::size_t pool_blocks = 192;  // per zone
  std::size_t frames_per_block = 1024;
  std::size_t queue_target_blocks = 24;
  // Occurrences fire this long before their start (next_due() is start - lead). 0 for the
  // simulator; the real-time daemon sets more than its sinks' latency plus its poll period.
  std::chrono::milliseconds lead{0};
  // A resumed item starts this much before the frame where it was cut (never before its start).
  std::chrono::milliseconds resume_preroll{500};
  // Live and relay: a source below silence_threshold_dbfs (every channel, every frame) for this
  // long falls back. 0: never.
  std::chrono::milliseconds silence_fallback{std::chrono::seconds{30}};
  double silence_threshold_dbfs = -50.0;
  // Live: the first live sample plays this long after it goes on air (room for input jitter;
  // the real-time daemon sets a few tens of ms, the simulator 0).
  std::chrono::milliseconds live_delay{0};
  // Decode, resample and measure loudness on a DecodeWorker thread (the real-time daemon) rather
  // than in feed() (the simulator). See the header comment.
  bool decode_thread = false;
  // The decode thread tops up every stream this often (and at once when a stream is added):
  // a stream holds about 0.5 s, so 40 ms leaves a dozen periods of margin.
  std::chrono::milliseconds decode_period{40};
  // The converter for files not at sample_rate_hz (broadcast.yaml resample_quality).
  Resampler::Quality resample_quality = Resampler::kDefaultQuality;
  // Quiet hours beginning while a normal item plays: the file sounding then finishes if at most
  // this much of it is left; otherwise it fades out at once. See the header comment.
  std::chrono::milliseconds quiet_hours_finish{std::chrono::minutes{2}};
};

// The operator goes live (the `live` control command).
struct LiveRequest {
  std::string source;  // the input device name, opened through the LiveSourceFactory
  std::vector<std::string> zones;
  Priority priority = Priority::priority;  // an emergency preempts it; it preempts normal
  // Ends by itself this long after it starts; nullopt: when stop_live() is called.
  std::optional<std::chrono::milliseconds> length;
  // nullopt: EngineOptions::silence_fallback (0 there or here: never).
  std::optional<std::chrono::milliseconds> silence_fallback;
  std::string label;  // who or why, for the as-run log's detail; may be empty
};

// What holds a zone now (the daemon's `status`). See Engine::now_playing().
struct ZoneNowPlaying {
  RequestId request = 0;
  std::string occurrence_key;
  std::string slot_id;
  std::string title;       // the playlist's or announcement's title
  std::string item_title;  // the item sounding now (an announcement or the chime); may be empty
  Priority priority = Priority::normal;
  bool live = false;        // a live or relayed source
  std::size_t waiting = 0;  // requests suspended or queued in the zone
};

struct EngineStats {
  std::size_t already_logged = 0;     // occurrences not played because the log has their key
  std::size_t fired = 0;              // occurrences that became requests
  std::size_t missed = 0;             // logged as missed by catch_up()
  std::size_t caught_up = 0;          // late but within the grace: played at once
  std::size_t skipped_files = 0;      // items skipped for a missing or undecodable file
  std::size_t records = 0;            // as-run records appended
  std::size_t fell_back = 0;          // live or relay zones ended by the silence fallback
  std::size_t skipped_by_rule = 0;    // zones skipped for quiet hours or max_delay
  std::size_t quiet_hours_ended = 0;  // zones where the start of quiet hours ended an item
};

class Engine {
 public:
  // `clock`, `log`, `bundle` and `cache` (may be null: no normalisation) must outlive the engine.
  // One ZoneOutput per zone of `schedule`. With options.decode_thread the decode thread starts
  // here and from then on is the only user of `cache`. Throws as BlockPool(), std::system_error
  // if the decode thread cannot start.
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

  // After a (re)start: marks what a crash left `playing` as interrupted, records this run in the
  // as-run database (AsRunLog::start_run), logs as missed every scheduled occurrence due in
  // [max(previous run's last-alive, now - horizon), now - grace) that the log lacks (none on the
  // first start ever), and leaves those due in [now - grace, now) to play at the next poll().
  // Older pending occurrences are dropped. Returns how many were logged missed.
  std::size_t catch_up();

  // Plays `occurrence` now (operator `play`, `alert`; tests), whatever its start says. Nothing is
  // played if its key is already logged; returns false then.
  bool inject(Occurrence occurrence);

  // How live and relay sources are opened. Without one, live and relay are logged as
  // device_failure. The simulator gives generators; the daemon gives LiveInput (PortAudio).
  void set_live_sources(LiveSourceFactory factory) { m_live_sources = std::move(factory); }

  // Goes live now from `request.source` in its zones (unknown zones are left out). Returns the
  // id stop_live() takes. Throws std::invalid_argument if none of the zones exists, AudioError
  // if the source cannot be opened (logged as device_failure first).
  RequestId start_live(const LiveRequest& request);
  // Ends live `id` everywhere (fade out now; outcome played, or resumed); what it preempted comes
  // back. False if `id` is not a live that is still on air, suspended or waiting.
  bool stop_live(RequestId id);
  // The lives and relays still on air, suspended or waiting.
  [[nodiscard]] std::vector<RequestId> live_ids() const;

  // Handles what the mixers reported, then fires every occurrence due by now whose key is still
  // not in the as-run log (each fires at most once, whatever the clock does afterwards).
  void poll();

  // Reads the live sources into their streams; in the synchronous mode also decodes what every
  // file stream needs next and gives played blocks back to the pools (the decode thread does
  // both otherwise).
  void feed();

  // Decode thread: waits until it has topped up every stream handed to it so far, at most
  // `timeout` (tests render only after this, so the worker's output is deterministic). True at
  // once in the synchronous mode; false on timeout.
  [[nodiscard]] bool wait_decoded(std::chrono::milliseconds timeout);
  // The file stream sounding (or due to start) in `zone`; null if none. Tests and diagnostics:
  // what neither the output nor the as-run log shows (whether the loop opened a stream whose
  // measurement is held, where a resumed stream starts in its file).
  [[nodiscard]] std::shared_ptr<const PlaybackStream> current_stream(const std::string& zone) const;

  // When poll() has something to do next (minus EngineOptions::lead): the start of the next
  // occurrence not yet fired, or the start of quiet hours while a normal item plays.
  [[nodiscard]] std::optional<content::TimePoint> next_due() const;
  // True while anything plays, waits or is suspended.
  [[nodiscard]] bool busy() const noexcept { return !m_plays.empty(); }

  // Stops everything: records still playing are finished as interrupted at now.
  void shutdown();

  // Operator commands and the daemon's queries (EngineOperator.cpp; the daemon's additions).
  // What holds `zone` now; nullopt when nothing does or the zone is unknown.
  [[nodiscard]] std::optional<ZoneNowPlaying> now_playing(const std::string& zone) const;
  // The occurrence next_due() is about; null when nothing is pending.
  [[nodiscard]] const Occurrence* next_occurrence() const noexcept;
  // A schedule reload: replaces the occurrences not yet fired with `occurrences`, keeping of
  // those only what is still to fire (due after now, or already pending); logged keys are
  // dropped as by schedule(). Nothing fired before is fired again.
  void reschedule(std::vector<Occurrence> occurrences);
  // Ends what holds `zone` now with a short fade, finishing its record there with `outcome` and
  // `why` (operator stop: interrupted; a lost device: device_failure); what waited in the zone
  // plays next. False if nothing held it.
  bool end_in_zone(const std::string& zone, content::AsRunOutcome outcome, const std::string& why);
  // Skips the file sounding in `zone`: the holder's next item starts now (the last one ends the
  // occurrence there). False if nothing holds the zone or a live source does.
  bool skip(const std::string& zone);

  // A zone whose output device is gone (the daemon's DeviceOutputs; offline while it is lost).
  // Nothing starts in an offline zone: what would start there (a new occurrence, the next
  // waiting one, a resume) is logged device_failure with `why` and ends in that zone, and it is
  // kept for take_device_misses(). What already holds the zone is not touched (end_in_zone).
  void set_zone_offline(const std::string& zone, std::optional<std::string> why);
  [[nodiscard]] bool zone_offline(const std::string& zone) const {
    return m_offline.contains(zone);
  }
  struct DeviceMiss {
    Occurrence occurrence;    // its zones: the one zone it missed
    bool had_played = false;  // it had already sounded in the zone (a resume, a restart)
  };
  // The misses since the last call, oldest first.
  [[nodiscard]] std::vector<DeviceMiss> take_device_misses();
  // Plays a missed occurrence now although its key is logged (its device_failure record): the
  // daemon's late start when a device returns. The caller makes sure it plays once.
  RequestId play_late(Occurrence occurrence) { return fire(std::move(occurrence), Origin::late); }

  [[nodiscard]] const EngineStats& stats() const noexcept { return m_stats; }

 private:
  struct LiveSession {
    std::unique_ptr<LiveSource> source;
    SilenceDetector silence;
    std::optional<std::int64_t> end_frames;  // length at the output rate, if it ends by itself
    std::vector<float> scratch;              // one block of the source's frames
    std::string label;
  };
  // Why an occurrence fires: the schedule (on its frame; quiet hours and max_delay apply), a late
  // start of a scheduled one (now; quiet hours apply) or an operator's play (now; no rule).
  enum class Origin { schedule, late, now };
  struct Active {
    Occurrence occurrence;
    std::vector<PlayoutItem> items;
    std::string title;
    std::size_t zones_left = 0;
    std::shared_ptr<LiveSession> live;  // null for files
    Origin origin = Origin::now;
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
    std::int64_t item_start = -1;     // output frame of the current item's frame 0 (-1: unknown)
    std::int64_t current_offset = 0;  // where in its item the current stream began
    std::int64_t seek_frames = 0;     // where the next begin() starts in its item (resume)
    std::int64_t current_at = 0;      // output frame the current stream was posted to start at
    std::int64_t next_at = 0;         // output frame the next stream was posted to start at
    std::size_t continue_at = 0;      // when current ends with no next: at least this item
    // Live: this zone's stream, where it started and how many frames it was given.
    std::shared_ptr<LiveStream> live;
    std::int64_t live_start = 0;
    std::int64_t live_pushed = 0;
    std::optional<std::int64_t> live_end;  // output frame where it ends (length or fallback)
    bool fell_back = false;
    // Quiet hours: when it (re)started in the zone (the next start of quiet hours is looked up
    // from there); whether that start was dealt with; set: the file sounding is its last one,
    // and its record ends `preempted` with this reason.
    content::TimePoint began{};
    bool quiet_checked = false;
    std::optional<std::string> cut_why;
    // Items skipped on the way to `next` (or to the end when nothing follows): logged when their
    // turn comes, forgotten if the play is halted before.
    struct DeferredSkip {
      std::size_t item = 0;
      std::string reason;
      std::int64_t frame = 0;
    };
    std::vector<DeferredSkip> deferred_skips;
  };

  // Returns the request's id, or 0 if nothing plays (logged why).
  RequestId fire(Occurrence occurrence, Origin origin, std::shared_ptr<LiveSession> live = nullptr);
  // The schedule's rules for `play` starting (kind start) or coming back (resume, restart) at
  // output `frame`: if quiet hours or max_delay forbid it, logs it `skipped`, ends it in the
  // zone (what waits there plays next; `play` is gone) and returns true.
  bool skipped_by_rule(ZonePlay& play, std::int64_t frame, ZoneDecision::Kind kind);
  // Ends `request` everywhere now with `outcome` (operator stop, lost input); what it preempted
  // comes back.
  void end_request(RequestId request, content::AsRunOutcome outcome, const std::string& why);
  [[nodiscard]] std::int64_t frames_for(std::chrono::milliseconds d) const noexcept;
  std::shared_ptr<LiveSession> open_live(const Occurrence& occurrence,
                                         std::optional<std::chrono::milliseconds> silence,
                                         std::string label);
  void begin_live(ZonePlay& play, std::int64_t frame);
  struct Fallback {
    PlayKey key;
    std::int64_t frame;  // where the zone falls back
    std::string why;
  };
  // Reads the source and hands it to the request's zones; adds the zones that fell silent.
  void feed_live(RequestId request, LiveSession& session, std::vector<Fallback>& fallbacks);
  void handle_live(ZoneOutput& output, const MixerEvent& event);
  // Where `play` was when cut at `frame`: its item and the offset in it, for resume.
  void remember_position(ZonePlay& play, std::int64_t frame);
  void apply(const std::vector<ZoneDecision>& decisions, std::optional<std::int64_t> frame);
  void begin(ZonePlay& play, std::int64_t frame);
  // A stream for the first playable item from `index` on; logs skipped ones (or, with `defer`,
  // adds them there to log when their turn comes). nullptr if none. The first stream starts
  // `seek` frames into its item.
  std::shared_ptr<PlaybackStream> prepare(ZonePlay& play, std::size_t& index, std::int64_t frame,
                                          std::int64_t seek,
                                          std::vector<ZonePlay::DeferredSkip>* defer = nullptr);
  // Logs play.deferred_skips (their turn has come) and clears them.
  void log_deferred(ZonePlay& play);
  // Quiet hours (EngineQuietHours.cpp). The first start of quiet hours after `play` began, if
  // the rule applies to it and it was not dealt with yet.
  [[nodiscard]] std::optional<content::TimePoint> quiet_hours_start(const ZonePlay& play) const;
  // Deals with every play whose start of quiet hours is due by `now` (less the lead).
  void apply_quiet_hours(content::TimePoint now);
  void end_for_quiet_hours(const PlayKey& key, content::TimePoint start);
  // The last file of a play cut by quiet hours ended at `frame`: finishes its record, frees the
  // zone.
  void end_cut(const PlayKey& key, std::int64_t frame);
  void halt(ZonePlay& play, std::int64_t frame, const std::string& why,
            content::AsRunOutcome outcome);
  void finish_zone(const PlayKey& key, std::int64_t frame);
  void handle(ZoneOutput& output, const MixerEvent& event);
  // Decode thread: replaces streams that failed before any audio (and before their start) with
  // the next playable item on the same frame, logging them skipped_file.
  void skip_failed_streams();
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
  std::map<StreamId, std::pair<PlayKey, std::shared_ptr<LiveStream>>> m_live_streams;
  LiveSourceFactory m_live_sources;
  RequestId m_next_request = 1;
  StreamId m_next_stream = 1;
  EngineStats m_stats;
  std::map<std::string, std::string> m_offline;  // zone -> why its device is gone
  std::vector<DeviceMiss> m_device_misses;
  std::set<StreamId> m_skip_logged;  // decode thread: failed streams already logged skipped_file
  std::optional<content::TimePoint> m_alive_written;  // last mark_alive(); nullopt: no run
  // Decode thread mode only. Last: it is destroyed (joined) first, while the pools its streams
  // hold blocks of still exist.
  std::unique_ptr<DecodeWorker> m_worker;
};

// Every audio file `bundle` can play (announcements and playlist chimes), once each, for
// LoudnessPrefill.
[[nodiscard]] std::vector<std::filesystem::path> audio_files(const content::Bundle& bundle);

}  // namespace tinxa::broadcast
