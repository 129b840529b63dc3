#pragma once

#include "content/model/Bundle.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/Screen.hpp"
#include "kiosk/ui/Theme.hpp"

#include <vector>

namespace tinxa::kiosk::ui {

// The first screen: a line that says what to do, a grid of large tiles (icon, title, summary),
// one per category with something to show, and the large-text and high-contrast switches. The
// categories must outlive the screen. A wide "Tìm kiếm" (search) button sits beside the switches,
// or above them when the row is too narrow.
class HomeScreen final : public Screen {
 public:
  HomeScreen(const Theme& theme, Navigator& navigator, std::string heading,
             std::vector<const content::Category*> categories);

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

 private:
  void render_tile(Painter& painter, const Tile& tile) const;

  const Theme& m_theme;
  Navigator& m_navigator;
  std::string m_heading;
  std::vector<Tile> m_tiles;
  Rect m_area{};
  Rect m_heading_rect{};
  Button m_large_text;
  Button m_contrast;
  Button m_search;
};

}  // namespace tinxa::kiosk::ui
