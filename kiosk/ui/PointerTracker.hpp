#pragma once

#include "kiosk/ui/Action.hpp"

#include <chrono>
#include <vector>

namespace tinxa::kiosk::ui {

// Turns one pointer's down/move/up into named Actions: press on down; tap on up if the pointer
// stayed within the slop distance; otherwise cancel, drag for every move, and drag_end with the
// release velocity. A second finger while one is down is ignored (no multi-touch gestures).
// Pure; times come from the caller.
class PointerTracker {
 public:
  using Clock = std::chrono::steady_clock;

  // `slop_px`: how far a finger may wander and still tap (about 3 mm on the screen).
  explicit PointerTracker(int slop_px) noexcept : m_slop_px(slop_px) {}

  [[nodiscard]] std::vector<Action> down(Point at, Clock::time_point t);
  [[nodiscard]] std::vector<Action> move(Point at, Clock::time_point t);
  [[nodiscard]] std::vector<Action> up(Point at, Clock::time_point t);

  [[nodiscard]] bool is_down() const noexcept { return m_down; }

 private:
  int m_slop_px;
  bool m_down = false;
  bool m_dragging = false;
  Point m_start{};
  Point m_last{};
  Clock::time_point m_last_time{};
  double m_velocity_y = 0.0;
};

}  // namespace tinxa::kiosk::ui
