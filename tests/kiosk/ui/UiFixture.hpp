#pragma once

// What the kiosk UI tests share: the sample bundle, the default panel's theme, the touch-target
// rules, and a kiosk driven as a resident would, without SDL (a recording painter, a recording
// speaker and a virtual clock).

#include "config/settings/KioskSettings.hpp"
#include "config/settings/SiteSettings.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/LocalDateTime.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/Theme.hpp"
#include "tests/kiosk/ui/RecordingPainter.hpp"
#include "tests/kiosk/ui/RecordingSpeaker.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace tinxa::kiosk::test {

// content/sample, loaded once per test program; the calling test fails if it does not load.
inline const content::Bundle& sample_bundle() {
  static const content::LoadResult loaded =
      content::load_bundle(std::filesystem::path(TINXA_SOURCE_DIR) / "content" / "sample");
  REQUIRE(loaded.ok());
  return loaded.bundle;
}

// The theme of the default panel (KioskSettings: 1920x1080 at 21.5").
inline ui::Theme default_theme(ui::TextScale scale = ui::TextScale::normal) {
  return ui::Theme(ui::DisplayMetrics::from_settings(config::KioskSettings{}.display),
                   ui::ContrastMode::normal, scale);
}

// Every touch target is at least 16 mm in both directions, and any two are 2.5 mm apart (less
// 0.3 mm for rounding to whole pixels). `where` names the screen in the failure messages.
inline void check_targets(const ui::Theme& theme, const std::vector<ui::Rect>& targets,
                          const std::string& where = {}) {
  REQUIRE(!targets.empty());
  const double slack_mm = 0.3;
  for (const auto& t : targets) {
    INFO(where << ": target " << t.x << "," << t.y << " " << t.width << "x" << t.height);
    CHECK(theme.to_mm(t.width) >= ui::Theme::kMinTargetMm);
    CHECK(theme.to_mm(t.height) >= ui::Theme::kMinTargetMm);
  }
  for (std::size_t i = 0; i < targets.size(); ++i) {
    for (std::size_t j = i + 1; j < targets.size(); ++j) {
      const auto& a = targets[i];
      const auto& b = targets[j];
      const int dx = std::max(b.x - a.right(), a.x - b.right());
      const int dy = std::max(b.y - a.bottom(), a.y - b.bottom());
      INFO(where << ": targets " << a.x << "," << a.y << " and " << b.x << "," << b.y);
      CHECK(theme.to_mm(std::max(dx, dy)) >= ui::Theme::kMinGapMm - slack_mm);
    }
  }
}

// A Navigator that goes nowhere, for a screen tested on its own.
struct NoNavigator final : ui::Navigator {
  void open_category(const std::string&) override {}
  void open_page(const std::string&) override {}
  void open_search() override {}
  void go_home() override {}
  void go_back() override {}
  void toggle_large_text() override {}
  void toggle_high_contrast() override {}
};

// A kiosk showing `bundle` with its virtual clock at local time `when` in Hồ Chí Minh City,
// drawn into a recording painter. A test's fixture derives from it, sets what it needs (the
// site, a usage sink, the speaker) and calls draw().
struct UiFixture {
  UiFixture(const content::Bundle& bundle, const content::LocalDateTime& when,
            ui::Theme theme = default_theme())
      : zone(content::TimeZone::load("Asia/Ho_Chi_Minh")),
        clock(zone.from_local(when)),
        kiosk(bundle, site, clock, zone, std::move(theme), painter) {}
  UiFixture(const UiFixture&) = delete;
  UiFixture& operator=(const UiFixture&) = delete;
  virtual ~UiFixture() = default;

  // The screen drawn afresh.
  virtual void draw() {
    painter.clear();
    kiosk.render(painter);
  }
  // A resident's finger: down, then up at the same place; then the screen drawn again.
  void tap(ui::Point p) {
    (void)kiosk.input(ui::Action::make_press(p));
    (void)kiosk.input(ui::Action::make_tap(p));
    draw();
  }

  content::TimeZone zone;
  content::VirtualClock clock;
  config::SiteSettings site;
  RecordingPainter painter;
  RecordingSpeaker speaker;  // plugged in by the tests that listen; outlives the kiosk
  ui::KioskUi kiosk;
};

}  // namespace tinxa::kiosk::test
