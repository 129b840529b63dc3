#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace tinxa::config {

// A wall-clock time of day in the site's local time, 00:00:00 to 23:59:59.
struct TimeOfDay {
  int hour = 0;
  int minute = 0;
  int second = 0;

  [[nodiscard]] constexpr std::chrono::seconds since_midnight() const noexcept {
    return std::chrono::seconds{hour * 3600 + minute * 60 + second};
  }
  friend constexpr bool operator==(const TimeOfDay&, const TimeOfDay&) = default;
  friend constexpr auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;
};

// Strict parsers for the text forms people write in YAML. Each returns nullopt on anything else.
// None throws.

// "2026-11-28": four-digit year, two-digit month and day, a real calendar day.
[[nodiscard]] std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);

// "06:30" or "06:30:15", 24-hour clock.
[[nodiscard]] std::optional<TimeOfDay> parse_time_of_day(std::string_view text);

// A duration with units, as operators write it: "500ms", "30s", "5min", "2h", "1h30min".
// A bare number is refused, so "30" can never mean the wrong unit.
[[nodiscard]] std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

// An id: 1 to 64 characters of lowercase ASCII letters, digits and '-', starting with a letter
// or digit and not ending with '-'.
[[nodiscard]] bool is_valid_id(std::string_view text) noexcept;

}  // namespace tinxa::config
