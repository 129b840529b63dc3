#pragma once

#include "kiosk/ui/Geometry.hpp"

#include <string>
#include <utility>

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
  text,   // typed on a physical keyboard: `text` is UTF-8 (SDL_TEXTINPUT), one key's worth
  erase,  // Backspace: deletes the last typed character where text is typed, else acts as back
};

struct Action {
  ActionKind kind = ActionKind::tap;
  Point at{};
  Point delta{};
  double velocity_y = 0.0;  // px/s, positive when the finger moved down

  std::string text;  // ActionKind::text only

  static Action make_press(Point p) { return with(ActionKind::press, p); }
  static Action make_tap(Point p) { return with(ActionKind::tap, p); }
  static Action make_cancel() { return with(ActionKind::cancel, {}); }
  static Action make_drag(Point p, Point d) {
    Action a = with(ActionKind::drag, p);
    a.delta = d;
    return a;
  }
  static Action make_drag_end(Point p, double vy) {
    Action a = with(ActionKind::drag_end, p);
    a.velocity_y = vy;
    return a;
  }
  static Action make(ActionKind k) { return with(k, {}); }
  static Action make_text(std::string typed) {
    Action a = with(ActionKind::text, {});
    a.text = std::move(typed);
    return a;
  }

 private:
  static Action with(ActionKind k, Point p) {
    Action a;
    a.kind = k;
    a.at = p;
    return a;
  }
};

}  // namespace tinxa::kiosk::ui
