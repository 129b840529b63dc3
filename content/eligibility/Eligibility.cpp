#include "content/eligibility/Eligibility.hpp"

#include "content/time/Date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace tinxa::content {

namespace {

using std::chrono::year_month_day;

LocalizedText text(std::string vi, std::string en) {
  LocalizedText t(std::move(vi));
  t.set("en", std::move(en));
  return t;
}

const std::vector<PolicyRef> kNoPolicies;

bool covers(const Standard& s, year_month_day date) { return s.from <= date && date <= s.until; }

bool covers_uncertain(const Standard& s, year_month_day date) {
  return s.uncertain_until && s.until < date && date <= *s.uncertain_until;
}

std::string decimal(double value, std::string_view language) {
  std::string out = fmt::format("{:.2f}", value);
  while (!out.empty() && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  if (language == "vi") std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

double as_number(const IndicatorAnswer& answer, bool& ok) {
  ok = true;
  if (const auto* i = std::get_if<std::int64_t>(&answer)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&answer)) return *d;
  ok = false;
  return 0;
}

// Whether `answer` makes the household deprived on `indicator`, and why.
IndicatorFinding assess(const Indicator& indicator, const IndicatorAnswer* answer, int members) {
  IndicatorFinding f;
  f.indicator = &indicator;
  const Question& q = indicator.question;
  const std::string& crit_vi = indicator.criterion.get("vi");
  const std::string& crit_en = indicator.criterion.get("en");
  const auto unknown = [&] {
    f.state = IndicatorState::unknown;
    f.reason = text("Trả lời “không biết”: chưa tính là thiếu hụt. Tiêu chí: " + crit_vi,
                    "Answered “don't know”: not counted as deprived. Criterion: " + crit_en);
    return f;
  };
  if (answer == nullptr || std::holds_alternative<AnswerUnknown>(*answer)) return unknown();
  switch (q.kind) {
    case AnswerKind::yes_no: {
      const auto* yn = std::get_if<YesNo>(answer);
      if (yn == nullptr) return unknown();
      const bool yes = *yn == YesNo::yes;
      f.state = yes == q.deprived_if_yes ? IndicatorState::deprived : IndicatorState::not_deprived;
      f.reason = text(fmt::format("Trả lời “{}”. Tiêu chí: {}", yes ? "có" : "không", crit_vi),
                      fmt::format("Answered “{}”. Criterion: {}", yes ? "yes" : "no", crit_en));
      return f;
    }
    case AnswerKind::count: {
      const auto* n = std::get_if<std::int64_t>(answer);
      if (n == nullptr) return unknown();
      const std::int64_t percent = q.more_than_percent_of_members;
      const bool deprived = *n * 100 > percent * members;
      f.state = deprived ? IndicatorState::deprived : IndicatorState::not_deprived;
      f.reason =
          text(fmt::format("{} trên {} người trong hộ; thiếu hụt khi nhiều hơn {}% số người. "
                           "Tiêu chí: {}",
                           *n, members, percent, crit_vi),
               fmt::format("{} of {} members; deprived when more than {}% of members. "
                           "Criterion: {}",
                           *n, members, percent, crit_en));
      return f;
    }
    case AnswerKind::area_m2: {
      bool ok = false;
      const double area = as_number(*answer, ok);
      if (!ok) return unknown();
      const bool deprived = area < q.per_member_below_m2 * members;
      f.state = deprived ? IndicatorState::deprived : IndicatorState::not_deprived;
      const double each = area / members;
      f.reason =
          text(fmt::format("{} m² cho {} người, tức {} m²/người; thiếu hụt khi dưới {} m²/người. "
                           "Tiêu chí: {}",
                           decimal(area, "vi"), members, decimal(each, "vi"),
                           decimal(q.per_member_below_m2, "vi"), crit_vi),
               fmt::format("{} m² for {} members, {} m² per member; deprived when below {} m² per "
                           "member. Criterion: {}",
                           decimal(area, "en"), members, decimal(each, "en"),
                           decimal(q.per_member_below_m2, "en"), crit_en));
      return f;
    }
    case AnswerKind::choice: {
      const auto* id = std::get_if<std::string>(answer);
      if (id == nullptr) return unknown();
      const auto option = std::find_if(q.options.begin(), q.options.end(),
                                       [&](const ChoiceOption& o) { return o.id == *id; });
      if (option == q.options.end()) return unknown();
      f.state = option->deprived ? IndicatorState::deprived : IndicatorState::not_deprived;
      f.reason = text(fmt::format("Trả lời “{}”. Tiêu chí: {}", option->text.get("vi"), crit_vi),
                      fmt::format("Answered “{}”. Criterion: {}", option->text.get("en"), crit_en));
      return f;
    }
  }
  return unknown();
}

// Every category reachable with a per-person income in [low, high] and a deprived count in
// [deprived_min, deprived_max]. Categories are constant between the lines, so the ends and the
// first đồng above each line inside the range cover every piece.
std::set<HouseholdCategory> reachable(const Standard& s, Area area, Vnd low, Vnd high,
                                      int deprived_min, int deprived_max) {
  std::vector<Vnd> incomes{low, high};
  std::vector<Vnd> lines{s.poverty_line.for_area(area)};
  if (s.average_living_upper) lines.push_back(s.average_living_upper->for_area(area));
  for (const Vnd line : lines)
    if (low <= line && line < high) incomes.push_back(line + 1);
  std::set<HouseholdCategory> out;
  for (const Vnd income : incomes)
    for (const int deprived : {deprived_min, deprived_max})
      out.insert(classify(s, area, income, deprived));
  return out;
}

std::string names(const std::vector<const Indicator*>& indicators, std::string_view language) {
  std::string out;
  for (const auto* i : indicators) {
    if (!out.empty()) out += ", ";
    if (i->number) out += fmt::format("{}. ", *i->number);
    out += i->name.get(language);
  }
  return out;
}

void add_caveat(EligibilityResult& result, CaveatKind kind, LocalizedText t) {
  for (const auto& c : result.caveats)
    if (c.text.get("vi") == t.get("vi") && c.text.get("en") == t.get("en")) return;
  result.caveats.push_back(Caveat{kind, std::move(t)});
}

std::string category_list(const std::vector<HouseholdCategory>& categories,
                          std::string_view language) {
  std::string out;
  for (const auto c : categories) {
    if (!out.empty()) out += language == "vi" ? " hoặc " : " or ";
    out += category_name(c).get(language);
  }
  return out;
}

}  // namespace

std::string_view to_string(FactStatus status) noexcept {
  switch (status) {
    case FactStatus::confirmed:
      return "confirmed";
    case FactStatus::partial:
      return "partial";
    case FactStatus::unverified:
      return "unverified";
  }
  return "unverified";
}

std::string_view to_string(Area area) noexcept { return area == Area::rural ? "rural" : "urban"; }

std::string_view to_string(HouseholdCategory category) noexcept {
  switch (category) {
    case HouseholdCategory::poor:
      return "poor";
    case HouseholdCategory::near_poor:
      return "near_poor";
    case HouseholdCategory::average_living_standard:
      return "average_living_standard";
    case HouseholdCategory::above_poverty_line:
      return "above_poverty_line";
    case HouseholdCategory::none:
      return "none";
  }
  return "none";
}

LocalizedText category_name(HouseholdCategory category) {
  switch (category) {
    case HouseholdCategory::poor:
      return text("hộ nghèo", "poor household");
    case HouseholdCategory::near_poor:
      return text("hộ cận nghèo", "near-poor household");
    case HouseholdCategory::average_living_standard:
      return text("hộ có mức sống trung bình", "average-living-standard household");
    case HouseholdCategory::above_poverty_line:
      return text(
          "không phải hộ nghèo, hộ cận nghèo (chưa biết có phải hộ có mức sống trung bình không)",
          "neither poor nor near-poor (whether average-living-standard is not known)");
    case HouseholdCategory::none:
      return text("không thuộc hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình",
                  "none of poor, near-poor or average-living-standard");
  }
  return {};
}

std::string format_vnd(Vnd amount, std::string_view language) {
  std::string digits = std::to_string(amount < 0 ? -amount : amount);
  std::string grouped;
  const char separator = language == "vi" ? '.' : ',';
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped += digits[i];
  }
  if (amount < 0) grouped.insert(grouped.begin(), '-');
  return language == "vi" ? grouped + " đồng" : "VND " + grouped;
}

