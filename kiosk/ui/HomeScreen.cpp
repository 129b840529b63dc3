#include "kiosk/ui/HomeScreen.hpp"

#include <algorithm>
#include <cmath>

namespace tinxa::kiosk::ui {

HomeScreen::HomeScreen(const Theme& theme, Navigator& navigator, std::string heading,
                       std::vector<const content::Category*> categories)
    : m_theme(theme),
      m_navigator(navigator),
      m_heading(std::move(heading)),
      m_large_text(theme, "Chữ to", Icon::large_text, Button::Kind::toggle,
                   [this] { m_navigator.toggle_large_text(); }),
      m_contrast(theme, "Tương phản cao", Icon::contrast, Button::Kind::toggle,
                 [this] { m_navigator.toggle_high_contrast(); }),
      m_search(theme, "Tìm kiếm", Icon::search, Button::Kind::navigation,
               [this] { m_navigator.open_search(); }) {
  for (const content::Category* c : categories) m_tiles.push_back({c, {}, {}});
}

void HomeScreen::layout(const Rect& area, Measurer& measurer) {
  m_area = area;
  const Theme& t = m_theme;
  const int margin = t.margin_px();
  const int gap = t.gap_px();
  const int inner_w = area.width - 2 * margin;

  const Size hs = measurer.measure_text(m_heading, t.title(), inner_w);
  m_heading_rect = {area.x + margin, area.y + t.mm(3.0), inner_w, hs.height};

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
  const int row_free = area.right() - margin - (m_contrast.rect().right() + gap * 2);
  int grid_bottom = switch_y - gap * 2;
  if (row_free >= search_w) {
    m_search.set_rect({area.right() - margin - search_w, switch_y, search_w, switch_h});
  } else {
    m_search.set_rect({area.x + margin, switch_y - gap * 2 - switch_h, inner_w, switch_h});
    grid_bottom = m_search.rect().y - gap * 2;
  }
  m_large_text.set_on(t.text_scale() == TextScale::large);
  m_contrast.set_on(t.contrast() == ContrastMode::high);

  // The tile grid between: choose the column count whose tiles are closest to 4:3 and leave
  // fewest empty cells.
  const Rect grid{area.x + margin, m_heading_rect.bottom() + t.mm(4.0), inner_w,
                  grid_bottom - (m_heading_rect.bottom() + t.mm(4.0))};
  const int n = static_cast<int>(m_tiles.size());
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
    m_tiles[static_cast<std::size_t>(i)].rect = {grid.x + c * (tile_w + gap * 2),
                                                 grid.y + r * (tile_h + gap * 2), tile_w, tile_h};
  }
}

bool HomeScreen::input(const Action& action) {
  if (m_large_text.input(action) || m_contrast.input(action) || m_search.input(action)) {
    return true;
  }
  bool consumed = false;
  for (Tile& tile : m_tiles) {
    switch (tile.tap.handle(action, tile.rect, true)) {
      case TapTarget::Result::ignored:
        break;
      case TapTarget::Result::consumed:
        consumed = true;
        break;
      case TapTarget::Result::activated:
        m_navigator.open_category(tile.category->id);
        consumed = true;
        break;
    }
  }
  return consumed;
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
      painter.text({inner.x, y}, tile.category->title.get(), t.tile_title(), inner.width);
  y += ts.height + t.mm(1.5);
  if (!tile.category->summary.empty()) {
    TextStyle summary = t.body();
    summary.color = p.muted_text;
    summary.size_px = t.small().size_px;
    // Only when it fits whole: a summary cut in the middle of a line helps nobody.
    const Size ss = painter.measure_text(tile.category->summary.get(), summary, inner.width);
    if (y + ss.height <= inner.bottom()) {
      painter.text({inner.x, y}, tile.category->summary.get(), summary, inner.width);
    }
  }
}

void HomeScreen::render(Painter& painter) const {
  const Palette& p = m_theme.palette();
  painter.fill_rect(m_area, p.background);
  painter.text({m_heading_rect.x, m_heading_rect.y}, m_heading, m_theme.title(),
               m_heading_rect.width);
  for (const Tile& tile : m_tiles) render_tile(painter, tile);
  m_large_text.render(painter);
  m_contrast.render(painter);
  m_search.render(painter);
}

}  // namespace tinxa::kiosk::ui
