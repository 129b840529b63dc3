#pragma once

#include "kiosk/ui/Geometry.hpp"

namespace tinxa::kiosk::ui {

// WCAG 2.x relative luminance of an opaque sRGB colour, in [0, 1].
[[nodiscard]] double relative_luminance(Color c) noexcept;

// WCAG 2.x contrast ratio between two opaque colours, in [1, 21]; symmetric. The kiosk requires
// at least 7:1 (level AAA) for every text/background pair in both palettes.
[[nodiscard]] double contrast_ratio(Color a, Color b) noexcept;

}  // namespace tinxa::kiosk::ui