const Indicator* Standard::find_indicator(std::string_view indicator_id) const noexcept {
  for (const auto& d : dimensions)
    for (const auto& i : d.indicators)
      if (i.id == indicator_id) return &i;
  return nullptr;
}

std::size_t Standard::indicator_count() const noexcept {
  std::size_t n = 0;
  for (const auto& d : dimensions) n += d.indicators.size();
  return n;
}

StandardChoice select_standards(const std::vector<Standard>& standards, year_month_day date,
                                std::string_view province) {
  StandardChoice choice;
  const Standard* national = nullptr;
  const Standard* provincial = nullptr;
  const Standard* uncertain = nullptr;
  const Standard* lapsed = nullptr;  // the province's latest standard, ended before `date`
  for (const auto& s : standards) {
    if (s.is_national()) {
      if (covers(s, date) && national == nullptr) national = &s;
      continue;
    }
    if (province.empty() || s.province != province) continue;
    if (covers(s, date)) {
      if (provincial == nullptr) provincial = &s;
    } else if (covers_uncertain(s, date)) {
      if (uncertain == nullptr) uncertain = &s;
    } else if (s.until < date && (lapsed == nullptr || lapsed->until < s.until)) {
      lapsed = &s;
    }
  }
  if (provincial != nullptr) {
    choice.candidates.emplace_back(provincial, StandardRole::applies);
    return choice;
  }
  if (national == nullptr) return choice;
  if (uncertain != nullptr) {
    choice.candidates.emplace_back(uncertain, StandardRole::provincial_uncertain);
    choice.candidates.emplace_back(national, StandardRole::national_if_lapsed);
    return choice;
  }
  choice.candidates.emplace_back(national, StandardRole::applies);
  if (lapsed != nullptr) {
    const std::string until = format_vi(lapsed->uncertain_until.value_or(lapsed->until));
    choice.notes.push_back(text(
        fmt::format("Không có chuẩn riêng của tỉnh {} cho ngày này (chuẩn riêng đã biết áp dụng "
                    "đến {}); kết quả dùng chuẩn quốc gia. Tỉnh có thể ban hành chuẩn cao hơn; "
                    "hãy hỏi UBND xã.",
                    lapsed->province_name.get("vi"), until),
        fmt::format("No provincial standard of {} is known for this date (the known one ran "
                    "until {}); the national standard is used. The province may set a higher "
                    "one; ask the commune People's Committee.",
                    lapsed->province_name.get("en"), until)));
  }
  return choice;
}

