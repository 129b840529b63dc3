#pragma once

#include <chrono>
#include <compare>

namespace tinxa::content {

// A wall-clock reading in some time zone, to the second: what a calendar and a clock on the wall
// show. It names no zone and is not an instant; TimeZone converts between the two.
struct LocalDateTime {
  std::chrono::year_month_day date;
  // Since local midnight, in [0s, 24h). A day that a DST change shortens or lengthens still has
  // its wall-clock readings counted from midnight: 03:30 is always 3h30min.
  std::chrono::seconds time_of_day{0};

  friend constexpr auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

}  // namespace tinxa::content
