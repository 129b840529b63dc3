#pragma once

#include "content/model/Bundle.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/Screen.hpp"
#include "kiosk/ui/Theme.hpp"
#include "kiosk/ui/Ticker.hpp"
#include "kiosk/ui/UiText.hpp"

#include <memory>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui {

// The first screen: a line that says what to do, a grid of large tiles (icon, title, summary),
// one per category with something to show, and the large-text and high-contrast switches. The
// categories must outlive the screen. A wide "Tìm kiếm" (search) button sits beside the switches,
// or above them when the row is too narrow.
class HomeScreen final : public Screen {
 public:
  HomeScreen(const Theme& theme, Navigator& navigator, std::string heading,
             std::vector<const content::Category*> categories, const Ticker* ticker = nullptr);

  void layout(const Rect& area, Measurer& measurer) override;
  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;
  [[nodiscard]] std::string name() const override { return "home"; }

  struct Tile {
    const content::Category* category = nullptr;
    Rect rect{};
    TapTarget tap;
  };
  [[nodiscard]] const std::vector<Tile>& tiles() const noexcept { return m_tiles; }
  [[nodiscard]] const Button& search_button() const noexcept { return m_search; }
  // The "Tự kiểm tra hộ nghèo" tile after the categories, which opens the self-check wizard
  // (Navigator::open_self_check). Shown only once this is called (before layout).
  void show_self_check_tile() noexcept { m_self_check = true; }
  // Its place; empty when it is not shown.
  [[nodiscard]] const Rect& self_check_tile() const noexcept { return m_self_check_rect; }
  static constexpr const char* kSelfCheckTitle = "Tự kiểm tra hộ nghèo";  // in Vietnamese
  // The "Nghe lại loa hôm nay" tile, last, which opens today's announcements
  // (Navigator::open_hear_again). Shown only once this is called (before layout).
  void show_hear_again_tile() noexcept { m_hear_again = true; }
  [[nodiscard]] const Rect& hear_again_tile() const noexcept { return m_hear_again_rect; }
  static constexpr const char* kHearAgainTitle = "Nghe lại loa hôm nay";
  // The language switch: one button per language (by its own name), the current one on; tapping
  // one calls Navigator::choose_language. Not shown for fewer than two languages. The screen's own
  // words (switches, drawn tiles) follow `current` (UiText), whatever the switch shows.
  void set_languages(const std::vector<std::string>& languages, std::string current);
  [[nodiscard]] const std::vector<std::unique_ptr<Button>>& language_buttons() const noexcept {
    return m_languages;
  }
  [[nodiscard]] static std::string language_name(const std::string& code);
  [[nodiscard]] const std::string& language() const noexcept { return m_language; }
  // Where the ticker of notices and the next broadcast is drawn (empty when it has nothing).
  [[nodiscard]] const Rect& ticker_rect() const noexcept { return m_ticker_rect; }

 private:
  void render_tile(Painter& painter, const Tile& tile) const;
  void render_self_check_tile(Painter& painter) const;
  void render_hear_again_tile(Painter& painter) const;
  [[nodiscard]] std::string words(UiText key) const;

  const Theme& m_theme;
  Navigator& m_navigator;
  std::string m_heading;
  std::vector<Tile> m_tiles;
  Rect m_area{};
  Rect m_heading_rect{};
  const Ticker* m_ticker = nullptr;  // owned by KioskUi; may be null
  Rect m_ticker_rect{};
  Button m_large_text;
  Button m_contrast;
  Button m_search;
  bool m_self_check = false;
  Rect m_self_check_rect{};
  TapTarget m_self_check_tap;
  bool m_hear_again = false;
  Rect m_hear_again_rect{};
  TapTarget m_hear_again_tap;
  std::vector<std::unique_ptr<Button>> m_languages;
  std::vector<std::string> m_language_codes;
  std::string m_language = "vi";
};

}  // namespace tinxa::kiosk::ui
