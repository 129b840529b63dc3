#include "kiosk/ui/Scroller.hpp"

#include "kiosk/ui/UiText.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace tinxa::kiosk::ui {
namespace {

constexpr double kFriction = 4.0;     // 1/s: the coasting speed falls by e every 250 ms
constexpr double kStopSpeed = 30.0;   // px/s: below this, coasting stops
constexpr double kStepEasing = 14.0;  // 1/s: how fast a button step approaches its target

}  // namespace

Scroller::Scroller(const Theme& theme)
    : m_theme(theme),
      m_up(theme, "Lên", Icon::up, Button::Kind::navigation, [this] { step(-1); }),
      m_down(theme, "Xuống", Icon::down, Button::Kind::navigation, [this] { step(+1); }) {
  update_buttons();
}

int Scroller::column_width(const Theme& theme) noexcept {
  return std::max(theme.target_px(), theme.mm(28.0));
}

void Scroller::set_language(std::string_view language) {
  m_up.set_label(std::string(ui_text(UiText::scroll_up, language)));
  m_down.set_label(std::string(ui_text(UiText::scroll_down, language)));
}

void Scroller::layout_column(const Rect& column) {
  const int gap = m_theme.gap_px();
  const int roomy = m_theme.target_px() + m_theme.mm(6.0);
  const int target = std::max(m_theme.target_px(), std::min(roomy, (column.height - gap) / 2));
  m_up.set_rect({column.x, column.y, column.width, target});
  m_down.set_rect({column.x, column.bottom() - target, column.width, target});
  m_track = {column.right() - column.width / 2 - m_theme.mm(1.0), m_up.rect().bottom() + gap,
             m_theme.mm(2.0), m_down.rect().y - gap - m_up.rect().bottom() - gap};
}

void Scroller::set_extent(int max_offset_px, int page_px) {
  m_max = std::max(0, max_offset_px);
  m_page = std::max(0, page_px);
  if (m_target) m_target = std::clamp(*m_target, 0.0, double(m_max));
  scroll_to(m_offset);
}

int Scroller::offset() const noexcept { return static_cast<int>(std::lround(m_offset)); }

double Scroller::fraction() const noexcept { return m_max > 0 ? m_offset / m_max : 0.0; }

void Scroller::jump_to(double offset_px) {
  m_velocity = 0.0;
  m_target.reset();
  scroll_to(offset_px);
}

void Scroller::scroll_to(double offset) {
  m_offset = std::clamp(offset, 0.0, double(m_max));
  update_buttons();
}

void Scroller::update_buttons() {
  m_up.set_enabled(m_offset > 0.5);
  m_down.set_enabled(m_offset < m_max - 0.5);
}

void Scroller::press() {
  m_velocity = 0.0;
  m_target.reset();
}

void Scroller::drag(int dy_px) {
  m_target.reset();
  m_velocity = 0.0;
  scroll_to(m_offset - dy_px);
}

void Scroller::fling(double finger_velocity_y) {
  m_velocity = -finger_velocity_y;
  if (std::abs(m_velocity) < kStopSpeed || m_max <= 0) m_velocity = 0.0;
}

void Scroller::step(int direction) {
  const double base = m_target.value_or(m_offset);
  const double distance = m_page * 0.8;
  m_velocity = 0.0;
  m_target = std::clamp(base + direction * distance, 0.0, double(m_max));
}

void Scroller::update(std::chrono::milliseconds dt) {
  const double seconds = std::chrono::duration<double>(dt).count();
  if (seconds <= 0.0) return;
  if (m_velocity != 0.0) {
    scroll_to(m_offset + m_velocity * seconds);
    m_velocity *= std::exp(-kFriction * seconds);
    if (std::abs(m_velocity) < kStopSpeed || m_offset <= 0.0 || m_offset >= m_max) {
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

bool Scroller::animating() const noexcept { return m_velocity != 0.0 || m_target.has_value(); }

bool Scroller::input_buttons(const Action& action) {
  // Both see every action, so a press on one drops the other's pressed look.
  const bool up = m_up.input(action);
  const bool down = m_down.input(action);
  return up || down;
}

void Scroller::render_column(Painter& painter) const {
  const Palette& p = m_theme.palette();
  m_up.render(painter);
  m_down.render(painter);
  if (m_max <= 0 || m_track.height <= 0) return;
  painter.fill_rounded_rect(m_track, m_track.width / 2, p.border);
  const double visible = double(m_page) / (m_max + m_page);
  const int thumb_h = std::max(m_theme.mm(6.0), static_cast<int>(m_track.height * visible));
  const int thumb_y = m_track.y + static_cast<int>((m_track.height - thumb_h) * m_offset / m_max);
  const int w = m_theme.mm(4.0);
  painter.fill_rounded_rect({m_track.x + m_track.width / 2 - w / 2, thumb_y, w, thumb_h}, w / 2,
                            p.accent);
}

}  // namespace tinxa::kiosk::ui
