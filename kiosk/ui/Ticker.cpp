#include "kiosk/ui/Ticker.hpp"

#include "content/text/Fold.hpp"
#include "content/time/Date.hpp"
#include "content/time/Validity.hpp"
#include "kiosk/ui/UiText.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui {

bool is_notice(const content::Page& page) {
  return std::any_of(page.tags.begin(), page.tags.end(), [](const std::string& tag) {
    const std::string folded = content::fold_for_search(tag);
    return folded == "thong bao" || folded == "notice";
  });
}

std::vector<std::string> ticker_items(const content::Bundle& bundle, content::TimePoint now,
                                      const content::TimeZone& zone, std::string_view language,
                                      int new_days) {
  std::vector<std::string> out;
  const auto today = std::chrono::sys_days{zone.to_local(now).date};
  std::vector<const content::Page*> fresh;
  for (const content::Page& page : bundle.pages) {
    if (!content::visible_at(page.validity, now, zone)) continue;
    if (is_notice(page)) {
      out.push_back(ui_format(UiText::ticker_notice, language, {page.title.get(language)}));
    } else if (page.validity.from &&
               today - std::chrono::sys_days{*page.validity.from} < std::chrono::days{new_days}) {
      fresh.push_back(&page);
    }
  }
  for (const content::Page* page : fresh)
    out.push_back(ui_format(UiText::ticker_new, language, {page->title.get(language)}));
  return out;
}

void Ticker::set_items(std::vector<std::string> items) {
  if (items == m_items) return;
  const std::string current = m_page < m_items.size() ? m_items[m_page] : std::string();
  m_items = std::move(items);
  const auto it = std::find(m_items.begin(), m_items.end(), current);
  m_page = it != m_items.end() ? static_cast<std::size_t>(it - m_items.begin()) : 0;
  m_shown = std::chrono::milliseconds{0};
}

bool Ticker::set_next_broadcast(std::string line) {
  if (line == m_next) return false;
  m_next = std::move(line);
  return true;
}

bool Ticker::advance(std::chrono::milliseconds dt) {
  if (m_items.size() < 2) return false;
  m_shown += dt;
  if (m_shown < m_page_time) return false;
  m_shown = std::chrono::milliseconds{0};
  m_page = (m_page + 1) % m_items.size();
  return true;
}

std::chrono::milliseconds Ticker::until_next() const noexcept {
  if (m_items.size() < 2) return std::chrono::hours{1};
  return std::max(std::chrono::milliseconds{1}, m_page_time - m_shown);
}

int Ticker::height(const Theme& theme, Measurer& measurer, int width) const {
  if (empty()) return 0;
  const int pad = theme.mm(2.0);
  int h = pad;
  if (!m_items.empty()) h += measurer.measure_text("Ấy", theme.body_bold(), 0).height;
  if (!m_next.empty()) h += measurer.measure_text("Ấy", theme.body(), 0).height;
  (void)width;
  return h + pad;
}

void Ticker::render(Painter& painter, const Theme& theme, const Rect& rect) const {
  if (empty() || rect.height <= 0) return;
  const Palette& p = theme.palette();
  painter.fill_rounded_rect(rect, theme.radius_px(), p.warning_background);
  ClipScope clip(painter, rect);
  const int pad = theme.mm(2.0);
  int y = rect.y + pad;
  const int x = rect.x + theme.mm(3.0);
  const int width = rect.width - theme.mm(6.0);
  if (!m_items.empty()) {
    TextStyle style = theme.body_bold();
    std::string counter;
    if (m_items.size() > 1) {
      counter = std::to_string(m_page + 1) + "/" + std::to_string(m_items.size());
    }
    const Size cs = painter.measure_text(counter, theme.body(), 0);
    // One line: a notice too long for it is cut, and the page is there to read it whole.
    {
      ClipScope line(painter, {x, y, width - cs.width - theme.mm(3.0), rect.height});
      y += painter.text({x, y}, m_items[m_page], style, 0).height;
    }
    if (!counter.empty())
      painter.text({x + width - cs.width, rect.y + pad}, counter, theme.body(), 0);
  }
  if (!m_next.empty()) painter.text({x, y}, m_next, theme.body(), 0);
}

}  // namespace tinxa::kiosk::ui
