// The household table (tests/fixtures/eligibility/households.yaml): every row's expected result,
// worked out from the legal text in its comment, must be what the engine gives.
#include "config/reader/Document.hpp"
#include "config/reader/MapReader.hpp"
#include "content/eligibility/AnswersReader.hpp"
#include "content/eligibility/Eligibility.hpp"
#include "content/time/Date.hpp"

#include "Support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace tinxa::content {

namespace {

struct Expected {
  std::string category;  // a to_string(HouseholdCategory), or "unsettled"
  int deprived = 0;
  Vnd per_person = 0;
  std::optional<Vnd> per_person_high;
  std::vector<std::string> standards;           // empty: not checked
  std::map<std::string, std::string> outcomes;  // standard id -> category or "unsettled"
  bool depends_on_unverified = false;
};

struct Row {
  std::string name;
  std::chrono::year_month_day date{};
  std::string province;
  std::optional<AnswersFile> answers;
  Expected expect;
  int line = 0;
};

std::string name_of(const std::optional<HouseholdCategory>& category) {
  return category ? std::string(to_string(*category)) : "unsettled";
}

std::vector<Row> read_table(config::Diagnostics& diagnostics) {
  const auto document = config::Document::load(test::kEligibility / "households.yaml",
                                               "households.yaml", diagnostics);
  std::vector<Row> rows;
  if (!document) return rows;
  config::MapReader root(document->root());
  (void)root.get("sets");
  const auto households = root.get("households", config::Presence::required);
  if (!households || !households->is_sequence()) return rows;
  for (const auto& element : households->elements()) {
    Row row;
    row.line = element.position().line;
    config::MapReader map(element);
    map.read("name", row.name, config::Presence::required);
    map.read("date", row.date, config::Presence::required);
    map.read("province", row.province, config::Presence::required);
    map.read_with("answers", config::Presence::required, [&](const config::Value& v) {
      const std::size_t errors = v.diagnostics().error_count();
      row.answers = read_answers(v);
      return v.diagnostics().error_count() == errors;
    });
    map.read_with("expect", config::Presence::required, [&](const config::Value& v) {
      config::MapReader e(v);
      e.read("category", row.expect.category, config::Presence::required);
      e.read("deprived", row.expect.deprived, config::Presence::required);
      e.read("per_person", row.expect.per_person, config::Presence::required);
      e.read("per_person_high", row.expect.per_person_high);
      e.read("standards", row.expect.standards);
      e.read("depends_on_unverified", row.expect.depends_on_unverified);
      e.read_with("outcomes", config::Presence::optional, [&](const config::Value& ov) {
        config::MapReader o(ov);
        for (auto& [id, value] : o.entries()) {
          std::string category;
          config::read_value(value, category);
          row.expect.outcomes[id] = category;
        }
        return true;
      });
      return true;
    });
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

TEST_CASE("Every household of the table gets the category the legal text gives",
          "[eligibility][table]") {
  const auto& standards = test::sample_standards();
  INFO(test::all_text(standards.diagnostics));
  REQUIRE(standards.ok());
  config::Diagnostics diagnostics;
  const auto rows = read_table(diagnostics);
  INFO(test::all_text(diagnostics));
  REQUIRE_FALSE(diagnostics.has_errors());
  REQUIRE(rows.size() >= 30);

  for (const auto& row : rows) {
    INFO("households.yaml:" << row.line << ": " << row.name);
    REQUIRE(row.answers);
    const auto choice = select_standards(standards.standards, row.date, row.province);
    REQUIRE_FALSE(choice.candidates.empty());
    config::Diagnostics problems;
    for (const auto& [standard, role] : choice.candidates)
      check_answers(*row.answers, *standard, standards.standards, problems);
    INFO(test::all_text(problems));
    REQUIRE_FALSE(problems.has_errors());

    const auto result = evaluate(choice, row.answers->answers, row.date, row.province);
    CHECK(name_of(result.category) == row.expect.category);
    CHECK(result.outcomes.front().deprived == row.expect.deprived);
    CHECK(result.per_person_low == row.expect.per_person);
    CHECK(result.per_person_high == row.expect.per_person_high.value_or(row.expect.per_person));
    if (!row.expect.standards.empty()) {
      std::vector<std::string> used;
      for (const auto& o : result.outcomes) used.push_back(o.standard->id);
      CHECK(used == row.expect.standards);
    }
    for (const auto& [id, category] : row.expect.outcomes) {
      const auto it = std::find_if(result.outcomes.begin(), result.outcomes.end(),
                                   [&](const StandardOutcome& o) { return o.standard->id == id; });
      REQUIRE(it != result.outcomes.end());
      CHECK(name_of(it->category) == category);
    }
    CHECK(result.outcomes.front().depends_on_unverified == row.expect.depends_on_unverified);
    // Every result, whatever it is, says that the commune's review decides.
    REQUIRE_FALSE(result.caveats.empty());
    CHECK(result.caveats.front().kind == CaveatKind::indicative);
    CHECK(result.caveats.front().text.get("vi").find("Quyết định 24/2021/QĐ-TTg") !=
          std::string::npos);
  }
}

TEST_CASE("The table covers what issue 5 asks for", "[eligibility][table]") {
  config::Diagnostics diagnostics;
  const auto rows = read_table(diagnostics);
  std::set<int> deprived;
  std::set<std::string> categories;
  bool rural = false, urban = false, switch_before = false, switch_after = false, dong_nai = false;
  for (const auto& row : rows) {
    deprived.insert(row.expect.deprived);
    categories.insert(row.expect.category);
    rural |= row.answers && row.answers->answers.area == Area::rural;
    urban |= row.answers && row.answers->answers.area == Area::urban;
    switch_before |= format_iso(row.date) == "2026-12-31";
    switch_after |= format_iso(row.date) == "2027-01-01";
    dong_nai |= row.province == "dong-nai";
  }
  for (const int n : {0, 2, 3, 12}) CHECK(deprived.contains(n));
  for (const char* c :
       {"poor", "near_poor", "average_living_standard", "above_poverty_line", "none", "unsettled"})
    CHECK(categories.contains(c));
  CHECK(rural);
  CHECK(urban);
  CHECK(switch_before);
  CHECK(switch_after);
  CHECK(dong_nai);
}

}  // namespace tinxa::content
