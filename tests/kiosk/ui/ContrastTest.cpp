#include "kiosk/ui/Contrast.hpp"
#include "kiosk/ui/Theme.hpp"

#include <catch2/catch.hpp>

using namespace tinxa::kiosk::ui;

TEST_CASE("Contrast ratio follows WCAG: black on white is 21:1, a colour on itself 1:1",
          "[kiosk][contrast]") {
  CHECK(contrast_ratio(rgb(0x000000), rgb(0xFFFFFF)) == Approx(21.0));
  CHECK(contrast_ratio(rgb(0xFFFFFF), rgb(0x000000)) == Approx(21.0));
  CHECK(contrast_ratio(rgb(0x336699), rgb(0x336699)) == Approx(1.0));
  // #777777 on white is the textbook example just under 4.5:1.
  CHECK(contrast_ratio(rgb(0x777777), rgb(0xFFFFFF)) == Approx(4.48).epsilon(0.01));
}

TEST_CASE("Every text and background pair of both palettes is at least 7:1", "[kiosk][contrast]") {
  for (const Palette& palette : {Palette::normal(), Palette::high_contrast()}) {
    const auto pairs = palette.text_pairs();
    REQUIRE(pairs.size() >= 10);
    for (const auto& pair : pairs) {
      INFO(pair.name);
      CHECK(contrast_ratio(pair.foreground, pair.background) >= 7.0);
    }
  }
}
