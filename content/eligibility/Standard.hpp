#pragma once

#include "config/reader/Diagnostic.hpp"
#include "content/model/LocalizedText.hpp"
#include "content/model/Page.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::content {

// A household standard (chuẩn nghèo) as an editor writes it in <bundle>/standards/<id>.yaml
// (content/README.md, "standards/<id>.yaml"). Plain data; the classification rule itself is fixed
// in code (Eligibility.hpp), only its figures and legal basis come from the file.

// How sure we are of a fact, as FACTS.md tags it: [C] confirmed, [P] partial, [U] unverified.
using FactStatus = SourceStatus;

enum class Area { rural, urban };

// Money is whole đồng (VND), per person per month unless a name says otherwise.
using Vnd = std::int64_t;

struct AreaLines {
  Vnd rural = 0;
  Vnd urban = 0;
  FactStatus status = FactStatus::confirmed;
  std::string source;  // document and article the figures come from

  [[nodiscard]] Vnd for_area(Area area) const noexcept {
    return area == Area::rural ? rural : urban;
  }
};

// A legal text the standard rests on.
struct LegalBasis {
  std::string document;  // "Nghị định 07/2021/NĐ-CP"
  std::string article;   // "Điều 3"; may be empty when not verified
  std::optional<std::chrono::year_month_day> issued;
  std::optional<std::chrono::year_month_day> effective;
  FactStatus status = FactStatus::confirmed;
  LocalizedText note;  // may be empty
};

// How a resident answers an indicator's question, and so how the answer maps to "deprived".
enum class AnswerKind {
  yes_no,   // deprived when the answer equals deprived_if_yes ? yes : no
  count,    // a number of people; deprived when count * 100 > percent * household members
  area_m2,  // floor area in m²; deprived when area < per_member_m2 * household members
  choice,   // one of `options`; deprived when the chosen option is marked deprived
};

struct ChoiceOption {
  std::string id;
  LocalizedText text;
  bool deprived = false;
};

struct Question {
  LocalizedText text;  // plain Vietnamese, with English
  AnswerKind kind = AnswerKind::yes_no;
  bool deprived_if_yes = true;           // yes_no
  int more_than_percent_of_members = 0;  // count: deprived when strictly more than this share
  double per_member_below_m2 = 0;        // area_m2: deprived when strictly below this per member
  std::vector<ChoiceOption> options;     // choice, in file order
};

// One deprivation indicator (chỉ số thiếu hụt) and its criterion.
struct Indicator {
  std::string id;
  std::optional<int> number;  // the number in the legal text's appendix, when known
  LocalizedText name;
  LocalizedText criterion;  // when a household counts as deprived
  FactStatus status = FactStatus::confirmed;
  std::string source;
  Question question;
  config::Position at;  // where the indicator is written
};

struct Dimension {
  std::string id;
  LocalizedText name;
  std::vector<Indicator> indicators;
};

// A support policy a category opens: a page of the bundle, with an optional condition.
struct PolicyRef {
  std::string page;    // a page id of the bundle
  LocalizedText note;  // may be empty: a condition or limit ("only farming households")
  FactStatus status = FactStatus::confirmed;
};

// A caveat the standard asks every result to carry.
struct StandardNote {
  LocalizedText text;
  FactStatus status = FactStatus::unverified;
};

struct Standard {
  std::string id;    // the file name without .yaml
  std::string file;  // as named in messages
  LocalizedText title;
  std::string province;  // a province id (site.yaml `province`); empty: national
  LocalizedText province_name;
  std::chrono::year_month_day from{};   // first day it applies (inclusive)
  std::chrono::year_month_day until{};  // last day it applies (inclusive)
  FactStatus period_status = FactStatus::confirmed;
  // Days after `until` on which it is NOT KNOWN whether the standard still applies (for example a
  // provincial standard whose renewal was not found); nullopt when there are none.
  std::optional<std::chrono::year_month_day> uncertain_until;
  LocalizedText uncertain_note;
  std::vector<LegalBasis> legal_basis;
  LegalBasis classification_basis;  // the article that states the rule the result cites
  int min_deprivations_for_poor = 3;
  AreaLines poverty_line;
  std::optional<AreaLines> average_living_upper;  // nullopt: the band is not known
  std::string dimensions_from;  // id of the standard whose indicators this one uses, or empty
  FactStatus dimensions_status = FactStatus::confirmed;  // when dimensions_from is used
  std::vector<Dimension> dimensions;                     // filled from dimensions_from if used
  std::vector<PolicyRef> policies_poor;
  std::vector<PolicyRef> policies_near_poor;
  std::vector<PolicyRef> policies_average;
  LocalizedText where_to_apply;
  std::vector<std::string> where_to_apply_pages;
  std::vector<StandardNote> notes;
  config::Position applies_at;          // where `applies` is written
  config::Position dimensions_from_at;  // where `dimensions_from.standard` is written

  [[nodiscard]] bool is_national() const noexcept { return province.empty(); }
  [[nodiscard]] const Indicator* find_indicator(std::string_view indicator_id) const noexcept;
  [[nodiscard]] std::size_t indicator_count() const noexcept;
};

[[nodiscard]] std::string_view to_string(FactStatus status) noexcept;
[[nodiscard]] std::string_view to_string(Area area) noexcept;

}  // namespace tinxa::content
