#include "kiosk/ui/selfcheck/SelfCheckFlow.hpp"

#include "content/eligibility/HouseholdQuestions.hpp"

#include <algorithm>

namespace tinxa::kiosk::ui::selfcheck {

SelfCheckFlow::SelfCheckFlow(content::StandardChoice choice, std::chrono::year_month_day date,
                             std::string province)
    : m_choice(std::move(choice)), m_date(date), m_province(std::move(province)) {
  const auto& household = content::household_questions();
  const auto owner = std::string(content::kHouseholdQuestionOwner);
  const StepKind kinds[] = {StepKind::area, StepKind::members, StepKind::income};
  for (std::size_t i = 0; i < household.size() && i < 3; ++i) {
    m_steps.push_back({kinds[i], household[i].id, &household[i].text, nullptr,
                       content::question_narration_key(owner, household[i].id, "vi"),
                       "question:" + owner + "." + household[i].id});
  }
  for (const auto& [standard, role] : m_choice.candidates) {
    (void)role;
    const std::string owner_id(content::question_owner(*standard));
    for (const auto& dimension : standard->dimensions) {
      for (const auto& indicator : dimension.indicators) {
        const bool known = std::any_of(m_steps.begin(), m_steps.end(), [&](const Step& s) {
          return s.kind == StepKind::indicator && s.id == indicator.id;
        });
        if (known) continue;
        m_steps.push_back({StepKind::indicator, indicator.id, &indicator.question.text, &indicator,
                           content::question_narration_key(owner_id, indicator.id, "vi"),
                           "question:" + owner_id + "." + indicator.id});
      }
    }
  }
}

void SelfCheckFlow::set_area(content::Area area) {
  if (at_result() || step().kind != StepKind::area) return;
  if (m_area != area) m_income_band.reset();
  m_area = area;
}

void SelfCheckFlow::set_members(int members) {
  if (at_result() || step().kind != StepKind::members) return;
  const std::optional<int> before = m_members;
  if (members < 1 || members > kMaxMembers) {
    m_members.reset();
  } else {
    m_members = members;
  }
  if (m_members != before) m_income_band.reset();
}

void SelfCheckFlow::set_income(content::Vnd household_total, content::IncomePeriod per) {
  if (at_result() || step().kind != StepKind::income) return;
  m_period = per;
  m_income_band.reset();
  if (household_total < 0) {
    m_income.reset();
  } else {
    m_income = household_total;
  }
}

void SelfCheckFlow::set_income_band(const IncomeBand& band) {
  if (at_result() || step().kind != StepKind::income) return;
  const auto bands = income_bands();
  if (std::find(bands.begin(), bands.end(), band) == bands.end()) return;
  m_income_band = band;
  m_income.reset();
  m_period = content::IncomePeriod::month;
}

std::vector<IncomeBand> SelfCheckFlow::income_bands() const {
  return selfcheck::income_bands(m_choice, m_area.value_or(content::Area::rural),
                                 m_members.value_or(1));
}

void SelfCheckFlow::set_income_period(content::IncomePeriod per) {
  if (!at_result() && step().kind == StepKind::income) m_period = per;
}

void SelfCheckFlow::set_indicator(const content::IndicatorAnswer& answer) {
  if (at_result() || step().kind != StepKind::indicator) return;
  m_indicators[step().id] = answer;
}

void SelfCheckFlow::clear_current() {
  if (at_result()) return;
  switch (step().kind) {
    case StepKind::area:
      m_area.reset();
      break;
    case StepKind::members:
      m_members.reset();
      break;
    case StepKind::income:
      m_income.reset();
      m_income_band.reset();
      break;
    case StepKind::indicator:
      m_indicators.erase(step().id);
      break;
  }
}

const content::IndicatorAnswer* SelfCheckFlow::indicator_answer(std::string_view id) const {
  const auto it = m_indicators.find(id);
  return it == m_indicators.end() ? nullptr : &it->second;
}

bool SelfCheckFlow::answered(std::size_t index) const {
  if (index >= m_steps.size()) return false;
  const Step& s = m_steps[index];
  switch (s.kind) {
    case StepKind::area:
      return m_area.has_value();
    case StepKind::members:
      return m_members.has_value();
    case StepKind::income:
      return m_income.has_value() || m_income_band.has_value();
    case StepKind::indicator:
      break;
  }
  const content::IndicatorAnswer* answer = indicator_answer(s.id);
  if (answer == nullptr) return false;
  if (std::holds_alternative<content::AnswerUnknown>(*answer)) return true;
  const content::Question& q = s.indicator->question;
  switch (q.kind) {
    case content::AnswerKind::yes_no:
      return std::holds_alternative<content::YesNo>(*answer);
    case content::AnswerKind::count: {
      const auto* n = std::get_if<std::int64_t>(answer);
      return n != nullptr && *n >= 0 && m_members && *n <= *m_members;
    }
    case content::AnswerKind::area_m2: {
      const auto* m2 = std::get_if<double>(answer);
      return m2 != nullptr && *m2 >= 0;
    }
    case content::AnswerKind::choice: {
      const auto* id = std::get_if<std::string>(answer);
      return id != nullptr && std::any_of(q.options.begin(), q.options.end(),
                                          [&](const auto& o) { return o.id == *id; });
    }
  }
  return false;
}

bool SelfCheckFlow::next() {
  if (at_result() || !answered(m_position)) return false;
  ++m_position;
  return true;
}

bool SelfCheckFlow::back() {
  if (m_position == 0) return false;
  --m_position;
  return true;
}

void SelfCheckFlow::clear() {
  m_position = 0;
  m_area.reset();
  m_members.reset();
  m_income.reset();
  m_income_band.reset();
  m_period = content::IncomePeriod::month;
  m_indicators.clear();
}

content::Answers SelfCheckFlow::answers() const {
  content::Answers a;
  a.area = m_area.value_or(content::Area::rural);
  a.members = m_members.value_or(1);
  if (m_income_band) {
    a.income = income_answer(*m_income_band, a.members);
  } else {
    const content::Vnd total = m_income.value_or(0);
    a.income = {total, total, m_period};
  }
  for (const auto& [id, answer] : m_indicators) a.indicators.emplace(id, answer);
  return a;
}

content::EligibilityResult SelfCheckFlow::result() const {
  return content::evaluate(m_choice, answers(), m_date, m_province);
}

}  // namespace tinxa::kiosk::ui::selfcheck
