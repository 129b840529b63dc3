#include "kiosk/ui/DocumentScreen.hpp"

#include "kiosk/ui/UiText.hpp"

#include <algorithm>
#include <cmath>

namespace tinxa::kiosk::ui {
namespace {

constexpr double kFriction = 4.0;     // 1/s: the coasting speed falls by e every 250 ms
constexpr double kStopSpeed = 30.0;   // px/s: below this, coasting stops
constexpr double kStepEasing = 14.0;  // 1/s: how fast a button step approaches its target

}  // namespace

DocumentScreen::DocumentScreen(const Theme& theme, Navigator& navigator)
    : m_theme(theme),
      m_navigator(navigator),
      m_up(theme, "Lên", Icon::up, Button::Kind::navigation, [this] { step(-1); }),
      m_down(theme, "Xuống", Icon::down, Button::Kind::navigation, [this] { step(+1); }) {}

void DocumentScreen::set_controls_language(std::string_view language) {
  m_up.set_label(std::string(ui_text(UiText::scroll_up, language)));
  m_down.set_label(std::string(ui_text(UiText::scroll_down, language)));
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
  const int column = std::max(m_theme.target_px(), m_theme.mm(28.0));
  const int target = m_theme.target_px() + m_theme.mm(6.0);
  m_up.set_rect({area.right() - margin - column, area.y + gap, column, target});
  m_down.set_rect({area.right() - margin - column, area.bottom() - gap - target, column, target});
  m_track = {area.right() - margin - column / 2 - m_theme.mm(1.0), m_up.rect().bottom() + gap,
             m_theme.mm(2.0), m_down.rect().y - gap - m_up.rect().bottom() - gap};
  m_viewport = {area.x + margin, area.y, area.width - 2 * margin - column - margin, area.height};
  const double fraction = max_scroll_offset() > 0 ? m_offset / max_scroll_offset() : 0.0;
  m_list = DisplayList{};
  build(m_list, m_viewport.width, measurer);
  // Keep the reader near the same place when the text size changes.
  m_offset = fraction * max_scroll_offset();
  m_velocity = 0.0;
  m_target.reset();
  update_buttons();
}

void DocumentScreen::rebuild() {
  if (m_measurer == nullptr) return;
  m_list = DisplayList{};
  build(m_list, m_viewport.width, *m_measurer);
  m_offset = std::clamp(m_offset, 0.0, double(max_scroll_offset()));
  m_pressed_link = -1;
  update_buttons();
}

int DocumentScreen::scroll_offset() const noexcept {
  return static_cast<int>(std::lround(m_offset));
}

int DocumentScreen::max_scroll_offset() const noexcept {
  // The document ends with a margin so its last line is not against the screen edge.
  return std::max(0, m_list.height() + m_theme.margin_px() - m_viewport.height);
}

void DocumentScreen::scroll_to(double offset) {
  m_offset = std::clamp(offset, 0.0, double(max_scroll_offset()));
  update_buttons();
}

void DocumentScreen::update_buttons() {
  m_up.set_enabled(m_offset > 0.5);
  m_down.set_enabled(m_offset < max_scroll_offset() - 0.5);
}

void DocumentScreen::step(int direction) {
  const double base = m_target.value_or(m_offset);
  const double distance = m_viewport.height * 0.8;
  m_velocity = 0.0;
  m_target = std::clamp(base + direction * distance, 0.0, double(max_scroll_offset()));
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
  if (m_up.input(action) || m_down.input(action)) return true;
  switch (action.kind) {
    case ActionKind::press:
      m_velocity = 0.0;  // a finger on a coasting list stops it, as on a phone
      m_target.reset();
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
      m_dragging = true;
      m_target.reset();
      m_velocity = 0.0;
      scroll_to(m_offset - action.delta.y);
      return true;
    case ActionKind::drag_end:
      m_dragging = false;
      m_velocity = -action.velocity_y;
      if (std::abs(m_velocity) < kStopSpeed) m_velocity = 0.0;
      return true;
    case ActionKind::scroll_up:
      step(-1);
      return true;
    case ActionKind::scroll_down:
      step(+1);
      return true;
    default:
      return false;
  }
}

void DocumentScreen::update(std::chrono::milliseconds dt) {
  const double seconds = std::chrono::duration<double>(dt).count();
  if (seconds <= 0.0) return;
  if (m_velocity != 0.0) {
    scroll_to(m_offset + m_velocity * seconds);
    m_velocity *= std::exp(-kFriction * seconds);
    if (std::abs(m_velocity) < kStopSpeed || m_offset <= 0.0 || m_offset >= max_scroll_offset()) {
      m_velocity = 0.0;
    }
  } else if (m_target) {
    const double next = m_offset + (*m_target - m_offset) * std::min(1.0, seconds * kStepEasing);
    if (std::abs(*m_target - next) < 1.0) {
      scroll_to(*m_target);
      m_target.reset();
    } else {
      scroll_to(next);
    }
  }
}

bool DocumentScreen::animating() const { return m_velocity != 0.0 || m_target.has_value(); }

void DocumentScreen::render(Painter& painter) const {
  const Palette& p = m_theme.palette();
  painter.fill_rect(m_area, p.background);
  {
    ClipScope clip(painter, m_viewport);
    const Rect doc_view{0, scroll_offset(), m_viewport.width, m_viewport.height};
    m_list.render(painter, {m_viewport.x, m_viewport.y}, doc_view, m_pressed_link,
                  p.surface_pressed);
  }
  m_up.render(painter);
  m_down.render(painter);
  // Where the reader is in the document: a thumb on a track between the buttons.
  if (max_scroll_offset() > 0 && m_track.height > 0) {
    painter.fill_rounded_rect(m_track, m_track.width / 2, p.border);
    const double visible = double(m_viewport.height) / (max_scroll_offset() + m_viewport.height);
    const int thumb_h = std::max(m_theme.mm(6.0), static_cast<int>(m_track.height * visible));
    const int thumb_y =
        m_track.y + static_cast<int>((m_track.height - thumb_h) * m_offset / max_scroll_offset());
    const int w = m_theme.mm(4.0);
    painter.fill_rounded_rect({m_track.x + m_track.width / 2 - w / 2, thumb_y, w, thumb_h}, w / 2,
                              p.accent);
  }
}

}  // namespace tinxa::kiosk::ui
