#include "kiosk/ui/Attract.hpp"

#include "content/text/Fold.hpp"
#include "content/time/Validity.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui {

bool is_highlight(const content::Page& page) {
  return std::any_of(page.tags.begin(), page.tags.end(), [](const std::string& tag) {
    const std::string folded = content::fold_for_search(tag);
    return folded == "noi bat" || folded == "highlight";
  });
}

std::vector<const content::Page*> attract_pages(const content::Bundle& bundle,
                                                content::TimePoint now,
                                                const content::TimeZone& zone, std::size_t newest) {
  std::vector<const content::Page*> highlighted;
  std::vector<const content::Page*> visible;
  for (const content::Page& page : bundle.pages) {
    if (!content::visible_at(page.validity, now, zone)) continue;
    visible.push_back(&page);
    if (is_highlight(page)) highlighted.push_back(&page);
  }
  if (!highlighted.empty()) return highlighted;
  std::stable_sort(visible.begin(), visible.end(),
                   [](const content::Page* a, const content::Page* b) {
                     return std::chrono::sys_days{a->updated} > std::chrono::sys_days{b->updated};
                   });
  if (visible.size() > newest) visible.resize(newest);
  return visible;
}

void Attract::start(std::vector<const content::Page*> pages, const content::Bundle& bundle) {
  m_pages = std::move(pages);
  m_categories.clear();
  for (const content::Page* page : m_pages) {
    const content::Category* c = bundle.find_category(page->category);
    m_categories.push_back(c != nullptr ? c->title.get() : std::string());
  }
  m_index = 0;
  m_shown = std::chrono::milliseconds{0};
  m_active = !m_pages.empty();
}

void Attract::stop() noexcept {
  m_active = false;
  m_pages.clear();
  m_categories.clear();
}

bool Attract::advance(std::chrono::milliseconds dt) {
  if (!m_active) return false;
  m_shown += dt;
  if (m_shown < m_slide) return false;
  m_shown = std::chrono::milliseconds{0};
  if (++m_index >= m_pages.size()) {
    m_index = 0;
  }
  ++m_cycle;  // every slide moves the picture a little: no pixel stays lit the same way for long
  return true;
}

std::chrono::milliseconds Attract::until_next() const noexcept {
  if (!m_active) return std::chrono::hours{1};
  return std::max(std::chrono::milliseconds{1}, m_slide - m_shown);
}

const content::Page* Attract::current() const noexcept {
  return m_active && m_index < m_pages.size() ? m_pages[m_index] : nullptr;
}

Point Attract::shift(int max_px) const noexcept {
  // A slow walk around a square of side 2 * max_px, in 8 steps.
  static constexpr int kX[8] = {0, 1, 1, 1, 0, -1, -1, -1};
  static constexpr int kY[8] = {-1, -1, 0, 1, 1, 1, 0, -1};
  const std::size_t i = m_cycle % 8;
  return {kX[i] * max_px, kY[i] * max_px};
}

void Attract::render(Painter& painter, const Theme& theme) const {
  const Palette& p = theme.palette();
  const Size s = theme.screen();
  painter.fill_rect({0, 0, s.width, s.height}, p.background);
  const content::Page* page = current();
  if (page == nullptr) return;
  const Point d = shift(theme.mm(1.5));
  const int margin = theme.mm(20.0);
  const int width = std::min(s.width - 2 * margin, theme.mm(300.0));
  const int x = (s.width - width) / 2 + d.x;
  int y = theme.mm(20.0) + d.y;
  TextStyle category = theme.heading();
  category.color = p.muted_text;
  const std::string& category_title = m_categories[m_index];
  if (!category_title.empty()) {
    y += painter.text({x, y}, category_title, category, width).height + theme.mm(4.0);
  }
  TextStyle title = theme.title();
  title.size_px = title.size_px * 3 / 2;
  y += painter.text({x, y}, page->title.get(), title, width).height + theme.mm(6.0);
  if (!page->summary.empty()) {
    y += painter.text({x, y}, page->summary.get(), theme.heading(), width).height + theme.mm(6.0);
  }
  for (const auto& block : page->body) {
    if (const auto* paragraph = std::get_if<content::Paragraph>(&block)) {
      painter.text({x, y}, paragraph->text.get(), theme.body(), width);
      break;
    }
  }
  // The invitation along the bottom, on the accent colour like the buttons.
  const int band_h = theme.target_px();
  const Rect band{0, s.height - band_h - theme.mm(8.0) + d.y, s.width, band_h};
  painter.fill_rect(band, p.accent);
  TextStyle hint = theme.button();
  hint.color = p.accent_text;
  const Size hs = painter.measure_text(kTouchHint, hint, 0);
  painter.text({(s.width - hs.width) / 2 + d.x, band.y + (band.height - hs.height) / 2}, kTouchHint,
               hint, 0);
  // Which slide of how many, as dots.
  const std::size_t n = m_pages.size();
  const int dot = theme.mm(3.0);
  const int dots_w = static_cast<int>(n) * dot * 2;
  for (std::size_t i = 0; i < n; ++i) {
    const Rect r{(s.width - dots_w) / 2 + static_cast<int>(i) * dot * 2 + d.x, band.y - dot * 3,
                 dot, dot};
    painter.fill_rounded_rect(r, dot / 2, i == m_index ? p.text : p.border);
  }
}

}  // namespace tinxa::kiosk::ui
