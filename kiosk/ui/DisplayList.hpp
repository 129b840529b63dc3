#pragma once

#include "kiosk/ui/Painter.hpp"

#include <string>
#include <vector>

namespace tinxa::kiosk::ui {

// A laid-out document: drawing operations in document coordinates (y grows down from the top of
// the content), built once per layout and replayed each frame at the scroll offset. Links are
// tappable rectangles in the same coordinates. Plain value; UI thread.
class DisplayList {
 public:
  struct Op {
    enum class Kind { rect, rounded_rect, text, image };
    Kind kind = Kind::rect;
    Rect rect{};
    Color color{};
    int radius_px = 0;
    std::string text;  // text: the string; image: the image id
    TextStyle style{};
    int wrap_width_px = 0;
    int link = -1;  // a rounded_rect that is the background of link `link`
  };

  void add_rect(const Rect& rect, Color color);
  void add_rounded_rect(const Rect& rect, int radius_px, Color color, int link = -1);
  void add_text(const Rect& rect, std::string text, const TextStyle& style, int wrap_width_px);
  void add_image(const Rect& rect, std::string id);
  // A new link covering `rect`; returns its index.
  int add_link(const Rect& rect);

  [[nodiscard]] const std::vector<Op>& ops() const noexcept { return m_ops; }
  [[nodiscard]] const std::vector<Rect>& links() const noexcept { return m_links; }
  [[nodiscard]] int height() const noexcept { return m_height; }

  // Draws the ops that intersect `viewport` (document coordinates) so that the document's
  // (0, viewport.y) lands at `origin`. A link background whose index is `pressed_link` is drawn
  // in `pressed_color` instead.
  void render(Painter& painter, Point origin, const Rect& viewport, int pressed_link,
              Color pressed_color) const;

 private:
  void grow(const Rect& rect) noexcept;

  std::vector<Op> m_ops;
  std::vector<Rect> m_links;
  int m_height = 0;
};

}  // namespace tinxa::kiosk::ui
