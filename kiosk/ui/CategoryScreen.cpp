#include "kiosk/ui/CategoryScreen.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui {

CategoryScreen::CategoryScreen(const Theme& theme, Navigator& navigator,
                               const content::Category& category,
                               std::vector<const content::Page*> pages, std::string language)
    : DocumentScreen(theme, navigator),
      m_category(category),
      m_pages(std::move(pages)),
      m_language(std::move(language)) {}

void CategoryScreen::build(DisplayList& list, int width, Measurer& measurer) {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  const int gap = t.gap_px();
  int y = t.mm(4.0);

  const TextStyle title = t.title();
  const Size title_size = measurer.measure_text(m_category.title.get(m_language), title, width);
  list.add_text({0, y, title_size.width, title_size.height}, m_category.title.get(m_language),
                title, width);
  y += title_size.height + gap;
  if (!m_category.summary.empty() && !m_category.summary.get(m_language).empty()) {
    TextStyle summary = t.body();
    summary.color = p.muted_text;
    const Size s = measurer.measure_text(m_category.summary.get(m_language), summary, width);
    list.add_text({0, y, s.width, s.height}, m_category.summary.get(m_language), summary, width);
    y += s.height + gap;
  }
  y += gap;

  if (m_pages.empty()) {
    const std::string none = m_language == "en" ? "There is no information in this section yet."
                                                : "Hiện chưa có thông tin nào trong mục này.";
    const Size s = measurer.measure_text(none, t.body(), width);
    list.add_text({0, y, s.width, s.height}, none, t.body(), width);
    return;
  }

  const int pad = t.mm(4.0);
  const int border = std::max(2, t.mm(0.5));
  const int chevron = t.mm(10.0);
  const int text_width = width - 2 * pad - chevron;
  for (const content::Page* page : m_pages) {
    const TextStyle row_title = t.tile_title();
    TextStyle row_summary = t.body();
    row_summary.color = p.muted_text;
    const Size ts = measurer.measure_text(page->title.get(m_language), row_title, text_width);
    const Size ss = measurer.measure_text(page->summary.get(m_language), row_summary, text_width);
    const int content_h = ts.height + t.mm(1.5) + ss.height;
    const int row_h = std::max(t.target_px(), content_h + 2 * pad);
    const Rect row{0, y, width, row_h};
    const int link = list.add_link(row);
    list.add_rounded_rect(row, t.radius_px(), p.border);
    list.add_rounded_rect(row.inset(border), t.radius_px(), p.surface, link);
    const int top = y + (row_h - content_h) / 2;
    list.add_text({pad, top, ts.width, ts.height}, page->title.get(m_language), row_title,
                  text_width);
    list.add_text({pad, top + ts.height + t.mm(1.5), ss.width, ss.height},
                  page->summary.get(m_language), row_summary, text_width);
    TextStyle arrow = t.title();
    arrow.color = p.text;
    const Size as = measurer.measure_text("›", arrow, 0);
    list.add_text({width - pad - as.width, y + (row_h - as.height) / 2, as.width, as.height}, "›",
                  arrow, 0);
    y += row_h + gap;
  }
}

void CategoryScreen::activate_link(int index) {
  if (index >= 0 && static_cast<std::size_t>(index) < m_pages.size()) {
    m_navigator.open_page(m_pages[static_cast<std::size_t>(index)]->id);
  }
}

}  // namespace tinxa::kiosk::ui
