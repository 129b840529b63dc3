#pragma once

#include "config/settings/Settings.hpp"
#include "content/eligibility/Standard.hpp"
#include "content/loader/LoadResult.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/app/KioskOptions.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <vector>

namespace tinxa::kiosk::app {

// Starting failed in a way a person must fix (bad settings, a broken bundle, no window); the
// message says what and where, one problem per line.
class StartupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The composition root: reads the settings and the bundle, owns the clock and time zone, and
// builds the SDL and UI objects for one of its two runs. Members die in reverse order. Main
// thread only.
class KioskApp {
 public:
  // Reads settings and content. Throws StartupError.
  explicit KioskApp(KioskOptions options);
  ~KioskApp();

  // The interactive kiosk, until it is told to quit (a signal, the admin panel's Exit; in a
  // window also the window's close button). Watches the content folder and swaps in a new bundle
  // that loads without errors, between touches; asks the loudspeaker daemon what plays next. Returns the process exit code. Throws
  // StartupError or render::SdlError if the window cannot be made.
  int run();

  // Renders the scripted tour (home, its switches, every category, a page with a table, one with
  // a notice, a long page at its top and scrolled, the notice page in high contrast, search with
  // the keyboard, with results and with none, a page's QR code, the idle warning) with the
  // offscreen driver and the software renderer, writes one PNG per screen into `dir` (created if
  // needed), and returns the files in the order written. Needs no display.
  std::vector<std::filesystem::path> screenshot_tour(const std::filesystem::path& dir);

 private:
  KioskOptions m_options;
  config::Settings m_settings;
  std::unique_ptr<content::Clock> m_clock;
  std::unique_ptr<content::TimeZone> m_zone;
  content::LoadResult m_content;
  std::filesystem::path m_content_dir;
  std::uint64_t m_fingerprint = 0;  // of the content folder when m_content was read
  content::TimePoint m_loaded_at{};
  std::vector<content::Standard> m_standards;  // for the self-check; empty: no self-check
};

}  // namespace tinxa::kiosk::app
