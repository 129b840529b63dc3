#pragma once

#include "content/model/Page.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/Screen.hpp"
#include "kiosk/ui/Scroller.hpp"
#include "kiosk/ui/Search.hpp"
#include "kiosk/ui/Telex.hpp"
#include "kiosk/ui/Theme.hpp"
#include "kiosk/ui/UiText.hpp"

#include <chrono>
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
// The results scroll between the box and the keyboard (which stay put) as a page does (Scroller):
// a drag that starts on them moves them and coasts, a tap on a row opens it on release, and the
// Up/Down column appears at their right when they do not fit. A new text starts them at the top.
// At most kMaxRows rows; the list then ends with how many more there are.
class SearchScreen final : public Screen {
 public:
  SearchScreen(const Theme& theme, Navigator& navigator, std::vector<const content::Page*> pages,
               std::string language = "vi");

  void layout(const Rect& area, Measurer& measurer) override;
  [[nodiscard]] bool input(const Action& action) override;
  void update(std::chrono::milliseconds dt) override;
  void render(Painter& painter) const override;
  [[nodiscard]] bool animating() const override;
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
    Rect rect{};  // in the list: x and y from its top left corner, before scrolling
    TapTarget tap;
  };

  [[nodiscard]] const std::string& query() const noexcept { return m_query; }
  [[nodiscard]] const std::vector<SearchHit>& hits() const noexcept { return m_hits; }
  [[nodiscard]] const std::vector<Key>& keys() const noexcept { return m_keys; }
  // The result rows, best first (at most kMaxRows), whether scrolled into view or not.
  [[nodiscard]] const std::vector<Row>& rows() const noexcept { return m_rows; }
  // Where `row` is on the screen at the current scroll offset (perhaps outside the list's window).
  [[nodiscard]] Rect on_screen(const Row& row) const noexcept;
  // The part of `row` that a tap opens: what shows of it in the list's window, when that is at
  // least a touch target high; empty otherwise (a sliver at the edge only scrolls).
  [[nodiscard]] Rect touch_rect(const Row& row) const noexcept;
  // The window the results scroll in (left of the Up/Down column when it shows).
  [[nodiscard]] const Rect& results_window() const noexcept { return m_viewport; }
  [[nodiscard]] const Scroller& scroller() const noexcept { return m_scroller; }
  // Replaces the text (as if typed) and updates the results.
  void set_query(std::string query);
  // The folded text (content::fold_for_search) of a search that found nothing, for the anonymous
  // count of searches without a result; empty when the text is empty or found something.
  [[nodiscard]] std::string unanswered_query() const;

  // How the Vietnamese message for no result starts.
  static constexpr const char* kNotFound = "Không tìm thấy";
  static constexpr std::size_t kMaxLength = 60;  // code points
  static constexpr std::size_t kMaxRows = 30;    // more than this, the list says how many more

 private:
  // Lays out the results again (the text or the layout changed), keeping the scroll fraction.
  void layout_results();
  // The message, rows and hint at `width`; returns the list's height.
  int lay_out_list(int width);
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
  Rect m_results{};   // between the box and the keyboard: the list and its column
  Rect m_viewport{};  // the list's window
  Rect m_tone_caption{};
  std::string m_message;  // under the field: how many were found, or why nothing was
  std::string m_hint;     // below the rows: what to try
  TextStyle m_message_style{};
  int m_hint_y = 0;  // in the list
  Scroller m_scroller;
  bool m_list_pressed = false;  // the finger down now went down on the list
};

}  // namespace tinxa::kiosk::ui
