#include "kiosk/ui/Button.hpp"

#include <utility>

namespace tinxa::kiosk::ui {

TapTarget::Result TapTarget::handle(const Action& action, const Rect& rect, bool enabled) {
  switch (action.kind) {
    case ActionKind::press:
      if (!rect.contains(action.at)) return Result::ignored;
      m_pressed = enabled;
      return Result::consumed;
    case ActionKind::tap: {
      const bool was_pressed = m_pressed;
      m_pressed = false;
      if (!rect.contains(action.at)) return Result::ignored;
      return enabled && was_pressed ? Result::activated : Result::consumed;
    }
    case ActionKind::cancel:
    case ActionKind::drag_end:
      m_pressed = false;
      return Result::ignored;
    default:
      return Result::ignored;
  }
}

Button::Button(const Theme& theme, std::string label, Icon icon, Kind kind,
               std::function<void()> on_tap)
    : m_theme(theme),
      m_label(std::move(label)),
      m_icon(icon),
      m_kind(kind),
      m_on_tap(std::move(on_tap)) {}

bool Button::input(const Action& action) {
  switch (m_tap.handle(action, m_rect, m_enabled)) {
    case TapTarget::Result::ignored:
      return false;
    case TapTarget::Result::consumed:
      return true;
    case TapTarget::Result::activated:
      if (m_on_tap) m_on_tap();
      return true;
  }
  return false;
}

void Button::render(Painter& painter) const {
  const Palette& p = m_theme.palette();
  Color bg = p.accent;
  Color fg = p.accent_text;
  if (!m_enabled) {
    bg = p.disabled;
    fg = p.disabled_text;
  } else if (m_tap.pressed()) {
    bg = p.accent_pressed;
  } else if (m_kind == Kind::toggle && !m_on) {
    bg = p.surface;
    fg = p.text;
  }
  if (m_kind == Kind::toggle && !m_on) {
    painter.fill_rounded_rect(m_rect, m_theme.radius_px(), p.border);
    painter.fill_rounded_rect(m_rect.inset(m_theme.mm(0.6)), m_theme.radius_px(), bg);
  } else if (m_enabled) {
    // An outline in the label colour, so a button on the bar (of the same colour) still looks
    // like something to press.
    painter.fill_rounded_rect(m_rect, m_theme.radius_px(), fg);
    painter.fill_rounded_rect(m_rect.inset(m_theme.mm(0.6)), m_theme.radius_px(), bg);
  } else {
    painter.fill_rounded_rect(m_rect, m_theme.radius_px(), bg);
  }
  if (m_enabled) painter.touch_target(m_rect);

  TextStyle style = m_theme.button();
  style.color = fg;
  const int pad = m_theme.mm(3.0);
  const int icon_size = m_icon == Icon::none ? 0 : m_theme.mm(8.0);
  const int gap = m_icon == Icon::none ? 0 : m_theme.mm(2.5);
  const Size label_size = painter.measure_text(m_label, style, 0);
  const bool stacked = icon_size + gap + label_size.width > m_rect.width - 2 * pad;
  if (stacked) {
    // Narrow buttons (the scroll column): icon above the word.
    const int total = icon_size + m_theme.mm(1.0) + label_size.height;
    const int top = m_rect.y + (m_rect.height - total) / 2;
    draw_icon(painter, m_icon,
              {m_rect.x + (m_rect.width - icon_size) / 2, top, icon_size, icon_size}, fg, bg);
    painter.text(
        {m_rect.x + (m_rect.width - label_size.width) / 2, top + icon_size + m_theme.mm(1.0)},
        m_label, style, 0);
  } else {
    const int total = icon_size + gap + label_size.width;
    const int left = m_rect.x + (m_rect.width - total) / 2;
    draw_icon(painter, m_icon,
              {left, m_rect.y + (m_rect.height - icon_size) / 2, icon_size, icon_size}, fg, bg);
    painter.text({left + icon_size + gap, m_rect.y + (m_rect.height - label_size.height) / 2},
                 m_label, style, 0);
  }
}

}  // namespace tinxa::kiosk::ui
