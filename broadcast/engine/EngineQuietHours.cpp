// Quiet hours beginning while a normal item from the schedule holds a zone (declared in
// Engine.hpp; the rule is in its header comment). The start and resume rules are in Engine.cpp
// (skipped_by_rule).
#include <fmt/format.h>

#include "broadcast/engine/DurationText.hpp"
#include "broadcast/engine/Engine.hpp"
#include "broadcast/rt/MixerCommand.hpp"

namespace tinxa::broadcast {

namespace {

std::string clock_text(const config::TimeOfDay& t) {
  if (t.second != 0) return fmt::format("{:02}:{:02}:{:02}", t.hour, t.minute, t.second);
  return fmt::format("{:02}:{:02}", t.hour, t.minute);
}

}  // namespace

std::optional<content::TimePoint> Engine::quiet_hours_start(const ZonePlay& play) const {
  if (!m_schedule.quiet_hours || play.quiet_checked || play.cut_why) return std::nullopt;
  if (!play.current && !play.next && !play.live) return std::nullopt;  // nothing of it sounds
  if (m_arbiter.holder(play.zone) != play.request) return std::nullopt;
  const auto active = m_active.find(play.request);
  if (active == m_active.end() || active->second.origin == Origin::now) return std::nullopt;
  const Occurrence& o = active->second.occurrence;
  if (o.priority != Priority::normal) return std::nullopt;
  // The wall clock reads o.local at o.start (as in skipped_by_rule): quiet hours begin at
  // o.start + (from - local) + whole days. The first of those from when it began in the zone.
  using Duration = content::TimePoint::duration;
  const Duration day = std::chrono::hours{24};
  auto start = o.start + std::chrono::duration_cast<Duration>(
                             m_schedule.quiet_hours->from.since_midnight() - o.local.time_of_day);
  if (start < play.began)
    start += day * ((play.began - start + day - Duration{1}) / day);
  else
    start -= day * ((start - play.began) / day);
  return start;
}

void Engine::apply_quiet_hours(content::TimePoint now) {
  if (!m_schedule.quiet_hours) return;
  std::vector<std::pair<PlayKey, content::TimePoint>> due;
  for (const auto& [key, play] : m_plays)
    if (const auto start = quiet_hours_start(play); start && *start - m_options.lead <= now)
      due.emplace_back(key, *start);
  for (const auto& [key, start] : due) end_for_quiet_hours(key, start);
}

void Engine::end_for_quiet_hours(const PlayKey& key, content::TimePoint start) {
  const auto it = m_plays.find(key);
  if (it == m_plays.end()) return;
  ZonePlay& play = it->second;
  play.quiet_checked = true;
  const Active& active = m_active.at(play.request);
  const std::int64_t at = std::max(frame_of(play.zone, start), now_frame(play.zone));
  // What is left on `at` of the file (or relay) sounding then, and whether anything follows it.
  std::optional<std::int64_t> left;
  bool last = true;
  bool in_next = false;
  if (active.live) {
    if (play.live_end) left = *play.live_end - at;
  } else if (play.current || play.next) {
    in_next = play.next && play.next_at <= at;
    const std::size_t item = in_next ? play.next_item : play.item;
    const std::int64_t item_start =
        in_next ? play.next_at
                : (play.item_start >= 0 ? play.item_start : play.current_at - play.current_offset);
    const std::int64_t length = active.items[item].frames_at(m_options.sample_rate_hz);
    if (length > 0) left = item_start + length - at;
    last = item + 1 >= active.items.size();
  }
  const auto from = clock_text(m_schedule.quiet_hours->from);
  if (left && *left <= frames_for(m_options.quiet_hours_finish)) {
    if (last) return;  // nothing of it is left to drop: it plays to its end
    ++m_stats.quiet_hours_ended;
    play.cut_why = fmt::format(
        "giờ yên lặng bắt đầu lúc {}: phát hết tệp đang phát, bỏ phần còn lại / quiet hours began "
        "at {}: the file playing was finished, the rest dropped",
        from, from);
    if (!in_next) {  // the next file has not started: it never does
      if (play.next) {
        (void)output(play.zone)->mixer().post(MixerCommand::stop(play.next->id(), 0));
        play.next->cancel();
        play.next.reset();
      }
      play.deferred_skips.clear();  // dropped, not skipped
    }
    return;
  }
  ++m_stats.quiet_hours_ended;
  const auto rest =
      left ? duration_text(std::chrono::milliseconds{*left * 1000 / m_options.sample_rate_hz})
           : std::string{"?"};
  halt(play, at,
       fmt::format("giờ yên lặng bắt đầu lúc {}: ngắt dần, tệp đang phát còn {} / quiet hours "
                   "began at {}: faded out with {} of the file left",
                   from, rest, from, rest),
       content::AsRunOutcome::preempted);
  finish_zone(key, at);
}

void Engine::end_cut(const PlayKey& key, std::int64_t frame) {
  const auto it = m_plays.find(key);
  if (it == m_plays.end()) return;
  ZonePlay& play = it->second;
  log_deferred(play);
  if (play.record != 0) {
    m_log.finish(play.record, time_of(play.zone, frame), content::AsRunOutcome::preempted,
                 play.cut_why.value_or(std::string{}));
    play.record = 0;
  }
  finish_zone(key, frame);
}

}  // namespace tinxa::broadcast
