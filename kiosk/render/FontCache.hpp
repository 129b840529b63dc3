#pragma once

#include "kiosk/render/SdlHandles.hpp"
#include "kiosk/ui/Measurer.hpp"

#include <filesystem>
#include <map>
#include <utility>

namespace tinxa::kiosk::render {

// The kiosk's two faces (regular and bold) opened at each pixel size on first use, with
// HarfBuzz shaping. Requires TTF_Init(). The number of sizes in use is small (the theme's
// handful, times two for large text), so fonts are kept until the cache dies. UI thread only.
class FontCache {
 public:
  // Throws SdlError if either file cannot be opened.
  FontCache(std::filesystem::path regular, std::filesystem::path bold);

  // Never null. Throws SdlError if the face cannot be opened at that size.
  [[nodiscard]] TTF_Font* get(int size_px, ui::FontWeight weight);

 private:
  std::filesystem::path m_regular;
  std::filesystem::path m_bold;
  std::map<std::pair<int, ui::FontWeight>, FontPtr> m_fonts;
};

}  // namespace tinxa::kiosk::render
