#include "content/time/Date.hpp"

#include <array>
#include <stdexcept>

#include <fmt/core.h>

namespace tinxa::content {
namespace {

using std::chrono::year_month_day;

// The value of the `length` decimal digits at `text[start]`, or -1 if any is not a digit.
int digits_at(std::string_view text, std::size_t start, std::size_t length) noexcept {
  int value = 0;
  for (const char c : text.substr(start, length)) {
    if (c < '0' || c > '9') {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

void require_valid(year_month_day day) {
  if (!day.ok()) {
    throw std::invalid_argument("not a valid calendar day");
  }
}

}  // namespace

std::optional<year_month_day> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const int year = digits_at(text, 0, 4);
  const int month = digits_at(text, 5, 2);
  const int day = digits_at(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) {
    return std::nullopt;
  }
  const year_month_day date{std::chrono::year{year},
                            std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

std::string format_iso(year_month_day day) {
  require_valid(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

std::string format_vi(year_month_day day) {
  require_valid(day);
  return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(day.day()),
                     static_cast<unsigned>(day.month()), static_cast<int>(day.year()));
}

std::string weekday_vi(year_month_day day) {
  require_valid(day);
  static constexpr std::array<const char*, 7> kNames{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                                     "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
  return kNames.at(std::chrono::weekday{std::chrono::sys_days{day}}.c_encoding());
}

int days_between(year_month_day from, year_month_day to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

}  // namespace tinxa::content
