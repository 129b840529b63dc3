#pragma once

#include "content/eligibility/Answers.hpp"
#include "content/eligibility/Eligibility.hpp"
#include "content/eligibility/Standard.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::kiosk::ui::selfcheck {

// A band of the household's total monthly income, offered instead of an exact amount (most poor
// households only know "less than about X"). Whole đồng, the whole household, per month.
struct IncomeBand {
  content::Vnd low = 0;              // inclusive
  std::optional<content::Vnd> high;  // inclusive; nullopt: no upper end

  friend bool operator==(const IncomeBand&, const IncomeBand&) = default;
};

// The per-person monthly figure that stands for "no upper end" in the engine's range (the engine
// takes only finite ranges). Far above any income; SelfCheckResult shows such a range as "over".
inline constexpr content::Vnd kNoUpperEnd = 1'000'000'000'000'000;

// The distinct income lines (per person per month) of every standard in `choice` for `area`:
// each poverty line and each average-living upper line the standard defines, ascending.
[[nodiscard]] std::vector<content::Vnd> income_lines(const content::StandardChoice& choice,
                                                     content::Area area);

// The bands for a household of `members` (>= 1): [0, L1*m], [L1*m + 1, L2*m], ..., [Lk*m + 1, no
// end] for the lines L1 < ... < Lk. The engine counts a per-person income AT OR BELOW a line as
// inside it ("từ ... trở xuống"), and its per-person figure is the total divided by the members
// rounded up, so every total of a band lands on the same side of every line: each band gives one
// settled category per standard (given the deprivations).
[[nodiscard]] std::vector<IncomeBand> income_bands(const content::StandardChoice& choice,
                                                   content::Area area, int members);

// The engine's answer for a band: the range, per month; no upper end is kNoUpperEnd per person.
[[nodiscard]] content::IncomeAnswer income_answer(const IncomeBand& band, int members);

// The button's words: "Từ 6.000.000 đồng trở xuống", "Trên 6.000.000 đến 9.000.000 đồng",
// "Trên 9.000.000 đồng" (UiText, in `language`).
[[nodiscard]] std::string band_label(const IncomeBand& band, std::string_view language);

// The engine's per-person range as the result shows it: one amount when low == high, else "từ
// 1.500.000 đồng trở xuống", "trên 1.500.000 đồng đến 2.250.000 đồng", "trên 2.250.000 đồng" (a
// range starting at 0, ending at kNoUpperEnd or more, or starting 1 đồng above a line).
[[nodiscard]] std::string per_person_range_text(content::Vnd low, content::Vnd high,
                                                std::string_view language);

}  // namespace tinxa::kiosk::ui::selfcheck
