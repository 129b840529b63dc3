#pragma once

#include "config/settings/Settings.hpp"
#include "content/eligibility/Standard.hpp"
#include "content/loader/LoadResult.hpp"
#include "content/media/ProbeCache.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/app/KioskOptions.hpp"
#include "kiosk/app/UsageRecorder.hpp"
#include "kiosk/ui/AdminScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/Measurer.hpp"
#include "kiosk/ui/Speaker.hpp"
#include "kiosk/ui/Theme.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tinxa::kiosk::app {

// Starting failed in a way a person must fix (a bad time zone or --at, no window); the message
// says what and where, one problem per line. A broken content bundle is not one: see KioskApp.
class StartupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The composition root: reads the settings and the bundle, owns the clock and time zone, and
// builds the SDL and UI objects for one of its two runs. Members die in reverse order. Main
// thread only.
//
// A configured bundle with errors never stops the kiosk: it starts on the last good copy kept in
// site.data_dir (content::LastGoodBundle), or, without one, on the maintenance screen; either way
// the admin panel lists the errors, and the folder is watched so a fixed bundle is swapped in.
class KioskApp {
 public:
  // Where the content shown at start came from.
  enum class StartSource { configured, last_good, none };

  // Reads settings and content. Throws StartupError.
  explicit KioskApp(KioskOptions options);
  ~KioskApp();

  // The interactive kiosk, until it is told to quit (a signal, the admin panel's Exit; in a
  // window also the window's close button). Watches the content folder and swaps in a new bundle
  // that is usable (content::LoadResult::usable()), between touches, and keeps a copy of each
  // bundle shown from it as the last good one (on the watcher's thread); asks the loudspeaker
  // daemon what plays next. Returns the process exit code. Throws StartupError or render::SdlError
  // if the window cannot be made.
  int run();

  // Renders the scripted tour (home, its switches, every category, a page with a table, one with
  // a notice, a long page at its top and scrolled, the notice page in high contrast, search with
  // the keyboard, with results, with none, and with more than fit scrolled to the end of the
  // list, a page's QR code, the idle warning, the maintenance screen) with the offscreen driver
  // and the software renderer, writes one PNG per screen into `dir` (created if needed), and
  // returns the files in the order written. Needs no display. Throws StartupError when the
  // configured content is not usable (it previews that).
  std::vector<std::filesystem::path> screenshot_tour(const std::filesystem::path& dir);

  [[nodiscard]] StartSource start_source() const noexcept { return m_start_source; }
  // The bundle shown now, and the folder it was read from (empty: none, the maintenance screen).
  [[nodiscard]] const content::Bundle& bundle() const noexcept { return m_content.bundle; }
  [[nodiscard]] const std::filesystem::path& shown_folder() const noexcept { return m_shown_dir; }
  // What the admin panel says about the content (all but the usage lines).
  [[nodiscard]] ui::AdminInfo content_status() const;

  // The resident's UI as run() builds it over the content shown now: the maintenance screen
  // while there is none, "Nghe" through `speaker` (null: unavailable), and every page view,
  // search without a result, listen and completed self-check counted through usage() (opened
  // here, the first time). `measurer` and `speaker` must outlive the UI, and the UI this object.
  [[nodiscard]] std::unique_ptr<ui::KioskUi> make_ui(ui::Theme theme, ui::Measurer& measurer,
                                                     ui::Speaker* speaker);
  // The usage counts of the UI make_ui() built; null before.
  [[nodiscard]] UsageRecorder* usage() noexcept { return m_usage ? &*m_usage : nullptr; }
  // Everything the admin panel says: content_status() and the usage lines (or why nothing is
  // counted).
  [[nodiscard]] ui::AdminInfo admin_info();

 private:
  // The configured bundle has errors: they go to the log and the admin panel, and the last good
  // copy is shown instead, or nothing (the maintenance screen).
  void start_without_configured();

  KioskOptions m_options;
  config::Settings m_settings;
  std::unique_ptr<content::Clock> m_clock;
  std::unique_ptr<content::TimeZone> m_zone;
  content::LoadResult m_content;
  std::filesystem::path m_content_dir;
  std::uint64_t m_fingerprint = 0;  // of the content folder when m_content was read
  // The audio probes of the content folder, shared by the start load and the watcher's reloads.
  std::shared_ptr<content::ProbeCache> m_probes = std::make_shared<content::ProbeCache>();
  content::TimePoint m_loaded_at{};
  std::vector<content::Standard> m_standards;  // for the self-check; empty: no self-check
  StartSource m_start_source = StartSource::configured;
  std::filesystem::path m_shown_dir;  // where m_content was read from; empty: nothing shown
  std::string m_last_attempt;         // the admin panel's last update attempt and its messages
  std::vector<std::string> m_messages;
  std::optional<UsageRecorder> m_usage;  // from make_ui(): the screenshot tour counts nothing
};

}  // namespace tinxa::kiosk::app
