#pragma once

#include "config/settings/KioskSettings.hpp"
#include "kiosk/ui/Geometry.hpp"

namespace tinxa::kiosk::ui {

// Where a touch on the panel lands in the picture the UI drew, when the picture is turned
// clockwise by `rotation` to fit the panel. `panel` is the panel's size in pixels (before
// rotation); `at` is a point on it. Pure.
[[nodiscard]] Point panel_to_logical(Point at, Size panel, config::Rotation rotation) noexcept;

// The clockwise angle in degrees for `rotation`.
[[nodiscard]] double rotation_degrees(config::Rotation rotation) noexcept;

}  // namespace tinxa::kiosk::ui
