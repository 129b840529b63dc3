#pragma once

#include "kiosk/ui/Action.hpp"
#include "kiosk/ui/Painter.hpp"

#include <chrono>

namespace tinxa::kiosk::ui {

// The component contract. All calls on the UI thread.
//  - input(): offered one action; returns true if it consumed it (then nobody else sees it).
//  - update(): time moved on by `dt` (animations, inertia). Never blocks.
//  - render(): draws the widget's current state; must not change it.
class Widget {
 public:
  Widget() = default;
  Widget(const Widget&) = delete;
  Widget& operator=(const Widget&) = delete;
  virtual ~Widget() = default;

  [[nodiscard]] virtual bool input(const Action& action) = 0;
  virtual void update(std::chrono::milliseconds dt) { (void)dt; }
  virtual void render(Painter& painter) const = 0;
};

}  // namespace tinxa::kiosk::ui
