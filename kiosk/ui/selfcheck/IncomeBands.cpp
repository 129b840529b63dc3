#include "kiosk/ui/selfcheck/IncomeBands.hpp"

#include "kiosk/ui/UiText.hpp"
#include "kiosk/ui/selfcheck/DigitPad.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui::selfcheck {

namespace {

// "6.000.000" (vi) or "6,000,000" (en): the number the band's words put the currency around.
std::string number(content::Vnd amount, std::string_view language) {
  std::string out = group_thousands(amount);
  if (ui_language(language) != "vi") std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

}  // namespace

std::vector<content::Vnd> income_lines(const content::StandardChoice& choice, content::Area area) {
  std::vector<content::Vnd> lines;
  for (const auto& [standard, role] : choice.candidates) {
    (void)role;
    lines.push_back(standard->poverty_line.for_area(area));
    if (standard->average_living_upper)
      lines.push_back(standard->average_living_upper->for_area(area));
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  lines.erase(std::remove_if(lines.begin(), lines.end(), [](content::Vnd l) { return l < 0; }),
              lines.end());
  return lines;
}

std::vector<IncomeBand> income_bands(const content::StandardChoice& choice, content::Area area,
                                     int members) {
  const content::Vnd m = std::max(1, members);
  std::vector<IncomeBand> bands;
  content::Vnd low = 0;
  for (const content::Vnd line : income_lines(choice, area)) {
    // Per person ceil(total / m) <= line exactly when total <= line * m.
    const content::Vnd high = line * m;
    bands.push_back({low, high});
    low = high + 1;
  }
  bands.push_back({low, std::nullopt});
  return bands;
}

content::IncomeAnswer income_answer(const IncomeBand& band, int members) {
  const content::Vnd m = std::max(1, members);
  return {band.low, band.high.value_or(kNoUpperEnd * m), content::IncomePeriod::month};
}

std::string band_label(const IncomeBand& band, std::string_view language) {
  if (!band.high) {
    return ui_format(UiText::income_band_over, language,
                     {number(std::max<content::Vnd>(0, band.low - 1), language)});
  }
  if (band.low == 0) {
    return ui_format(UiText::income_band_up_to, language, {number(*band.high, language)});
  }
  return ui_format(UiText::income_band_between, language,
                   {number(band.low - 1, language), number(*band.high, language)});
}

std::string per_person_range_text(content::Vnd low, content::Vnd high, std::string_view language) {
  const std::string_view money = ui_language(language);
  if (low == high) return content::format_vnd(low, money);
  if (high >= kNoUpperEnd) {
    return ui_format(UiText::range_over, language,
                     {content::format_vnd(std::max<content::Vnd>(0, low - 1), money)});
  }
  if (low == 0) return ui_format(UiText::range_up_to, language, {content::format_vnd(high, money)});
  return ui_format(UiText::range_between, language,
                   {content::format_vnd(low - 1, money), content::format_vnd(high, money)});
}

}  // namespace tinxa::kiosk::ui::selfcheck
