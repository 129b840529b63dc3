#pragma once

#include "kiosk/render/SdlHandles.hpp"

#include <filesystem>

namespace tinxa::kiosk::render {

// Reads the renderer's current output (after drawing, before SDL_RenderPresent) and writes it as
// an RGB PNG. Throws SdlError naming the file if reading or writing fails.
void save_png(SDL_Renderer* renderer, const std::filesystem::path& file);

// The renderer's current output as a 32-bit ARGB surface. Throws SdlError.
[[nodiscard]] SurfacePtr read_pixels(SDL_Renderer* renderer);

}  // namespace tinxa::kiosk::render
