#pragma once

#include "config/settings/KioskSettings.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"

#include <chrono>
#include <optional>

namespace tinxa::kiosk::ui {

// When the screen is off at night (kiosk.yaml `screen_off`): dark between `from` and `to` local
// time (across midnight when `to` is earlier), except for `wake_for` after a touch. Pure: times
// come from the caller, so tests use a virtual clock. UI thread only.
class NightSchedule {
 public:
  NightSchedule(std::optional<config::KioskSettings::ScreenOff> settings,
                const content::TimeZone& zone);

  // True when the schedule says "off" at `now`, whatever touches there were.
  [[nodiscard]] bool night(content::TimePoint now) const;
  // True when the screen should be black now: night, and no touch woke it recently.
  [[nodiscard]] bool dark(content::TimePoint now) const;
  // A touch at `now`: during the night, keeps the screen on for `wake_for`.
  void touched(content::TimePoint now);
  // How long until dark() may change (at least 1 s, at most 1 h); 1 h without a schedule.
  [[nodiscard]] std::chrono::milliseconds until_change(content::TimePoint now) const;

 private:
  std::optional<config::KioskSettings::ScreenOff> m_settings;
  const content::TimeZone& m_zone;
  content::TimePoint m_awake_until{};
};

}  // namespace tinxa::kiosk::ui
