#include "kiosk/ui/Rotation.hpp"
#include "kiosk/ui/Theme.hpp"

#include <catch2/catch.hpp>

using namespace tinxa::kiosk::ui;
using tinxa::config::KioskSettings;
using tinxa::config::Rotation;

TEST_CASE("A 21.5-inch 1920x1080 screen has about 4 pixels per millimetre", "[kiosk][theme]") {
  const KioskSettings settings;
  const auto m = DisplayMetrics::from_settings(settings.display);
  CHECK(m.px_per_mm == Approx(4.034).epsilon(0.001));
  CHECK(m.logical == Size{1920, 1080});
}

TEST_CASE("Touch targets and gaps are at least 16 mm and 2.5 mm on any screen size",
          "[kiosk][theme]") {
  for (const double inches : {10.1, 15.6, 21.5, 32.0, 55.0}) {
    KioskSettings::Display display;
    display.diagonal_inches = inches;
    const Theme theme(DisplayMetrics::from_settings(display));
    INFO(inches << " inches");
    CHECK(theme.to_mm(theme.target_px()) >= Theme::kMinTargetMm);
    CHECK(theme.to_mm(theme.gap_px()) >= Theme::kMinGapMm);
    CHECK(theme.to_mm(theme.small().size_px) >= 5.5);  // 6 mm, rounded to whole pixels
  }
}

TEST_CASE("A portrait rotation swaps the logical width and height", "[kiosk][theme]") {
  KioskSettings::Display display;
  display.rotation = Rotation::quarter;
  const auto m = DisplayMetrics::from_settings(display);
  CHECK(m.logical == Size{1080, 1920});
  const auto preview = DisplayMetrics::from_settings(display, Size{1280, 720});
  CHECK(preview.logical == Size{720, 1280});
}

TEST_CASE("The large-text switch enlarges text and moves the theme to a new generation",
          "[kiosk][theme]") {
  Theme theme(DisplayMetrics::from_settings(KioskSettings{}.display));
  const int body = theme.body().size_px;
  const unsigned before = theme.generation();
  theme.set_text_scale(TextScale::large);
  CHECK(theme.body().size_px > body * 13 / 10);
  CHECK(theme.generation() != before);
  theme.set_contrast(ContrastMode::high);
  CHECK(theme.palette().background == rgb(0x000000));
}

TEST_CASE("A touch on a rotated panel lands where the upright picture shows it",
          "[kiosk][rotation]") {
  const Size panel{1920, 1080};
  CHECK(panel_to_logical({10, 20}, panel, Rotation::none) == Point{10, 20});
  // Turned a quarter clockwise: the picture's top-left corner is at the panel's top-right.
  CHECK(panel_to_logical({1919, 0}, panel, Rotation::quarter) == Point{0, 0});
  CHECK(panel_to_logical({0, 1079}, panel, Rotation::quarter) == Point{1079, 1919});
  CHECK(panel_to_logical({1919, 1079}, panel, Rotation::half) == Point{0, 0});
  CHECK(panel_to_logical({0, 1079}, panel, Rotation::three_quarters) == Point{0, 0});
  CHECK(panel_to_logical({1919, 0}, panel, Rotation::three_quarters) == Point{1079, 1919});
}
