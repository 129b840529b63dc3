#pragma once

// Calendar days as editors write them (ISO "YYYY-MM-DD" in YAML) and as residents read them
// (Vietnamese "28/11/2026", "Thứ Bảy"). Pure functions; any thread.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tinxa::content {

// Dates are parsed from YAML by config::parse_iso_date (config/reader/Scalars.hpp).

// "2026-11-28", for years 0000-9999; config::parse_iso_date reads it back. Throws
// std::invalid_argument if `day` is not a valid day.
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
