#include "kiosk/ui/MaintenanceScreen.hpp"

#include "content/model/LocalizedText.hpp"
#include "kiosk/ui/Catalog.hpp"
#include "kiosk/ui/UiText.hpp"

#include <algorithm>
#include <chrono>
#include <utility>
#include <vector>

namespace tinxa::kiosk::ui {

MaintenanceScreen::MaintenanceScreen(const Theme& theme, std::string commune,
                                     const content::Clock& clock, const content::TimeZone& zone)
    : m_theme(theme), m_commune(std::move(commune)), m_clock(clock), m_zone(zone) {}

void MaintenanceScreen::layout(const Rect& area, Measurer& measurer) {
  (void)measurer;
  m_area = area;
}

bool MaintenanceScreen::input(const Action& action) {
  (void)action;
  return false;
}

std::string MaintenanceScreen::date_time(std::string_view language) const {
  const auto local = m_zone.to_local(m_clock.now());
  std::string text = format_date_time_vi(local);
  if (ui_language(language) == content::kVietnamese) return text;
  const auto day = std::chrono::weekday{std::chrono::sys_days{local.date}}.c_encoding();
  const auto key = static_cast<UiText>(static_cast<std::size_t>(UiText::sunday) + day);
  return std::string(ui_text(key, language)) + text.substr(text.find(','));
}

void MaintenanceScreen::render(Painter& painter) const {
  const Palette& p = m_theme.palette();
  painter.fill_rect(m_area, p.background);
  const int margin = m_theme.margin_px();
  const int gap = m_theme.gap_px();
  const int card_w = std::min(m_area.width - 2 * margin, m_theme.mm(260.0));
  const int inner = card_w - 2 * margin;
  TextStyle muted = m_theme.body();  // the English lines under the Vietnamese ones
  muted.color = p.muted_text;
  struct Line {
    std::string text;
    TextStyle style;
    int space_before;
  };
  std::vector<Line> lines;
  if (!m_commune.empty()) lines.push_back({m_commune, m_theme.heading(), 0});
  lines.push_back({date_time(content::kVietnamese), m_theme.body(), lines.empty() ? 0 : gap});
  lines.push_back({date_time("en"), muted, 0});
  lines.push_back({std::string(ui_text(UiText::maintenance_title, content::kVietnamese)),
                   m_theme.title(), gap * 3});
  lines.push_back(
      {std::string(ui_text(UiText::maintenance_hint, content::kVietnamese)), m_theme.body(), gap});
  lines.push_back(
      {std::string(ui_text(UiText::maintenance_title, "en")), m_theme.heading(), gap * 2});
  lines.push_back({std::string(ui_text(UiText::maintenance_hint, "en")), muted, gap});

  int height = 0;
  for (const Line& line : lines) {
    height += line.space_before + painter.measure_text(line.text, line.style, inner).height;
  }
  const int card_h = std::min(m_area.height - 2 * margin, height + 2 * margin);
  const Rect card{m_area.x + (m_area.width - card_w) / 2,
                  m_area.y + std::max(margin, (m_area.height - card_h) / 2), card_w, card_h};
  painter.fill_rounded_rect(card, m_theme.radius_px(), p.border);
  painter.fill_rounded_rect(card.inset(std::max(2, m_theme.mm(0.8))), m_theme.radius_px(),
                            p.surface);
  int y = card.y + margin;
  for (const Line& line : lines) {
    y += line.space_before;
    y += painter.text({card.x + margin, y}, line.text, line.style, inner).height;
  }
}

}  // namespace tinxa::kiosk::ui
