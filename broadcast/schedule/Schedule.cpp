#include "broadcast/schedule/Schedule.hpp"

#include <algorithm>

namespace tinxa::broadcast {

std::string_view to_string(Priority priority) noexcept {
  switch (priority) {
    case Priority::normal:
      return "normal";
    case Priority::priority:
      return "priority";
    case Priority::emergency:
      return "emergency";
  }
  return "?";
}

std::string_view to_string_vi(Priority priority) noexcept {
  switch (priority) {
    case Priority::normal:
      return "thường";
    case Priority::priority:
      return "ưu tiên";
    case Priority::emergency:
      return "khẩn cấp";
  }
  return "?";
}

std::string_view to_string(OnPreempt rule) noexcept {
  switch (rule) {
    case OnPreempt::resume:
      return "resume";
    case OnPreempt::restart:
      return "restart";
    case OnPreempt::drop:
      return "drop";
  }
  return "?";
}

bool YearlyRange::contains(std::chrono::year_month_day day) const noexcept {
  const std::chrono::month_day md{day.month(), day.day()};
  if (from <= until) return from <= md && md <= until;
  return md >= from || md <= until;
}

bool DayFilter::matches(std::chrono::year_month_day day) const {
  const unsigned weekday = std::chrono::weekday{std::chrono::sys_days{day}}.c_encoding();
  if ((weekdays & (1u << weekday)) == 0) return false;
  if (from && day < *from) return false;
  if (until && day > *until) return false;
  if (yearly && !yearly->contains(day)) return false;
  if (!dates.empty() && !std::binary_search(dates.begin(), dates.end(), day)) return false;
  return true;
}

bool DayFilter::restricts() const noexcept {
  return weekdays != kEveryWeekday || !dates.empty() || from || until || yearly;
}

bool QuietHours::contains(std::chrono::seconds time_of_day) const noexcept {
  const auto start = from.since_midnight();
  const auto end = until.since_midnight();
  if (start <= end) return start <= time_of_day && time_of_day < end;
  return time_of_day >= start || time_of_day < end;
}

const Zone* Schedule::find_zone(std::string_view id) const noexcept {
  const auto it =
      std::find_if(zones.begin(), zones.end(), [&](const Zone& z) { return z.id == id; });
  return it == zones.end() ? nullptr : &*it;
}

const Slot* Schedule::find_slot(std::string_view id) const noexcept {
  const auto it =
      std::find_if(slots.begin(), slots.end(), [&](const Slot& s) { return s.id == id; });
  return it == slots.end() ? nullptr : &*it;
}

bool Schedule::is_exception(std::chrono::year_month_day day) const {
  return std::any_of(exceptions.begin(), exceptions.end(),
                     [&](const Exception& e) { return e.days.matches(day); });
}

}  // namespace tinxa::broadcast
