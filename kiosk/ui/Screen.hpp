#pragma once

#include "kiosk/ui/Measurer.hpp"
#include "kiosk/ui/Widget.hpp"

#include <string>

namespace tinxa::kiosk::ui {

// A whole screen below the top bar. Only the top screen of the ScreenStack gets input, updates
// and renders. layout() is called before the first input or render and again whenever the area or
// the theme changes; it measures text through `measurer` and must not draw.
class Screen : public Widget {
 public:
  virtual void layout(const Rect& area, Measurer& measurer) = 0;

  // A stable name for logs and tests: "home", "category:<id>", "page:<id>".
  [[nodiscard]] virtual std::string name() const = 0;

  // True while something moves on its own (inertia, a scroll animation): the loop keeps
  // drawing frames instead of waiting for events.
  [[nodiscard]] virtual bool animating() const { return false; }
};

}  // namespace tinxa::kiosk::ui
