#pragma once

#include <chrono>
#include <filesystem>

namespace tinxa::config {

enum class Rotation { none, quarter, half, three_quarters };

// kiosk.yaml: the public information point's screen and the way it treats residents.
struct KioskSettings {
  struct Display {
    int width_px = 1920;
    int height_px = 1080;
    Rotation rotation = Rotation::none;  // also rotates touch input
    double diagonal_inches = 21.5;       // physical size: touch targets are sized in millimetres
    bool fullscreen = true;
  } display;

  struct Idle {
    std::chrono::milliseconds warn_after{std::chrono::seconds{60}};
    std::chrono::milliseconds warning_length{std::chrono::seconds{20}};
  } idle;

  std::filesystem::path font = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
};

}  // namespace tinxa::config
