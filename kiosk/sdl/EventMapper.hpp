#pragma once

#include "config/settings/KioskSettings.hpp"
#include "content/time/Clock.hpp"
#include "kiosk/ui/Action.hpp"
#include "kiosk/ui/PointerTracker.hpp"

#include <SDL.h>

#include <optional>
#include <vector>

namespace tinxa::kiosk::sdl {

// A content::Clock that never jumps: std::chrono::steady_clock, expressed as a TimePoint. Gesture
// speeds are intervals, which the wall clock (NTP, an operator setting the time) must not decide,
// and the `--at` clock of previews stands still. Any thread.
class MonotonicClock final : public content::Clock {
 public:
  [[nodiscard]] content::TimePoint now() const noexcept override;
  // The one instance the real event loop uses.
  [[nodiscard]] static const MonotonicClock& instance() noexcept;
};

// Turns SDL events into named UI actions. Only touch (SDL_FINGER*) events are read: with
// SDL_HINT_MOUSE_TOUCH_EVENTS a mouse arrives as touch too, so there is one path. The first
// finger down is followed; others are ignored. Finger coordinates are turned with the panel
// rotation into the upright picture. Typed text (SDL_TEXTINPUT) -> text; Backspace -> erase (back
// where there is nothing to erase). Keys: Escape/AC Back -> back, Home/AC Home ->
// home, Page Up/Up -> scroll_up, Page Down/Down -> scroll_down; every other key does nothing.
// Finger events are stamped with `clock`.now() when they are mapped, which sets the drag's
// release speed (the fling): tests pass a content::VirtualClock and get the same flings every
// run; the real loop passes MonotonicClock::instance(). The clock must outlive the mapper.
class EventMapper {
 public:
  EventMapper(ui::Size panel, config::Rotation rotation, int slop_px,
              const content::Clock& clock = MonotonicClock::instance());

  [[nodiscard]] std::vector<ui::Action> map(const SDL_Event& event);

 private:
  [[nodiscard]] ui::Point to_logical(float x, float y) const;

  ui::Size m_panel;
  config::Rotation m_rotation;
  const content::Clock& m_clock;
  ui::PointerTracker m_tracker;
  std::optional<SDL_FingerID> m_finger;
};

}  // namespace tinxa::kiosk::sdl
