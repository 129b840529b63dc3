#pragma once

#include "kiosk/ui/Icon.hpp"
#include "kiosk/ui/Theme.hpp"
#include "kiosk/ui/Widget.hpp"

#include <functional>
#include <string>

namespace tinxa::kiosk::ui {

// The press-then-release logic every tappable thing shares: press inside marks it pressed, a tap
// inside while pressed activates it, cancel or a tap elsewhere unpresses it.
class TapTarget {
 public:
  enum class Result { ignored, consumed, activated };

  [[nodiscard]] Result handle(const Action& action, const Rect& rect, bool enabled);
  [[nodiscard]] bool pressed() const noexcept { return m_pressed; }
  void reset() noexcept { m_pressed = false; }

 private:
  bool m_pressed = false;
};

// A labelled button with an optional icon, in the navigation style (the accent colour), or a
// switch that shows whether it is on. Activated on release only.
class Button final : public Widget {
 public:
  enum class Kind { navigation, toggle };

  Button(const Theme& theme, std::string label, Icon icon, Kind kind, std::function<void()> on_tap);

  void set_rect(const Rect& rect) noexcept { m_rect = rect; }
  [[nodiscard]] const Rect& rect() const noexcept { return m_rect; }
  void set_enabled(bool enabled) noexcept { m_enabled = enabled; }
  [[nodiscard]] bool enabled() const noexcept { return m_enabled; }
  void set_on(bool on) noexcept { m_on = on; }
  [[nodiscard]] const std::string& label() const noexcept { return m_label; }
  // A new label (the resident chose another language); the owner lays it out again.
  void set_label(std::string label) { m_label = std::move(label); }

  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;

 private:
  const Theme& m_theme;
  std::string m_label;
  Icon m_icon;
  Kind m_kind;
  std::function<void()> m_on_tap;
  Rect m_rect{};
  bool m_enabled = true;
  bool m_on = false;
  TapTarget m_tap;
};

}  // namespace tinxa::kiosk::ui
