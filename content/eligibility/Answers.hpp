#pragma once

#include "content/eligibility/Standard.hpp"

#include <map>
#include <string>
#include <variant>

namespace tinxa::content {

enum class IncomePeriod { month, year };

// The household's total income (all members together), as the resident can give it: one amount,
// or a range when they only know roughly. Whole đồng.
struct IncomeAnswer {
  Vnd low = 0;   // equals high for a single amount
  Vnd high = 0;  // >= low
  IncomePeriod per = IncomePeriod::month;
};

// "I do not know" is an answer too: the result then says what it would be either way.
struct AnswerUnknown {
  friend bool operator==(AnswerUnknown, AnswerUnknown) = default;
};
enum class YesNo { no, yes };

// One indicator's answer: yes/no, a count of people, a number (floor area in m²), or the id of
// one of the question's options.
using IndicatorAnswer = std::variant<AnswerUnknown, YesNo, std::int64_t, double, std::string>;

// Everything a resident answers in the self-check. Never stored (issue 5).
struct Answers {
  Area area = Area::rural;
  int members = 1;  // >= 1
  IncomeAnswer income;
  std::map<std::string, IndicatorAnswer, std::less<>> indicators;  // indicator id -> answer
};

}  // namespace tinxa::content
