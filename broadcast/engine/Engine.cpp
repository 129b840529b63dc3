#include "broadcast/engine/Engine.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <stdexcept>
#include <utility>

#include "broadcast/audio/AudioError.hpp"
#include "broadcast/engine/DurationText.hpp"
#include "broadcast/rt/MixerCommand.hpp"
#include "content/media/SoundFile.hpp"

#include <fmt/format.h>

namespace tinxa::broadcast {

namespace {

std::string reason_of(const PlaybackStream& stream) {
  try {
    if (const auto error = stream.error()) std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
  }
  return "không giải mã được / could not be decoded: " + stream.path().string();
}

// A stream that failed on the decode thread before it queued any audio: nothing of it plays.
bool failed_silent(const PlaybackStream& stream) {
  return stream.state() == PlaybackStream::State::failed && !stream.queued_audio();
}

float linear_gain(double gain_db) { return static_cast<float>(std::pow(10.0, gain_db / 20.0)); }

// The class at which the measuring thread measures the file of a stream of `priority` when the
// loudness cache does not know it: an emergency's fresh recording goes first.
MeasureThread::Priority measure_priority(Priority priority) noexcept {
  switch (priority) {
    case Priority::emergency:
      return MeasureThread::Priority::emergency;
    case Priority::priority:
      return MeasureThread::Priority::priority;
    case Priority::normal:
      break;
  }
  return MeasureThread::Priority::normal;
}

bool later_first(const Occurrence& a, const Occurrence& b) {
  if (a.start != b.start) return a.start > b.start;
  return a.priority < b.priority;  // the highest class fires first among equal starts
}

}  // namespace

Engine::Engine(const content::Clock& clock, content::AsRunLog& log, const Schedule& schedule,
               const content::Bundle& bundle, EngineOptions options, LoudnessCache* cache)
    : m_clock{clock},
      m_log{log},
      m_schedule{schedule},
      m_bundle{bundle},
      m_options{options},
      m_cache{cache} {
  for (const auto& zone : schedule.zones)
    m_outputs.push_back(std::make_unique<ZoneOutput>(
        zone, options.sample_rate_hz, options.pool_blocks, options.frames_per_block));
  if (options.decode_thread) {
    m_worker = std::make_unique<DecodeWorker>(
        cache, DecodeWorker::Options{options.queue_target_blocks, options.decode_period});
    for (auto& o : m_outputs) m_worker->attach(o->pool(), o->mixer().spent());
  }
}

Engine::~Engine() {
  // Streams must go before the pools they hold blocks of; the mixers hold no stream once the
  // sinks stop, which the owner guarantees by destroying sinks first or detaching them.
  for (auto& [id, entry] : m_streams) entry.second->cancel();
  m_plays.clear();
  m_active.clear();
  m_streams.clear();
  m_live_streams.clear();
}

std::int64_t Engine::frames_for(std::chrono::milliseconds d) const noexcept {
  return d.count() * m_options.sample_rate_hz / 1000;
}

ZoneOutput* Engine::output(const std::string& zone) noexcept {
  for (auto& o : m_outputs)
    if (o->zone().id == zone) return o.get();
  return nullptr;
}

const ZoneOutput* Engine::find_output(const std::string& zone) const noexcept {
  for (const auto& o : m_outputs)
    if (o->zone().id == zone) return o.get();
  return nullptr;
}

void Engine::schedule(std::vector<Occurrence> occurrences) {
  for (auto& o : occurrences) {
    if (m_log.contains(o.key)) {
      ++m_stats.already_logged;
      continue;
    }
    m_pending.push_back(std::move(o));
  }
  std::sort(m_pending.begin(), m_pending.end(), later_first);
}

std::size_t Engine::catch_up() {
  const auto now = m_clock.now();
  m_log.close_interrupted(now);
  const auto last_alive = m_log.start_run(now);
  m_alive_written = now;
  // What was due while the daemon was down; on the first start ever it was not down, it was not
  // installed.
  const std::optional<content::TimePoint> oldest =
      last_alive ? std::optional{std::max(*last_alive, now - m_options.catch_up_horizon)}
                 : std::nullopt;
  const auto grace = now - m_options.catch_up_grace;
  std::size_t missed = 0;
  std::erase_if(m_pending, [&](const Occurrence& o) {
    if (o.start >= grace) return false;
    if (oldest && o.start >= *oldest) {
      Active active{o, {}, play_title(o.play, m_bundle), 0, nullptr};
      auto record = base_record(active);
      record.outcome = content::AsRunOutcome::missed;
      record.detail = "đài không chạy / the daemon was not running";
      m_log.append(record);
      ++m_stats.records;
      ++missed;
    }
    return true;
  });
  for (const auto& o : m_pending)
    if (o.start < now) ++m_stats.caught_up;
  m_stats.missed += missed;
  return missed;
}

bool Engine::inject(Occurrence occurrence) {
  if (m_log.contains(occurrence.key)) {
    ++m_stats.already_logged;
    return false;
  }
  fire(std::move(occurrence), Origin::now);
  return true;
}

std::optional<content::TimePoint> Engine::next_due() const {
  std::optional<content::TimePoint> due;
  if (!m_pending.empty()) due = m_pending.back().start - m_options.lead;
  for (const auto& [key, play] : m_plays)
    if (const auto quiet = quiet_hours_start(play);
        quiet && (!due || *quiet - m_options.lead < *due))
      due = *quiet - m_options.lead;
  return due;
}

void Engine::poll() {
  MixerEvent event;
  for (auto& output : m_outputs)
    while (output->mixer().next_event(event)) handle(*output, event);
  if (m_worker) skip_failed_streams();
  const auto now = m_clock.now();
  while (!m_pending.empty() && m_pending.back().start - m_options.lead <= now) {
    Occurrence o = std::move(m_pending.back());
    m_pending.pop_back();
    if (m_log.contains(o.key)) {  // logged since it was scheduled (an operator play, a reload)
      ++m_stats.already_logged;
      continue;
    }
    fire(std::move(o), Origin::schedule);
  }
  apply_quiet_hours(now);
  if (m_alive_written &&
      (now - *m_alive_written >= m_options.alive_period || now < *m_alive_written)) {
    m_log.mark_alive(now);
    m_alive_written = now;
  }
  std::vector<std::pair<RequestId, std::string>> lost;
  for (auto& [id, active] : m_active)
    if (active.live)
      if (auto fault = active.live->source->poll_fault()) lost.emplace_back(id, std::move(*fault));
  for (const auto& [id, fault] : lost)
    end_request(id, content::AsRunOutcome::device_failure,
                "mất nguồn trực tiếp / the live input was lost: " + fault);
}

void Engine::feed() {
  if (!m_worker)
    for (auto& [id, entry] : m_streams)
      entry.second->top_up(m_cache, m_options.queue_target_blocks);
  std::vector<Fallback> fallbacks;
  for (auto& [id, active] : m_active)
    if (active.live) feed_live(id, *active.live, fallbacks);
  for (const auto& [key, at, why] : fallbacks) {
    // The zone goes back to what it would otherwise play on the fallback frame; the live
    // stream's fade ends there (its stopped event only releases it).
    auto it = m_plays.find(key);
    if (it == m_plays.end()) continue;
    ZonePlay& play = it->second;
    if (play.record != 0) {
      m_log.finish(play.record, time_of(play.zone, at), content::AsRunOutcome::fell_back, why);
      play.record = 0;
    }
    ++m_stats.fell_back;
    play.live.reset();
    finish_zone(key, at);
  }
  if (!m_worker)
    for (auto& output : m_outputs) output->pool().reclaim(output->mixer().spent());
}

bool Engine::wait_decoded(std::chrono::milliseconds timeout) {
  return !m_worker || m_worker->settle(timeout);
}

std::shared_ptr<const PlaybackStream> Engine::current_stream(const std::string& zone) const {
  for (const auto& [key, play] : m_plays)
    if (key.second == zone && play.current && m_arbiter.holder(zone) == key.first)
      return play.current;
  return nullptr;
}

content::AsRunRecord Engine::base_record(const Active& active) const {
  const auto& o = active.occurrence;
  content::AsRunRecord r;
  r.occurrence_key = o.key;
  r.slot_id = o.slot_id;
  r.item_id = o.play.kind == PlayKind::relay ? o.play.input : o.play.id;
  r.item_title = active.title;
  if (o.play.kind == PlayKind::announcement)
    if (const auto* a = m_bundle.find_announcement(o.play.id)) r.category = a->category;
  r.priority = std::string{to_string(o.priority)};
  r.zones = o.zones;
  r.scheduled = o.start;
  return r;
}

RequestId Engine::fire(Occurrence occurrence, Origin origin, std::shared_ptr<LiveSession> live) {
  ++m_stats.fired;
  const RequestId id = m_next_request++;
  const bool at_once = origin != Origin::schedule;
  Active active{occurrence,
                playout_items(occurrence.play, m_bundle, occurrence.repeat),
                play_title(occurrence.play, m_bundle),
                0,
                std::move(live),
                origin};
  std::erase_if(active.occurrence.zones,
                [&](const std::string& z) { return output(z) == nullptr; });
  const bool relay = occurrence.play.kind == PlayKind::relay;
  std::string live_failure;
  if (relay && !active.live && !active.occurrence.zones.empty()) {
    try {
      active.live = open_live(active.occurrence, occurrence.play.silence_fallback, {});
    } catch (const std::exception& e) {
      live_failure = e.what();
    }
  }
  if ((relay ? !active.live : active.items.empty()) || active.occurrence.zones.empty()) {
    auto record = base_record(active);
    record.started = record.ended = m_clock.now();
    if (relay && !active.occurrence.zones.empty()) {
      record.outcome = content::AsRunOutcome::device_failure;
      record.detail = "không mở được nguồn tiếp sóng / cannot open the input: " + live_failure;
    } else {
      record.outcome = content::AsRunOutcome::skipped_file;
      record.detail = active.occurrence.zones.empty()
                          ? "không có vùng nào / none of its zones exists"
                          : "gói nội dung không có / the bundle has no " + occurrence.play.id;
    }
    m_log.append(record);
    ++m_stats.records;
    return 0;
  }
  PlayRequest request{id, occurrence.priority, occurrence.on_preempt, active.occurrence.zones};
  for (const auto& z : request.zones) {
    ZonePlay play;
    play.request = id;
    play.zone = z;
    m_plays.emplace(PlayKey{id, z}, std::move(play));
  }
  active.zones_left = request.zones.size();
  m_active.emplace(id, std::move(active));
  const auto decisions = m_arbiter.add(request);
  if (at_once) {
    apply(decisions, std::nullopt);
  } else {
    // Each zone switches at the frame of the scheduled instant (already rendered: at once): the
    // holder fades out to end there and this starts there.
    for (const auto& d : decisions) apply({d}, frame_of(d.zone, occurrence.start));
  }
  return id;
}

void Engine::apply(const std::vector<ZoneDecision>& decisions, std::optional<std::int64_t> frame) {
  for (const auto& d : decisions) {
    auto it = m_plays.find({d.request, d.zone});
    if (it == m_plays.end()) continue;
    ZonePlay& play = it->second;
    const std::int64_t at = frame.value_or(now_frame(d.zone));
    if ((d.kind == ZoneDecision::Kind::start || d.kind == ZoneDecision::Kind::resume ||
         d.kind == ZoneDecision::Kind::restart) &&
        skipped_by_rule(play, at, d.kind))
      continue;
    if (d.kind != ZoneDecision::Kind::queue && d.kind != ZoneDecision::Kind::suspend &&
        d.kind != ZoneDecision::Kind::drop) {
      play.began = time_of(d.zone, std::max(at, now_frame(d.zone)));
      play.quiet_checked = false;
      play.cut_why.reset();
    }
    switch (d.kind) {
      case ZoneDecision::Kind::start:
        play.item = 0;
        play.seek_frames = 0;
        begin(play, at);
        break;
      case ZoneDecision::Kind::resume:
        play.resumed = true;
        begin(play, at);
        break;
      case ZoneDecision::Kind::restart:
        play.item = 0;
        play.seek_frames = 0;
        play.restarted = true;
        begin(play, at);
        break;
      case ZoneDecision::Kind::suspend:
      case ZoneDecision::Kind::drop: {
        std::string by;
        if (const auto holder = m_arbiter.holder(d.zone))
          if (const auto a = m_active.find(*holder); a != m_active.end())
            by = a->second.occurrence.slot_id;
        const bool drop = d.kind == ZoneDecision::Kind::drop;
        if (!drop) remember_position(play, std::max(at, now_frame(d.zone)));
        halt(play, at, (drop ? "bị dừng bởi / dropped for " : "bị ngắt bởi / interrupted by ") + by,
             content::AsRunOutcome::preempted);
        if (drop) finish_zone(it->first, at);
        break;
      }
      case ZoneDecision::Kind::queue:
        break;
    }
  }
}

bool Engine::skipped_by_rule(ZonePlay& play, std::int64_t frame, ZoneDecision::Kind kind) {
  const Active& active = m_active.at(play.request);
  if (active.origin == Origin::now) return false;
  const Occurrence& o = active.occurrence;
  const auto at = time_of(play.zone, std::max(frame, now_frame(play.zone)));
  const auto late = std::chrono::duration_cast<std::chrono::seconds>(at - o.start);
  std::string why;
  if (o.priority == Priority::normal && m_schedule.quiet_hours) {
    const auto day = std::chrono::seconds{std::chrono::hours{24}}.count();
    const auto wall =
        std::chrono::seconds{((o.local.time_of_day.count() + late.count()) % day + day) % day};
    const QuietHours& quiet = *m_schedule.quiet_hours;
    if (quiet.contains(wall)) {
      const auto hhmm = [](const config::TimeOfDay& t) {
        return fmt::format("{:02}:{:02}", t.hour, t.minute);
      };
      const auto clock = fmt::format("{:02}:{:02}:{:02}", wall.count() / 3600,
                                     wall.count() / 60 % 60, wall.count() % 60);
      const bool starting = kind == ZoneDecision::Kind::start;
      why = fmt::format("{} lúc {}, trong giờ yên lặng {}–{} / {} at {}, inside quiet hours {}–{}",
                        starting ? "không phát: đến lượt" : "không phát tiếp: đến lượt", clock,
                        hhmm(quiet.from), hhmm(quiet.until),
                        starting ? "not started: its turn came" : "not resumed: its turn came",
                        clock, hhmm(quiet.from), hhmm(quiet.until));
    }
  }
  if (why.empty() && kind == ZoneDecision::Kind::start && active.origin == Origin::schedule &&
      o.max_delay && at - o.start > *o.max_delay) {
    const auto late_text =
        duration_text(std::chrono::duration_cast<std::chrono::milliseconds>(at - o.start));
    const auto limit_text = duration_text(*o.max_delay);
    why = fmt::format(
        "không phát: sẽ bắt đầu trễ {}, quá max_delay {} / not started: it would start {} late, "
        "beyond max_delay {}",
        late_text, limit_text, late_text, limit_text);
  }
  if (why.empty()) return false;
  auto record = base_record(active);
  record.zones = {play.zone};
  record.started = record.ended = at;
  record.outcome = content::AsRunOutcome::skipped;
  record.detail = why;
  m_log.append(record);
  ++m_stats.records;
  ++m_stats.skipped_by_rule;
  finish_zone({play.request, play.zone}, frame);
  return true;
}

std::shared_ptr<PlaybackStream> Engine::prepare(ZonePlay& play, std::size_t& index,
                                                std::int64_t frame, std::int64_t seek,
                                                std::vector<ZonePlay::DeferredSkip>* defer) {
  const Active& active = m_active.at(play.request);
  ZoneOutput& out = *output(play.zone);
  const auto skip_item = [&](const std::string& reason) {
    if (defer)
      defer->push_back({index, reason, frame});
    else
      log_skip(active, play.zone, active.items[index], reason, time_of(play.zone, frame));
  };
  for (const std::size_t first = index; index < active.items.size(); ++index) {
    const PlayoutItem& item = active.items[index];
    if (!item.unavailable.empty()) {  // missing or broken when the bundle was loaded
      skip_item(item.unavailable);
      continue;
    }
    auto stream = std::make_shared<PlaybackStream>(
        m_next_stream++, item.path, out.pool(), out.format(), m_options.target_lufs,
        out.zone().gain_db, index == first ? seek : 0, m_options.resample_quality);
    if (m_worker) {
      // Only the header is read here; the decode thread does the rest.
      try {
        stream->adopt(content::SoundFile::open(item.path));
      } catch (const std::exception& e) {
        skip_item(e.what());
        continue;
      }
      m_streams.emplace(stream->id(), std::pair{PlayKey{play.request, play.zone}, stream});
      m_worker->add(stream, measure_priority(active.occurrence.priority));
      return stream;
    }
    stream->top_up(m_cache, m_options.queue_target_blocks);
    if (stream->state() == PlaybackStream::State::failed) {
      skip_item(reason_of(*stream));
      continue;
    }
    m_streams.emplace(stream->id(), std::pair{PlayKey{play.request, play.zone}, stream});
    return stream;
  }
  return nullptr;
}

void Engine::begin(ZonePlay& play, std::int64_t frame) {
  if (const auto gone = m_offline.find(play.zone); gone != m_offline.end()) {
    const Active& active = m_active.at(play.request);
    auto record = base_record(active);
    record.zones = {play.zone};
    record.started = record.ended = m_clock.now();
    record.outcome = content::AsRunOutcome::device_failure;
    record.detail =
        "thiết bị ra của vùng không có / the zone's output device is gone: " + gone->second;
    m_log.append(record);
    ++m_stats.records;
    DeviceMiss miss{active.occurrence, play.resumed || play.restarted};
    miss.occurrence.zones = {play.zone};
    m_device_misses.push_back(std::move(miss));
    finish_zone({play.request, play.zone}, frame);
    return;
  }
  if (m_active.at(play.request).live) {
    begin_live(play, frame);
    return;
  }
  ZoneOutput& out = *output(play.zone);
  std::size_t index = play.item;
  auto stream = prepare(play, index, frame, play.seek_frames);
  play.seek_frames = 0;
  if (!stream) {
    finish_zone({play.request, play.zone}, frame);
    return;
  }
  play.item = index;
  play.current = stream;
  play.current_at = frame;
  play.continue_at = 0;
  play.current_offset = stream->start_frame();
  play.item_start = -1;
  play.next.reset();
  if (!out.mixer().post(MixerCommand::start(stream->id(), &stream->queue(), frame, 1.0F,
                                            ramp_frames(m_options.sample_rate_hz))))
    release(stream->id());
}

void Engine::halt(ZonePlay& play, std::int64_t frame, const std::string& why,
                  content::AsRunOutcome outcome) {
  ZoneOutput& out = *output(play.zone);
  frame = std::max(frame, now_frame(play.zone));
  const auto ramp = ramp_frames(m_options.sample_rate_hz);
  for (auto* s : {&play.current, &play.next}) {
    if (*s) {
      (void)out.mixer().post(MixerCommand::stop_at((*s)->id(), frame, ramp));
      (*s)->cancel();
      s->reset();
    }
  }
  if (play.live) {
    (void)out.mixer().post(MixerCommand::stop_at(play.live->id(), frame, ramp));
    play.live.reset();
  }
  if (play.record != 0) {
    m_log.finish(play.record, time_of(play.zone, frame), outcome, why);
    play.record = 0;
  }
  play.preempted_by = why;
  play.deferred_skips.clear();  // their turn did not come
}

void Engine::log_deferred(ZonePlay& play) {
  const Active& active = m_active.at(play.request);
  for (const auto& skip : play.deferred_skips)
    log_skip(active, play.zone, active.items[skip.item], skip.reason,
             time_of(play.zone, skip.frame));
  play.deferred_skips.clear();
}

void Engine::finish_zone(const PlayKey& key, std::int64_t frame) {
  auto it = m_plays.find(key);
  if (it == m_plays.end()) return;
  ZonePlay& play = it->second;
  if (play.record != 0) {
    m_log.finish(play.record, time_of(play.zone, frame),
                 play.resumed ? content::AsRunOutcome::resumed : content::AsRunOutcome::played);
    play.record = 0;
  }
  const RequestId request = play.request;
  const std::string zone = play.zone;
  m_plays.erase(it);
  if (auto a = m_active.find(request); a != m_active.end() && --a->second.zones_left == 0)
    m_active.erase(a);
  apply(m_arbiter.finished(request, zone), frame);
}

void Engine::append_record(ZonePlay& play, std::int64_t frame) {
  const Active& active = m_active.at(play.request);
  auto record = base_record(active);
  record.zones = {play.zone};
  record.started = time_of(play.zone, frame);
  record.outcome = content::AsRunOutcome::playing;
  if (play.restarted) record.detail = "phát lại từ đầu / restarted";
  if (play.resumed) record.detail = "tiếp tục / resumed";
  if (active.live && !active.live->label.empty())
    record.detail += (record.detail.empty() ? "" : "; ") + active.live->label;
  play.record = m_log.append(record);
  ++m_stats.records;
}

void Engine::log_skip(const Active& active, const std::string& zone, const PlayoutItem& item,
                      const std::string& reason, content::TimePoint at) {
  auto record = base_record(active);
  record.zones = {zone};
  record.item_id = item.id;
  record.item_title = item.title;
  record.category = item.category;
  record.started = record.ended = at;
  record.outcome = content::AsRunOutcome::skipped_file;
  record.detail = reason;
  m_log.append(record);
  ++m_stats.records;
  ++m_stats.skipped_files;
}

void Engine::handle(ZoneOutput& output, const MixerEvent& event) {
  if (m_live_streams.contains(event.stream)) {
    handle_live(output, event);
    return;
  }
  const auto found = m_streams.find(event.stream);
  if (found == m_streams.end()) return;
  const PlayKey key = found->second.first;
  auto it = m_plays.find(key);
  if (it == m_plays.end()) {
    if (event.releases_stream()) release(event.stream);
    return;
  }
  ZonePlay& play = it->second;
  const Active& active = m_active.at(play.request);
  const int rate = output.format().sample_rate_hz;
  switch (event.kind) {
    case MixerEvent::Kind::started: {
      if (play.next && play.next->id() == event.stream) {
        log_deferred(play);
        play.current = std::move(play.next);
        play.item = play.next_item;
        play.current_offset = 0;
      }
      if (!play.current || play.current->id() != event.stream) return;
      play.item_start = event.frame - play.current_offset;
      play.continue_at = 0;
      if (m_worker && play.current->state() == PlaybackStream::State::failed &&
          !play.current->queued_audio()) {
        // It failed on the decode thread before any audio: its end mark (the block the mixer
        // waited for) ends it on this same frame, where the next item starts (the ended event).
        log_skip(active, play.zone, active.items[play.item], reason_of(*play.current),
                 time_of(play.zone, event.frame));
        m_skip_logged.insert(event.stream);
        return;
      }
      if (play.record == 0) append_record(play, event.frame);
      // Queue the next item to start exactly where this one ends (none after a quiet hours cut).
      const std::int64_t length = active.items[play.item].frames_at(rate);
      if (length > 0 && !play.next && !play.cut_why) {
        std::size_t index = play.item + 1;
        const std::int64_t at = std::max(play.item_start + length, event.frame);
        if (auto next = prepare(play, index, at, 0, &play.deferred_skips)) {
          play.next = next;
          play.next_item = index;
          play.next_at = at;
          if (!output.mixer().post(MixerCommand::start(next->id(), &next->queue(), at, 1.0F, 0)))
            play.next.reset();
        } else {
          play.continue_at = index;  // nothing playable is left after this item
        }
      }
      return;
    }
    case MixerEvent::Kind::underrun:
      return;
    case MixerEvent::Kind::ended:
    case MixerEvent::Kind::stopped:
    case MixerEvent::Kind::rejected: {
      const bool was_current = play.current && play.current->id() == event.stream;
      if (event.kind == MixerEvent::Kind::rejected && play.next && play.next->id() == event.stream)
        play.next.reset();
      if (m_skip_logged.erase(event.stream) == 0 && m_worker && was_current &&
          event.kind == MixerEvent::Kind::ended &&
          play.current->state() == PlaybackStream::State::failed && !play.current->queued_audio())
        log_skip(active, play.zone, active.items[play.item], reason_of(*play.current),
                 time_of(play.zone, event.frame));
      release(event.stream);
      if (!was_current || event.kind == MixerEvent::Kind::stopped) return;
      play.current.reset();
      if (play.next) return;  // it starts at its frame; its started event takes over
      if (play.cut_why) {
        end_cut(key, event.frame);
        return;
      }
      log_deferred(play);
      std::size_t index = std::max(play.item + 1, play.continue_at);
      if (index < active.items.size()) {
        play.item = index;
        begin(play, event.frame);
      } else {
        finish_zone(key, event.frame);
      }
      return;
    }
  }
}

void Engine::set_zone_offline(const std::string& zone, std::optional<std::string> why) {
  if (why)
    m_offline[zone] = std::move(*why);
  else
    m_offline.erase(zone);
}

std::vector<Engine::DeviceMiss> Engine::take_device_misses() {
  return std::exchange(m_device_misses, {});
}

void Engine::skip_failed_streams() {
  std::vector<PlayKey> keys;
  for (const auto& [key, play] : m_plays)
    if ((play.next && failed_silent(*play.next)) ||
        (play.current && play.item_start < 0 && failed_silent(*play.current)))
      keys.push_back(key);
  for (const auto& key : keys) {
    auto it = m_plays.find(key);
    if (it == m_plays.end()) continue;
    ZonePlay& play = it->second;
    const Active& active = m_active.at(play.request);
    ZoneOutput& out = *output(play.zone);
    if (play.next && failed_silent(*play.next)) {
      const auto failed = std::move(play.next);
      play.next.reset();
      (void)out.mixer().post(MixerCommand::stop(failed->id(), 0));
      failed->cancel();
      play.deferred_skips.push_back({play.next_item, reason_of(*failed), play.next_at});
      std::size_t index = play.next_item + 1;
      if (play.cut_why) {
        // Quiet hours: it was the last file; logged when the current one ends (end_cut).
      } else if (auto next = prepare(play, index, play.next_at, 0, &play.deferred_skips)) {
        play.next = next;
        play.next_item = index;
        if (!out.mixer().post(
                MixerCommand::start(next->id(), &next->queue(), play.next_at, 1.0F, 0)))
          play.next.reset();
      } else {
        play.continue_at = index;  // nothing playable is left after the current item
      }
    }
    if (play.current && play.item_start < 0 && failed_silent(*play.current)) {
      const auto failed = std::move(play.current);
      play.current.reset();
      (void)out.mixer().post(MixerCommand::stop(failed->id(), 0));
      failed->cancel();
      log_skip(active, play.zone, active.items[play.item], reason_of(*failed),
               time_of(play.zone, play.current_at));
      if (play.cut_why)
        end_cut(key, play.current_at);
      else if (++play.item < active.items.size())
        begin(play, play.current_at);
      else
        finish_zone(key, play.current_at);
    }
  }
}

void Engine::release(StreamId stream) {
  m_skip_logged.erase(stream);
  if (const auto it = m_streams.find(stream); it != m_streams.end()) {
    it->second.second->cancel();  // the decode thread lets go of it at its next turn
    m_streams.erase(it);
  }
}

void Engine::shutdown() {
  const auto now = m_clock.now();
  if (m_alive_written) {
    m_log.mark_alive(now);
    m_alive_written = now;
  }
  for (auto& [key, play] : m_plays) {
    for (auto* s : {&play.current, &play.next})
      if (*s) {
        (void)output(play.zone)->mixer().post(MixerCommand::stop((*s)->id(), 0));
        (*s)->cancel();
      }
    if (play.live) (void)output(play.zone)->mixer().post(MixerCommand::stop(play.live->id(), 0));
    if (play.record != 0) {
      m_log.finish(play.record, now, content::AsRunOutcome::interrupted,
                   "đài dừng / the daemon stopped");
      play.record = 0;
    }
  }
  m_pending.clear();
}

content::TimePoint Engine::time_of(const std::string& zone, std::int64_t frame) const {
  const ZoneOutput* out = find_output(zone);
  const DacTiming t = out ? out->timing() : DacTiming{};
  if (!t.known()) return m_clock.now();
  const auto offset =
      std::chrono::duration<double>(static_cast<double>(frame - t.frame) / t.sample_rate_hz);
  return t.dac_time + std::chrono::round<content::TimePoint::duration>(offset);
}

std::int64_t Engine::frame_of(const std::string& zone, content::TimePoint instant) const {
  const ZoneOutput* out = find_output(zone);
  const DacTiming t = out ? out->timing() : DacTiming{};
  if (!t.known()) return 0;
  return t.frame_at(instant);
}

std::int64_t Engine::now_frame(const std::string& zone) const {
  const ZoneOutput* out = find_output(zone);
  return out ? out->mixer().frames_rendered() : 0;
}

std::shared_ptr<Engine::LiveSession> Engine::open_live(
    const Occurrence& occurrence, std::optional<std::chrono::milliseconds> silence,
    std::string label) {
  if (!m_live_sources)
    throw AudioError("không có nguồn trực tiếp nào được cấu hình / no live source is configured",
                     0);
  auto session = std::make_shared<LiveSession>();
  session->source = m_live_sources(occurrence.play.input, m_options.sample_rate_hz);
  if (!session->source)
    throw AudioError("không mở được / cannot open '" + occurrence.play.input + "'", 0);
  session->silence = SilenceDetector{m_options.silence_threshold_dbfs,
                                     frames_for(silence.value_or(m_options.silence_fallback))};
  if (occurrence.play.length.count() > 0) session->end_frames = frames_for(occurrence.play.length);
  session->scratch.resize(m_options.frames_per_block *
                          std::max<std::size_t>(session->source->channels(), 1));
  session->label = std::move(label);
  return session;
}

RequestId Engine::start_live(const LiveRequest& request) {
  Occurrence o;
  o.start = m_clock.now();
  o.slot_id = "live";
  o.key = "live@" +
          std::to_string(
              std::chrono::duration_cast<std::chrono::milliseconds>(o.start.time_since_epoch())
                  .count()) +
          "#" + std::to_string(m_next_request);
  o.priority = request.priority;
  o.on_preempt = OnPreempt::resume;
  o.play.kind = PlayKind::relay;
  o.play.input = request.source;
  o.play.length = request.length.value_or(std::chrono::milliseconds{0});
  o.zones = request.zones;
  std::erase_if(o.zones, [&](const std::string& z) { return output(z) == nullptr; });
  if (o.zones.empty())
    throw std::invalid_argument(
        "không có vùng nào trong số đã chọn / none of the chosen zones exists");
  std::shared_ptr<LiveSession> session;
  try {
    session = open_live(o, request.silence_fallback, request.label);
  } catch (const std::exception& e) {
    Active failed{o, {}, play_title(o.play, m_bundle), 0, nullptr};
    auto record = base_record(failed);
    record.started = record.ended = o.start;
    record.outcome = content::AsRunOutcome::device_failure;
    record.detail =
        "không mở được nguồn trực tiếp / cannot open the live input: " + std::string{e.what()};
    m_log.append(record);
    ++m_stats.records;
    throw;
  }
  return fire(std::move(o), Origin::now, std::move(session));
}

bool Engine::stop_live(RequestId id) {
  const auto it = m_active.find(id);
  if (it == m_active.end() || !it->second.live) return false;
  end_request(id, content::AsRunOutcome::played,
              "người điều hành kết thúc / ended by the operator");
  return true;
}

std::vector<RequestId> Engine::live_ids() const {
  std::vector<RequestId> out;
  for (const auto& [id, active] : m_active)
    if (active.live) out.push_back(id);
  return out;
}

void Engine::end_request(RequestId request, content::AsRunOutcome outcome, const std::string& why) {
  for (auto it = m_plays.lower_bound({request, std::string{}});
       it != m_plays.end() && it->first.first == request;) {
    ZonePlay& play = it->second;
    if (play.record != 0) {
      const auto ended = outcome == content::AsRunOutcome::played && play.resumed
                             ? content::AsRunOutcome::resumed
                             : outcome;
      m_log.finish(play.record, time_of(play.zone, now_frame(play.zone)), ended, why);
      play.record = 0;
    }
    halt(play, now_frame(play.zone), why, outcome);
    it = m_plays.erase(it);
  }
  m_active.erase(request);
  apply(m_arbiter.cancel(request), std::nullopt);
}

void Engine::begin_live(ZonePlay& play, std::int64_t frame) {
  ZoneOutput& out = *output(play.zone);
  Active& active = m_active.at(play.request);
  LiveSession& session = *active.live;
  const std::int64_t start =
      std::max(frame, now_frame(play.zone) + frames_for(m_options.live_delay));
  // A relay ends on the frame of its scheduled start + length, whatever happened meanwhile.
  if (session.end_frames && !play.live_end) play.live_end = frame + *session.end_frames;
  if (play.live_end && *play.live_end <= start) {
    finish_zone({play.request, play.zone}, start);
    return;
  }
  bool on_air = false;
  for (auto it = m_plays.lower_bound({play.request, std::string{}});
       it != m_plays.end() && it->first.first == play.request; ++it)
    on_air = on_air || it->second.live != nullptr;
  if (!on_air) {  // going on air (again): no stale audio, a fresh silence count
    session.source->discard();
    session.silence.reset();
  }
  auto stream =
      std::make_shared<LiveStream>(m_next_stream++, out.pool(), linear_gain(out.zone().gain_db));
  m_live_streams.emplace(stream->id(), std::pair{PlayKey{play.request, play.zone}, stream});
  play.live = stream;
  play.live_start = start;
  play.live_pushed = 0;
  const auto ramp = ramp_frames(m_options.sample_rate_hz);
  if (!out.mixer().post(MixerCommand::start(stream->id(), &stream->queue(), start, 1.0F, ramp))) {
    m_live_streams.erase(stream->id());
    play.live.reset();
    finish_zone({play.request, play.zone}, start);
    return;
  }
  if (play.live_end)
    (void)out.mixer().post(MixerCommand::stop_at(stream->id(), *play.live_end, ramp));
}

void Engine::feed_live(RequestId request, LiveSession& session, std::vector<Fallback>& fallbacks) {
  std::vector<ZonePlay*> zones;
  for (auto it = m_plays.lower_bound({request, std::string{}});
       it != m_plays.end() && it->first.first == request; ++it)
    if (it->second.live && !it->second.fell_back) zones.push_back(&it->second);
  if (zones.empty()) {
    session.source->discard();
    return;
  }
  const std::size_t channels = std::max<std::size_t>(session.source->channels(), 1);
  const auto ramp = ramp_frames(m_options.sample_rate_hz);
  // Live audio is read no further ahead than two blocks past the output (a generator could be
  // read any distance ahead; a real input cannot), so a fallback is decided when it is due.
  const auto ahead = static_cast<std::int64_t>(2 * m_options.frames_per_block);
  for (;;) {
    std::size_t queued = 0;
    bool far_enough = false;
    for (const ZonePlay* z : zones) {
      queued = std::max(queued, z->live->queued_blocks());
      far_enough = far_enough || z->live_start + z->live_pushed >= now_frame(z->zone) + ahead;
    }
    if (far_enough || queued >= std::min(m_options.queue_target_blocks, BlockQueue::capacity() - 1))
      return;
    const std::size_t frames = session.source->read(session.scratch);
    if (frames == 0) return;
    const auto chunk = std::span<const float>{session.scratch}.first(frames * channels);
    const auto tripped = session.silence.feed(chunk, channels);
    for (ZonePlay* z : zones) {
      (void)z->live->push(chunk, channels);
      if (tripped) {
        const std::int64_t at =
            z->live_start + z->live_pushed + static_cast<std::int64_t>(*tripped);
        if (!z->live_end || at < *z->live_end) {
          z->live_end = at;
          z->fell_back = true;
          (void)output(z->zone)->mixer().post(MixerCommand::stop_at(z->live->id(), at, ramp));
          const auto seconds = std::to_string(session.silence.silent_frames() /
                                              std::max(m_options.sample_rate_hz, 1));
          fallbacks.push_back({PlayKey{request, z->zone}, at,
                               "nguồn im lặng " + seconds +
                                   " giây, trở về chương trình / the source "
                                   "was silent for " +
                                   seconds + " s, fell back"});
        }
      }
      z->live_pushed += static_cast<std::int64_t>(frames);
    }
    if (tripped) return;
  }
}

void Engine::handle_live(ZoneOutput& /*output*/, const MixerEvent& event) {
  const auto found = m_live_streams.find(event.stream);
  const PlayKey key = found->second.first;
  auto it = m_plays.find(key);
  const bool mine = it != m_plays.end() && it->second.live && it->second.live->id() == event.stream;
  if (!mine) {
    if (event.releases_stream()) m_live_streams.erase(found);
    return;
  }
  ZonePlay& play = it->second;
  switch (event.kind) {
    case MixerEvent::Kind::started:
      play.live_start = event.frame;
      if (play.record == 0) append_record(play, event.frame);
      return;
    case MixerEvent::Kind::underrun:
      return;
    case MixerEvent::Kind::ended:
    case MixerEvent::Kind::stopped:
    case MixerEvent::Kind::rejected: {
      play.live.reset();
      m_live_streams.erase(found);
      if (event.kind != MixerEvent::Kind::rejected && play.record == 0 && !play.resumed &&
          !play.restarted) {
        // It ended (a relay's end) before its input gave any audio: a stream starts only with
        // its first sample, so nothing sounded in the zone.
        auto record = base_record(m_active.at(play.request));
        record.zones = {play.zone};
        record.started = record.ended = time_of(play.zone, event.frame);
        record.outcome = content::AsRunOutcome::device_failure;
        record.detail = "nguồn không có âm thanh / the input gave no audio";
        m_log.append(record);
        ++m_stats.records;
      }
      finish_zone(key, event.frame);
      return;
    }
  }
}

void Engine::remember_position(ZonePlay& play, std::int64_t frame) {
  const Active& active = m_active.at(play.request);
  if (active.live) return;
  std::int64_t offset = play.current_offset;  // not started yet: where it was to start
  if (play.current && play.item_start >= 0) offset = frame - play.item_start;
  std::size_t item = play.item;
  while (item + 1 < active.items.size()) {
    const std::int64_t length = active.items[item].frames_at(m_options.sample_rate_hz);
    if (length <= 0 || offset < length) break;
    offset -= length;
    ++item;
  }
  play.item = item;
  play.seek_frames = std::max<std::int64_t>(0, offset - frames_for(m_options.resume_preroll));
}

std::vector<std::filesystem::path> audio_files(const content::Bundle& bundle) {
  std::vector<std::filesystem::path> files;
  const auto add = [&](const std::filesystem::path& path) {
    if (!path.empty() && std::find(files.begin(), files.end(), path) == files.end())
      files.push_back(path);
  };
  for (const auto& p : bundle.playlists)
    if (p.chime_before) add(p.chime_before->path.absolute);
  for (const auto& a : bundle.announcements) add(a.audio.path.absolute);
  for (const auto& p : bundle.playlists)
    if (p.chime_after) add(p.chime_after->path.absolute);
  return files;
}

}  // namespace tinxa::broadcast
