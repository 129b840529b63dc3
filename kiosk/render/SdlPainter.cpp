#include "kiosk/render/SdlPainter.hpp"

#include "content/text/Fold.hpp"

#include <SDL_image.h>

#include <algorithm>
#include <cmath>

namespace tinxa::kiosk::render {
namespace {

// Sets the colour for fills. An opaque colour is written without blending: the same pixels, but
// the software renderer then fills whole rows at once instead of blending each pixel (that blend
// was two thirds of a scroll frame at 1080p).
void set_color(SDL_Renderer* r, ui::Color c) {
  SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

SDL_Rect to_sdl(const ui::Rect& r) { return {r.x, r.y, r.width, r.height}; }

std::string nfc_or_raw(std::string_view text) {
  try {
    return content::to_nfc(text);
  } catch (const std::invalid_argument&) {
    return std::string(text);  // invalid UTF-8 cannot come from a loaded bundle; draw what we can
  }
}

// Byte length of the UTF-8 sequence starting with `lead`.
std::size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// True if the code point at `s[i]` is a combining mark (U+0300-U+036F, U+1DC0-U+1DFF,
// U+20D0-U+20FF): a word is never broken before one.
bool is_combining_at(const std::string& s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 == 0xCC ||
      (b0 == 0xCD && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0xAF)) {
    return true;
  }
  if (b0 == 0xE1 && i + 1 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    return b1 == 0xB7;
  }
  if (b0 == 0xE2 && i + 1 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    return b1 == 0x83 && b2 >= 0x90;
  }
  return false;
}

}  // namespace

SdlPainter::SdlPainter(SDL_Renderer* renderer, FontCache& fonts)
    : m_renderer(renderer), m_fonts(fonts) {
  SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_BLEND);
}

int SdlPainter::width_of(TTF_Font* font, const std::string& s) {
  if (s.empty()) return 0;
  int w = 0;
  int h = 0;
  if (TTF_SizeUTF8(font, s.c_str(), &w, &h) != 0) return 0;
  return w;
}