Vnd per_person_monthly(Vnd household_total, IncomePeriod per, int members) noexcept {
  const Vnd divisor = static_cast<Vnd>(members) * (per == IncomePeriod::year ? 12 : 1);
  return (household_total + divisor - 1) / divisor;
}

HouseholdCategory classify(const Standard& standard, Area area, Vnd per_person,
                           int deprived) noexcept {
  if (per_person <= standard.poverty_line.for_area(area))
    return deprived >= standard.min_deprivations_for_poor ? HouseholdCategory::poor
                                                          : HouseholdCategory::near_poor;
  if (!standard.average_living_upper) return HouseholdCategory::above_poverty_line;
  if (per_person <= standard.average_living_upper->for_area(area))
    return HouseholdCategory::average_living_standard;
  return HouseholdCategory::none;
}

const std::vector<PolicyRef>& policies_for(const Standard& standard,
                                           HouseholdCategory category) noexcept {
  switch (category) {
    case HouseholdCategory::poor:
      return standard.policies_poor;
    case HouseholdCategory::near_poor:
      return standard.policies_near_poor;
    case HouseholdCategory::average_living_standard:
      return standard.policies_average;
    case HouseholdCategory::above_poverty_line:
    case HouseholdCategory::none:
      return kNoPolicies;
  }
  return kNoPolicies;
}

