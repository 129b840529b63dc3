#include "broadcast/schedule/Expand.hpp"

#include "broadcast/schedule/RecurrenceRule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace tinxa::broadcast {

namespace {

using content::LocalDateTime;
using content::TimePoint;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::year_month_day;

struct Day {
  year_month_day date;
  TimePoint start;        // the zone's first instant of the day
  bool uniform = false;   // 24 hours with no clock change: reading t is start + t
  bool excepted = false;  // an exception (holiday) covers it
};

// The local days a range touches, each converted once, so that a slot reading on an ordinary day
// costs an addition rather than a trip through the C library.
class DayTable {
 public:
  DayTable(const Schedule& schedule, const content::TimeZone& zone, year_month_day first,
           year_month_day last)
      : m_zone(&zone), m_first(first), m_last(last) {
    TimePoint start = zone.start_of_day(first);
    for (sys_days d = sys_days{first}; d <= sys_days{last}; d += std::chrono::days{1}) {
      const TimePoint next = zone.start_of_day(year_month_day{d + std::chrono::days{1}});
      m_days.push_back(Day{year_month_day{d}, start, next - start == std::chrono::hours{24},
                           schedule.is_exception(year_month_day{d})});
      start = next;
    }
  }

  [[nodiscard]] year_month_day first() const noexcept { return m_first; }
  [[nodiscard]] year_month_day last() const noexcept { return m_last; }
  [[nodiscard]] const std::vector<Day>& days() const noexcept { return m_days; }

  [[nodiscard]] const Day* find(year_month_day date) const noexcept {
    if (date < m_first || date > m_last) return nullptr;
    return &m_days[static_cast<std::size_t>((sys_days{date} - sys_days{m_first}).count())];
  }

  // The instant of `time_of_day` on `day`, and the wall clock then.
  [[nodiscard]] TimePoint instant(const Day& day, seconds time_of_day, LocalDateTime& wall) const {
    if (day.uniform) {
      wall = LocalDateTime{day.date, time_of_day};
      return day.start + time_of_day;
    }
    const TimePoint at = m_zone->from_local({day.date, time_of_day});
    wall = m_zone->to_local(at);
    return at;
  }

 private:
  const content::TimeZone* m_zone;
  year_month_day m_first;
  year_month_day m_last;
  std::vector<Day> m_days;
};

struct Candidate {
  TimePoint start;
  Priority priority;
  std::size_t slot;
  bool shifted;  // the scheduled reading fell in a clock gap
  LocalDateTime scheduled;
  LocalDateTime local;
};

class Expander {
 public:
  Expander(const Schedule& schedule, const DayTable& table, TimePoint from, TimePoint to)
      : m_schedule(schedule), m_table(table), m_from(from), m_to(to) {}

  void add_slot(std::size_t index) {
    const Slot& slot = m_schedule.slots[index];
    switch (slot.timing.kind) {
      case TimingKind::at:
        for (const Day& day : m_table.days()) {
          if (!plays_on(slot, day)) continue;
          for (const auto& t : slot.timing.times) add(index, day, t.since_midnight());
        }
        break;
      case TimingKind::every:
        for (const Day& day : m_table.days()) {
          if (!plays_on(slot, day)) continue;
          for (seconds t = slot.timing.first.since_midnight();
               t <= slot.timing.last.since_midnight(); t += slot.timing.interval)
            add(index, day, t);
        }
        break;
      case TimingKind::rrule:
        for (const auto& t : slot.timing.times) {
          const LocalDateTime dtstart{*slot.days.from, t.since_midnight()};
          expand_recurrence(slot.timing.rrule, dtstart, m_table.first(), m_table.last(),
                            [&](const LocalDateTime& reading) {
                              const Day* day = m_table.find(reading.date);
                              if (day != nullptr && plays_on(slot, *day))
                                add(index, *day, reading.time_of_day);
                            });
        }
        break;
    }
  }

  std::vector<Candidate> take() { return std::move(m_candidates); }

 private:
  [[nodiscard]] bool plays_on(const Slot& slot, const Day& day) const {
    if (day.excepted && slot.on_holidays == OnHolidays::skip) return false;
    return slot.days.matches(day.date);
  }

  void add(std::size_t index, const Day& day, seconds time_of_day) {
    const Slot& slot = m_schedule.slots[index];
    LocalDateTime wall;
    const TimePoint start = m_table.instant(day, time_of_day, wall);
    if (start < m_from || start >= m_to) return;
    if (slot.priority == Priority::normal && m_schedule.quiet_hours &&
        m_schedule.quiet_hours->contains(wall.time_of_day))
      return;
    const LocalDateTime scheduled{day.date, time_of_day};
    m_candidates.push_back(
        Candidate{start, slot.priority, index, wall != scheduled, scheduled, wall});
  }

  const Schedule& m_schedule;
  const DayTable& m_table;
  TimePoint m_from;
  TimePoint m_to;
  std::vector<Candidate> m_candidates;
};

std::string occurrence_key(const std::string& slot_id, const LocalDateTime& scheduled) {
  const auto s = scheduled.time_of_day.count();
  std::string key = fmt::format("{}@{:04}-{:02}-{:02}T{:02}:{:02}", slot_id,
                                static_cast<int>(scheduled.date.year()),
                                static_cast<unsigned>(scheduled.date.month()),
                                static_cast<unsigned>(scheduled.date.day()), s / 3600, s / 60 % 60);
  if (s % 60 != 0) key += fmt::format(":{:02}", s % 60);
  return key;
}

}  // namespace

std::vector<Occurrence> expand(const Schedule& schedule, const content::TimeZone& zone,
                               TimePoint from, TimePoint to) {
  if (!(from < to)) return {};
  // A reading on the day before `from` (or after `to`) can still land in the range when a clock
  // change moves it, so one day either side is expanded and then cut to [from, to).
  const year_month_day first{sys_days{zone.local_date(from)} - std::chrono::days{1}};
  const year_month_day last{sys_days{zone.local_date(to)} + std::chrono::days{1}};
  const DayTable table(schedule, zone, first, last);
  Expander expander(schedule, table, from, to);
  for (std::size_t i = 0; i < schedule.slots.size(); ++i) expander.add_slot(i);
  std::vector<Candidate> candidates = expander.take();

  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.start, b.priority, a.slot, a.shifted, a.scheduled) <
           std::tie(b.start, a.priority, b.slot, b.shifted, b.scheduled);
  });
  // One start per slot and instant: a reading that a clock gap moved onto a start the slot has
  // anyway (sorted after it) is dropped, and so is a time listed twice.
  candidates.erase(std::unique(candidates.begin(), candidates.end(),
                               [](const Candidate& a, const Candidate& b) {
                                 return a.slot == b.slot && a.start == b.start;
                               }),
                   candidates.end());

  std::vector<Occurrence> out;
  out.reserve(candidates.size());
  for (const Candidate& c : candidates) {
    const Slot& slot = schedule.slots[c.slot];
    out.push_back(Occurrence{slot.id, c.start, c.scheduled, c.local, slot.priority, slot.zones,
                             slot.play, slot.on_preempt, slot.repeat,
                             occurrence_key(slot.id, c.scheduled), slot.max_delay});
  }
  return out;
}

}  // namespace tinxa::broadcast
