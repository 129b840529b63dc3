#pragma once

#include "kiosk/ui/Painter.hpp"

namespace tinxa::kiosk::ui {

// Icons drawn from shapes (Noto Sans has no arrows or house). Low-literacy residents recognise
// the shape before they read the word next to it.
enum class Icon { none, back, home, up, down, forward, large_text, contrast, search };

// Draws `icon` centred in the square `box` in `color`; `background` is used for cut-outs.
void draw_icon(Painter& painter, Icon icon, const Rect& box, Color color, Color background);

}  // namespace tinxa::kiosk::ui
