#pragma once

#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/DisplayList.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/Screen.hpp"
#include "kiosk/ui/Scroller.hpp"
#include "kiosk/ui/Theme.hpp"

#include <string_view>

namespace tinxa::kiosk::ui {

// A screen showing one scrolling document (a list of pages, or a page) with a column of large
// Up/Down buttons on the right. Scrolls by the buttons (an animated step of most of a screen), by
// dragging (the document follows the finger, then coasts with friction), and by Page Up/Down
// (the Scroller, shared with the search results).
// Subclasses lay out the document in build() and react to their links in activate_link().
class DocumentScreen : public Screen {
 public:
  DocumentScreen(const Theme& theme, Navigator& navigator);

  void layout(const Rect& area, Measurer& measurer) final;
  [[nodiscard]] bool input(const Action& action) override;
  void update(std::chrono::milliseconds dt) override;
  void render(Painter& painter) const override;
  [[nodiscard]] bool animating() const override;

  // Scroll position in pixels from the top, and its largest value (0 when all fits).
  [[nodiscard]] int scroll_offset() const noexcept;
  [[nodiscard]] int max_scroll_offset() const noexcept;
  [[nodiscard]] const Rect& viewport() const noexcept { return m_viewport; }
  [[nodiscard]] const DisplayList& document() const noexcept { return m_list; }
  // Labels the Up/Down buttons in `language` (UiText); Vietnamese until called. Before layout().
  void set_controls_language(std::string_view language);
  [[nodiscard]] const Button& up_button() const noexcept { return m_scroller.up_button(); }

 protected:
  // Lays the document out into `list`, `width` pixels wide, from y = 0.
  virtual void build(DisplayList& list, int width, Measurer& measurer) = 0;
  virtual void activate_link(int index) { (void)index; }
  // A strip fixed along the bottom of the screen, under the document and the scroll column (the
  // "Nghe" bar): its height at `width` (0 for none), then where it goes. Called by layout().
  [[nodiscard]] virtual int footer_height(int width, Measurer& measurer) {
    (void)width;
    (void)measurer;
    return 0;
  }
  virtual void layout_footer(const Rect& rect, Measurer& measurer) {
    (void)rect;
    (void)measurer;
  }
  // Lays the document out again at the same width and about the same place (its content
  // changed); does nothing before the first layout().
  void rebuild();

  const Theme& m_theme;
  Navigator& m_navigator;

 private:
  [[nodiscard]] int link_at(Point screen_point) const;

  Measurer* m_measurer = nullptr;  // the one layout() was given; it outlives the screen
  Rect m_area{};
  Rect m_viewport{};
  DisplayList m_list;
  Scroller m_scroller;
  int m_pressed_link = -1;
};

}  // namespace tinxa::kiosk::ui
