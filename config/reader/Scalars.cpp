#include "config/reader/Scalars.hpp"

#include <charconv>
#include <string>

namespace tinxa::config {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

}  // namespace

std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{to_int(y)},
                                         std::chrono::month{static_cast<unsigned>(to_int(m))},
                                         std::chrono::day{static_cast<unsigned>(to_int(d))}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  if (text[2] != ':' || (text.size() == 8 && text[5] != ':')) return std::nullopt;
  const auto h = text.substr(0, 2), m = text.substr(3, 2);
  const auto s = text.size() == 8 ? text.substr(6, 2) : std::string_view{"00"};
  if (!all_digits(h) || !all_digits(m) || !all_digits(s)) return std::nullopt;
  TimeOfDay t{to_int(h), to_int(m), to_int(s)};
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return std::nullopt;
  return t;
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  using namespace std::chrono_literals;
  if (text.empty()) return std::nullopt;
  std::chrono::milliseconds total{0};
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t digits_end = i;
    while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9')
      ++digits_end;
    if (digits_end == i || digits_end - i > 9) return std::nullopt;
    const long long number = std::stoll(std::string(text.substr(i, digits_end - i)));
    std::size_t unit_end = digits_end;
    while (unit_end < text.size() && text[unit_end] >= 'a' && text[unit_end] <= 'z') ++unit_end;
    const std::string_view unit = text.substr(digits_end, unit_end - digits_end);
    if (unit == "ms")
      total += std::chrono::milliseconds{number};
    else if (unit == "s")
      total += std::chrono::seconds{number};
    else if (unit == "min")
      total += std::chrono::minutes{number};
    else if (unit == "h")
      total += std::chrono::hours{number};
    else
      return std::nullopt;
    i = unit_end;
  }
  return total;
}

bool is_valid_id(std::string_view text) noexcept {
  if (text.empty() || text.size() > 64 || text.front() == '-' || text.back() == '-') return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace tinxa::config