EligibilityResult evaluate(const StandardChoice& choice, const Answers& answers,
                           year_month_day date, std::string_view province) {
  EligibilityResult result;
  result.date = date;
  result.province = std::string(province);
  result.area = answers.area;
  result.members = answers.members;
  result.per_person_low =
      per_person_monthly(answers.income.low, answers.income.per, answers.members);
  result.per_person_high =
      per_person_monthly(answers.income.high, answers.income.per, answers.members);
  add_caveat(result, CaveatKind::indicative,
             text("Kết quả chỉ để tham khảo. Hộ nghèo, hộ cận nghèo do UBND xã công nhận qua rà "
                  "soát hằng năm theo Quyết định 24/2021/QĐ-TTg; cán bộ rà soát ước tính thu nhập "
                  "theo cách của Thông tư 07/2021/TT-BLĐTBXH, có thể khác con số bạn khai.",
                  "Indicative only: the commune's annual review decides (Quyết định "
                  "24/2021/QĐ-TTg). The reviewers estimate income by the method of Thông tư "
                  "07/2021/TT-BLĐTBXH, which may differ from the figure you gave."));

  std::set<HouseholdCategory> all;
  for (const auto& [standard, role] : choice.candidates) {
    StandardOutcome o;
    o.standard = standard;
    o.role = role;
    o.poverty_line = standard->poverty_line.for_area(answers.area);
    if (standard->average_living_upper)
      o.average_upper = standard->average_living_upper->for_area(answers.area);
    std::vector<const Indicator*> unverified_deprived, unverified_other;
    for (const auto& dimension : standard->dimensions) {
      for (const auto& indicator : dimension.indicators) {
        const auto it = answers.indicators.find(indicator.id);
        IndicatorFinding f = assess(
            indicator, it == answers.indicators.end() ? nullptr : &it->second, answers.members);
        const bool unverified = indicator.status == FactStatus::unverified;
        if (f.state == IndicatorState::deprived) {
          ++o.deprived;
          if (unverified) {
            ++o.deprived_unverified;
            unverified_deprived.push_back(&indicator);
          }
        } else if (unverified) {
          unverified_other.push_back(&indicator);
        }
        if (f.state == IndicatorState::unknown) ++o.unknown;
        o.indicators.push_back(std::move(f));
      }
    }
    const auto possible = reachable(*standard, answers.area, result.per_person_low,
                                    result.per_person_high, o.deprived, o.deprived + o.unknown);
    o.possible.assign(possible.begin(), possible.end());
    if (o.possible.size() == 1) o.category = o.possible.front();
    if (o.deprived_unverified > 0) {
      const auto without = reachable(*standard, answers.area, result.per_person_low,
                                     result.per_person_high, o.deprived - o.deprived_unverified,
                                     o.deprived - o.deprived_unverified + o.unknown);
      o.depends_on_unverified = without != possible;
    }
    all.insert(possible.begin(), possible.end());

    // Caveats this standard's outcome needs.
    const std::string& title_vi = standard->title.get("vi");
    const std::string& title_en = standard->title.get("en");
    if (!unverified_deprived.empty() || !unverified_other.empty()) {
      std::string vi = fmt::format(
          "{}: tiêu chí của các chỉ số sau chưa được đối chiếu với văn bản gốc", title_vi);
      std::string en = fmt::format(
          "{}: the criteria of these indicators are not verified against the legal text", title_en);
      if (!unverified_deprived.empty()) {
        vi += fmt::format("; được tính là thiếu hụt: {}", names(unverified_deprived, "vi"));
        en += fmt::format("; counted as deprived: {}", names(unverified_deprived, "en"));
      }
      if (!unverified_other.empty()) {
        vi += fmt::format("; không tính là thiếu hụt: {}", names(unverified_other, "vi"));
        en += fmt::format("; not counted as deprived: {}", names(unverified_other, "en"));
      }
      add_caveat(result, CaveatKind::unverified_criterion, text(vi + ".", en + "."));
    }
    if (o.depends_on_unverified)
      add_caveat(result, CaveatKind::depends_on_unverified,
                 text(fmt::format("{}: kết quả này dựa vào chỉ số có tiêu chí chưa xác minh; nếu "
                                  "không tính các chỉ số đó, kết quả sẽ khác. Hãy hỏi cán bộ xã.",
                                  title_vi),
                      fmt::format("{}: this result rests on indicators whose criteria are not "
                                  "verified; without them it would differ. Ask the commune staff.",
                                  title_en)));
    if (!standard->dimensions_from.empty() && standard->dimensions_status != FactStatus::confirmed)
      add_caveat(result, CaveatKind::unverified_criterion,
                 text(fmt::format("{}: dùng các chỉ số thiếu hụt của chuẩn quốc gia; điều này "
                                  "chưa được xác minh.",
                                  title_vi),
                      fmt::format("{}: uses the national deprivation indicators; this is not "
                                  "verified.",
                                  title_en)));
    if (standard->period_status != FactStatus::confirmed)
      add_caveat(
          result, CaveatKind::unverified_figure,
          text(fmt::format("{}: thời gian áp dụng ({} – {}) chưa được xác nhận đầy đủ.", title_vi,
                           format_vi(standard->from), format_vi(standard->until)),
               fmt::format("{}: the period it applies to ({} – {}) is not fully confirmed.",
                           title_en, format_iso(standard->from), format_iso(standard->until))));
    if (standard->poverty_line.status != FactStatus::confirmed)
      add_caveat(result, CaveatKind::unverified_figure,
                 text(fmt::format("{}: chuẩn nghèo {} chưa được xác nhận đầy đủ.", title_vi,
                                  format_vnd(o.poverty_line, "vi")),
                      fmt::format("{}: the poverty line of {} is not fully confirmed.", title_en,
                                  format_vnd(o.poverty_line, "en"))));
    const bool above_line = result.per_person_high > o.poverty_line;
    if (above_line && standard->average_living_upper &&
        standard->average_living_upper->status != FactStatus::confirmed)
      add_caveat(result, CaveatKind::unverified_figure,
                 text(fmt::format("{}: mức trên của hộ có mức sống trung bình ({}) lấy từ nguồn "
                                  "chưa xác nhận đầy đủ.",
                                  title_vi, format_vnd(*o.average_upper, "vi")),
                      fmt::format("{}: the upper line of the average living standard ({}) comes "
                                  "from a source that is not fully confirmed.",
                                  title_en, format_vnd(*o.average_upper, "en"))));
    if (above_line && !standard->average_living_upper)
      add_caveat(result, CaveatKind::unknown_band,
                 text(fmt::format("{}: chưa biết mức thu nhập của hộ có mức sống trung bình theo "
                                  "chuẩn này, nên không xếp được vào nhóm đó.",
                                  title_vi),
                      fmt::format("{}: the income band of the average living standard under this "
                                  "standard is not known, so that category cannot be given.",
                                  title_en)));
    if (standard->classification_basis.status != FactStatus::confirmed)
      add_caveat(
          result, CaveatKind::unverified_figure,
          text(fmt::format("{}: căn cứ của cách xếp loại chưa được xác nhận đầy đủ.", title_vi),
               fmt::format("{}: the legal basis of the classification rule is not fully "
                           "confirmed.",
                           title_en)));
    if (o.unknown > 0 && o.possible.size() > 1)
      add_caveat(result, CaveatKind::unknown_answers,
                 text(fmt::format("Có {} câu trả lời “không biết”; tùy câu trả lời thật, hộ có "
                                  "thể là {}.",
                                  o.unknown, category_list(o.possible, "vi")),
                      fmt::format("{} answers were “don't know”; depending on the real answers "
                                  "the household could be: {}.",
                                  o.unknown, category_list(o.possible, "en"))));
    // Only when the range really holds a line of this standard: [low, high] with low <= line <
    // high. A band between two lines settles the income; other doubt (answers "không biết") has
    // its own caveat.
    const auto holds = [&](Vnd line) {
      return result.per_person_low <= line && line < result.per_person_high;
    };
    const bool spans_line = holds(o.poverty_line) || (o.average_upper && holds(*o.average_upper));
    if (spans_line && o.possible.size() > 1)
      add_caveat(result, CaveatKind::income_range,
                 text(fmt::format("{}: khoảng thu nhập {} – {} mỗi người mỗi tháng nằm ở hai bên "
                                  "một mức chuẩn; hộ có thể là {}.",
                                  title_vi, format_vnd(result.per_person_low, "vi"),
                                  format_vnd(result.per_person_high, "vi"),
                                  category_list(o.possible, "vi")),
                      fmt::format("{}: the income range {} – {} per person per month spans a "
                                  "line; the household could be: {}.",
                                  title_en, format_vnd(result.per_person_low, "en"),
                                  format_vnd(result.per_person_high, "en"),
                                  category_list(o.possible, "en"))));
    result.outcomes.push_back(std::move(o));
  }
  if (all.size() == 1) result.category = *all.begin();

  // Which standard applies is itself uncertain.
  const auto uncertain =
      std::find_if(result.outcomes.begin(), result.outcomes.end(),
                   [](const auto& o) { return o.role == StandardRole::provincial_uncertain; });
  if (uncertain != result.outcomes.end()) {
    const Standard& p = *uncertain->standard;
    const bool agree = result.category.has_value();
    std::string vi = fmt::format(
        "Chưa rõ vào ngày {} tỉnh {} còn áp dụng chuẩn riêng ({}: chuẩn nghèo {}) hay không; nếu "
        "không, chuẩn quốc gia áp dụng. Kết quả theo từng chuẩn được ghi riêng. {}",
        format_vi(date), p.province_name.get("vi"), p.title.get("vi"),
        format_vnd(uncertain->poverty_line, "vi"),
        agree ? "Cả hai chuẩn cho cùng một kết quả."
              : "Hai chuẩn cho kết quả khác nhau; hãy hỏi UBND xã chuẩn nào đang áp dụng.");
    std::string en = fmt::format(
        "It is not known whether on {} the province of {} still applies its own standard ({}: "
        "poverty line {}); if not, the national standard applies. The result under each is given "
        "separately. {}",
        format_iso(date), p.province_name.get("en"), p.title.get("en"),
        format_vnd(uncertain->poverty_line, "en"),
        agree ? "Both give the same result."
              : "They give different results; ask the commune People's Committee which applies.");
    if (!p.uncertain_note.empty()) {
      vi += " " + p.uncertain_note.get("vi");
      en += " " + p.uncertain_note.get("en");
    }
    add_caveat(result, CaveatKind::uncertain_standard, text(vi, en));
  }
  for (const auto& note : choice.notes) add_caveat(result, CaveatKind::uncertain_standard, note);
  for (const auto& o : result.outcomes)
    for (const auto& note : o.standard->notes)
      add_caveat(result, CaveatKind::standard_note, note.text);
  return result;
}

}  // namespace tinxa::content
