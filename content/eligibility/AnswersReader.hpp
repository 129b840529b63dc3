#pragma once

#include "config/reader/Diagnostics.hpp"
#include "config/reader/Value.hpp"
#include "content/eligibility/Answers.hpp"
#include "content/eligibility/Standard.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::content {

// An answers file (`tinxa self-check --answers FILE`, content/README.md) as read, with where each
// indicator answer is written so check_answers() can point at it.
struct AnswersFile {
  Answers answers;
  config::Position indicators_at;                                  // the `indicators:` map
  std::map<std::string, config::Position, std::less<>> positions;  // indicator id -> its answer
};

// Reads the answers with strict keys:
//   area: rural | urban
//   members: 1..100
//   income: {amount: N, per: month|year} or {from: N, to: N, per: month|year}  (household total)
//   indicators: {<indicator id>: yes | no | unknown | <number> | <option id>, ...}
// Every problem goes to the Value's Diagnostics; the answers are then partial (what could be
// read), which check_answers() may still check so that every mistake is reported at once, but
// they must not be evaluated.
[[nodiscard]] AnswersFile read_answers(const config::Value& root);

// Checks the indicator answers against `standard`: every indicator answered (unknown is an
// answer), each answer of the question's kind (a count at most the household's members), and no
// answer for an indicator that neither the standard nor any of `others` has (did-you-mean). An
// answer for an indicator of another standard is allowed and unused, so one file can be checked
// on both sides of a switch of standard (31/12/2026 and 01/01/2027). Reports to `diagnostics`;
// returns false when there was an error.
bool check_answers(const AnswersFile& file, const Standard& standard,
                   const std::vector<Standard>& others, config::Diagnostics& diagnostics);

}  // namespace tinxa::content
