#pragma once

#include "config/settings/KioskSettings.hpp"
#include "kiosk/sdl/KioskWindow.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace tinxa::kiosk::app {

// Whether `dri` (normally /dev/dri) holds a GPU device (card* or renderD*): without one, SDL's
// OpenGL renderer runs on Mesa's software rasterizer, which uses about twice the memory of SDL's
// own software renderer for the same picture (bench/kiosk/README.md).
[[nodiscard]] bool has_gpu_device(const std::filesystem::path& dri = "/dev/dri");

// The renderer kiosk.yaml's `renderer` asks for on this machine: auto is accelerated when there
// is a GPU device and software otherwise.
[[nodiscard]] sdl::KioskWindow::Renderer choose_renderer(config::KioskSettings::Renderer wanted,
                                                         bool gpu);

// The renderer that can run on SDL's video driver `driver` (SDL_GetCurrentVideoDriver()):
// `chosen`, except that SDL 2.26's software renderer crashes on KMSDRM (at its first frame, in the
// kiosk and in a 30-line SDL program alike: tests/kiosk/kms), where the accelerated one is used.
[[nodiscard]] sdl::KioskWindow::Renderer renderer_for_driver(sdl::KioskWindow::Renderer chosen,
                                                             std::string_view driver);

// One line for the log: "software (auto, no GPU device in /dev/dri)".
[[nodiscard]] std::string describe_choice(config::KioskSettings::Renderer wanted, bool gpu);

}  // namespace tinxa::kiosk::app
