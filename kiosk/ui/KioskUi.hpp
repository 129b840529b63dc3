#pragma once

#include "config/settings/KioskSettings.hpp"
#include "config/settings/SiteSettings.hpp"
#include "content/model/Bundle.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/AdminAccess.hpp"
#include "kiosk/ui/AdminScreen.hpp"
#include "kiosk/ui/Attract.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/ListenBar.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/ScreenStack.hpp"
#include "kiosk/ui/Speaker.hpp"
#include "kiosk/ui/Theme.hpp"
#include "kiosk/ui/Ticker.hpp"

#include <functional>
#include <map>
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
enum class UsageEvent { page_view, search_no_result, listen, self_check_done };
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
  // The "Nghe" output (kiosk/audio's SdlSpeaker; must outlive this UI). With one, pages have
  // the "Nghe" bar's buttons and home has the "Nghe lại loa hôm nay" tile; each sound started is
  // reported as UsageEvent::listen; leaving a screen stops its sound; the idle reset restores
  // the default volume. Without one, the bar says listening is unavailable.
  void set_speaker(Speaker* speaker);
  [[nodiscard]] Speaker* speaker() const noexcept { return m_speaker; }
  // The language the content and the kiosk's own words (UiText, Vietnamese where it has no
  // translation) are shown in: "vi" unless the resident chose another at home, until the session
  // ends.
  [[nodiscard]] const std::string& language() const noexcept { return m_language; }
  // The self-check wizard (kiosk/ui/selfcheck), made anew each time the resident opens it from
  // its home tile (shown only when a factory is set), in the language chosen at home; a null
  // screen is not opened.
  using ScreenFactory =
      std::function<std::unique_ptr<Screen>(const Theme&, Navigator&, const std::string& language)>;
  void set_self_check(ScreenFactory factory);
  // Maintenance, while the kiosk has no content it can show: while a factory is set, the root
  // screen is made by it instead of home (MaintenanceScreen) and the bar has no Search button;
  // the admin long-press and PIN, the idle reset and everything else work as usual. Cleared
  // inside replace_content()'s swap, home comes back with the new bundle.
  void set_maintenance(ScreenFactory factory);
  [[nodiscard]] bool in_maintenance() const noexcept { return static_cast<bool>(m_maintenance); }
  // Where "Nghe lại loa hôm nay" gets the loudspeaker zones' names (zone id -> name, from the
  // schedule), asked each time it opens; unset or a zone missing: the zone's id is shown.
  using ZoneNamesSource = std::function<std::map<std::string, std::string>()>;
  void set_zone_names(ZoneNamesSource source) { m_zone_names = std::move(source); }
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
  void open_self_check() override;
  void self_check_completed() override;
  void open_hear_again() override;
  void choose_language(const std::string& language) override;

  // Content hot-swap: `swap` reassigns the bundle this UI was built with (the same object, so
  // the reference stays valid). Every screen is dropped before and rebuilt after, from the new
  // bundle, as the resident left them; if one of their screens no longer exists (a page removed
  // or expired), the kiosk returns home. Call between interactions (not while touching()), never
  // from inside input().
  void replace_content(const std::function<void()>& swap);
  // The same without a new bundle: what is visible changes with the day (pages expire at
  // midnight). update() calls it when the local date changes.
  void refresh_visible();
  // True while a finger is down (from press to tap or drag_end).
  [[nodiscard]] bool touching() const noexcept { return m_touching; }

  // Admin panel: a 5 s press on the commune's name in the bar opens the PIN pad (when a PIN is
  // set); the right PIN opens the panel, 3 wrong ones lock it for a minute.
  void set_admin(std::string pin, AdminHooks hooks);
  void open_admin();
  [[nodiscard]] const Rect& admin_press_area() const noexcept { return m_name_rect; }
  [[nodiscard]] const AdminPinLock& admin_lock() const noexcept { return m_admin_lock; }

  // Attract mode: after `attract.after` at home without a touch (zero: never, the default), the
  // slideshow covers the screen; any touch ends it (and does nothing else).
  void set_attract(config::KioskSettings::Attract attract) { m_attract_settings = attract; }
  void start_attract();
  [[nodiscard]] const Attract& attract() const noexcept { return m_attract; }

  // The home screen's ticker, and its "next broadcast" line: `next` is "06:00 Bản tin sáng"
  // (app::next_broadcast_line; empty: not shown), put after "Phát thanh tiếp theo:" in the
  // current language.
  void set_next_broadcast(std::string next);
  [[nodiscard]] const Ticker& ticker() const noexcept { return m_ticker; }

 private:
  void rebuild_stack(const std::function<void()>& swap);
  void request(std::function<void()> change);
  void ensure_layout();
  void layout_bar();
  void rebuild_home();
  // Labels the bar's buttons and the idle warning in m_language.
  void apply_language();
  [[nodiscard]] std::string idle_message(std::chrono::milliseconds left) const;
  [[nodiscard]] std::string clock_text() const;
  [[nodiscard]] bool session_open() const noexcept;
  [[nodiscard]] std::string countdown_text() const;
  void reset_session();
  void render_warning(Painter& painter) const;
  // Counts the search on top of the stack if it found nothing; call before leaving it.
  void leaving_top();
  void report(UsageEvent event, const std::string& subject);
  [[nodiscard]] ListenContext listen_context();
  [[nodiscard]] std::unique_ptr<Screen> make_page(const content::Page& page);
  [[nodiscard]] std::unique_ptr<Screen> make_hear_again();

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
  ScreenFactory m_self_check;
  ScreenFactory m_maintenance;
  ZoneNamesSource m_zone_names;
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
  bool m_touching = false;
  AdminPinLock m_admin_lock{""};
  AdminHooks m_admin;
  LongPress m_long_press;
  Ticker m_ticker;
  Attract m_attract;
  config::KioskSettings::Attract m_attract_settings{std::chrono::milliseconds{0}};
  std::chrono::milliseconds m_home_idle{0};
  bool m_was_home = true;
  std::chrono::year_month_day m_day{};
  Speaker* m_speaker = nullptr;
  std::string m_language{content::kVietnamese};
  std::string m_next_broadcast;
  Speaker::State m_heard_state = Speaker::State::stopped;
  std::chrono::seconds m_heard_second{0};
};

}  // namespace tinxa::kiosk::ui
