#include "kiosk/ui/Theme.hpp"

#include <cmath>

namespace tinxa::kiosk::ui {

DisplayMetrics DisplayMetrics::from_settings(const config::KioskSettings::Display& display,
                                             std::optional<Size> pixels) {
  const Size panel = pixels.value_or(Size{display.width_px, display.height_px});
  const double diagonal_mm = display.diagonal_inches * 25.4;
  const double diagonal_px = std::hypot(double(panel.width), double(panel.height));
  DisplayMetrics m;
  m.px_per_mm = diagonal_mm > 0.0 ? diagonal_px / diagonal_mm : 4.0;
  const bool turned = display.rotation == config::Rotation::quarter ||
                      display.rotation == config::Rotation::three_quarters;
  m.logical = turned ? Size{panel.height, panel.width} : panel;
  return m;
}

std::vector<Palette::TextPair> Palette::text_pairs() const {
  return {
      {"text on background", text, background},
      {"text on surface", text, surface},
      {"text on pressed surface", text, surface_pressed},
      {"muted text on background", muted_text, background},
      {"muted text on surface", muted_text, surface},
      {"accent text on accent", accent_text, accent},
      {"accent text on pressed accent", accent_text, accent_pressed},
      {"text on table header", text, table_header},
      {"text on info notice", text, info_background},
      {"text on warning notice", text, warning_background},
      {"text on unverified notice", text, unverified_background},
      {"unverified label on unverified notice", unverified_stripe, unverified_background},
      {"switch text on switch", switch_on_text, switch_on},
  };
}

Palette Palette::normal() {
  Palette p;
  p.background = rgb(0xF4F1EA);  // warm paper, less glare than pure white
  p.text = rgb(0x161616);
  p.muted_text = rgb(0x3A3A3A);
  p.surface = rgb(0xFFFFFF);
  p.surface_pressed = rgb(0xD9E4F5);
  p.border = rgb(0x7A7A7A);
  p.accent = rgb(0x0B3A78);  // deep blue: the bar and navigation buttons
  p.accent_text = rgb(0xFFFFFF);
  p.accent_pressed = rgb(0x06224A);
  p.disabled = rgb(0x4F6A8F);
  p.disabled_text = rgb(0xAFC0D6);
  p.table_header = rgb(0xE2E8F0);
  p.info_background = rgb(0xE3EEFA);
  p.warning_background = rgb(0xFBE3DF);
  p.unverified_background = rgb(0xFFF0C2);
  p.unverified_stripe = rgb(0x7A2E00);
  p.switch_on = rgb(0x0B3A78);
  p.switch_on_text = rgb(0xFFFFFF);
  return p;
}

Palette Palette::high_contrast() {
  Palette p;
  p.background = rgb(0x000000);
  p.text = rgb(0xFFFFFF);
  p.muted_text = rgb(0xE6E6E6);
  p.surface = rgb(0x000000);
  p.surface_pressed = rgb(0x1F3A66);
  p.border = rgb(0xFFFF00);
  p.accent = rgb(0xFFFF00);
  p.accent_text = rgb(0x000000);
  p.accent_pressed = rgb(0xFFFFFF);
  p.disabled = rgb(0x333333);
  p.disabled_text = rgb(0x9A9A9A);
  p.table_header = rgb(0x1A1A1A);
  p.info_background = rgb(0x00264D);
  p.warning_background = rgb(0x4D0000);
  p.unverified_background = rgb(0x3D2E00);
  p.unverified_stripe = rgb(0xFFD400);
  p.switch_on = rgb(0xFFFF00);
  p.switch_on_text = rgb(0x000000);
  return p;
}

Theme::Theme(DisplayMetrics metrics, ContrastMode contrast, TextScale scale)
    : m_metrics(metrics),
      m_contrast(contrast),
      m_scale(scale),
      m_palette(contrast == ContrastMode::high ? Palette::high_contrast() : Palette::normal()) {}

int Theme::mm(double millimetres) const noexcept {
  return static_cast<int>(std::lround(millimetres * m_metrics.px_per_mm));
}

void Theme::set_contrast(ContrastMode mode) {
  if (mode == m_contrast) return;
  m_contrast = mode;
  m_palette = mode == ContrastMode::high ? Palette::high_contrast() : Palette::normal();
  ++m_generation;
}

void Theme::set_text_scale(TextScale scale) {
  if (scale == m_scale) return;
  m_scale = scale;
  ++m_generation;
}

TextStyle Theme::style(double size_mm, FontWeight weight, Color color) const {
  const double factor = m_scale == TextScale::large ? 4.0 / 3.0 : 1.0;
  return {mm(size_mm * factor), weight, color};
}

TextStyle Theme::body() const { return style(7.5, FontWeight::regular, m_palette.text); }
TextStyle Theme::body_bold() const { return style(7.5, FontWeight::bold, m_palette.text); }
TextStyle Theme::small() const { return style(6.0, FontWeight::regular, m_palette.muted_text); }
TextStyle Theme::heading() const { return style(9.0, FontWeight::bold, m_palette.text); }
TextStyle Theme::title() const { return style(10.5, FontWeight::bold, m_palette.text); }
TextStyle Theme::tile_title() const { return style(8.0, FontWeight::bold, m_palette.text); }
TextStyle Theme::button() const {
  // Navigation labels must fit their fixed buttons, so they grow less than body text.
  const double factor = m_scale == TextScale::large ? 1.15 : 1.0;
  return {mm(7.0 * factor), FontWeight::bold, m_palette.accent_text};
}
TextStyle Theme::bar() const { return {mm(7.5), FontWeight::bold, m_palette.accent_text}; }

}  // namespace tinxa::kiosk::ui
