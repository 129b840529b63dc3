#include "kiosk/render/FontCache.hpp"

#include <algorithm>

namespace tinxa::kiosk::render {

FontCache::FontCache(std::filesystem::path regular, std::filesystem::path bold)
    : m_regular(std::move(regular)), m_bold(std::move(bold)) {
  (void)get(20, ui::FontWeight::regular);
  (void)get(20, ui::FontWeight::bold);
}

TTF_Font* FontCache::get(int size_px, ui::FontWeight weight) {
  size_px = std::clamp(size_px, 6, 400);
  const auto key = std::make_pair(size_px, weight);
  if (auto it = m_fonts.find(key); it != m_fonts.end()) return it->second.get();
  const auto& path = weight == ui::FontWeight::bold ? m_bold : m_regular;
  FontPtr font{TTF_OpenFont(path.c_str(), size_px)};
  if (!font) throw SdlError("TTF_OpenFont " + path.string());
  TTF_SetFontHinting(font.get(), TTF_HINTING_LIGHT);
  TTF_Font* raw = font.get();
  m_fonts.emplace(key, std::move(font));
  return raw;
}

}  // namespace tinxa::kiosk::render
