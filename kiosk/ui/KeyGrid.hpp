#pragma once

#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Theme.hpp"

#include <string_view>

namespace tinxa::kiosk::ui {

// What every set of keys and tiles shares: the tap on release (TapTarget) offered to each target
// in turn, and keys drawn as a framed rounded box with a centred label.

// Offers `action` to one target: true when it consumed it; `on_activate` runs when it was
// tapped (pressed and released inside while `enabled`).
template <typename OnActivate>
bool offer_tap(TapTarget& tap, const Action& action, const Rect& rect, bool enabled,
               OnActivate&& on_activate) {
  switch (tap.handle(action, rect, enabled)) {
    case TapTarget::Result::ignored:
      return false;
    case TapTarget::Result::consumed:
      return true;
    case TapTarget::Result::activated:
      on_activate();
      return true;
  }
  return false;
}

// Offers `action` to every key of `keys` (each with a `tap` and a `rect`, always enabled), so
// each one drops its pressed look on a cancel or a tap elsewhere; `on_activate(key)` runs for the
// one tapped. True when any consumed it.
template <typename Keys, typename OnActivate>
bool offer_taps(Keys& keys, const Action& action, OnActivate&& on_activate) {
  bool consumed = false;
  for (auto& key : keys) {
    consumed = offer_tap(key.tap, action, key.rect, true, [&] { on_activate(key); }) || consumed;
  }
  return consumed;
}

// How a key looks: plain (a letter or digit on the surface colour), tinted (the tone keys), or
// accent (a command key: erase, space, open).
enum class KeyLook { plain, tinted, accent };

// Draws a key in `rect`: a frame (the border colour, or the label colour for accent keys), the
// face (darker while pressed), the touch target, and `label` centred in the theme's title style
// (`large_label`) or button style.
void draw_key(Painter& painter, const Theme& theme, const Rect& rect, std::string_view label,
              KeyLook look, bool pressed, bool large_label);

// The cell of a key grid: column `col` and row `row` of keys `size` large, `step` pixels apart,
// from `origin`, `span` columns wide.
[[nodiscard]] constexpr Rect grid_cell(Point origin, Size size, int step, int col, int row,
                                       int span = 1) noexcept {
  return {origin.x + col * (size.width + step), origin.y + row * (size.height + step),
          span * size.width + (span - 1) * step, size.height};
}

}  // namespace tinxa::kiosk::ui
