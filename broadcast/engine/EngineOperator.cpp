// The engine's operator commands and the daemon's queries (declared in Engine.hpp): what the
// real-time daemon's `status`, `stop`, `skip` and `reload` and its device-loss handling need.
#include <set>
#include <utility>

#include "broadcast/engine/Engine.hpp"
#include "broadcast/rt/MixerCommand.hpp"

namespace tinxa::broadcast {

std::optional<ZoneNowPlaying> Engine::now_playing(const std::string& zone) const {
  const auto holder = m_arbiter.holder(zone);
  if (!holder) return std::nullopt;
  const auto active = m_active.find(*holder);
  if (active == m_active.end()) return std::nullopt;
  const Occurrence& o = active->second.occurrence;
  ZoneNowPlaying now;
  now.request = *holder;
  now.occurrence_key = o.key;
  now.slot_id = o.slot_id;
  now.title = active->second.title;
  now.priority = o.priority;
  now.live = active->second.live != nullptr;
  now.waiting = m_arbiter.waiting(zone);
  if (const auto play = m_plays.find({*holder, zone}); play != m_plays.end()) {
    const auto& items = active->second.items;
    if (play->second.item < items.size()) now.item_title = items[play->second.item].title;
  }
  return now;
}

const Occurrence* Engine::next_occurrence() const noexcept {
  return m_pending.empty() ? nullptr : &m_pending.back();
}

void Engine::reschedule(std::vector<Occurrence> occurrences) {
  std::set<std::string> pending;
  for (const auto& o : m_pending) pending.insert(o.key);
  const auto now = m_clock.now();
  // Due by now and not pending: fired already under the old schedule (or new in the past).
  std::erase_if(occurrences, [&](const Occurrence& o) {
    return !pending.contains(o.key) && o.start - m_options.lead <= now;
  });
  m_pending.clear();
  schedule(std::move(occurrences));
}

bool Engine::end_in_zone(const std::string& zone, content::AsRunOutcome outcome,
                         const std::string& why) {
  const auto holder = m_arbiter.holder(zone);
  if (!holder) return false;
  const auto it = m_plays.find({*holder, zone});
  if (it == m_plays.end()) return false;
  const PlayKey key = it->first;
  const std::int64_t frame = now_frame(zone);
  halt(it->second, frame, why, outcome);
  finish_zone(key, frame);
  return true;
}

bool Engine::skip(const std::string& zone) {
  const auto holder = m_arbiter.holder(zone);
  if (!holder) return false;
  const auto it = m_plays.find({*holder, zone});
  const auto active = m_active.find(*holder);
  if (it == m_plays.end() || active == m_active.end() || active->second.live) return false;
  ZonePlay& play = it->second;
  if (!play.current) return false;
  const PlayKey key = it->first;
  const std::int64_t frame = now_frame(zone);
  ZoneOutput& out = *output(zone);
  for (auto* s : {&play.current, &play.next}) {
    if (*s) {
      (void)out.mixer().post(MixerCommand::stop((*s)->id(), ramp_frames(m_options.sample_rate_hz)));
      (*s)->cancel();
      s->reset();
    }
  }
  play.seek_frames = 0;
  play.deferred_skips.clear();  // begin() meets them again
  if (play.cut_why)             // quiet hours had made this its last file
    end_cut(key, frame);
  else if (++play.item < active->second.items.size())
    begin(play, frame);
  else
    finish_zone(key, frame);
  return true;
}

}  // namespace tinxa::broadcast
