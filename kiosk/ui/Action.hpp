#pragma once

#include "kiosk/ui/Geometry.hpp"

namespace tinxa::kiosk::ui {

// The named things a resident can do. There are no hidden gestures: every action but the keyboard
// shortcuts for back and home has a visible target on screen.
enum class ActionKind {
  press,      // a finger went down at `at`: show the target as pressed, do nothing yet
  tap,        // the finger lifted at `at` without moving: this is what activates a target
  cancel,     // the press will not become a tap (the finger moved): drop any pressed look
  drag,       // the finger moved by `delta` since the last drag, and is now at `at`
  drag_end,   // the finger lifted after dragging; `velocity_y` is its speed in px/s
  back,       // the Back key (Escape, Backspace, the browser-back key)
  home,       // the Home key
  scroll_up,  // Page Up / arrow up on a physical keyboard
  scroll_down,
};

struct Action {
  ActionKind kind = ActionKind::tap;
  Point at{};
  Point delta{};
  double velocity_y = 0.0;  // px/s, positive when the finger moved down

  static Action make_press(Point p) { return {ActionKind::press, p, {}, 0.0}; }
  static Action make_tap(Point p) { return {ActionKind::tap, p, {}, 0.0}; }
  static Action make_cancel() { return {ActionKind::cancel, {}, {}, 0.0}; }
  static Action make_drag(Point p, Point d) { return {ActionKind::drag, p, d, 0.0}; }
  static Action make_drag_end(Point p, double vy) { return {ActionKind::drag_end, p, {}, vy}; }
  static Action make(ActionKind k) { return {k, {}, {}, 0.0}; }
};

}  // namespace tinxa::kiosk::ui
