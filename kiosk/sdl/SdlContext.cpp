#include "kiosk/sdl/SdlContext.hpp"

#include "kiosk/render/SdlHandles.hpp"

#include <SDL_image.h>

namespace tinxa::kiosk::sdl {

SdlContext::SdlContext(VideoMode mode, Lockdown lockdown) {
  if (lockdown == Lockdown::on) {
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_WINDOWS_NO_CLOSE_ON_ALT_F4, "1");
  }
  if (mode == VideoMode::headless) {
    SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "offscreen", SDL_HINT_OVERRIDE);
    // The window surface in plain memory: the software renderer needs no GL library.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  }
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "1");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) throw render::SdlError("SDL_Init");
  if (TTF_Init() != 0) {
    SDL_Quit();
    throw render::SdlError("TTF_Init");
  }
  const int formats = IMG_INIT_PNG | IMG_INIT_JPG;
  if ((IMG_Init(formats) & formats) != formats) {
    TTF_Quit();
    SDL_Quit();
    throw render::SdlError("IMG_Init");
  }
  // Headless runs have no screen to keep awake (and SDL would open a D-Bus connection for it).
  if (mode == VideoMode::display) SDL_DisableScreenSaver();
}

SdlContext::~SdlContext() {
  IMG_Quit();
  TTF_Quit();
  SDL_Quit();
}

}  // namespace tinxa::kiosk::sdl
