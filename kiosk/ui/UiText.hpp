#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace tinxa::kiosk::ui {

// The kiosk's own words (buttons, hints, the idle warning, the self-check's fixed wording), as
// opposed to the content's, which comes translated in the bundle. One table per language in
// UiText.cpp, Vietnamese first and complete; a language without a table, or a word its table
// lacks, is shown in Vietnamese. `{}` in a text stands for a value given to ui_format().
enum class UiText : std::size_t {
  // The top bar (the weekdays in std::chrono's c_encoding order) and the idle warning.
  sunday,
  monday,
  tuesday,
  wednesday,
  thursday,
  friday,
  saturday,
  back,
  home,
  search_short,
  still_here,
  idle_question,
  idle_message,  // {} seconds
  // Home.
  large_text,
  high_contrast,
  search_wide,
  self_check_title,
  self_check_summary,
  hear_again_title,
  hear_again_summary,
  // Scroll buttons of every document (pages, lists, the self-check's result).
  scroll_up,
  scroll_down,
  // The "Nghe" bar.
  listen,
  pause,
  resume,
  stop,
  quieter,
  louder,
  no_narration,
  no_speaker,
  recorded,
  synthetic_voice,
  playing,
  paused,
  // Search.
  key_erase,
  key_space,
  key_clear,
  tone_caption,
  search_prompt,
  search_start,
  search_not_found,  // {} the text typed
  search_no_accents,
  search_try_fewer,
  search_found,  // {} count
  search_more,   // {} count
  // The self-check's questions.
  progress,  // {} question, {} of
  next,
  per_month,
  per_year,
  unknown,
  yes,
  no,
  rural,
  urban,
  people,       // {} count
  money_month,  // {} amount
  money_year,   // {} amount
  square_metres,
  pad_hint,
  members_range,     // {} the largest
  per_person_about,  // {} amount, {} people
  at_most_members,   // {} people
  // The income bands (IncomeBands) and the per-person range in the result.
  type_amount,
  income_band_up_to,    // {} amount
  income_band_between,  // {} above, {} up to
  income_band_over,     // {} amount
  range_up_to,          // {} amount with currency
  range_between,        // {} above, {} up to, with currency
  range_over,           // {} amount with currency
  // The self-check's result.
  result_label,
  undecided,
  under_standard,  // {} standard, {} role, {} categories
  role_uncertain,
  role_lapsed,
  list_or,
  article_unverified,  // {} document
  standard_used,       // {} standard, {} basis
  also_standard,       // {} standard, {} basis
  per_person_income,   // {} amount, {} people
  poverty_line,        // {} standard, {} amount
  deprived_heading,    // {} count
  criterion_unverified,
  no_deprivation,
  support_pages,
  qr_summary,  // {} headline
  qr_caption,
  answers_not_kept,
  restart,
  // Ready for the screens other helpers own (not used here yet): hear-again, page, ticker,
  // attract, the empty category.
  hear_again_nothing,
  hear_again_choose,
  hear_again_zones,
  page_sources,
  page_updated,  // {} date
  page_qr_caption,
  page_note,
  page_warning,
  page_unverified,
  source_partial,
  source_unverified,
  ticker_notice,   // {} title
  ticker_new,      // {} title
  next_broadcast,  // {} time [date] title
  attract_hint,
  category_empty,
  // The maintenance screen (no usable content).
  maintenance_title,
  maintenance_hint,
  count_  // not a text: the number of texts
};

// The text in `language`, or in Vietnamese where that language has none.
[[nodiscard]] std::string_view ui_text(UiText key, std::string_view language);
// ui_text() with each `{}` replaced by the next of `values` (missing values leave `{}`).
[[nodiscard]] std::string ui_format(UiText key, std::string_view language,
                                    std::initializer_list<std::string_view> values);
// True when the kiosk's own words exist in `language` (Vietnamese always).
[[nodiscard]] bool has_ui_language(std::string_view language);
// `language` when the kiosk's words exist in it, else "vi": for formats that must agree with the
// words around them (content::format_vnd's "2.500.000 đồng" or "VND 2,500,000").
[[nodiscard]] std::string_view ui_language(std::string_view language);

}  // namespace tinxa::kiosk::ui
