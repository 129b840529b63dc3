#include "kiosk/ui/NightSchedule.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui {
namespace {

constexpr std::chrono::seconds kDay{24 * 3600};

}  // namespace

NightSchedule::NightSchedule(std::optional<config::KioskSettings::ScreenOff> settings,
                             const content::TimeZone& zone)
    : m_settings(settings), m_zone(zone) {}

bool NightSchedule::night(content::TimePoint now) const {
  if (!m_settings) return false;
  const auto t = m_zone.to_local(now).time_of_day;
  const auto from = m_settings->from.since_midnight();
  const auto to = m_settings->to.since_midnight();
  return from < to ? (t >= from && t < to) : (t >= from || t < to);
}

bool NightSchedule::dark(content::TimePoint now) const {
  return night(now) && now >= m_awake_until;
}

void NightSchedule::touched(content::TimePoint now) {
  if (m_settings && night(now)) m_awake_until = now + m_settings->wake_for;
}

std::chrono::milliseconds NightSchedule::until_change(content::TimePoint now) const {
  using std::chrono::milliseconds;
  const milliseconds hour{std::chrono::hours{1}};
  if (!m_settings) return hour;
  const auto local = m_zone.to_local(now).time_of_day;
  const auto boundary =
      night(now) ? m_settings->to.since_midnight() : m_settings->from.since_midnight();
  auto until = (boundary - local + kDay) % kDay;
  // The instant's fraction of a second: wake just after the boundary, not just before it.
  const auto fraction =
      std::chrono::duration_cast<milliseconds>(now.time_since_epoch()) % std::chrono::seconds{1};
  milliseconds wait = std::chrono::duration_cast<milliseconds>(until) - fraction;
  if (now < m_awake_until) {
    wait = std::min(wait, std::chrono::duration_cast<milliseconds>(m_awake_until - now));
  }
  return std::clamp(wait, milliseconds{1000}, hour);
}

}  // namespace tinxa::kiosk::ui
