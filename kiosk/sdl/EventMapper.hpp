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

// Whether SDL still counts finger `finger` of touch device `touch` as on the glass.
using FingerOnGlass = bool (*)(SDL_TouchID touch, SDL_FingerID finger);
// SDL's own answer (SDL_GetTouchDevice/SDL_GetTouchFinger); false for a device SDL no longer has.
// Needs SDL's video subsystem (tests pass their own function).
[[nodiscard]] bool sdl_finger_on_glass(SDL_TouchID touch, SDL_FingerID finger);

// Turns SDL events into named UI actions. Only touch (SDL_FINGER*) events are read: with
// SDL_HINT_MOUSE_TOUCH_EVENTS a mouse arrives as touch too, so there is one path. The first
// finger down is followed; others are ignored while it is on the glass. A finger whose lifting
// never came (SDL 2.26 sends no SDL_FINGERUP when a touch panel is unplugged or resets while
// touched, its device and fingers just go: `on_glass` no longer finds it) is let go when the
// next finger comes down: its press is cancelled (or its drag ended) and the new finger is
// followed. Without that the kiosk would ignore every touch until it restarts. (A followed
// finger already lifted whose SDL_FINGERUP is still queued behind the new finger's down is let
// go the same way: of two overlapping taps, the second counts.) Finger coordinates are turned
// with the panel rotation into the upright picture. Typed text (SDL_TEXTINPUT) -> text; Backspace
// -> erase (back where there is nothing to erase). Keys: Escape/AC Back -> back, Home/AC Home ->
// home, Page Up/Up -> scroll_up, Page Down/Down -> scroll_down; every other key does nothing.
// Finger events are stamped with `clock`.now() when they are mapped, which sets the drag's
// release speed (the fling): tests pass a content::VirtualClock and get the same flings every
// run; the real loop passes MonotonicClock::instance(). The clock must outlive the mapper.
class EventMapper {
 public:
  EventMapper(ui::Size panel, config::Rotation rotation, int slop_px,
              const content::Clock& clock = MonotonicClock::instance(),
              FingerOnGlass on_glass = sdl_finger_on_glass);

  [[nodiscard]] std::vector<ui::Action> map(const SDL_Event& event);

 private:
  [[nodiscard]] ui::Point to_logical(float x, float y) const;
  [[nodiscard]] bool is_followed(const SDL_TouchFingerEvent& event) const;

  ui::Size m_panel;
  config::Rotation m_rotation;
  const content::Clock& m_clock;
  FingerOnGlass m_on_glass;
  ui::PointerTracker m_tracker;
  // The finger followed (its device and id) and where it was last.
  struct Followed {
    SDL_TouchID touch;
    SDL_FingerID finger;
  };
  std::optional<Followed> m_finger;
  ui::Point m_last_at{};
};

}  // namespace tinxa::kiosk::sdl
