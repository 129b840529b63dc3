#pragma once

#include "kiosk/ui/Geometry.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace tinxa::kiosk::app {

// What `tinxa-kiosk` was asked to do, from its command line.
struct KioskOptions {
  std::optional<std::filesystem::path> config_dir;       // nullopt: built-in defaults
  std::optional<std::filesystem::path> content_dir;      // nullopt: site.yaml's content_dir
  std::optional<std::filesystem::path> screenshots_dir;  // set: render the tour and exit
  std::optional<ui::Size> size;   // overrides kiosk.yaml's panel size (and makes a window)
  std::optional<std::string> at;  // "YYYY-MM-DDTHH:MM" local: a fixed clock (previews, tests)
};

}  // namespace tinxa::kiosk::app
