#pragma once

// RFC 5545 recurrence rules ("FREQ=WEEKLY;INTERVAL=8;BYDAY=MO"), parsed and expanded by libical;
// this is the only file that includes it. Rules are expanded in floating local time (wall-clock
// readings with no zone): TimeZone turns the readings into instants afterwards, so local-time
// conversion stays in one place. Any thread.

#include "config/reader/Diagnostic.hpp"
#include "content/time/LocalDateTime.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace tinxa::broadcast {

// Why a rule was refused: libical's reason, and the part of the rule at fault where it can be
// told, with a likely intended spelling.
struct RecurrenceProblem {
  config::Message message;
  std::string suggestion;  // a corrected rule part ("BYDAY=MO"), or empty
};

// nullopt when libical accepts `rule` and it repeats at most hourly; otherwise what is wrong.
// Sub-hourly frequencies (SECONDLY, MINUTELY) are refused: `every:` says that more plainly and
// cannot produce millions of occurrences. Never throws except std::bad_alloc.
[[nodiscard]] std::optional<RecurrenceProblem> check_recurrence(std::string_view rule);

// Calls `visit` with each reading of `rule` anchored at `start` (the DTSTART) whose date lies in
// [first, last], in order. Precondition: check_recurrence(rule) found nothing (otherwise throws
// std::invalid_argument). Stops at the rule's own end (COUNT, UNTIL) or after `last`.
void expand_recurrence(std::string_view rule, const content::LocalDateTime& start,
                       std::chrono::year_month_day first, std::chrono::year_month_day last,
                       const std::function<void(const content::LocalDateTime&)>& visit);

}  // namespace tinxa::broadcast
