#include "kiosk/ui/DisplayList.hpp"

#include <algorithm>
#include <utility>

namespace tinxa::kiosk::ui {

void DisplayList::grow(const Rect& rect) noexcept { m_height = std::max(m_height, rect.bottom()); }

void DisplayList::add_rect(const Rect& rect, Color color) {
  m_ops.push_back({Op::Kind::rect, rect, color, 0, {}, {}, 0, -1});
  grow(rect);
}

void DisplayList::add_rounded_rect(const Rect& rect, int radius_px, Color color, int link) {
  m_ops.push_back({Op::Kind::rounded_rect, rect, color, radius_px, {}, {}, 0, link});
  grow(rect);
}

void DisplayList::add_text(const Rect& rect, std::string text, const TextStyle& style,
                           int wrap_width_px) {
  m_ops.push_back(
      {Op::Kind::text, rect, style.color, 0, std::move(text), style, wrap_width_px, -1});
  grow(rect);
}

void DisplayList::add_image(const Rect& rect, std::string id) {
  m_ops.push_back({Op::Kind::image, rect, {}, 0, std::move(id), {}, 0, -1});
  grow(rect);
}

int DisplayList::add_link(const Rect& rect) {
  m_links.push_back(rect);
  grow(rect);
  return static_cast<int>(m_links.size()) - 1;
}

void DisplayList::render(Painter& painter, Point origin, const Rect& viewport, int pressed_link,
                         Color pressed_color) const {
  const int dx = origin.x - viewport.x;
  const int dy = origin.y - viewport.y;
  for (const Op& op : m_ops) {
    if (!op.rect.intersects(viewport)) continue;
    const Rect r = op.rect.translated(dx, dy);
    switch (op.kind) {
      case Op::Kind::rect:
        painter.fill_rect(r, op.color);
        break;
      case Op::Kind::rounded_rect:
        painter.fill_rounded_rect(
            r, op.radius_px, op.link >= 0 && op.link == pressed_link ? pressed_color : op.color);
        break;
      case Op::Kind::text:
        painter.text({r.x, r.y}, op.text, op.style, op.wrap_width_px);
        break;
      case Op::Kind::image:
        painter.image(r, op.text);
        break;
    }
  }
  for (const Rect& link : m_links) {
    if (!link.intersects(viewport)) continue;
    painter.touch_target(link.translated(dx, dy));
  }
}

}  // namespace tinxa::kiosk::ui
