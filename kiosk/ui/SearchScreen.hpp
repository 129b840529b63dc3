#pragma once

#include "content/model/Page.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/Screen.hpp"
#include "kiosk/ui/Search.hpp"
#include "kiosk/ui/Telex.hpp"
#include "kiosk/ui/Theme.hpp"
#include "kiosk/ui/UiText.hpp"

#include <string>
#include <vector>

namespace tinxa::kiosk::ui {

// Search: the typed text in a large box at the top, the results below it (updated at every key,
// each a row that opens its page), and an on-screen keyboard at the bottom with the 29 letters of
// the Vietnamese alphabet (ă â đ ê ô ơ ư as keys of their own), the five tone marks as keys that
// put the mark on the word just typed, and Erase, Space and Clear. A physical keyboard types with
// Telex (ActionKind::text) and Backspace (ActionKind::erase). Its own words and the result titles
// are in `language` (UiText; Vietnamese where there is no translation); the letters stay the
// Vietnamese alphabet. The pages must outlive the screen.
class SearchScreen final : public Screen {
 public:
  SearchScreen(const Theme& theme, Navigator& navigator, std::vector<const content::Page*> pages,
               std::string language = "vi");

  void layout(const Rect& area, Measurer& measurer) override;
  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;
  [[nodiscard]] std::string name() const override { return "search"; }

  struct Key {
    enum class Kind { letter, tone, erase, space, clear };
    Kind kind = Kind::letter;
    std::string label;
    Tone tone = Tone::none;
    Rect rect{};
    TapTarget tap;
  };
  struct Row {
    const content::Page* page = nullptr;
    Rect rect{};
    TapTarget tap;
  };

  [[nodiscard]] const std::string& query() const noexcept { return m_query; }
  [[nodiscard]] const std::vector<SearchHit>& hits() const noexcept { return m_hits; }
  [[nodiscard]] const std::vector<Key>& keys() const noexcept { return m_keys; }
  // The result rows on screen (the best hits that fit).
  [[nodiscard]] const std::vector<Row>& rows() const noexcept { return m_rows; }
  // Replaces the text (as if typed) and updates the results.
  void set_query(std::string query);
  // The folded text (content::fold_for_search) of a search that found nothing, for the anonymous
  // count of searches without a result; empty when the text is empty or found something.
  [[nodiscard]] std::string unanswered_query() const;

  // How the Vietnamese message for no result starts.
  static constexpr const char* kNotFound = "Không tìm thấy";
  static constexpr std::size_t kMaxLength = 60;  // code points

 private:
  void layout_results();
  [[nodiscard]] std::string words(UiText key) const;

  const Theme& m_theme;
  Navigator& m_navigator;
  std::string m_language;
  SearchIndex m_index;
  std::string m_query;
  std::vector<SearchHit> m_hits;
  std::vector<Key> m_keys;
  std::vector<Row> m_rows;
  Measurer* m_measurer = nullptr;
  Rect m_area{};
  Rect m_field{};
  Rect m_results{};
  Rect m_tone_caption{};
  std::string m_message;  // under the field: how many were found, or why nothing was
  std::string m_hint;     // below the rows: what to try
};

}  // namespace tinxa::kiosk::ui
