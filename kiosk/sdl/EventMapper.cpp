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

EventMapper::EventMapper(ui::Size panel, config::Rotation rotation, int slop_px,
                         const content::Clock& clock)
    : m_panel(panel), m_rotation(rotation), m_clock(clock), m_tracker(slop_px) {}

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
    case SDL_FINGERDOWN:
      if (m_finger) return {};
      m_finger = event.tfinger.fingerId;
      return m_tracker.down(to_logical(event.tfinger.x, event.tfinger.y), now);
    case SDL_FINGERMOTION:
      if (!m_finger || *m_finger != event.tfinger.fingerId) return {};
      return m_tracker.move(to_logical(event.tfinger.x, event.tfinger.y), now);
    case SDL_FINGERUP:
      if (!m_finger || *m_finger != event.tfinger.fingerId) return {};
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
