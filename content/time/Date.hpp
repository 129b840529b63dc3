#pragma once

// Calendar days as editors write them (ISO "YYYY-MM-DD" in YAML) and as residents read them
// (Vietnamese "28/11/2026", "Thứ Bảy"). Pure functions; any thread.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tinxa::content {

// Exactly "YYYY-MM-DD": ten characters, four-digit year, two-digit month and day, and a day that
// exists ("2026-02-29" does not, "2028-02-29" does). Anything else, including surrounding spaces
// or a time part, is std::nullopt.
[[nodiscard]] std::optional<std::chrono::year_month_day> parse_date(std::string_view text);

// "2026-11-28". The inverse of parse_date() for years 0000-9999. Throws std::invalid_argument if
// `day` is not a valid day.
[[nodiscard]] std::string format_iso(std::chrono::year_month_day day);

// "28/11/2026" (dd/mm/yyyy, zero-padded), as dates are written in Vietnam. Throws as format_iso().
[[nodiscard]] std::string format_vi(std::chrono::year_month_day day);

// The Vietnamese weekday name in NFC, capitalised to start a phrase: "Chủ nhật", "Thứ Hai",
// "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy". Throws as format_iso().
[[nodiscard]] std::string weekday_vi(std::chrono::year_month_day day);

// Whole days from `from` to `to`: positive if `to` is later, 0 on the same day, negative if
// earlier. Precondition: both valid days.
[[nodiscard]] int days_between(std::chrono::year_month_day from, std::chrono::year_month_day to);

}  // namespace tinxa::content
