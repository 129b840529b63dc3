#pragma once

#include "config/settings/KioskSettings.hpp"
#include "kiosk/ui/Action.hpp"
#include "kiosk/ui/PointerTracker.hpp"

#include <SDL.h>

#include <optional>
#include <vector>

namespace tinxa::kiosk::sdl {

// Turns SDL events into named UI actions. Only touch (SDL_FINGER*) events are read: with
// SDL_HINT_MOUSE_TOUCH_EVENTS a mouse arrives as touch too, so there is one path. The first
// finger down is followed; others are ignored. Finger coordinates are turned with the panel
// rotation into the upright picture. Typed text (SDL_TEXTINPUT) -> text; Backspace -> erase (back
// where there is nothing to erase). Keys: Escape/AC Back -> back, Home/AC Home ->
// home, Page Up/Up -> scroll_up, Page Down/Down -> scroll_down; every other key does nothing.
class EventMapper {
 public:
  EventMapper(ui::Size panel, config::Rotation rotation, int slop_px);

  [[nodiscard]] std::vector<ui::Action> map(const SDL_Event& event);

 private:
  [[nodiscard]] ui::Point to_logical(float x, float y) const;

  ui::Size m_panel;
  config::Rotation m_rotation;
  ui::PointerTracker m_tracker;
  std::optional<SDL_FingerID> m_finger;
};

}  // namespace tinxa::kiosk::sdl
