#pragma once

#include "config/reader/Scalars.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

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

  // Which SDL renderer draws the screen. automatic ("auto"): the GPU's (OpenGL, OpenGL ES) where
  // the video driver has one, else SDL's software renderer; software: always SDL's software
  // renderer (the least memory, about half of Mesa's); accelerated: the GPU's, falling back to
  // software when there is none.
  enum class Renderer { automatic, software, accelerated };
  Renderer renderer = Renderer::automatic;

  // Which SDL video driver shows the window. automatic ("auto"): SDL's own choice (X11, then
  // Wayland, then KMS/DRM); kmsdrm draws on the console without a desktop. The SDL_VIDEODRIVER
  // environment variable, when set, wins over this setting.
  enum class VideoDriver { automatic, x11, wayland, kmsdrm };
  VideoDriver video_driver = VideoDriver::automatic;

  // The admin panel's PIN (4 to 8 digits), typed after a 5 s press on the commune's name. Empty:
  // the admin panel cannot be opened.
  std::string admin_pin;

  // Attract mode: after `after` at home without a touch, a slideshow of highlighted pages, each
  // for `slide`. `after` of zero turns it off.
  struct Attract {
    std::chrono::milliseconds after{std::chrono::minutes{5}};
    std::chrono::milliseconds slide{std::chrono::seconds{10}};
  } attract;

  // The screen is black between `from` and `to` (local time; `to` may be the next morning); a
  // touch wakes it for `wake_for`. Absent: never off.
  struct ScreenOff {
    TimeOfDay from{22, 0, 0};
    TimeOfDay to{6, 0, 0};
    std::chrono::milliseconds wake_for{std::chrono::minutes{3}};
  };
  std::optional<ScreenOff> screen_off;
};

}  // namespace tinxa::config
