#include "kiosk/ui/PointerTracker.hpp"

namespace tinxa::kiosk::ui {

std::vector<Action> PointerTracker::down(Point at, Clock::time_point t) {
  if (m_down) return {};
  m_down = true;
  m_dragging = false;
  m_start = at;
  m_last = at;
  m_last_time = t;
  m_velocity_y = 0.0;
  return {Action::make_press(at)};
}

std::vector<Action> PointerTracker::move(Point at, Clock::time_point t) {
  if (!m_down) return {};
  std::vector<Action> out;
  if (!m_dragging) {
    const int dx = at.x - m_start.x;
    const int dy = at.y - m_start.y;
    if (dx * dx + dy * dy <= m_slop_px * m_slop_px) return {};
    m_dragging = true;
    out.push_back(Action::make_cancel());
  }
  const double dt = std::chrono::duration<double>(t - m_last_time).count();
  if (dt > 0.0) {
    const double v = (at.y - m_last.y) / dt;
    // Exponential smoothing: a single jittery sample does not decide the fling.
    m_velocity_y = 0.6 * v + 0.4 * m_velocity_y;
  }
  out.push_back(Action::make_drag(at, {at.x - m_last.x, at.y - m_last.y}));
  m_last = at;
  m_last_time = t;
  return out;
}

std::vector<Action> PointerTracker::up(Point at, Clock::time_point t) {
  if (!m_down) return {};
  if (!m_dragging) {
    m_down = false;
    return {Action::make_tap(at)};
  }
  std::vector<Action> out;
  if (at.x != m_last.x || at.y != m_last.y) out = move(at, t);
  // A finger that rested before lifting does not fling.
  const double still = std::chrono::duration<double>(t - m_last_time).count();
  out.push_back(Action::make_drag_end(at, still > 0.1 ? 0.0 : m_velocity_y));
  m_down = false;
  m_dragging = false;
  return out;
}

}  // namespace tinxa::kiosk::ui
