#pragma once

#include "content/eligibility/Answers.hpp"
#include "content/eligibility/Eligibility.hpp"
#include "content/eligibility/Standard.hpp"
#include "kiosk/ui/selfcheck/IncomeBands.hpp"

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui::selfcheck {

// The questions of the kiosk's self-check and the answers given so far, without any drawing: the
// area, the household's size, its total income (a band of income_bands(), or an amount per month
// or per year), then one question per
// indicator of the standards chosen for the day (content::select_standards, as `tinxa
// self-check`), each indicator once even when two standards are used together. Answers live only
// here, in memory, and go when the flow does (it is never stored). Back keeps every answer given.
// Results point into the Standards of the choice, which must outlive the flow. UI thread.
class SelfCheckFlow {
 public:
  enum class StepKind { area, members, income, indicator };

  struct Step {
    StepKind kind = StepKind::area;
    std::string id;                                 // question or indicator id
    const content::LocalizedText* text = nullptr;   // the question as asked
    const content::Indicator* indicator = nullptr;  // indicator steps only
    std::string narration_key;                      // content::question_narration_key()
    std::string subject;                            // "question:<owner>.<id>", for listen counts
  };

  SelfCheckFlow(content::StandardChoice choice, std::chrono::year_month_day date,
                std::string province);

  [[nodiscard]] const std::vector<Step>& steps() const noexcept { return m_steps; }
  // The step shown: 0 .. steps().size() - 1, or steps().size() once the result is shown.
  [[nodiscard]] std::size_t position() const noexcept { return m_position; }
  [[nodiscard]] bool at_result() const noexcept { return m_position >= m_steps.size(); }
  // Precondition: !at_result().
  [[nodiscard]] const Step& step() const { return m_steps.at(m_position); }
  [[nodiscard]] const content::StandardChoice& choice() const noexcept { return m_choice; }
  [[nodiscard]] std::chrono::year_month_day date() const noexcept { return m_date; }

  // Recording answers for the current step (ignored when the step is of another kind).
  void set_area(content::Area area);
  void set_members(int members);  // 1..kMaxMembers
  // An amount typed (forgets a band chosen).
  void set_income(content::Vnd household_total, content::IncomePeriod per);
  // A band chosen (forgets an amount typed); a band that is not one of income_bands() is ignored.
  void set_income_band(const IncomeBand& band);
  void set_income_period(content::IncomePeriod per);
  void set_indicator(const content::IndicatorAnswer& answer);
  // Forgets the current step's answer (the digits were erased).
  void clear_current();

  // What has been answered (nullopt: not yet).
  [[nodiscard]] std::optional<content::Area> area() const noexcept { return m_area; }
  [[nodiscard]] std::optional<int> members() const noexcept { return m_members; }
  // The amount typed, or nullopt (also when a band was chosen).
  [[nodiscard]] std::optional<content::Vnd> income() const noexcept { return m_income; }
  // The band chosen, or nullopt. Changing the area or the household's size forgets it (its
  // amounts were made for them).
  [[nodiscard]] const std::optional<IncomeBand>& income_band() const noexcept {
    return m_income_band;
  }
  // The bands offered for the area and size answered (rural and 1 person until they are).
  [[nodiscard]] std::vector<IncomeBand> income_bands() const;
  [[nodiscard]] content::IncomePeriod income_period() const noexcept { return m_period; }
  [[nodiscard]] const content::IndicatorAnswer* indicator_answer(std::string_view id) const;

  // True when step `index` has an answer that may be used (a count at most the household's
  // size, an income of at least 0, ...).
  [[nodiscard]] bool answered(std::size_t index) const;
  // Moves to the next step when the current one is answered; true if it moved.
  bool next();
  // Moves to the previous step (from the result: the last question); false at the first.
  bool back();
  // Forgets every answer and returns to the first step.
  void clear();

  // The engine's result for the answers (precondition: at_result()).
  [[nodiscard]] content::EligibilityResult result() const;
  [[nodiscard]] content::Answers answers() const;

  static constexpr int kMaxMembers = 100;

 private:
  content::StandardChoice m_choice;
  std::chrono::year_month_day m_date;
  std::string m_province;
  std::vector<Step> m_steps;
  std::size_t m_position = 0;
  std::optional<content::Area> m_area;
  std::optional<int> m_members;
  std::optional<content::Vnd> m_income;
  std::optional<IncomeBand> m_income_band;
  content::IncomePeriod m_period = content::IncomePeriod::month;
  std::map<std::string, content::IndicatorAnswer, std::less<>> m_indicators;
};

}  // namespace tinxa::kiosk::ui::selfcheck
