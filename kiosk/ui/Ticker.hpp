#pragma once

#include "content/model/Bundle.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/Painter.hpp"
#include "kiosk/ui/Theme.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::kiosk::ui {

// True when a page is marked as a notice for the home screen's ticker: one of its tags is
// "thông báo" or "notice" (accents and case ignored).
[[nodiscard]] bool is_notice(const content::Page& page);

// The ticker's lines at `now`: every visible page marked as a notice ("Thông báo: <title>"), then
// every visible page that became valid in the last `new_days` days ("Mới: <title>"), each once,
// in bundle order. Titles and labels in `language` where there are translations.
[[nodiscard]] std::vector<std::string> ticker_items(const content::Bundle& bundle,
                                                    content::TimePoint now,
                                                    const content::TimeZone& zone,
                                                    std::string_view language = "vi",
                                                    int new_days = 14);

// The strip of current notices under the home screen's heading, and the next loudspeaker
// broadcast when the daemon said what it is. Paged rather than scrolled: one notice at a time,
// each for `page_time`, so an idle kiosk redraws once every few seconds and not 10 times a
// second. State only; KioskUi owns it and HomeScreen draws it. UI thread only.
class Ticker {
 public:
  explicit Ticker(std::chrono::milliseconds page_time = std::chrono::seconds{10})
      : m_page_time(page_time) {}

  // Replaces the notices (a new bundle or a new day); keeps the page when it still exists.
  void set_items(std::vector<std::string> items);
  // "Phát thanh tiếp theo: 06:00 Bản tin sáng" (KioskUi words it), or empty when unknown. Returns
  // true if changed.
  bool set_next_broadcast(std::string line);

  // Moves the clock on; true when the page shown changed (the home screen needs a redraw).
  [[nodiscard]] bool advance(std::chrono::milliseconds dt);
  // Shows the current page for a full period again (the resident just came back home).
  void restart() noexcept { m_shown = std::chrono::milliseconds{0}; }
  // How long until advance() turns the page; a large value when there is at most one notice.
  [[nodiscard]] std::chrono::milliseconds until_next() const noexcept;

  [[nodiscard]] bool empty() const noexcept { return m_items.empty() && m_next.empty(); }
  [[nodiscard]] const std::vector<std::string>& items() const noexcept { return m_items; }
  [[nodiscard]] std::size_t page() const noexcept { return m_page; }
  [[nodiscard]] const std::string& next_broadcast() const noexcept { return m_next; }
  // The height the strip needs at `width` (zero when empty).
  [[nodiscard]] int height(const Theme& theme, Measurer& measurer, int width) const;
  void render(Painter& painter, const Theme& theme, const Rect& rect) const;

 private:
  std::chrono::milliseconds m_page_time;
  std::chrono::milliseconds m_shown{0};
  std::vector<std::string> m_items;
  std::size_t m_page = 0;
  std::string m_next;
};

}  // namespace tinxa::kiosk::ui
