#include "kiosk/ui/KeyGrid.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui {

void draw_key(Painter& painter, const Theme& theme, const Rect& rect, std::string_view label,
              KeyLook look, bool pressed, bool large_label) {
  const Palette& p = theme.palette();
  Color frame = p.border;
  Color face = look == KeyLook::tinted ? p.info_background : p.surface;
  Color ink = p.text;
  if (look == KeyLook::accent) {
    frame = p.accent_text;
    face = p.accent;
    ink = p.accent_text;
  }
  if (pressed) face = look == KeyLook::accent ? p.accent_pressed : p.surface_pressed;
  painter.fill_rounded_rect(rect, theme.radius_px(), frame);
  painter.fill_rounded_rect(rect.inset(std::max(2, theme.mm(0.6))), theme.radius_px(), face);
  painter.touch_target(rect);
  TextStyle style = large_label ? theme.title() : theme.button();
  style.color = ink;
  const Size s = painter.measure_text(label, style, 0);
  painter.text({rect.x + (rect.width - s.width) / 2, rect.y + (rect.height - s.height) / 2}, label,
               style, 0);
}

}  // namespace tinxa::kiosk::ui
