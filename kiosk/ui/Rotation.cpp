#include "kiosk/ui/Rotation.hpp"

namespace tinxa::kiosk::ui {

Point panel_to_logical(Point at, Size panel, config::Rotation rotation) noexcept {
  // The logical picture is panel.height x panel.width when turned by a quarter.
  switch (rotation) {
    case config::Rotation::none:
      return at;
    case config::Rotation::quarter:
      return {at.y, panel.width - 1 - at.x};
    case config::Rotation::half:
      return {panel.width - 1 - at.x, panel.height - 1 - at.y};
    case config::Rotation::three_quarters:
      return {panel.height - 1 - at.y, at.x};
  }
  return at;
}

double rotation_degrees(config::Rotation rotation) noexcept {
  switch (rotation) {
    case config::Rotation::none:
      return 0.0;
    case config::Rotation::quarter:
      return 90.0;
    case config::Rotation::half:
      return 180.0;
    case config::Rotation::three_quarters:
      return 270.0;
  }
  return 0.0;
}

}  // namespace tinxa::kiosk::ui
