#pragma once

// When a page or announcement may be shown: a window of whole local calendar days, both ends
// inclusive, either end open. Pure value type; any thread.

#include <chrono>
#include <optional>

#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"

namespace tinxa::content {

struct Validity {
  std::optional<std::chrono::year_month_day> from;   // first day shown; none: always was
  std::optional<std::chrono::year_month_day> until;  // last day shown; none: never expires

  // True if `day` is within [from, until], either bound missing meaning unbounded.
  [[nodiscard]] bool contains(std::chrono::year_month_day day) const noexcept;

  // Days from `today` to `until`: 0 on the last day, negative once expired; nullopt without an
  // `until`.
  [[nodiscard]] std::optional<int> days_left(std::chrono::year_month_day today) const;

  // True if the item is shown `today` and its last day is within [today, today + days]: the
  // window in which editors are warned to renew it. `days` >= 0.
  [[nodiscard]] bool expires_within(std::chrono::year_month_day today, int days) const;

  friend bool operator==(const Validity&, const Validity&) = default;
};

// True if `validity` contains the calendar day that `zone` shows at `instant`: a page valid until
// 2026-12-31 is visible until 23:59:59 local on that day and hidden from 00:00:00 on the next.
// Throws TimeError as TimeZone::to_local(). Any thread.
[[nodiscard]] bool visible_at(const Validity& validity, TimePoint instant, const TimeZone& zone);

}  // namespace tinxa::content
