#pragma once

#include "content/eligibility/Standard.hpp"
#include "content/model/LocalizedText.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tinxa::content {

// The questions the self-check asks before any indicator (issue 5): the area the household lives
// in, how many people it has, and its total income. Their wording lives here so the kiosk wizard
// shows, and `tinxa narrate` speaks, the same text.
struct HouseholdQuestion {
  std::string id;  // "khu-vuc", "so-nguoi", "thu-nhap"
  LocalizedText text;
};

inline constexpr std::string_view kAreaQuestion = "khu-vuc";
inline constexpr std::string_view kMembersQuestion = "so-nguoi";
inline constexpr std::string_view kIncomeQuestion = "thu-nhap";
// The income question as the kiosk asks it first: by bands of the household's monthly total.
inline constexpr std::string_view kIncomeBandsQuestion = "thu-nhap-muc";
// The owner named in the narration keys of the household questions.
inline constexpr std::string_view kHouseholdQuestionOwner = "ho-gia-dinh";

// The three household questions, in the order they are asked.
[[nodiscard]] const std::vector<HouseholdQuestion>& household_questions();

// The income question when the answer is one of the bands the kiosk offers (the amounts depend on
// the household, so the question itself names none); household_questions()' income question is
// the one for typing an amount. Narrated like the others.
[[nodiscard]] const HouseholdQuestion& income_bands_question();

// The standard whose indicators (and so question texts) `standard` uses: its own id, or the id
// named by its `dimensions_from`.
[[nodiscard]] std::string_view question_owner(const Standard& standard) noexcept;

// The narration key of a question: "question.<owner>.<question id>.<language>", where owner is a
// question_owner() or kHouseholdQuestionOwner. `tinxa narrate` renders every question under this
// key into the NarrationCache; the kiosk finds the file by it.
[[nodiscard]] std::string question_narration_key(std::string_view owner,
                                                 std::string_view question_id,
                                                 std::string_view language);

}  // namespace tinxa::content
