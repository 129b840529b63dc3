#include "kiosk/ui/DocumentScreen.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui {

DocumentScreen::DocumentScreen(const Theme& theme, Navigator& navigator)
    : m_theme(theme), m_navigator(navigator), m_scroller(theme) {}

void DocumentScreen::set_controls_language(std::string_view language) {
  m_scroller.set_language(language);
}

void DocumentScreen::layout(const Rect& full, Measurer& measurer) {
  m_measurer = &measurer;
  Rect area = full;
  if (const int footer = footer_height(full.width, measurer); footer > 0) {
    area.height = std::max(0, full.height - footer);
    layout_footer({full.x, area.bottom(), full.width, full.bottom() - area.bottom()}, measurer);
  }
  m_area = area;
  const int margin = m_theme.margin_px();
  const int gap = m_theme.gap_px();
  const int column = Scroller::column_width(m_theme);
  m_scroller.layout_column(
      {area.right() - margin - column, area.y + gap, column, area.height - 2 * gap});
  m_viewport = {area.x + margin, area.y, area.width - 2 * margin - column - margin, area.height};
  const double fraction = m_scroller.fraction();
  m_list = DisplayList{};
  build(m_list, m_viewport.width, measurer);
  // Keep the reader near the same place when the text size changes.
  m_scroller.set_extent(max_scroll_offset(), m_viewport.height);
  m_scroller.jump_to(fraction * max_scroll_offset());
}

void DocumentScreen::rebuild() {
  if (m_measurer == nullptr) return;
  m_list = DisplayList{};
  build(m_list, m_viewport.width, *m_measurer);
  m_scroller.set_extent(max_scroll_offset(), m_viewport.height);
  m_pressed_link = -1;
}

int DocumentScreen::scroll_offset() const noexcept { return m_scroller.offset(); }

int DocumentScreen::max_scroll_offset() const noexcept {
  // The document ends with a margin so its last line is not against the screen edge.
  return std::max(0, m_list.height() + m_theme.margin_px() - m_viewport.height);
}

int DocumentScreen::link_at(Point p) const {
  if (!m_viewport.contains(p)) return -1;
  const Point doc{p.x - m_viewport.x, p.y - m_viewport.y + scroll_offset()};
  const auto& links = m_list.links();
  for (std::size_t i = 0; i < links.size(); ++i) {
    if (links[i].contains(doc)) return static_cast<int>(i);
  }
  return -1;
}

bool DocumentScreen::input(const Action& action) {
  if (m_scroller.input_buttons(action)) return true;
  switch (action.kind) {
    case ActionKind::press:
      m_scroller.press();
      m_pressed_link = link_at(action.at);
      return m_viewport.contains(action.at);
    case ActionKind::tap: {
      const int link = link_at(action.at);
      const bool hit = link >= 0 && link == m_pressed_link;
      m_pressed_link = -1;
      if (hit) activate_link(link);
      return m_viewport.contains(action.at);
    }
    case ActionKind::cancel:
      m_pressed_link = -1;
      return false;
    case ActionKind::drag:
      m_scroller.drag(action.delta.y);
      return true;
    case ActionKind::drag_end:
      m_scroller.fling(action.velocity_y);
      return true;
    case ActionKind::scroll_up:
      m_scroller.step(-1);
      return true;
    case ActionKind::scroll_down:
      m_scroller.step(+1);
      return true;
    default:
      return false;
  }
}

void DocumentScreen::update(std::chrono::milliseconds dt) { m_scroller.update(dt); }

bool DocumentScreen::animating() const { return m_scroller.animating(); }

void DocumentScreen::render(Painter& painter) const {
  const Palette& p = m_theme.palette();
  painter.fill_rect(m_area, p.background);
  {
    ClipScope clip(painter, m_viewport);
    const Rect doc_view{0, scroll_offset(), m_viewport.width, m_viewport.height};
    m_list.render(painter, {m_viewport.x, m_viewport.y}, doc_view, m_pressed_link,
                  p.surface_pressed);
  }
  m_scroller.render_column(painter);
}

}  // namespace tinxa::kiosk::ui
