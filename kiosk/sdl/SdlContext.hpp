#pragma once

namespace tinxa::kiosk::sdl {

enum class VideoMode { display, headless };
enum class Lockdown { off, on };

// SDL video, SDL_ttf and SDL_image for the life of the object; one per process. Sets the hints
// the kiosk relies on before SDL starts: mouse input also arrives as touch (so one code path
// serves a mouse, a touch panel and xdotool), touch does not also arrive as mouse, the window
// does not minimise when it loses focus, the screen saver stays off. `headless` forces the
// offscreen video driver, whatever SDL_VIDEODRIVER says, so screenshots work with no display.
// Lock-down (the fullscreen kiosk): the keyboard is grabbed (SDL_HINT_GRAB_KEYBOARD, so Alt+Tab
// and the window manager's shortcuts reach the kiosk, which ignores them), Alt+Tab does not
// release the grab, and a window manager's close request (Alt+F4) stays a window event instead
// of becoming SDL_QUIT (SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE = 0); SIGTERM and SIGINT still quit.
// Throws render::SdlError if a library fails to start. Main thread only.
class SdlContext {
 public:
  explicit SdlContext(VideoMode mode, Lockdown lockdown = Lockdown::off);
  SdlContext(const SdlContext&) = delete;
  SdlContext& operator=(const SdlContext&) = delete;
  ~SdlContext();
};

}  // namespace tinxa::kiosk::sdl
