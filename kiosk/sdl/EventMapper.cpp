#include "kiosk/sdl/EventMapper.hpp"

#include "kiosk/ui/Rotation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace tinxa::kiosk::sdl {

content::TimePoint MonotonicClock::now() const noexcept {
  return content::TimePoint{std::chrono::duration_cast<content::TimePoint::duration>(
      std::chrono::steady_clock::now().time_since_epoch())};
}

const MonotonicClock& MonotonicClock::instance() noexcept {
  static const MonotonicClock clock;
  return clock;
}

bool sdl_finger_on_glass(SDL_TouchID touch, SDL_FingerID finger) {
  // Asked of the devices SDL has first: SDL_GetNumTouchFingers on an id it no longer knows
  // "resets" the video driver's touch devices.
  bool known = false;
  for (int i = 0; i < SDL_GetNumTouchDevices() && !known; ++i)
    known = SDL_GetTouchDevice(i) == touch;
  if (!known) return false;
  for (int i = 0; i < SDL_GetNumTouchFingers(touch); ++i) {
    const SDL_Finger* on_glass = SDL_GetTouchFinger(touch, i);
    if (on_glass != nullptr && on_glass->id == finger) return true;
  }
  return false;
}

EventMapper::EventMapper(ui::Size panel, config::Rotation rotation, int slop_px,
                         const content::Clock& clock, FingerOnGlass on_glass)
    : m_panel(panel),
      m_rotation(rotation),
      m_clock(clock),
      m_on_glass(on_glass),
      m_tracker(slop_px) {}

bool EventMapper::is_followed(const SDL_TouchFingerEvent& event) const {
  return m_finger && m_finger->touch == event.touchId && m_finger->finger == event.fingerId;
}

ui::Point EventMapper::to_logical(float x, float y) const {
  const ui::Point on_panel{
      std::clamp(static_cast<int>(std::lround(x * float(m_panel.width))), 0, m_panel.width - 1),
      std::clamp(static_cast<int>(std::lround(y * float(m_panel.height))), 0, m_panel.height - 1)};
  return ui::panel_to_logical(on_panel, m_panel, m_rotation);
}

std::vector<ui::Action> EventMapper::map(const SDL_Event& event) {
  // The tracker only subtracts its times: any epoch will do.
  const ui::PointerTracker::Clock::time_point now{
      std::chrono::duration_cast<ui::PointerTracker::Clock::duration>(
          m_clock.now().time_since_epoch())};
  switch (event.type) {
    case SDL_FINGERDOWN: {
      std::vector<ui::Action> out;
      if (m_finger) {
        if (m_on_glass(m_finger->touch, m_finger->finger)) return {};
        // Its lifting will never come: end its gesture where it was last, without a tap.
        out = m_tracker.up(m_last_at, now);
        for (auto& action : out) {
          if (action.kind == ui::ActionKind::tap) action = ui::Action::make_cancel();
        }
      }
      m_finger = Followed{event.tfinger.touchId, event.tfinger.fingerId};
      m_last_at = to_logical(event.tfinger.x, event.tfinger.y);
      for (auto& action : m_tracker.down(m_last_at, now)) out.push_back(action);
      return out;
    }
    case SDL_FINGERMOTION:
      if (!is_followed(event.tfinger)) return {};
      m_last_at = to_logical(event.tfinger.x, event.tfinger.y);
      return m_tracker.move(m_last_at, now);
    case SDL_FINGERUP:
      if (!is_followed(event.tfinger)) return {};
      m_finger.reset();
      return m_tracker.up(to_logical(event.tfinger.x, event.tfinger.y), now);
    case SDL_KEYDOWN:
      switch (event.key.keysym.sym) {
        case SDLK_BACKSPACE:
          return {ui::Action::make(ui::ActionKind::erase)};
        case SDLK_ESCAPE:
        case SDLK_AC_BACK:
          return {ui::Action::make(ui::ActionKind::back)};
        case SDLK_HOME:
        case SDLK_AC_HOME:
          return {ui::Action::make(ui::ActionKind::home)};
        case SDLK_PAGEUP:
        case SDLK_UP:
          return {ui::Action::make(ui::ActionKind::scroll_up)};
        case SDLK_PAGEDOWN:
        case SDLK_DOWN:
          return {ui::Action::make(ui::ActionKind::scroll_down)};
        default:
          return {};
      }
    case SDL_TEXTINPUT:
      // Typed text (search): Telex from plain letters, or what an input method composed.
      return {ui::Action::make_text(event.text.text)};
    default:
      return {};
  }
}

}  // namespace tinxa::kiosk::sdl
