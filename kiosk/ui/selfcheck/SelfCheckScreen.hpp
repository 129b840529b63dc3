#pragma once

#include "content/model/Bundle.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/Screen.hpp"
#include "kiosk/ui/Speaker.hpp"
#include "kiosk/ui/Theme.hpp"
#include "kiosk/ui/UiText.hpp"
#include "kiosk/ui/selfcheck/DigitPad.hpp"
#include "kiosk/ui/selfcheck/SelfCheckFlow.hpp"
#include "kiosk/ui/selfcheck/SelfCheckResult.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui::selfcheck {

// The self-check wizard (issue 5, item 4): one question per screen with its picture, "Câu 3/15"
// and a progress bar, "Nghe" (plays the question's narration, pre-rendered by `tinxa narrate`
// under the same key, through the Speaker), and large answer buttons: two or three choices, a
// list of options, or large digit keys for the household's size and the counts and areas some
// indicators ask. The income is asked first as bands (IncomeBands: one tap, made from the lines of
// the standards in use for the household's area and size), with "Nhập số tiền" opening digit keys
// for an exact amount (per month or per year, shown "2.500.000 đồng"); Back from those keys returns
// to the bands. "Không biết" is an
// answer wherever the engine accepts it. The bar's Back goes to the previous question with every
// answer kept, and leaves the wizard only from the first. After the last question the result
// (SelfCheckResult) is shown in the same screen, and the kiosk is told once that a self-check was
// completed (only that: the answers stay in memory and go with the screen, on Home, Back or the
// idle reset). `speaker` may be null (no "Nghe"); it, the bundle and the flow's standards must
// outlive the screen. UI thread.
class SelfCheckScreen final : public Screen, public StepsBack {
 public:
  struct Sources {
    const content::Bundle* bundle = nullptr;  // the support pages' titles
    Speaker* speaker = nullptr;
    std::filesystem::path narrations;  // content::narration_folder() of the bundle; may be empty
    // The language of the questions (the standard's translations, Vietnamese where it has none)
    // and of the wizard's own words (UiText). "Nghe" reads the Vietnamese narration.
    std::string language = "vi";
  };

  SelfCheckScreen(const Theme& theme, Navigator& navigator, SelfCheckFlow flow, Sources sources);

  void layout(const Rect& area, Measurer& measurer) override;
  [[nodiscard]] bool input(const Action& action) override;
  void update(std::chrono::milliseconds dt) override;
  void render(Painter& painter) const override;
  // "self-check:<question id>", or "self-check:result".
  [[nodiscard]] std::string name() const override;
  [[nodiscard]] bool animating() const override;
  bool step_back() override;

  [[nodiscard]] const SelfCheckFlow& flow() const noexcept { return m_flow; }
  // The answer buttons of the current question (empty for a question with digit keys); for the
  // income, one per band of flow().income_bands(), in order.
  [[nodiscard]] const std::vector<std::unique_ptr<Button>>& answer_buttons() const noexcept {
    return m_answers;
  }
  // The digit keys (null unless the question takes a number), and the buttons beside them.
  [[nodiscard]] const DigitPad* pad() const noexcept { return m_pad.get(); }
  [[nodiscard]] const Button& next_button() const noexcept { return m_next; }
  [[nodiscard]] const Button& unknown_button() const noexcept { return m_unknown; }
  [[nodiscard]] const Button& per_month_button() const noexcept { return m_per_month; }
  [[nodiscard]] const Button& per_year_button() const noexcept { return m_per_year; }
  [[nodiscard]] const Button& listen_button() const noexcept { return m_listen; }
  // "Nhập số tiền" under the income bands; it opens the digit keys.
  [[nodiscard]] const Button& type_amount_button() const noexcept { return m_type_amount; }
  // True while the income question shows its bands (not the digit keys).
  [[nodiscard]] bool showing_bands() const noexcept { return m_layout == Layout::bands; }
  [[nodiscard]] bool has_listen() const noexcept { return m_sources.speaker != nullptr; }
  // The result, once shown.
  [[nodiscard]] const SelfCheckResult* result() const noexcept { return m_result.get(); }
  // "Câu 3/15" ("Question 3/15").
  [[nodiscard]] std::string progress_text() const;
  // The narration key of what is asked: the step's, or for the income bands
  // "question.ho-gia-dinh.thu-nhap-muc.vi" (content::kIncomeBandsQuestion).
  [[nodiscard]] std::string narration_key() const;
  // The narration file of the current question, or empty when `tinxa narrate` made none.
  [[nodiscard]] std::filesystem::path narration_file() const;
  // The number shown above the digit keys ("2.500.000 đồng mỗi tháng"), or empty.
  [[nodiscard]] std::string display_text() const;

 private:
  enum class Layout { choices, bands, pad };

  void rebuild();
  void relayout();
  void choose(std::function<void()> record);
  void go_next();
  void pad_changed();
  void listen();
  [[nodiscard]] bool show_unknown() const;
  [[nodiscard]] std::string hint_text() const;
  [[nodiscard]] std::string words(UiText key) const;
  [[nodiscard]] const std::string& question_text() const;

  const Theme& m_theme;
  Navigator& m_navigator;
  SelfCheckFlow m_flow;
  Sources m_sources;
  Rect m_area{};
  Measurer* m_measurer = nullptr;
  Layout m_layout = Layout::choices;
  std::vector<std::unique_ptr<Button>> m_answers;
  std::unique_ptr<DigitPad> m_pad;
  Button m_next;
  Button m_unknown;
  Button m_per_month;
  Button m_per_year;
  Button m_listen;
  Button m_type_amount;
  std::string m_bands_question;  // the income bands' question, in the wizard's language
  std::unique_ptr<SelfCheckResult> m_result;
  std::function<void()> m_pending;  // carried out after input() returns (it may rebuild buttons)
  bool m_counted = false;
  bool m_typing = false;  // the income question shows the digit keys
  std::size_t m_built_for = static_cast<std::size_t>(-1);  // the position rebuild() last showed
  // Laid out positions.
  Rect m_progress_bar{};
  Point m_progress_at{};
  Rect m_picture{};
  Rect m_question{};
  Rect m_display{};
  Rect m_hint{};
};

// Makes the wizard for the kiosk's home tile: chooses the standards for the local date and the
// site's province exactly as `tinxa self-check` does. Returns null when no standard applies.
[[nodiscard]] std::unique_ptr<Screen> make_self_check_screen(
    const Theme& theme, Navigator& navigator, const std::vector<content::Standard>& standards,
    std::chrono::year_month_day date, const std::string& province,
    SelfCheckScreen::Sources sources);

}  // namespace tinxa::kiosk::ui::selfcheck
