#include "content/eligibility/Eligibility.hpp"

#include "Support.hpp"

#include <catch2/catch.hpp>

namespace tinxa::content {

namespace {

using std::chrono::year;

const Standard& standard(std::string_view id) {
  const auto& all = test::sample_standards().standards;
  return *std::find_if(all.begin(), all.end(), [&](const Standard& s) { return s.id == id; });
}

// Every 2022–2026 indicator answered "not deprived", then `changes` applied.
Answers household(Area area, int members, Vnd monthly_total,
                  std::map<std::string, IndicatorAnswer, std::less<>> changes = {}) {
  Answers a;
  a.area = area;
  a.members = members;
  a.income = IncomeAnswer{monthly_total, monthly_total, IncomePeriod::month};
  a.indicators = {{"viec-lam", YesNo::no},
                  {"nguoi-phu-thuoc", std::int64_t{0}},
                  {"dinh-duong", YesNo::no},
                  {"bao-hiem-y-te", YesNo::no},
                  {"trinh-do-giao-duc", YesNo::no},
                  {"di-hoc-tre-em", YesNo::no},
                  {"chat-luong-nha-o", YesNo::no},
                  {"dien-tich-nha-o", std::int64_t{100}},
                  {"nguon-nuoc", std::string("nuoc-may")},
                  {"nha-tieu", std::string("tu-hoai")},
                  {"dich-vu-vien-thong", YesNo::yes},
                  {"phuong-tien-thong-tin", YesNo::yes}};
  for (auto& [id, answer] : changes) a.indicators[id] = answer;
  return a;
}

bool has_caveat(const EligibilityResult& r, CaveatKind kind) {
  return std::any_of(r.caveats.begin(), r.caveats.end(),
                     [&](const Caveat& c) { return c.kind == kind; });
}

}  // namespace

TEST_CASE("The per-person income is rounded up to the whole dong", "[eligibility][engine]") {
  CHECK(per_person_monthly(6'000'000, IncomePeriod::month, 4) == 1'500'000);
  CHECK(per_person_monthly(6'000'001, IncomePeriod::month, 4) == 1'500'001);
  CHECK(per_person_monthly(5'999'999, IncomePeriod::month, 4) == 1'500'000);
  CHECK(per_person_monthly(72'000'000, IncomePeriod::year, 4) == 1'500'000);
  CHECK(per_person_monthly(72'000'001, IncomePeriod::year, 4) == 1'500'001);
  CHECK(per_person_monthly(0, IncomePeriod::year, 7) == 0);
  CHECK(per_person_monthly(1, IncomePeriod::year, 100) == 1);
}

TEST_CASE("At or below the line is inside it, and both conditions are needed for poor",
          "[eligibility][engine]") {
  const Standard& s = standard("quoc-gia-2022-2026");
  CHECK(classify(s, Area::rural, 1'500'000, 3) == HouseholdCategory::poor);
  CHECK(classify(s, Area::rural, 1'500'000, 2) == HouseholdCategory::near_poor);
  CHECK(classify(s, Area::rural, 1'500'001, 12) == HouseholdCategory::average_living_standard);
  CHECK(classify(s, Area::rural, 2'250'000, 0) == HouseholdCategory::average_living_standard);
  CHECK(classify(s, Area::rural, 2'250'001, 12) == HouseholdCategory::none);
  CHECK(classify(s, Area::urban, 2'000'000, 3) == HouseholdCategory::poor);
  CHECK(classify(s, Area::urban, 3'000'001, 0) == HouseholdCategory::none);
  const Standard& next = standard("quoc-gia-2027-2030");
  CHECK(classify(next, Area::rural, 2'200'001, 0) == HouseholdCategory::above_poverty_line);
  CHECK(classify(next, Area::urban, 9'000'000, 0) == HouseholdCategory::above_poverty_line);
}

TEST_CASE("The standard is chosen by date, switching on 01/01/2027", "[eligibility][choice]") {
  const auto& all = test::sample_standards().standards;
  const auto only = [&](std::chrono::year_month_day d, std::string_view province) {
    const auto choice = select_standards(all, d, province);
    REQUIRE(choice.candidates.size() == 1);
    CHECK(choice.candidates[0].second == StandardRole::applies);
    return choice.candidates[0].first->id;
  };
  CHECK(only(year{2022} / 1 / 1, "ha-giang") == "quoc-gia-2022-2026");
  CHECK(only(year{2026} / 12 / 31, "ha-giang") == "quoc-gia-2022-2026");
  CHECK(only(year{2027} / 1 / 1, "ha-giang") == "quoc-gia-2027-2030");
  CHECK(only(year{2030} / 12 / 31, "") == "quoc-gia-2027-2030");
  CHECK(select_standards(all, year{2021} / 12 / 31, "").candidates.empty());
  CHECK(select_standards(all, year{2031} / 1 / 1, "").candidates.empty());
}

TEST_CASE("Đồng Nai's own standard overrides the national one while it is known to apply",
          "[eligibility][choice]") {
  const auto& all = test::sample_standards().standards;
  const auto before = select_standards(all, year{2022} / 8 / 9, "dong-nai");
  REQUIRE(before.candidates.size() == 1);
  CHECK(before.candidates[0].first->id == "quoc-gia-2022-2026");
  const auto during = select_standards(all, year{2025} / 12 / 31, "dong-nai");
  REQUIRE(during.candidates.size() == 1);
  CHECK(during.candidates[0].first->id == "dong-nai-2022-2025");
  CHECK(during.candidates[0].second == StandardRole::applies);
}

TEST_CASE("In 2026 Đồng Nai gets both standards, never one picked silently",
          "[eligibility][choice]") {
  const auto& all = test::sample_standards().standards;
  for (const auto day : {year{2026} / 1 / 1, year{2026} / 12 / 31}) {
    const auto choice = select_standards(all, day, "dong-nai");
    REQUIRE(choice.candidates.size() == 2);
    CHECK(choice.candidates[0].first->id == "dong-nai-2022-2025");
    CHECK(choice.candidates[0].second == StandardRole::provincial_uncertain);
    CHECK(choice.candidates[1].first->id == "quoc-gia-2022-2026");
    CHECK(choice.candidates[1].second == StandardRole::national_if_lapsed);
  }
  // 2,000,000 per person, 3 deprived: poor under Đồng Nai's line, average under the national.
  const auto choice = select_standards(all, year{2026} / 6 / 1, "dong-nai");
  const auto r = evaluate(choice,
                          household(Area::rural, 4, 8'000'000,
                                    {{"viec-lam", YesNo::yes},
                                     {"bao-hiem-y-te", YesNo::yes},
                                     {"nha-tieu", std::string("khong-co")}}),
                          year{2026} / 6 / 1, "dong-nai");
  CHECK_FALSE(r.category.has_value());
  CHECK(r.outcomes[0].category == HouseholdCategory::poor);
  CHECK(r.outcomes[1].category == HouseholdCategory::average_living_standard);
  REQUIRE(has_caveat(r, CaveatKind::uncertain_standard));
  const auto uncertain = std::find_if(r.caveats.begin(), r.caveats.end(), [](const Caveat& c) {
    return c.kind == CaveatKind::uncertain_standard;
  });
  CHECK(uncertain->text.get("en").find("They give different results") != std::string::npos);
  CHECK(uncertain->text.get("vi").find("Đồng Nai") != std::string::npos);
  // Other provinces see only the national standard in 2026.
  CHECK(select_standards(all, year{2026} / 6 / 1, "ha-giang").candidates.size() == 1);
}

TEST_CASE("After Đồng Nai's known standard, the national one applies with a note",
          "[eligibility][choice]") {
  const auto choice =
      select_standards(test::sample_standards().standards, year{2027} / 1 / 1, "dong-nai");
  REQUIRE(choice.candidates.size() == 1);
  CHECK(choice.candidates[0].first->id == "quoc-gia-2027-2030");
  REQUIRE(choice.notes.size() == 1);
  CHECK(choice.notes[0].get("en").find("No provincial standard of Đồng Nai is known") !=
        std::string::npos);
}

TEST_CASE("Each indicator says why it counts as deprived, with its status",
          "[eligibility][engine]") {
  const auto& all = test::sample_standards().standards;
  const auto choice = select_standards(all, year{2026} / 6 / 1, "ha-giang");
  const auto r = evaluate(choice,
                          household(Area::rural, 4, 4'000'000,
                                    {{"nguoi-phu-thuoc", std::int64_t{3}},
                                     {"dien-tich-nha-o", 31.5},
                                     {"nguon-nuoc", std::string("song-ho-ao")},
                                     {"phuong-tien-thong-tin", YesNo::no}}),
                          year{2026} / 6 / 1, "ha-giang");
  const auto& o = r.outcomes.at(0);
  CHECK(o.deprived == 4);
  CHECK(o.deprived_unverified == 1);
  CHECK(o.category == HouseholdCategory::poor);
  CHECK_FALSE(o.depends_on_unverified);  // 3 verified-ish deprivations remain
  const auto finding = [&](std::string_view id) {
    return *std::find_if(o.indicators.begin(), o.indicators.end(),
                         [&](const IndicatorFinding& f) { return f.indicator->id == id; });
  };
  CHECK(finding("nguoi-phu-thuoc").reason.get("en").find("3 of 4 members") != std::string::npos);
  CHECK(
      finding("dien-tich-nha-o").reason.get("vi").find("31,5 m² cho 4 người, tức 7,88 m²/người") !=
      std::string::npos);
  CHECK(finding("nguon-nuoc").reason.get("en").find("River, stream, lake or pond") !=
        std::string::npos);
  CHECK(finding("phuong-tien-thong-tin").state == IndicatorState::deprived);
  CHECK(finding("phuong-tien-thong-tin").indicator->status == FactStatus::unverified);
  CHECK(finding("viec-lam").state == IndicatorState::not_deprived);
  REQUIRE(has_caveat(r, CaveatKind::unverified_criterion));
  const auto caveat = std::find_if(r.caveats.begin(), r.caveats.end(), [](const Caveat& c) {
    return c.kind == CaveatKind::unverified_criterion;
  });
  CHECK(caveat->text.get("en").find("counted as deprived: 12. Means of access to information") !=
        std::string::npos);
}

TEST_CASE("The policies of a category are the standard's page ids", "[eligibility][engine]") {
  const Standard& s = standard("quoc-gia-2022-2026");
  const auto ids = [](const std::vector<PolicyRef>& list) {
    std::vector<std::string> out;
    for (const auto& p : list) out.push_back(p.page);
    return out;
  };
  const auto poor = ids(policies_for(s, HouseholdCategory::poor));
  const auto near = ids(policies_for(s, HouseholdCategory::near_poor));
  CHECK(std::find(poor.begin(), poor.end(), "tien-dien") != poor.end());
  // FACTS §3: near-poor households are not covered by the electricity subsidy.
  CHECK(std::find(near.begin(), near.end(), "tien-dien") == near.end());
  CHECK(policies_for(s, HouseholdCategory::none).empty());
  CHECK(policies_for(s, HouseholdCategory::above_poverty_line).empty());
}

TEST_CASE("An unknown average-living band is said, not invented", "[eligibility][engine]") {
  const auto& all = test::sample_standards().standards;
  const auto choice = select_standards(all, year{2027} / 3 / 1, "ha-giang");
  Answers a = household(Area::urban, 2, 9'000'000);
  a.indicators.erase("phuong-tien-thong-tin");
  a.indicators.erase("dich-vu-vien-thong");
  a.indicators["vien-thong-dich-vu-so"] = YesNo::yes;
  a.indicators["rac-thai"] = YesNo::yes;
  const auto r = evaluate(choice, a, year{2027} / 3 / 1, "ha-giang");
  CHECK(r.category == HouseholdCategory::above_poverty_line);
  CHECK_FALSE(r.outcomes[0].average_upper.has_value());
  CHECK(has_caveat(r, CaveatKind::unknown_band));
}

TEST_CASE("An income range is said to span a line only when it holds one",
          "[eligibility][engine]") {
  const auto& all = test::sample_standards().standards;
  const auto choice = select_standards(all, year{2026} / 6 / 1, "ha-giang");
  REQUIRE(choice.candidates.size() == 1);
  // Four people, rural, 2022–2026: the line is 1 500 000 per person, 6 000 000 for the household.
  auto in_range = [&](Vnd low, Vnd high, std::map<std::string, IndicatorAnswer, std::less<>> c) {
    Answers a = household(Area::rural, 4, 0, std::move(c));
    a.income = IncomeAnswer{low, high, IncomePeriod::month};
    return evaluate(choice, a, year{2026} / 6 / 1, "ha-giang");
  };
  // Wholly at or below the line, with three deprivations unknown: the doubt is the answers, not
  // the income.
  const auto below = in_range(0, 6'000'000,
                              {{"viec-lam", AnswerUnknown{}},
                               {"dinh-duong", AnswerUnknown{}},
                               {"bao-hiem-y-te", AnswerUnknown{}}});
  CHECK(has_caveat(below, CaveatKind::unknown_answers));
  CHECK_FALSE(has_caveat(below, CaveatKind::income_range));
  // Across the line, every answer known: the income is the doubt.
  const auto across = in_range(
      4'000'000, 8'000'000,
      {{"viec-lam", YesNo::yes}, {"dinh-duong", YesNo::yes}, {"bao-hiem-y-te", YesNo::yes}});
  CHECK(has_caveat(across, CaveatKind::income_range));
  CHECK_FALSE(has_caveat(across, CaveatKind::unknown_answers));
  CHECK_FALSE(across.category);
  // Just above the line up to the average-living line: settled, no caveat about the range.
  const auto between = in_range(6'000'001, 9'000'000, {});
  CHECK_FALSE(has_caveat(between, CaveatKind::income_range));
  REQUIRE(between.category);
  CHECK(*between.category == HouseholdCategory::average_living_standard);
}

}  // namespace tinxa::content
