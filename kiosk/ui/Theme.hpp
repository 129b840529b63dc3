#pragma once

#include "config/settings/KioskSettings.hpp"
#include "kiosk/ui/Geometry.hpp"
#include "kiosk/ui/Measurer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui {

// The screen as the resident sees it: its size in logical pixels (after rotation) and how many
// pixels make a millimetre, from the configured physical diagonal.
struct DisplayMetrics {
  Size logical{1920, 1080};
  double px_per_mm = 4.0;

  // From kiosk.yaml's display section; `pixels` overrides its width_px x height_px (the
  // physical diagonal is kept, so a preview at another resolution keeps the sizes in mm).
  [[nodiscard]] static DisplayMetrics from_settings(const config::KioskSettings::Display& display,
                                                    std::optional<Size> pixels = std::nullopt);
};

// Every colour the kiosk uses. Each text colour is listed in text_pairs() with the backgrounds it
// appears on; all of those pairs are at least 7:1.
struct Palette {
  Color background;       // the screen behind everything
  Color text;             // main text, on background and surface
  Color muted_text;       // secondary text (summaries, sources), on background and surface
  Color surface;          // tiles, list rows, table cells
  Color surface_pressed;  // a tile or row while a finger is on it
  Color border;           // outlines of tiles, rows and tables
  Color accent;           // the top bar and the navigation buttons
  Color accent_text;
  Color accent_pressed;
  Color disabled;         // a navigation button that does nothing here (same place, dimmed)
  Color disabled_text;    // exempt from 7:1 as an inactive control (WCAG 1.4.3)
  Color table_header;     // table header cells
  Color info_background;  // notices
  Color warning_background;
  Color unverified_background;
  Color unverified_stripe;  // the thick left edge and label of an unverified notice
  Color switch_on;          // a switch that is on
  Color switch_on_text;

  struct TextPair {
    std::string name;
    Color foreground;
    Color background;
  };
  // Every (text colour, background) pair the screens draw.
  [[nodiscard]] std::vector<TextPair> text_pairs() const;

  [[nodiscard]] static Palette normal();
  [[nodiscard]] static Palette high_contrast();
};

enum class ContrastMode { normal, high };
enum class TextScale { normal, large };

// Sizes in millimetres on the glass, turned into pixels for this display, and the palette. The
// resident's switches (large text, high contrast) change it; generation() grows with each change
// so screens know to lay out again. Value type; UI thread.
class Theme {
 public:
  static constexpr double kMinTargetMm = 16.0;  // the smallest touch target anywhere
  static constexpr double kMinGapMm = 2.5;      // the smallest gap between two targets

  explicit Theme(DisplayMetrics metrics, ContrastMode contrast = ContrastMode::normal,
                 TextScale scale = TextScale::normal);

  [[nodiscard]] const DisplayMetrics& metrics() const noexcept { return m_metrics; }
  [[nodiscard]] Size screen() const noexcept { return m_metrics.logical; }
  [[nodiscard]] int mm(double millimetres) const noexcept;
  [[nodiscard]] double to_mm(int px) const noexcept { return px / m_metrics.px_per_mm; }

  [[nodiscard]] const Palette& palette() const noexcept { return m_palette; }
  [[nodiscard]] ContrastMode contrast() const noexcept { return m_contrast; }
  [[nodiscard]] TextScale text_scale() const noexcept { return m_scale; }
  void set_contrast(ContrastMode mode);
  void set_text_scale(TextScale scale);
  [[nodiscard]] unsigned generation() const noexcept { return m_generation; }

  // Layout, in pixels.
  [[nodiscard]] int target_px() const noexcept { return mm(18.0); }  // above kMinTargetMm
  [[nodiscard]] int gap_px() const noexcept { return mm(3.0); }      // above kMinGapMm
  [[nodiscard]] int margin_px() const noexcept { return mm(6.0); }
  [[nodiscard]] int radius_px() const noexcept { return mm(2.0); }
  [[nodiscard]] int bar_height_px() const noexcept { return target_px() + 2 * gap_px(); }
  [[nodiscard]] int slop_px() const noexcept { return mm(3.0); }

  // Text. Sizes grow by a third with the large-text switch; the smallest text is 6 mm.
  [[nodiscard]] TextStyle body() const;
  [[nodiscard]] TextStyle body_bold() const;
  [[nodiscard]] TextStyle small() const;  // sources, "updated on"
  [[nodiscard]] TextStyle heading() const;
  [[nodiscard]] TextStyle title() const;
  [[nodiscard]] TextStyle tile_title() const;
  [[nodiscard]] TextStyle button() const;
  [[nodiscard]] TextStyle bar() const;  // the commune name and clock in the top bar

 private:
  [[nodiscard]] TextStyle style(double size_mm, FontWeight weight, Color color) const;

  DisplayMetrics m_metrics;
  ContrastMode m_contrast;
  TextScale m_scale;
  Palette m_palette;
  unsigned m_generation = 0;
};

}  // namespace tinxa::kiosk::ui
