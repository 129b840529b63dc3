#pragma once

#include "content/model/Bundle.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/Painter.hpp"
#include "kiosk/ui/Theme.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui {

// True when a page is marked for the attract slideshow: a tag "nổi bật" or "highlight".
[[nodiscard]] bool is_highlight(const content::Page& page);

// The slideshow's pages at `now`: the visible highlighted pages, else the `newest` visible pages
// most recently updated (ties in bundle order).
[[nodiscard]] std::vector<const content::Page*> attract_pages(const content::Bundle& bundle,
                                                              content::TimePoint now,
                                                              const content::TimeZone& zone,
                                                              std::size_t newest = 5);

// Attract mode: a full-screen slideshow, one page at a time for `slide` (its category, title,
// summary and first paragraph, and "Chạm vào màn hình để xem thêm"), the whole picture shifted by
// a few pixels on every cycle so no edge burns into the panel. The pages must outlive it. UI
// thread only.
class Attract {
 public:
  explicit Attract(std::chrono::milliseconds slide = std::chrono::seconds{10}) : m_slide(slide) {}

  void start(std::vector<const content::Page*> pages, const content::Bundle& bundle);
  void stop() noexcept;
  [[nodiscard]] bool active() const noexcept { return m_active; }
  // True when the slide shown changed.
  [[nodiscard]] bool advance(std::chrono::milliseconds dt);
  [[nodiscard]] std::chrono::milliseconds until_next() const noexcept;
  [[nodiscard]] std::size_t index() const noexcept { return m_index; }
  [[nodiscard]] std::size_t cycle() const noexcept { return m_cycle; }
  [[nodiscard]] const content::Page* current() const noexcept;
  // The burn-in shift of the current cycle, in pixels, within ±`max_px` on each axis.
  [[nodiscard]] Point shift(int max_px) const noexcept;

  void render(Painter& painter, const Theme& theme) const;

  static constexpr const char* kTouchHint = "Chạm vào màn hình để xem thêm";

 private:
  std::chrono::milliseconds m_slide;
  std::chrono::milliseconds m_shown{0};
  std::vector<const content::Page*> m_pages;
  std::vector<std::string> m_categories;  // the title of each page's category
  std::size_t m_index = 0;
  std::size_t m_cycle = 0;
  bool m_active = false;
};

}  // namespace tinxa::kiosk::ui
