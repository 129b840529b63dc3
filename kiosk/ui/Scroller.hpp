#pragma once

#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Painter.hpp"
#include "kiosk/ui/Theme.hpp"

#include <chrono>
#include <optional>
#include <string_view>

namespace tinxa::kiosk::ui {

// How one vertical list or document scrolls, shared by every screen that scrolls: the offset in
// pixels from the top, a drag that moves the content with the finger and then coasts with
// friction, an animated step of most of a screen (the buttons, Page Up/Down), and the column of
// large Up/Down buttons with a track and thumb between them that shows where the reader is. The
// owner decides which touches reach it (press(), drag(), fling()), lays its column out, and
// draws the content at offset(). UI thread; the theme must outlive it.
class Scroller {
 public:
  explicit Scroller(const Theme& theme);

  // The width of the column of buttons, for this theme.
  [[nodiscard]] static int column_width(const Theme& theme) noexcept;

  // Labels the Up/Down buttons in `language` (UiText); Vietnamese until called.
  void set_language(std::string_view language);
  // Places Up at the top of `column` and Down at its bottom (each target size plus 6 mm high
  // where there is room, never under the target size), the track between them.
  void layout_column(const Rect& column);
  // The content's extent: its largest offset (0 when it all fits) and the height of the window
  // it is seen through (a step moves 80 % of it). Keeps the offset, clamped.
  void set_extent(int max_offset_px, int page_px);

  [[nodiscard]] int offset() const noexcept;  // rounded to whole pixels
  [[nodiscard]] int max_offset() const noexcept { return m_max; }
  [[nodiscard]] bool overflows() const noexcept { return m_max > 0; }
  // Where the offset is within its range (0 at the top, 1 at the bottom; 0 when all fits).
  [[nodiscard]] double fraction() const noexcept;
  // Puts the content at `offset_px` (clamped) at once and stops any movement.
  void jump_to(double offset_px);

  // A finger went down on the content: a coasting or stepping list stops, as on a phone.
  void press();
  // The finger moved by `dy_px` (positive: down); the content follows it.
  void drag(int dy_px);
  // The finger lifted at `finger_velocity_y` px/s (positive: down); the content coasts on (not
  // when it all fits).
  void fling(double finger_velocity_y);
  // An animated step of 80 % of the window up (-1) or down (+1), from where a step in progress
  // is heading.
  void step(int direction);

  void update(std::chrono::milliseconds dt);
  [[nodiscard]] bool animating() const noexcept;

  // The Up/Down buttons: true when one of them took the action.
  [[nodiscard]] bool input_buttons(const Action& action);
  // The buttons, then (when the content overflows) the track and the thumb.
  void render_column(Painter& painter) const;
  [[nodiscard]] const Button& up_button() const noexcept { return m_up; }
  [[nodiscard]] const Button& down_button() const noexcept { return m_down; }

 private:
  void scroll_to(double offset);
  void update_buttons();

  const Theme& m_theme;
  int m_max = 0;
  int m_page = 0;
  double m_offset = 0.0;
  double m_velocity = 0.0;  // px/s of the offset, while coasting
  std::optional<double> m_target;
  Rect m_track{};
  Button m_up;
  Button m_down;
};

}  // namespace tinxa::kiosk::ui
