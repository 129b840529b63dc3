#include "content/eligibility/HouseholdQuestions.hpp"

namespace tinxa::content {

namespace {

LocalizedText text(std::string vi, std::string en) {
  LocalizedText t(std::move(vi));
  t.set("en", std::move(en));
  return t;
}

}  // namespace

const std::vector<HouseholdQuestion>& household_questions() {
  static const std::vector<HouseholdQuestion> questions{
      {std::string(kAreaQuestion),
       text("Nhà bà con ở nông thôn (xã) hay ở thành thị (phường, thị trấn)?",
            "Does your household live in a rural area (a commune) or an urban one (a ward or "
            "town)?")},
      {std::string(kMembersQuestion),
       text("Nhà bà con có bao nhiêu người cùng ăn, cùng ở? Bấm số người.",
            "How many people live and eat together in your household? Press the number.")},
      {std::string(kIncomeQuestion),
       text("Cả nhà có tổng thu nhập khoảng bao nhiêu tiền? Chọn mỗi tháng hoặc mỗi năm, rồi bấm "
            "số tiền.",
            "About how much does the whole household earn in total? Choose per month or per "
            "year, then press the amount.")},
  };
  return questions;
}

const HouseholdQuestion& income_bands_question() {
  static const HouseholdQuestion question{
      std::string(kIncomeBandsQuestion),
      text("Mỗi tháng, cả nhà có tổng thu nhập khoảng bao nhiêu? Bấm vào một mức.",
           "About how much does the whole household earn in a month? Press one band.")};
  return question;
}

std::string_view question_owner(const Standard& standard) noexcept {
  return standard.dimensions_from.empty() ? std::string_view(standard.id)
                                          : std::string_view(standard.dimensions_from);
}

std::string question_narration_key(std::string_view owner, std::string_view question_id,
                                   std::string_view language) {
  std::string key = "question.";
  key += owner;
  key += '.';
  key += question_id;
  key += '.';
  key += language;
  return key;
}

}  // namespace tinxa::content
