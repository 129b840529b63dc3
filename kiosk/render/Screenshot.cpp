#include "kiosk/render/Screenshot.hpp"

#include <SDL_image.h>

namespace tinxa::kiosk::render {

SurfacePtr read_pixels(SDL_Renderer* renderer) {
  int w = 0;
  int h = 0;
  if (SDL_GetRendererOutputSize(renderer, &w, &h) != 0) throw SdlError("SDL_GetRendererOutputSize");
  SurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888)};
  if (!surface) throw SdlError("SDL_CreateRGBSurfaceWithFormat");
  if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, surface->pixels,
                           surface->pitch) != 0) {
    throw SdlError("SDL_RenderReadPixels");
  }
  return surface;
}

void save_png(SDL_Renderer* renderer, const std::filesystem::path& file) {
  const SurfacePtr surface = read_pixels(renderer);
  SurfacePtr rgb{SDL_ConvertSurfaceFormat(surface.get(), SDL_PIXELFORMAT_RGB24, 0)};
  if (!rgb) throw SdlError("SDL_ConvertSurfaceFormat");
  if (IMG_SavePNG(rgb.get(), file.c_str()) != 0) throw SdlError("IMG_SavePNG " + file.string());
}

}  // namespace tinxa::kiosk::render
