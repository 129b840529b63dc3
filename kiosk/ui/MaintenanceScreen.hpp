#pragma once

#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/Screen.hpp"
#include "kiosk/ui/Theme.hpp"

#include <string>
#include <string_view>

namespace tinxa::kiosk::ui {

// What residents see while the kiosk has no content it can show (the configured bundle has errors
// and there is no last good copy): a calm card with the commune's name (when known), today's date
// and time, and "Thông tin đang được cập nhật" with a line asking them to come back later,
// Vietnamese first and English below (UiText). It takes no input: the admin long-press is on the
// top bar as on every screen (KioskUi::set_maintenance). The time is read from `clock` at each
// render; KioskUi redraws every minute for its own clock. `theme`, `clock` and `zone` must outlive
// it.
class MaintenanceScreen final : public Screen {
 public:
  MaintenanceScreen(const Theme& theme, std::string commune, const content::Clock& clock,
                    const content::TimeZone& zone);

  void layout(const Rect& area, Measurer& measurer) override;
  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;
  [[nodiscard]] std::string name() const override { return "maintenance"; }

  // The date and time lines as drawn now: Vietnamese, then English.
  [[nodiscard]] std::string date_time(std::string_view language) const;

 private:
  const Theme& m_theme;
  std::string m_commune;
  const content::Clock& m_clock;
  const content::TimeZone& m_zone;
  Rect m_area{};
};

}  // namespace tinxa::kiosk::ui
