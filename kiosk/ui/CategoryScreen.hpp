#pragma once

#include "content/model/Bundle.hpp"
#include "kiosk/ui/DocumentScreen.hpp"

#include <string>
#include <vector>

namespace tinxa::kiosk::ui {

// One category: its title and summary, then a row per visible page (title and summary), each row
// a touch target that opens the page. `pages` are the pages visible when the screen was opened;
// the bundle must outlive the screen. Texts are shown in `language` where the content has them,
// else in Vietnamese.
class CategoryScreen final : public DocumentScreen {
 public:
  CategoryScreen(const Theme& theme, Navigator& navigator, const content::Category& category,
                 std::vector<const content::Page*> pages, std::string language = "vi");

  [[nodiscard]] std::string name() const override { return "category:" + m_category.id; }
  [[nodiscard]] const std::vector<const content::Page*>& pages() const noexcept { return m_pages; }

 protected:
  void build(DisplayList& list, int width, Measurer& measurer) override;
  void activate_link(int index) override;

 private:
  const content::Category& m_category;
  std::vector<const content::Page*> m_pages;
  std::string m_language;
};

}  // namespace tinxa::kiosk::ui
