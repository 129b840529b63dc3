#pragma once

namespace tinxa::kiosk::sdl {

enum class VideoMode { display, headless };

// SDL video, SDL_ttf and SDL_image for the life of the object; one per process. Sets the hints
// the kiosk relies on before SDL starts: mouse input also arrives as touch (so one code path
// serves a mouse, a touch panel and xdotool), touch does not also arrive as mouse, the window
// does not minimise when it loses focus, the screen saver stays off. `headless` forces the
// offscreen video driver, whatever SDL_VIDEODRIVER says, so screenshots work with no display.
// Throws render::SdlError if a library fails to start. Main thread only.
class SdlContext {
 public:
  explicit SdlContext(VideoMode mode);
  SdlContext(const SdlContext&) = delete;
  SdlContext& operator=(const SdlContext&) = delete;
  ~SdlContext();
};

}  // namespace tinxa::kiosk::sdl
