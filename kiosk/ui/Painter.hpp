#pragma once

#include "kiosk/ui/Geometry.hpp"
#include "kiosk/ui/Measurer.hpp"

#include <string>
#include <string_view>

namespace tinxa::kiosk::ui {

// The only way widgets draw. Coordinates are logical screen pixels. Called on the UI thread
// only, between the start and the end of one frame. Failures to draw (a missing image, a glyph
// the font lacks) are drawn as best as possible and never thrown; std::bad_alloc may escape.
class Painter : public Measurer {
 public:
  virtual void fill_rect(const Rect& rect, Color color) = 0;
  virtual void fill_rounded_rect(const Rect& rect, int radius_px, Color color) = 0;
  // A filled triangle: icons (arrows, the house of the Home button) are drawn from these, since
  // Noto Sans has no arrow glyphs.
  virtual void fill_triangle(Point a, Point b, Point c, Color color) = 0;

  // Draws `text` with its top-left corner at `at`, wrapped as Measurer::measure_text() describes,
  // and returns the size it took, equal to measure_text() for the same arguments.
  virtual Size text(Point at, std::string_view text, const TextStyle& style, int wrap_width_px) = 0;

  // Draws image `id` scaled into `rect` (the caller keeps the aspect ratio). A missing image
  // draws nothing.
  virtual void image(const Rect& rect, const std::string& id) = 0;

  // Restricts drawing to `rect` intersected with the current clip, until the matching
  // pop_clip(). Pushes and pops must pair within one frame.
  virtual void push_clip(const Rect& rect) = 0;
  virtual void pop_clip() = 0;

  // Declares that `rect` is tappable in this frame. Painting needs nothing from it; tests record
  // it to check the size of every touch target.
  virtual void touch_target(const Rect& rect) { (void)rect; }
};

// Pops the clip pushed by its constructor.
class ClipScope {
 public:
  ClipScope(Painter& painter, const Rect& rect) : m_painter(painter) { m_painter.push_clip(rect); }
  ClipScope(const ClipScope&) = delete;
  ClipScope& operator=(const ClipScope&) = delete;
  ~ClipScope() { m_painter.pop_clip(); }

 private:
  Painter& m_painter;
};

}  // namespace tinxa::kiosk::ui
