#include "kiosk/ui/HomeScreen.hpp"

#include "kiosk/ui/KeyGrid.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

namespace tinxa::kiosk::ui {
namespace {

// A home tile like a category's, with a picture drawn by `picture` (given the top-left of its
// square and the square's side) in place of an icon file, its title and one line of summary.
void render_drawn_tile(Painter& painter, const Theme& t, const Rect& rect, bool pressed, Color edge,
                       int border, const std::string& title, const std::string& words,
                       const std::function<void(Point, int)>& picture) {
  const Palette& p = t.palette();
  painter.fill_rounded_rect(rect, t.radius_px(), edge);
  painter.fill_rounded_rect(rect.inset(border), t.radius_px(),
                            pressed ? p.surface_pressed : p.surface);
  painter.touch_target(rect);
  ClipScope clip(painter, rect.inset(border));
  const Rect inner = rect.inset(t.mm(4.0));
  int y = inner.y;
  const int side = std::min(t.mm(20.0), inner.height / 3);
  if (side > t.mm(8.0)) {
    picture(Point{inner.x, y}, side);
    y += side + t.mm(2.5);
  }
  const Size ts = painter.text({inner.x, y}, title, t.tile_title(), inner.width);
  y += ts.height + t.mm(1.5);
  TextStyle summary = t.body();
  summary.color = p.muted_text;
  summary.size_px = t.small().size_px;
  const Size ss = painter.measure_text(words, summary, inner.width);
  if (y + ss.height <= inner.bottom()) painter.text({inner.x, y}, words, summary, inner.width);
}

}  // namespace

HomeScreen::HomeScreen(const Theme& theme, Navigator& navigator, std::string heading,
                       std::vector<const content::Category*> categories, const Ticker* ticker)
    : m_theme(theme),
      m_navigator(navigator),
      m_heading(std::move(heading)),
      m_large_text(theme, std::string(ui_text(UiText::large_text, "vi")), Icon::large_text,
                   Button::Kind::toggle, [this] { m_navigator.toggle_large_text(); }),
      m_contrast(theme, std::string(ui_text(UiText::high_contrast, "vi")), Icon::contrast,
                 Button::Kind::toggle, [this] { m_navigator.toggle_high_contrast(); }),
      m_search(theme, std::string(ui_text(UiText::search_wide, "vi")), Icon::search,
               Button::Kind::navigation, [this] { m_navigator.open_search(); }) {
  for (const content::Category* c : categories) m_tiles.push_back({c, {}, {}});
  m_ticker = ticker;
}

void HomeScreen::layout(const Rect& area, Measurer& measurer) {
  m_area = area;
  const Theme& t = m_theme;
  const int margin = t.margin_px();
  const int gap = t.gap_px();
  const int inner_w = area.width - 2 * margin;

  const Size hs = measurer.measure_text(m_heading, t.title(), inner_w);
  m_heading_rect = {area.x + margin, area.y + t.mm(3.0), inner_w, hs.height};
  // The ticker of notices and the next broadcast, under the heading; the grid starts below it.
  m_ticker_rect = {area.x + margin, m_heading_rect.bottom() + t.mm(2.0), inner_w,
                   m_ticker != nullptr ? m_ticker->height(t, measurer, inner_w) : 0};
  const int above_grid =
      m_ticker_rect.height > 0 ? m_ticker_rect.bottom() : m_heading_rect.bottom();

  // The switches: a row along the bottom, always in the same place.
  const int switch_h = t.target_px();
  const int switch_y = area.bottom() - gap - switch_h;
  // Wide enough for icon and label on one line at either text size.
  auto width_for = [&](const Button& b) {
    const int label = measurer.measure_text(b.label(), t.button(), 0).width;
    return std::min(inner_w / 2 - gap, std::max(t.mm(60.0), label + t.mm(8.0 + 2.5 + 8.0)));
  };
  const int large_w = width_for(m_large_text);
  m_large_text.set_rect({area.x + margin, switch_y, large_w, switch_h});
  m_contrast.set_rect(
      {area.x + margin + large_w + gap * 2, switch_y, width_for(m_contrast), switch_h});
  const int search_w =
      std::max(t.mm(70.0), measurer.measure_text(m_search.label(), t.button(), 0).width +
                               t.mm(8.0 + 2.5 + 8.0));
  // The language switch (Tiếng Việt, English, ...) after the switches, or on a row of its own
  // above them where the row is too narrow.
  int row_right = m_contrast.rect().right();
  int top_row_y = switch_y;
  if (!m_languages.empty()) {
    std::vector<int> widths;
    int total = 0;
    for (const auto& b : m_languages) {
      widths.push_back(std::max(
          t.mm(40.0), measurer.measure_text(b->label(), t.button(), 0).width + t.mm(8.0 + 4.0)));
      total += widths.back() + (widths.size() > 1 ? gap * 2 : 0);
    }
    int x = row_right + gap * 2;
    if (x + total > area.right() - margin) {
      x = area.x + margin;
      top_row_y = switch_y - gap * 2 - switch_h;
    }
    for (std::size_t i = 0; i < m_languages.size(); ++i) {
      m_languages[i]->set_rect({x, top_row_y, widths[i], switch_h});
      m_languages[i]->set_on(m_language_codes[i] == m_language);
      x += widths[i] + gap * 2;
    }
    if (top_row_y == switch_y) row_right = m_languages.back()->rect().right();
  }
  const int row_free = area.right() - margin - (row_right + gap * 2);
  int grid_bottom = top_row_y - gap * 2;
  if (row_free >= search_w && top_row_y == switch_y) {
    m_search.set_rect({area.right() - margin - search_w, switch_y, search_w, switch_h});
  } else {
    m_search.set_rect({area.x + margin, top_row_y - gap * 2 - switch_h, inner_w, switch_h});
    grid_bottom = m_search.rect().y - gap * 2;
  }
  m_large_text.set_on(t.text_scale() == TextScale::large);
  m_contrast.set_on(t.contrast() == ContrastMode::high);

  // The tile grid between: choose the column count whose tiles are closest to 4:3 and leave
  // fewest empty cells.
  const Rect grid{area.x + margin, above_grid + t.mm(4.0), inner_w,
                  grid_bottom - (above_grid + t.mm(4.0))};
  const int n = static_cast<int>(m_tiles.size()) + (m_self_check ? 1 : 0) + (m_hear_again ? 1 : 0);
  if (n == 0) return;
  int best_cols = 1;
  double best_score = 1e9;
  for (int cols = 1; cols <= n; ++cols) {
    const int rows = (n + cols - 1) / cols;
    const double w = double(grid.width - (cols - 1) * gap * 2) / cols;
    const double h = double(grid.height - (rows - 1) * gap * 2) / rows;
    if (w < t.target_px() || h < t.target_px()) continue;
    const double score = std::abs(std::log((w / h) / (4.0 / 3.0))) + 0.15 * (rows * cols - n);
    if (score < best_score) {
      best_score = score;
      best_cols = cols;
    }
  }
  const int rows = (n + best_cols - 1) / best_cols;
  const int tile_w = (grid.width - (best_cols - 1) * gap * 2) / best_cols;
  const int tile_h = (grid.height - (rows - 1) * gap * 2) / rows;
  for (int i = 0; i < n; ++i) {
    const int r = i / best_cols;
    const int c = i % best_cols;
    const Rect cell{grid.x + c * (tile_w + gap * 2), grid.y + r * (tile_h + gap * 2), tile_w,
                    tile_h};
    if (i < static_cast<int>(m_tiles.size())) {
      m_tiles[static_cast<std::size_t>(i)].rect = cell;
    } else if (m_self_check && i == static_cast<int>(m_tiles.size())) {
      m_self_check_rect = cell;  // the self-check tile after the categories
    } else {
      m_hear_again_rect = cell;  // "Nghe lại loa hôm nay" last
    }
  }
}

bool HomeScreen::input(const Action& action) {
  if (m_large_text.input(action) || m_contrast.input(action) || m_search.input(action)) {
    return true;
  }
  for (const auto& language : m_languages) {
    if (language->input(action)) return true;
  }
  bool consumed = false;
  if (m_hear_again) {
    consumed = offer_tap(m_hear_again_tap, action, m_hear_again_rect, true,
                         [this] { m_navigator.open_hear_again(); });
  }
  if (m_self_check) {
    consumed = offer_tap(m_self_check_tap, action, m_self_check_rect, true,
                         [this] { m_navigator.open_self_check(); }) ||
               consumed;
  }
  return offer_taps(m_tiles, action,
                    [this](const Tile& tile) { m_navigator.open_category(tile.category->id); }) ||
         consumed;
}

void HomeScreen::render_tile(Painter& painter, const Tile& tile) const {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  const int border = std::max(2, t.mm(0.6));
  painter.fill_rounded_rect(tile.rect, t.radius_px(), p.border);
  painter.fill_rounded_rect(tile.rect.inset(border), t.radius_px(),
                            tile.tap.pressed() ? p.surface_pressed : p.surface);
  painter.touch_target(tile.rect);
  ClipScope clip(painter, tile.rect.inset(border));
  const int pad = t.mm(4.0);
  const Rect inner = tile.rect.inset(pad);
  int y = inner.y;
  if (tile.category->icon) {
    const std::string id = tile.category->icon->path.absolute.string();
    const int side = std::min(t.mm(24.0), inner.height / 3);
    if (const auto size = painter.image_size(id); size && size->height > 0) {
      const int w = side * size->width / size->height;
      painter.image({inner.x, y, w, side}, id);
      y += side + t.mm(2.5);
    }
  }
  const Size ts =
      painter.text({inner.x, y}, tile.category->title.get(m_language), t.tile_title(), inner.width);
  y += ts.height + t.mm(1.5);
  if (!tile.category->summary.empty()) {
    TextStyle summary = t.body();
    summary.color = p.muted_text;
    summary.size_px = t.small().size_px;
    // Only when it fits whole: a summary cut in the middle of a line helps nobody.
    const Size ss =
        painter.measure_text(tile.category->summary.get(m_language), summary, inner.width);
    if (y + ss.height <= inner.bottom()) {
      painter.text({inner.x, y}, tile.category->summary.get(m_language), summary, inner.width);
    }
  }
}

void HomeScreen::render_self_check_tile(Painter& painter) const {
  // A thick accent edge and a drawn clipboard with ticks.
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  render_drawn_tile(
      painter, t, m_self_check_rect, m_self_check_tap.pressed(), p.accent, std::max(3, t.mm(1.2)),
      words(UiText::self_check_title), words(UiText::self_check_summary), [&](Point at, int side) {
        const int line = std::max(2, side / 12);
        const Rect board{at.x, at.y, side * 3 / 4, side};
        painter.fill_rounded_rect(board, line * 2, p.accent);
        painter.fill_rect(board.inset(line * 2), p.surface);
        painter.fill_rect({board.x + board.width / 3, board.y - line, board.width / 3, line * 3},
                          p.accent);
        for (int i = 0; i < 3; ++i) {
          const int ly = board.y + side / 4 + i * side / 4;
          painter.fill_rect({board.x + line * 4, ly, line * 2, line * 2}, p.accent);
          painter.fill_rect({board.x + line * 8, ly, board.width - line * 11, line * 2}, p.text);
        }
      });
}

void HomeScreen::set_languages(const std::vector<std::string>& languages, std::string current) {
  m_languages.clear();
  m_language_codes.clear();
  m_language = std::move(current);
  m_large_text.set_label(words(UiText::large_text));
  m_contrast.set_label(words(UiText::high_contrast));
  m_search.set_label(words(UiText::search_wide));
  if (languages.size() < 2) return;
  for (const std::string& code : languages) {
    m_language_codes.push_back(code);
    m_languages.push_back(
        std::make_unique<Button>(m_theme, language_name(code), Icon::none, Button::Kind::toggle,
                                 [this, code] { m_navigator.choose_language(code); }));
  }
}

std::string HomeScreen::words(UiText key) const { return std::string(ui_text(key, m_language)); }

std::string HomeScreen::language_name(const std::string& code) {
  if (code == "vi") return "Tiếng Việt";
  if (code == "en") return "English";
  if (code == "fr") return "Français";
  if (code == "zh") return "中文";
  if (code == "km") return "ខ្មែរ";
  return code;
}

void HomeScreen::render_hear_again_tile(Painter& painter) const {
  // A drawn loudspeaker (a horn) with two sound waves.
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  render_drawn_tile(
      painter, t, m_hear_again_rect, m_hear_again_tap.pressed(), p.border, std::max(2, t.mm(0.6)),
      words(UiText::hear_again_title), words(UiText::hear_again_summary), [&](Point at, int side) {
        const int box_h = side / 3;
        painter.fill_rect({at.x, at.y + (side - box_h) / 2, side / 4, box_h}, p.accent);
        painter.fill_triangle({at.x + side / 5, at.y + side / 2}, {at.x + side * 3 / 4, at.y},
                              {at.x + side * 3 / 4, at.y + side}, p.accent);
        const int wave = std::max(2, side / 12);
        for (int i = 0; i < 2; ++i) {
          const int h = side / 3 + i * side / 3;
          painter.fill_rect({at.x + side * 7 / 8 + i * side / 5, at.y + (side - h) / 2, wave, h},
                            p.accent);
        }
      });
}

void HomeScreen::render(Painter& painter) const {
  const Palette& p = m_theme.palette();
  painter.fill_rect(m_area, p.background);
  painter.text({m_heading_rect.x, m_heading_rect.y}, m_heading, m_theme.title(),
               m_heading_rect.width);
  if (m_ticker != nullptr) m_ticker->render(painter, m_theme, m_ticker_rect);
  for (const Tile& tile : m_tiles) render_tile(painter, tile);
  if (m_self_check) render_self_check_tile(painter);
  if (m_hear_again) render_hear_again_tile(painter);
  for (const auto& language : m_languages) language->render(painter);
  m_large_text.render(painter);
  m_contrast.render(painter);
  m_search.render(painter);
}

}  // namespace tinxa::kiosk::ui
