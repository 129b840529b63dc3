#include "broadcast/schedule/Overlaps.hpp"

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <utility>

namespace tinxa::broadcast {

namespace {

std::string local_text(const content::LocalDateTime& t) {
  const auto s = t.time_of_day.count();
  return fmt::format("{:02}/{:02}/{:04} {:02}:{:02}", static_cast<unsigned>(t.date.day()),
                     static_cast<unsigned>(t.date.month()), static_cast<int>(t.date.year()),
                     s / 3600, s / 60 % 60);
}

// "20 phút" / "20 min", "45 giây" / "45 s".
std::pair<std::string, std::string> wait_text(std::chrono::seconds wait) {
  if (wait < std::chrono::minutes{1})
    return {fmt::format("{} giây", wait.count()), fmt::format("{} s", wait.count())};
  const auto minutes = std::chrono::ceil<std::chrono::minutes>(wait).count();
  return {fmt::format("{} phút", minutes), fmt::format("{} min", minutes)};
}

std::string hhmm(const config::TimeOfDay& t) {
  return fmt::format("{:02}:{:02}", t.hour, t.minute);
}

// A normal slot whose item, started on time, still plays when quiet hours begin: the engine cuts
// it then (after the file playing, or with a fade). One warning per slot, at its first such day.
void warn_quiet_hours_run_in(const Schedule& schedule, const std::vector<AgendaEntry>& entries,
                             config::Diagnostics& diagnostics) {
  if (!schedule.quiet_hours) return;
  const QuietHours& quiet = *schedule.quiet_hours;
  const std::chrono::seconds day = std::chrono::hours{24};
  std::set<std::string> warned;
  for (const auto& e : entries) {
    const Occurrence& o = e.occurrence;
    if (o.priority != Priority::normal || e.length <= std::chrono::milliseconds{0}) continue;
    if (quiet.contains(o.local.time_of_day)) continue;  // never starts there
    const auto until_quiet =
        ((quiet.from.since_midnight() - o.local.time_of_day) % day + day) % day;
    if (e.length <= until_quiet) continue;
    const Slot* slot = schedule.find_slot(o.slot_id);
    if (slot == nullptr || !warned.insert(o.slot_id).second) continue;
    const auto [vi, en] =
        wait_text(std::chrono::ceil<std::chrono::seconds>(e.length - until_quiet));
    diagnostics.warning(
        slot->position, "slots." + o.slot_id,
        config::Message{
            fmt::format("lúc {} phát lấn {} vào giờ yên lặng {}–{}: khi giờ yên lặng bắt đầu nó "
                        "dừng, sau tệp đang phát hoặc ngắt dần",
                        local_text(o.local), vi, hhmm(quiet.from), hhmm(quiet.until)),
            fmt::format("at {} it runs {} into quiet hours {}–{}: it stops when they begin, after "
                        "the file playing or with a fade",
                        local_text(o.local), en, hhmm(quiet.from), hhmm(quiet.until))},
        {},
        config::Message{"cho bắt đầu sớm hơn, hoặc rút ngắn (xem config/README.md, quiet_hours)",
                        "start it earlier, or shorten it (see config/README.md, quiet_hours)"});
  }
}

}  // namespace

void warn_overlaps(const Schedule& schedule, const std::vector<AgendaEntry>& entries,
                   config::Diagnostics& diagnostics) {
  struct Holder {
    const AgendaEntry* entry = nullptr;
    content::TimePoint end;
  };
  std::map<std::pair<std::string, Priority>, Holder> busy;  // (zone, class) -> latest to end
  std::set<std::pair<std::string, std::string>> warned;     // slot pairs
  for (const auto& e : entries) {
    const Occurrence& o = e.occurrence;
    if (o.priority == Priority::emergency || e.length <= std::chrono::milliseconds{0}) continue;
    const auto end = o.start + e.length;
    for (const auto& zone : o.zones) {
      Holder& holder = busy[{zone, o.priority}];
      if (holder.entry != nullptr && o.start < holder.end &&
          holder.entry->occurrence.slot_id != o.slot_id) {
        const Occurrence& first = holder.entry->occurrence;
        const Slot* slot = schedule.find_slot(o.slot_id);
        if (slot != nullptr && warned.insert({first.slot_id, o.slot_id}).second) {
          const auto wait = std::chrono::ceil<std::chrono::seconds>(holder.end - o.start);
          const auto [vi, en] = wait_text(wait);
          const bool skipped = slot->max_delay && wait > *slot->max_delay;
          diagnostics.warning(
              slot->position, "slots." + o.slot_id,
              config::Message{
                  fmt::format("trùng giờ với khung giờ \"{}\" ở vùng {} lúc {}: khung này {} {}",
                              first.slot_id, zone, local_text(o.local),
                              skipped ? "sẽ bị bỏ qua vì quá max_delay, phải chờ" : "phải chờ", vi),
                  fmt::format(
                      "overlaps slot \"{}\" in zone {} at {}: this one {} {} for it", first.slot_id,
                      zone, local_text(o.local),
                      skipped ? "is skipped (beyond its max_delay): it would wait" : "waits", en)},
              {},
              config::Message{"đổi giờ, hoặc đặt max_delay (xem config/README.md, Conflicts)",
                              "move it, or set max_delay (see config/README.md, Conflicts)"});
        }
      }
      if (holder.entry == nullptr || end > holder.end) holder = Holder{&e, end};
    }
  }
  warn_quiet_hours_run_in(schedule, entries, diagnostics);
}

}  // namespace tinxa::broadcast