std::vector<std::string> SdlPainter::wrap(const std::string& nfc, TTF_Font* font,
                                          int wrap_width_px) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = nfc.find('\n', start);
    const std::string paragraph =
        nfc.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (wrap_width_px <= 0) {
      lines.push_back(paragraph);
    } else {
      std::string line;
      std::size_t pos = 0;
      while (pos <= paragraph.size()) {
        std::size_t space = paragraph.find(' ', pos);
        if (space == std::string::npos) space = paragraph.size();
        std::string word = paragraph.substr(pos, space - pos);
        pos = space + 1;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (width_of(font, candidate) <= wrap_width_px) {
          line = candidate;
          continue;
        }
        if (!line.empty()) {
          lines.push_back(line);
          line.clear();
        }
        // A word wider than the line: break it between characters, never before a mark.
        while (width_of(font, word) > wrap_width_px) {
          std::size_t cut = 0;
          std::size_t i = 0;
          while (i < word.size()) {
            std::size_t next = i + utf8_length(static_cast<unsigned char>(word[i]));
            while (next < word.size() && is_combining_at(word, next)) {
              next += utf8_length(static_cast<unsigned char>(word[next]));
            }
            if (width_of(font, word.substr(0, next)) > wrap_width_px) break;
            cut = next;
            i = next;
          }
          if (cut == 0) cut = utf8_length(static_cast<unsigned char>(word[0]));
          lines.push_back(word.substr(0, cut));
          word.erase(0, cut);
        }
        line = word;
      }
      lines.push_back(line);
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

const SdlPainter::Layout& SdlPainter::layout(std::string_view text, const ui::TextStyle& style,
                                             int wrap_width_px) {
  std::string key = std::to_string(style.size_px) +
                    (style.weight == ui::FontWeight::bold ? "b" : "r") + ":" +
                    std::to_string(wrap_width_px) + ":";
  key.append(text);
  if (auto it = m_layouts.find(key); it != m_layouts.end()) return it->second;
  if (m_layouts.size() >= kMaxLayouts) m_layouts.clear();
  TTF_Font* font = m_fonts.get(style.size_px, style.weight);
  Layout out;
  out.lines = wrap(nfc_or_raw(text), font, wrap_width_px);
  const int skip = TTF_FontLineSkip(font);
  for (const auto& line : out.lines)
    out.size.width = std::max(out.size.width, width_of(font, line));
  out.size.height = skip * static_cast<int>(out.lines.size());
  return m_layouts.emplace(std::move(key), std::move(out)).first->second;
}

ui::Size SdlPainter::measure_text(std::string_view text, const ui::TextStyle& style,
                                  int wrap_width_px) {
  return layout(text, style, wrap_width_px).size;
}

SDL_Texture* SdlPainter::line_texture(const std::string& line, const ui::TextStyle& style,
                                      TTF_Font* font) {
  // Keyed by colour too: a line drawn in its own colour blits faster in the software renderer
  // than a white one tinted with SDL_SetTextureColorMod.
  const ui::Color c = style.color;
  const std::string key = std::to_string(style.size_px) +
                          (style.weight == ui::FontWeight::bold ? "b" : "r") +
                          std::to_string((c.r << 16) | (c.g << 8) | c.b) + ":" + line;
  if (SDL_Texture* t = m_lines.find(key)) return t;
  SurfacePtr surface{TTF_RenderUTF8_Blended(font, line.c_str(), SDL_Color{c.r, c.g, c.b, 255})};
  if (!surface) return nullptr;
  TexturePtr texture{SDL_CreateTextureFromSurface(m_renderer, surface.get())};
  if (!texture) return nullptr;
  SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
  return m_lines.put(key, std::move(texture));
}

ui::Size SdlPainter::text(ui::Point at, std::string_view text, const ui::TextStyle& style,
                          int wrap_width_px) {
  // Valid until the next layout() call, which may clear the map; nothing below calls it.
  const Layout& lay = layout(text, style, wrap_width_px);
  TTF_Font* font = m_fonts.get(style.size_px, style.weight);
  const int skip = TTF_FontLineSkip(font);
  // Only the lines inside the clip are drawn (and rendered to textures): a long paragraph that
  // is mostly scrolled away costs one line, and its hidden lines do not crowd the cache.
  const int reach = std::max(skip, TTF_FontHeight(font));
  const bool clipped = !m_clips.empty();
  const int top = clipped ? m_clips.back().y : 0;
  const int bottom = clipped ? m_clips.back().y + m_clips.back().h : 0;
  int y = at.y;
  for (const auto& line : lay.lines) {
    const bool hidden = clipped && (y + reach <= top || y >= bottom);
    if (!line.empty() && !hidden) {
      if (SDL_Texture* t = line_texture(line, style, font)) {
        int w = 0;
        int h = 0;
        SDL_QueryTexture(t, nullptr, nullptr, &w, &h);
        SDL_SetTextureAlphaMod(t, style.color.a);
        const SDL_Rect dst{at.x, y, w, h};
        SDL_RenderCopy(m_renderer, t, nullptr, &dst);
      }
    }
    y += skip;
  }
  return lay.size;
}

void SdlPainter::fill_rect(const ui::Rect& rect, ui::Color color) {
  if (rect.empty()) return;
  set_color(m_renderer, color);
  const SDL_Rect r = to_sdl(rect);
  SDL_RenderFillRect(m_renderer, &r);
}

void SdlPainter::fill_rounded_rect(const ui::Rect& rect, int radius_px, ui::Color color) {
  if (rect.empty()) return;
  const int r = std::clamp(radius_px, 0, std::min(rect.width, rect.height) / 2);
  set_color(m_renderer, color);
  if (r == 0) {
    fill_rect(rect, color);
    return;
  }
  // The straight middle, then one row at a time for the rounded top and bottom bands.
  const SDL_Rect middle{rect.x, rect.y + r, rect.width, rect.height - 2 * r};
  SDL_RenderFillRect(m_renderer, &middle);
  for (int i = 0; i < r; ++i) {
    const double dy = r - i - 0.5;
    const int inset = static_cast<int>(std::lround(r - std::sqrt(double(r) * r - dy * dy)));
    const SDL_Rect top{rect.x + inset, rect.y + i, rect.width - 2 * inset, 1};
    const SDL_Rect bottom{rect.x + inset, rect.bottom() - 1 - i, rect.width - 2 * inset, 1};
    SDL_RenderFillRect(m_renderer, &top);
    SDL_RenderFillRect(m_renderer, &bottom);
  }
}

void SdlPainter::fill_triangle(ui::Point a, ui::Point b, ui::Point c, ui::Color color) {
  SDL_SetRenderDrawBlendMode(m_renderer, color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  const SDL_Color col{color.r, color.g, color.b, color.a};
  const SDL_Vertex v[3] = {
      {{float(a.x), float(a.y)}, col, {0.f, 0.f}},
      {{float(b.x), float(b.y)}, col, {0.f, 0.f}},
      {{float(c.x), float(c.y)}, col, {0.f, 0.f}},
  };
  SDL_RenderGeometry(m_renderer, nullptr, v, 3, nullptr, 0);
}

SDL_Texture* SdlPainter::image_texture(const std::string& id) {
  if (SDL_Texture* t = m_images.find(id)) return t;
  const auto known = m_image_sizes.find(id);
  if (known != m_image_sizes.end() && !known->second) return nullptr;  // failed before
  TexturePtr texture{IMG_LoadTexture(m_renderer, id.c_str())};
  if (!texture) {
    if (m_image_sizes.size() > 1024) m_image_sizes.clear();
    m_image_sizes[id] = std::nullopt;
    return nullptr;
  }
  int w = 0;
  int h = 0;
  SDL_QueryTexture(texture.get(), nullptr, nullptr, &w, &h);
  if (m_image_sizes.size() > 1024) m_image_sizes.clear();
  m_image_sizes[id] = ui::Size{w, h};
  return m_images.put(id, std::move(texture));
}

std::optional<ui::Size> SdlPainter::image_size(const std::string& id) {
  if (const auto it = m_image_sizes.find(id); it != m_image_sizes.end()) return it->second;
  (void)image_texture(id);
  return m_image_sizes[id];
}

void SdlPainter::image(const ui::Rect& rect, const std::string& id) {
  if (SDL_Texture* t = image_texture(id)) {
    const SDL_Rect dst = to_sdl(rect);
    SDL_RenderCopy(m_renderer, t, nullptr, &dst);
  }
}

void SdlPainter::push_clip(const ui::Rect& rect) {
  SDL_Rect clip = to_sdl(rect);
  if (!m_clips.empty()) {
    SDL_Rect both{};
    if (!SDL_IntersectRect(&clip, &m_clips.back(), &both)) both = {clip.x, clip.y, 0, 0};
    clip = both;
  }
  m_clips.push_back(clip);
  SDL_RenderSetClipRect(m_renderer, &m_clips.back());
}

void SdlPainter::pop_clip() {
  if (!m_clips.empty()) m_clips.pop_back();
  SDL_RenderSetClipRect(m_renderer, m_clips.empty() ? nullptr : &m_clips.back());
}

}  // namespace tinxa::kiosk::render
