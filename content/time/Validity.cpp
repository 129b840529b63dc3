#include "content/time/Validity.hpp"

#include "content/time/Date.hpp"

namespace tinxa::content {

bool Validity::contains(std::chrono::year_month_day day) const noexcept {
  return (!from || *from <= day) && (!until || day <= *until);
}

std::optional<int> Validity::days_left(std::chrono::year_month_day today) const {
  if (!until) {
    return std::nullopt;
  }
  return days_between(today, *until);
}

bool Validity::expires_within(std::chrono::year_month_day today, int days) const {
  const auto left = days_left(today);
  return contains(today) && left && *left >= 0 && *left <= days;
}

bool visible_at(const Validity& validity, TimePoint instant, const TimeZone& zone) {
  return validity.contains(zone.local_date(instant));
}

}  // namespace tinxa::content
