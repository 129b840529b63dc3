#pragma once

// RAII owners for the SDL objects the kiosk creates. Only kiosk/render and kiosk/sdl include this.

#include <SDL.h>
#include <SDL_ttf.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace tinxa::kiosk::render {

struct SdlDeleter {
  void operator()(SDL_Texture* t) const noexcept { SDL_DestroyTexture(t); }
  void operator()(SDL_Surface* s) const noexcept { SDL_FreeSurface(s); }
  void operator()(SDL_Renderer* r) const noexcept { SDL_DestroyRenderer(r); }
  void operator()(SDL_Window* w) const noexcept { SDL_DestroyWindow(w); }
  void operator()(TTF_Font* f) const noexcept { TTF_CloseFont(f); }
};

using TexturePtr = std::unique_ptr<SDL_Texture, SdlDeleter>;
using SurfacePtr = std::unique_ptr<SDL_Surface, SdlDeleter>;
using RendererPtr = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using WindowPtr = std::unique_ptr<SDL_Window, SdlDeleter>;
using FontPtr = std::unique_ptr<TTF_Font, SdlDeleter>;

// An SDL, SDL_ttf or SDL_image call failed; the message names the call and SDL's reason.
class SdlError : public std::runtime_error {
 public:
  explicit SdlError(const std::string& what) : std::runtime_error(what + ": " + SDL_GetError()) {}
};

}  // namespace tinxa::kiosk::render
