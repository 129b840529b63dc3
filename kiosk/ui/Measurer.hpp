#pragma once

#include "kiosk/ui/Geometry.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tinxa::kiosk::ui {

enum class FontWeight { regular, bold };

struct TextStyle {
  int size_px = 28;  // the font's nominal size in pixels
  FontWeight weight = FontWeight::regular;
  Color color{};
  friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

// How big things will be when drawn, so that screens can lay out before painting. Implemented by
// every Painter (SdlPainter measures with the real font; tests use an approximate measurer).
// Called on the UI thread only. Never throws except std::bad_alloc.
class Measurer {
 public:
  Measurer() = default;
  Measurer(const Measurer&) = delete;
  Measurer& operator=(const Measurer&) = delete;
  virtual ~Measurer() = default;

  // The size of `text` (UTF-8, any normalisation) drawn in `style`. With `wrap_width_px` > 0 the
  // text is broken between words into lines no wider than that (a single word wider than the
  // limit is broken between characters); with 0 it is one line per '\n'-separated line.
  [[nodiscard]] virtual Size measure_text(std::string_view text, const TextStyle& style,
                                          int wrap_width_px) = 0;

  // The pixel size of the image file `id` (an absolute path), or nullopt if it cannot be read.
  [[nodiscard]] virtual std::optional<Size> image_size(const std::string& id) = 0;
};

}  // namespace tinxa::kiosk::ui
