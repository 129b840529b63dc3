#include "kiosk/ui/Icon.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui {

void draw_icon(Painter& painter, Icon icon, const Rect& box, Color color, Color background) {
  const int s = std::min(box.width, box.height);
  const int cx = box.x + box.width / 2;
  const int cy = box.y + box.height / 2;
  const int h = s / 2;
  switch (icon) {
    case Icon::none:
      return;
    case Icon::back:
      painter.fill_triangle({cx - h, cy}, {cx + h / 3, cy - h}, {cx + h / 3, cy + h}, color);
      painter.fill_rect({cx, cy - h / 3, h, 2 * h / 3}, color);
      return;
    case Icon::forward:
      painter.fill_triangle({cx + h / 2, cy}, {cx - h / 2, cy - h}, {cx - h / 2, cy + h}, color);
      return;
    case Icon::up:
      painter.fill_triangle({cx, cy - h}, {cx - h, cy + h / 2}, {cx + h, cy + h / 2}, color);
      return;
    case Icon::down:
      painter.fill_triangle({cx, cy + h}, {cx - h, cy - h / 2}, {cx + h, cy - h / 2}, color);
      return;
    case Icon::home: {
      painter.fill_triangle({cx, cy - h}, {cx - h, cy - h / 8}, {cx + h, cy - h / 8}, color);
      const Rect body{cx - 2 * h / 3, cy - h / 8, 4 * h / 3, h + h / 8};
      painter.fill_rect(body, color);
      painter.fill_rect({cx - h / 5, cy + h / 3, 2 * h / 5, 2 * h / 3}, background);
      return;
    }
    case Icon::large_text: {
      // A small and a large "A"-like pair of triangles.
      painter.fill_triangle({cx - h / 2, cy - h / 3}, {cx - h, cy + h}, {cx, cy + h}, color);
      painter.fill_triangle({cx + h / 2, cy - h}, {cx - h / 8, cy + h}, {cx + h + h / 8, cy + h},
                            color);
      return;
    }
    case Icon::contrast: {
      // A ring with its right half filled: the usual contrast symbol.
      const int ring = std::max(2, s / 10);
      const Rect outer{cx - h, cy - h, 2 * h, 2 * h};
      painter.fill_rounded_rect(outer, h, color);
      painter.fill_rounded_rect(outer.inset(ring), h - ring, background);
      ClipScope right(painter, {cx, cy - h, h, 2 * h});
      painter.fill_rounded_rect(outer.inset(ring), h - ring, color);
      return;
    }
    case Icon::search: {
      // A magnifying glass: a ring at the top left and a thick handle towards the bottom right.
      const int ring = std::max(2, s / 8);
      const int r = 3 * h / 5;
      const Rect lens{cx - h, cy - h, 2 * r, 2 * r};
      const int lx = lens.x + r;
      const int ly = lens.y + r;
      const int w = std::max(2, s / 9);
      const Point a{lx + 2 * r / 3 + w, ly + 2 * r / 3 - w};
      const Point b{lx + 2 * r / 3 - w, ly + 2 * r / 3 + w};
      const Point c{cx + h + w / 2, cy + h - w - w / 2};
      const Point d{cx + h - w - w / 2, cy + h + w / 2};
      painter.fill_triangle(a, b, c, color);
      painter.fill_triangle(b, d, c, color);
      painter.fill_rounded_rect(lens, r, color);
      painter.fill_rounded_rect(lens.inset(ring), r - ring, background);
      return;
    }
  }
}

}  // namespace tinxa::kiosk::ui
