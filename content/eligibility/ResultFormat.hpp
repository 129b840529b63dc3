#pragma once

#include "content/eligibility/Eligibility.hpp"
#include "content/model/Bundle.hpp"

#include <string>

namespace tinxa::content {

// How `tinxa self-check` shows a result. `bundle` gives the policy pages' titles (nullptr: ids
// only). Both end with a newline; never throw except std::bad_alloc.

// For a person: Vietnamese then English, line by line.
[[nodiscard]] std::string format_result_text(const EligibilityResult& result, const Bundle* bundle);

// For a program: one JSON object (UTF-8, strings escaped per RFC 8259). Keys:
//   date, province, area, members, income_per_person_monthly {low, high, rounding},
//   category (null when not settled), certain (one category under one standard),
//   outcomes[{standard, title, role, basis, poverty_line, average_upper (null when unknown),
//   possible[], category, deprived_count, unknown_count, depends_on_unverified, indicators[{id,
//   number, name, status, state, reason}], policies {<category>: [{page, title, note, status}]},
//   where_to_apply {text, pages}}], caveats[{kind, vi, en}]
[[nodiscard]] std::string format_result_json(const EligibilityResult& result, const Bundle* bundle);

// JSON string literal of `text` (with the quotes), escaping ", \ and control characters.
[[nodiscard]] std::string json_string(std::string_view text);

}  // namespace tinxa::content
