// kiosk.yaml's renderer and video_driver keys: read, defaulted, and refused at file:line:column.
#include "config/settings/KioskSettingsReader.hpp"
#include "config/settings/Settings.hpp"

#include "../reader/Support.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace tinxa::config {

namespace {

const std::filesystem::path kDefaults = std::filesystem::path(TINXA_SOURCE_DIR) / "config/defaults";

Settings load_kiosk_yaml(const tinxa::test::TempDir& temp, const std::string& text,
                         Diagnostics& diagnostics) {
  std::ofstream(temp.path() / "kiosk.yaml") << text;
  return load_settings(temp.path(), diagnostics);
}

}  // namespace

TEST_CASE("kiosk.yaml renderer and video_driver default to auto, also in the shipped file",
          "[config][settings]") {
  const KioskSettings built_in;
  CHECK(built_in.renderer == KioskSettings::Renderer::automatic);
  CHECK(built_in.video_driver == KioskSettings::VideoDriver::automatic);
  CHECK(video_driver_name(built_in.video_driver).empty());
  Diagnostics diagnostics;
  const Settings shipped = load_settings(kDefaults, diagnostics);
  INFO(test::text_of(diagnostics));
  CHECK(diagnostics.items().empty());
  CHECK(shipped.kiosk.renderer == KioskSettings::Renderer::automatic);
  CHECK(shipped.kiosk.video_driver == KioskSettings::VideoDriver::automatic);
}

TEST_CASE("kiosk.yaml renderer and video_driver take each of their words", "[config][settings]") {
  const tinxa::test::TempDir temp;
  using R = KioskSettings::Renderer;
  using V = KioskSettings::VideoDriver;
  const auto [word, renderer, driver, sdl_name] =
      GENERATE(std::make_tuple("software", R::software, "kmsdrm", V::kmsdrm),
               std::make_tuple("accelerated", R::accelerated, "x11", V::x11),
               std::make_tuple("auto", R::automatic, "wayland", V::wayland));
  Diagnostics diagnostics;
  const Settings s = load_kiosk_yaml(
      temp, std::string("renderer: ") + word + "\nvideo_driver: " + driver + "\n", diagnostics);
  INFO(test::text_of(diagnostics));
  CHECK(diagnostics.items().empty());
  CHECK(s.kiosk.renderer == renderer);
  CHECK(s.kiosk.video_driver == sdl_name);
  CHECK(to_string(s.kiosk.renderer) == word);
  CHECK(video_driver_name(s.kiosk.video_driver) == driver);
}

TEST_CASE("A wrong renderer or video_driver is refused at file:line:column and keeps auto",
          "[config][settings]") {
  const tinxa::test::TempDir temp;
  Diagnostics diagnostics;
  const Settings s = load_kiosk_yaml(temp,
                                     "admin_pin: \"2468\"\n"
                                     "renderer: softwre\n"
                                     "video_driver: kms\n",
                                     diagnostics);
  const std::string text = test::text_of(diagnostics);
  INFO(text);
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(diagnostics.items()[0].position.line == 2);
  CHECK(diagnostics.items()[0].position.column == 11);
  CHECK(diagnostics.items()[1].position.line == 3);
  CHECK(diagnostics.items()[1].position.column == 15);
  CHECK(text.find("kiosk.yaml:2:11") != std::string::npos);
  CHECK(text.find("kiosk.yaml:3:15") != std::string::npos);
  CHECK(text.find("auto, software, accelerated") != std::string::npos);
  CHECK(text.find("software") != std::string::npos);  // the did-you-mean for "softwre"
  CHECK(text.find("kmsdrm") != std::string::npos);
  CHECK(s.kiosk.renderer == KioskSettings::Renderer::automatic);
  CHECK(s.kiosk.video_driver == KioskSettings::VideoDriver::automatic);
  CHECK(s.kiosk.admin_pin == "2468");  // the good keys around them still count

  Diagnostics wrong_type;
  const Settings listed = load_kiosk_yaml(temp, "renderer: [software]\n", wrong_type);
  CHECK(wrong_type.error_count() == 1);
  CHECK(listed.kiosk.renderer == KioskSettings::Renderer::automatic);
}

}  // namespace tinxa::config
