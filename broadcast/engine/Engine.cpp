#include "broadcast/engine/Engine.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "broadcast/rt/MixerCommand.hpp"

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
}

Engine::~Engine() {
  // Streams must go before the pools they hold blocks of; the mixers hold no stream once the
  // sinks stop, which the owner guarantees by destroying sinks first or detaching them.
  for (auto& [id, entry] : m_streams) entry.second->cancel();
  m_plays.clear();
  m_streams.clear();
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
  const auto oldest = now - m_options.catch_up_horizon;
  const auto grace = now - m_options.catch_up_grace;
  std::size_t missed = 0;
  std::erase_if(m_pending, [&](const Occurrence& o) {
    if (o.start >= grace) return false;
    if (o.start >= oldest) {
      Active active{o, {}, play_title(o.play, m_bundle), 0};
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
  fire(std::move(occurrence), true);
  return true;
}

std::optional<content::TimePoint> Engine::next_due() const {
  if (m_pending.empty()) return std::nullopt;
  return m_pending.back().start;
}

void Engine::poll() {
  MixerEvent event;
  for (auto& output : m_outputs)
    while (output->mixer().next_event(event)) handle(*output, event);
  const auto now = m_clock.now();
  while (!m_pending.empty() && m_pending.back().start <= now) {
    Occurrence o = std::move(m_pending.back());
    m_pending.pop_back();
    if (m_log.contains(o.key)) {  // logged since it was scheduled (an operator play, a reload)
      ++m_stats.already_logged;
      continue;
    }
    fire(std::move(o), false);
  }
}

void Engine::feed() {
  for (auto& [id, entry] : m_streams) entry.second->top_up(m_cache, m_options.queue_target_blocks);
  for (auto& output : m_outputs) output->pool().reclaim(output->mixer().spent());
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

void Engine::fire(Occurrence occurrence, bool at_once) {
  ++m_stats.fired;
  const RequestId id = m_next_request++;
  Active active{occurrence, playout_items(occurrence.play, m_bundle, occurrence.repeat),
                play_title(occurrence.play, m_bundle), 0};
  std::erase_if(active.occurrence.zones,
                [&](const std::string& z) { return output(z) == nullptr; });
  if (active.items.empty() || active.occurrence.zones.empty()) {
    auto record = base_record(active);
    record.started = record.ended = m_clock.now();
    if (occurrence.play.kind == PlayKind::relay) {
      record.outcome = content::AsRunOutcome::device_failure;
      record.detail = "chưa hỗ trợ tiếp sóng / relaying an input is not implemented yet";
    } else {
      record.outcome = content::AsRunOutcome::skipped_file;
      record.detail = active.occurrence.zones.empty()
                          ? "không có vùng nào / none of its zones exists"
                          : "gói nội dung không có / the bundle has no " + occurrence.play.id;
    }
    m_log.append(record);
    ++m_stats.records;
    return;
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
    // Each zone starts at the frame of the scheduled instant (already rendered: at once).
    for (const auto& d : decisions) {
      apply({d}, d.kind == ZoneDecision::Kind::start
                     ? std::optional{frame_of(d.zone, occurrence.start)}
                     : std::nullopt);
    }
  }
}

void Engine::apply(const std::vector<ZoneDecision>& decisions, std::optional<std::int64_t> frame) {
  for (const auto& d : decisions) {
    auto it = m_plays.find({d.request, d.zone});
    if (it == m_plays.end()) continue;
    ZonePlay& play = it->second;
    const std::int64_t at = frame.value_or(now_frame(d.zone));
    switch (d.kind) {
      case ZoneDecision::Kind::start:
        play.item = 0;
        begin(play, at);
        break;
      case ZoneDecision::Kind::resume:
        play.resumed = true;
        begin(play, at);
        break;
      case ZoneDecision::Kind::restart:
        play.item = 0;
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

std::shared_ptr<PlaybackStream> Engine::prepare(ZonePlay& play, std::size_t& index,
                                                std::int64_t frame) {
  const Active& active = m_active.at(play.request);
  ZoneOutput& out = *output(play.zone);
  for (; index < active.items.size(); ++index) {
    const PlayoutItem& item = active.items[index];
    auto stream =
        std::make_shared<PlaybackStream>(m_next_stream++, item.path, out.pool(), out.format(),
                                         m_options.target_lufs, out.zone().gain_db);
    stream->top_up(m_cache, m_options.queue_target_blocks);
    if (stream->state() == PlaybackStream::State::failed) {
      log_skip(active, play.zone, item, reason_of(*stream), time_of(play.zone, frame));
      continue;
    }
    m_streams.emplace(stream->id(), std::pair{PlayKey{play.request, play.zone}, stream});
    return stream;
  }
  return nullptr;
}

void Engine::begin(ZonePlay& play, std::int64_t frame) {
  ZoneOutput& out = *output(play.zone);
  std::size_t index = play.item;
  auto stream = prepare(play, index, frame);
  if (!stream) {
    finish_zone({play.request, play.zone}, frame);
    return;
  }
  play.item = index;
  play.current = stream;
  play.next.reset();
  if (!out.mixer().post(MixerCommand::start(stream->id(), &stream->queue(), frame, 1.0F,
                                            ramp_frames(m_options.sample_rate_hz))))
    release(stream->id());
}

void Engine::halt(ZonePlay& play, std::int64_t frame, const std::string& why,
                  content::AsRunOutcome outcome) {
  ZoneOutput& out = *output(play.zone);
  for (auto* s : {&play.current, &play.next}) {
    if (*s) {
      (void)out.mixer().post(MixerCommand::stop((*s)->id(), ramp_frames(m_options.sample_rate_hz)));
      (*s)->cancel();
      s->reset();
    }
  }
  if (play.record != 0) {
    m_log.finish(play.record, time_of(play.zone, frame), outcome, why);
    play.record = 0;
  }
  play.preempted_by = why;
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
        play.current = std::move(play.next);
        play.item = play.next_item;
      }
      if (!play.current || play.current->id() != event.stream) return;
      if (play.record == 0) append_record(play, event.frame);
      // Queue the next item to start exactly where this one ends.
      const std::int64_t length = active.items[play.item].frames_at(rate);
      if (length > 0 && !play.next) {
        std::size_t index = play.item + 1;
        const std::int64_t at = event.frame + length;
        if (auto next = prepare(play, index, at)) {
          play.next = next;
          play.next_item = index;
          if (!output.mixer().post(MixerCommand::start(next->id(), &next->queue(), at, 1.0F, 0)))
            play.next.reset();
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
      release(event.stream);
      if (!was_current || event.kind == MixerEvent::Kind::stopped) return;
      play.current.reset();
      if (play.next) return;  // it starts at its frame; its started event takes over
      std::size_t index = play.item + 1;
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

void Engine::release(StreamId stream) { m_streams.erase(stream); }

void Engine::shutdown() {
  const auto now = m_clock.now();
  for (auto& [key, play] : m_plays) {
    for (auto* s : {&play.current, &play.next})
      if (*s) {
        (void)output(play.zone)->mixer().post(MixerCommand::stop((*s)->id(), 0));
        (*s)->cancel();
      }
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
  return t.dac_time + std::chrono::duration_cast<content::TimePoint::duration>(offset);
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

}  // namespace tinxa::broadcast
