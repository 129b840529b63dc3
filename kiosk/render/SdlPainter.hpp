#pragma once

#include "kiosk/render/FontCache.hpp"
#include "kiosk/render/TextureCache.hpp"
#include "kiosk/ui/Painter.hpp"

#include <SDL.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tinxa::kiosk::render {

// Paints on an SDL_Renderer with SDL_ttf (HarfBuzz shaping). Text is normalised to NFC and
// wrapped here, word by word, from measured widths (SDL_ttf's own wrapping counts combining marks
// wrongly). Each rendered line is kept as a white texture, tinted per draw, in a bounded LRU
// cache; measurements and images are cached too. Does not own the renderer, which must outlive
// it. UI thread only.
class SdlPainter final : public ui::Painter {
 public:
  static constexpr std::size_t kTextCacheLines = 512;
  static constexpr std::size_t kImageCacheImages = 32;
  static constexpr std::size_t kMaxLayouts = 4096;

  SdlPainter(SDL_Renderer* renderer, FontCache& fonts);

  [[nodiscard]] ui::Size measure_text(std::string_view text, const ui::TextStyle& style,
                                      int wrap_width_px) override;
  [[nodiscard]] std::optional<ui::Size> image_size(const std::string& id) override;

  void fill_rect(const ui::Rect& rect, ui::Color color) override;
  void fill_rounded_rect(const ui::Rect& rect, int radius_px, ui::Color color) override;
  void fill_triangle(ui::Point a, ui::Point b, ui::Point c, ui::Color color) override;
  ui::Size text(ui::Point at, std::string_view text, const ui::TextStyle& style,
                int wrap_width_px) override;
  void image(const ui::Rect& rect, const std::string& id) override;
  void push_clip(const ui::Rect& rect) override;
  void pop_clip() override;

  // The lines `text` (already NFC) breaks into at `wrap_width_px` (0: only at '\n').
  [[nodiscard]] std::vector<std::string> wrap(const std::string& nfc, TTF_Font* font,
                                              int wrap_width_px);

  [[nodiscard]] const TextureCache& text_cache() const noexcept { return m_lines; }
  [[nodiscard]] const TextureCache& image_cache() const noexcept { return m_images; }
  // Cached text layouts (wrapped lines and size); never more than kMaxLayouts.
  [[nodiscard]] std::size_t layout_count() const noexcept { return m_layouts.size(); }

 private:
  struct Layout {
    std::vector<std::string> lines;
    ui::Size size;
  };
  const Layout& layout(std::string_view text, const ui::TextStyle& style, int wrap_width_px);
  [[nodiscard]] int width_of(TTF_Font* font, const std::string& s);
  SDL_Texture* line_texture(const std::string& line, const ui::TextStyle& style, TTF_Font* font);
  SDL_Texture* image_texture(const std::string& id);

  SDL_Renderer* m_renderer;
  FontCache& m_fonts;
  TextureCache m_lines{kTextCacheLines};
  TextureCache m_images{kImageCacheImages};
  std::unordered_map<std::string, Layout> m_layouts;  // cleared when it grows past a bound
  std::unordered_map<std::string, std::optional<ui::Size>> m_image_sizes;
  std::vector<SDL_Rect> m_clips;
};

}  // namespace tinxa::kiosk::render
