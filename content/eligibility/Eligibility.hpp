#pragma once

#include "content/eligibility/Answers.hpp"
#include "content/eligibility/Standard.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::content {

// The self-check engine (issue 5): answers in, an indicative category out. Pure: no I/O, no
// clock, no global state; any thread; throws only std::bad_alloc. Results point into the
// Standards they were computed from, which must outlive them.
//
// The rule (fixed here; the figures and the article come from the standard's file), with the
// income I = the household's per-person monthly income and L, U the standard's lines for the
// household's area:
//   poor                    I <= L  and  deprived indicators >= min_deprivations_for_poor (3)
//   near-poor               I <= L  and  deprived indicators <  min_deprivations_for_poor
//   average living standard L < I <= U  (deprivations do not matter)
//   above the poverty line  L < I, when the standard gives no U: the band is not known, so the
//                           engine does not say whether the household is "average" or not
//   none of these           I > U
// At or below a line is inside it, exactly as the legal texts say ("từ ... trở xuống").

enum class HouseholdCategory { poor, near_poor, average_living_standard, above_poverty_line, none };

// Why a standard takes part in a result.
enum class StandardRole {
  applies,               // the one standard in force on that date for that place
  provincial_uncertain,  // the province's own standard, which may or may not still apply
  national_if_lapsed,    // the national standard, which applies if the provincial one lapsed
};

// The standards a self-check uses on one date in one province.
//
// The documented rule: the national standard is the one whose [from, until] contains the date.
// A standard of the site's province whose [from, until] contains the date overrides it (role
// `applies`, alone). When the date falls after a provincial standard's `until` but on or before
// its `uncertain_until` (it is not known whether the province still applies it, as for Đồng Nai
// in 2026), BOTH are used, provincial first, and the result says the line is uncertain; the
// engine never silently picks one.
struct StandardChoice {
  std::vector<std::pair<const Standard*, StandardRole>> candidates;  // empty: none on that date
  std::vector<LocalizedText> notes;  // about the choice (no provincial standard known, ...)
};

[[nodiscard]] StandardChoice select_standards(const std::vector<Standard>& standards,
                                              std::chrono::year_month_day date,
                                              std::string_view province);

// The per-person monthly income from a household total: total / members, and / 12 for a yearly
// total, ROUNDED UP to the whole đồng. Every line is a whole number of đồng, so the rounded
// figure is at or below a line exactly when the exact quotient is. Precondition: members >= 1,
// total >= 0.
[[nodiscard]] Vnd per_person_monthly(Vnd household_total, IncomePeriod per, int members) noexcept;

// The rule above for one income and one count of deprived indicators.
[[nodiscard]] HouseholdCategory classify(const Standard& standard, Area area, Vnd per_person,
                                         int deprived) noexcept;

enum class IndicatorState { deprived, not_deprived, unknown };

struct IndicatorFinding {
  const Indicator* indicator = nullptr;
  IndicatorState state = IndicatorState::unknown;
  LocalizedText reason;  // the answer and the criterion it was measured against
};

// One standard's verdict on the household.
struct StandardOutcome {
  const Standard* standard = nullptr;
  StandardRole role = StandardRole::applies;
  Vnd poverty_line = 0;
  std::optional<Vnd> average_upper;
  std::vector<IndicatorFinding> indicators;  // in the standard's order
  int deprived = 0;                          // indicators answered and deprived
  int unknown = 0;                           // indicators answered "I do not know"
  int deprived_unverified = 0;               // deprived ones whose criterion is unverified
  // Every category the household could be in under this standard, given an income range and
  // "I do not know" answers; in HouseholdCategory order. One element when the answers settle it.
  std::vector<HouseholdCategory> possible;
  std::optional<HouseholdCategory> category;  // possible[0] when possible.size() == 1
  bool depends_on_unverified = false;         // without the unverified deprivations it would differ
};

enum class CaveatKind {
  indicative,             // always: the commune's review decides
  uncertain_standard,     // which standard (line) applies is not known
  unverified_criterion,   // a deprived indicator's criterion is unverified
  depends_on_unverified,  // the category rests on an unverified criterion
  unverified_figure,      // a line or the rule's basis is not fully confirmed
  unknown_band,           // the average-living band is not known
  unknown_answers,        // "I do not know" answers leave the category open
  income_range,           // the income range spans a line
  standard_note,          // a note the standard's file asks every result to carry
};

struct Caveat {
  CaveatKind kind = CaveatKind::indicative;
  LocalizedText text;
};

struct EligibilityResult {
  std::chrono::year_month_day date{};
  std::string province;  // the site's province id
  Area area = Area::rural;
  int members = 1;
  Vnd per_person_low = 0;   // per-person monthly income (rounded up), or the range's low end
  Vnd per_person_high = 0;  // equals per_person_low for a single amount
  std::vector<StandardOutcome> outcomes;      // one per candidate standard, in choice order
  std::optional<HouseholdCategory> category;  // set only when every outcome gives one same category
  std::vector<Caveat> caveats;                // the indicative caveat first
};

// Classifies `answers` under every standard of `choice`. Precondition: choice has at least one
// candidate and `answers` passed check_answers() for each (an answer of the wrong kind would be
// treated as unknown).
[[nodiscard]] EligibilityResult evaluate(const StandardChoice& choice, const Answers& answers,
                                         std::chrono::year_month_day date,
                                         std::string_view province);

// The pages a category opens under a standard (empty for none and above_poverty_line).
[[nodiscard]] const std::vector<PolicyRef>& policies_for(const Standard& standard,
                                                         HouseholdCategory category) noexcept;

// "1.500.000 đồng" (vi) or "VND 1,500,000" (en).
[[nodiscard]] std::string format_vnd(Vnd amount, std::string_view language);

[[nodiscard]] std::string_view to_string(HouseholdCategory category) noexcept;
[[nodiscard]] LocalizedText category_name(HouseholdCategory category);

}  // namespace tinxa::content
