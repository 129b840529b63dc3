#pragma once

#include "config/reader/MapReader.hpp"
#include "config/settings/KioskSettings.hpp"

#include <string_view>

namespace tinxa::config {

// Reads kiosk.yaml's admin_pin, attract, screen_off, renderer and video_driver keys from `map`
// (the file's root) into `out`; read_kiosk() reads the others. Problems are reported at
// file:line:column, and a key with a bad value keeps its default.
void read_kiosk_operation(MapReader& map, KioskSettings& out);

// The words kiosk.yaml uses: "auto", "software", "accelerated"; "auto", "x11", "wayland",
// "kmsdrm". video_driver_name() of automatic is empty (SDL chooses).
[[nodiscard]] std::string_view to_string(KioskSettings::Renderer renderer) noexcept;
[[nodiscard]] std::string_view to_string(KioskSettings::VideoDriver driver) noexcept;
[[nodiscard]] std::string_view video_driver_name(KioskSettings::VideoDriver driver) noexcept;

}  // namespace tinxa::config
