#include "content/time/Date.hpp"

#include <array>
#include <stdexcept>

#include <fmt/core.h>

namespace tinxa::content {
namespace {

using std::chrono::year_month_day;

void require_valid(year_month_day day) {
  if (!day.ok()) {
    throw std::invalid_argument("not a valid calendar day");
  }
}

}  // namespace

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
