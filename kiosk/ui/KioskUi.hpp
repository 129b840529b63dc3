#pragma once

#include "config/settings/KioskSettings.hpp"
#include "config/settings/SiteSettings.hpp"
#include "content/model/Bundle.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/ScreenStack.hpp"
#include "kiosk/ui/Theme.hpp"

#include <functional>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui {

// The whole kiosk user interface without SDL: the top bar (Back and Home always in the same
// place, the commune's name, the date and time) over a ScreenStack that starts at home. Reads the
// time from `clock` and hides pages not valid on the local day in `zone`.
//
// Idle: when a session has something to clear (a screen other than home, or a switch turned on)
// and nobody has touched the screen for `idle.warn_after`, a warning with a large button
// "Tôi vẫn đang xem" covers the screen and counts down `idle.warning_length`; any touch keeps
// the session; at zero the kiosk returns home with the switches off, for the next resident's
// privacy. Idle time is counted from update()'s `dt`, so tests drive it without sleeping.
// Everything it is given by reference must outlive it. UI thread only; not copyable or movable
// (screens point at its theme).
//
// Usage: when a sink is set, it is told of each page opened (its id), and of each search left
// with text that found nothing (the folded text), for the anonymous usage counts.
enum class UsageEvent { page_view, search_no_result, listen };
using UsageSink = std::function<void(UsageEvent, const std::string& subject)>;

class KioskUi final : public Navigator {
 public:
  KioskUi(const content::Bundle& bundle, const config::SiteSettings& site,
          const content::Clock& clock, const content::TimeZone& zone, Theme theme,
          Measurer& measurer, config::KioskSettings::Idle idle = {});

  // Offers `action` to the bar, then to the top screen; carries out any navigation it caused.
  // Returns true if something consumed it. back and home actions always work; erase (Backspace)
  // acts as back where the top screen has no text to erase.
  bool input(const Action& action);
  // Advances animations by `dt` and notices when the minute shown in the bar changes.
  void update(std::chrono::milliseconds dt);
  // Draws the bar and the top screen, and clears needs_redraw().
  void render(Painter& painter);

  // True when the last render() no longer shows the current state.
  [[nodiscard]] bool needs_redraw() const noexcept { return m_dirty; }
  // True while the top screen moves on its own: the loop should keep calling update().
  [[nodiscard]] bool animating() const;
  // How long the loop may sleep before update() has something to do for the idle warning
  // (its start, or the next second of its countdown); a large value when no session is open.
  [[nodiscard]] std::chrono::milliseconds idle_wakeup() const noexcept;
  [[nodiscard]] bool idle_warning_shown() const noexcept { return m_warning; }
  [[nodiscard]] const Button& still_here_button() const noexcept { return m_still_here; }

  [[nodiscard]] const Screen& top() const { return m_stack.top(); }
  [[nodiscard]] std::size_t depth() const noexcept { return m_stack.size(); }
  [[nodiscard]] const Theme& theme() const noexcept { return m_theme; }
  [[nodiscard]] const Button& back_button() const noexcept { return m_back; }
  [[nodiscard]] const Button& home_button() const noexcept { return m_home; }
  [[nodiscard]] const Button& search_button() const noexcept { return m_search; }
  void set_usage_sink(UsageSink sink) { m_usage = std::move(sink); }
  [[nodiscard]] Rect content_area() const noexcept;

  // Navigator: done at once when called from outside input(), after it otherwise. Unknown ids
  // are ignored (the bundle may have changed under an old link).
  void open_category(const std::string& category_id) override;
  void open_page(const std::string& page_id) override;
  void open_search() override;
  void go_home() override;
  void go_back() override;
  void toggle_large_text() override;
  void toggle_high_contrast() override;

 private:
  void request(std::function<void()> change);
  void ensure_layout();
  void layout_bar();
  void rebuild_home();
  [[nodiscard]] std::string clock_text() const;
  [[nodiscard]] bool session_open() const noexcept;
  [[nodiscard]] std::string countdown_text() const;
  void reset_session();
  void render_warning(Painter& painter) const;
  // Counts the search on top of the stack if it found nothing; call before leaving it.
  void leaving_top();
  void report(UsageEvent event, const std::string& subject);

  const content::Bundle& m_bundle;
  const config::SiteSettings& m_site;
  const content::Clock& m_clock;
  const content::TimeZone& m_zone;
  Theme m_theme;
  Measurer& m_measurer;
  config::KioskSettings::Idle m_idle_settings;
  Button m_back;
  Button m_home;
  Button m_search;
  Button m_still_here;
  UsageSink m_usage;
  ScreenStack m_stack;
  std::vector<std::function<void()>> m_pending;
  bool m_in_input = false;
  bool m_dirty = true;
  bool m_layout_dirty = true;
  bool m_was_animating = false;
  const Screen* m_laid_out = nullptr;
  unsigned m_laid_out_generation = 0;
  std::string m_clock_text;
  Rect m_bar{};
  Rect m_name_rect{};
  std::chrono::milliseconds m_idle{0};
  bool m_warning = false;
  std::string m_countdown;
  Rect m_card{};
};

}  // namespace tinxa::kiosk::ui
