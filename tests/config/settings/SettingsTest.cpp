#include "config/settings/Settings.hpp"

#include "../reader/Support.hpp"
#include "config/reader/Document.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace tinxa::config {

namespace {

const std::filesystem::path kDefaults = std::filesystem::path(TINXA_SOURCE_DIR) / "config/defaults";

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

}  // namespace

TEST_CASE("The shipped default files load cleanly and say exactly the built-in defaults",
          "[config][settings]") {
  Diagnostics diagnostics;
  const Settings loaded = load_settings(kDefaults, diagnostics);
  INFO(test::text_of(diagnostics));
  CHECK(diagnostics.items().empty());
  const Settings built_in = default_settings();
  CHECK(loaded.site.commune_name == built_in.site.commune_name);
  CHECK(loaded.site.province == built_in.site.province);
  CHECK(loaded.site.province_name == built_in.site.province_name);
  CHECK(loaded.site.time_zone == built_in.site.time_zone);
  CHECK(loaded.site.content_dir == built_in.site.content_dir);
  CHECK(loaded.site.data_dir == built_in.site.data_dir);
  CHECK(loaded.site.expiry_warning_days == built_in.site.expiry_warning_days);
  CHECK(loaded.kiosk.display.width_px == built_in.kiosk.display.width_px);
  CHECK(loaded.kiosk.display.height_px == built_in.kiosk.display.height_px);
  CHECK(loaded.kiosk.display.rotation == built_in.kiosk.display.rotation);
  CHECK(loaded.kiosk.display.diagonal_inches == built_in.kiosk.display.diagonal_inches);
  CHECK(loaded.kiosk.display.fullscreen == built_in.kiosk.display.fullscreen);
  CHECK(loaded.kiosk.idle.warn_after == built_in.kiosk.idle.warn_after);
  CHECK(loaded.kiosk.idle.warning_length == built_in.kiosk.idle.warning_length);
  CHECK(loaded.kiosk.font == built_in.kiosk.font);
  CHECK(loaded.broadcast.schedule_file == kDefaults / "schedule.yaml");
  CHECK(loaded.broadcast.control_socket == built_in.broadcast.control_socket);
  CHECK(loaded.broadcast.operators_group == built_in.broadcast.operators_group);
  CHECK(loaded.broadcast.loudness_target_lufs == built_in.broadcast.loudness_target_lufs);
  CHECK(loaded.broadcast.sample_rate_hz == built_in.broadcast.sample_rate_hz);
  CHECK(loaded.broadcast.catch_up_grace == built_in.broadcast.catch_up_grace);
  CHECK(loaded.broadcast.device_retry == built_in.broadcast.device_retry);
  CHECK(loaded.broadcast.resample_quality == built_in.broadcast.resample_quality);
}

TEST_CASE("Every problem in every settings file is reported, and bad values keep defaults",
          "[config][settings]") {
  const tinxa::test::TempDir temp;
  const auto& folder = temp.path();
  write(folder / "site.yaml",
        "commune_name: Xã Minh Hưng\n"
        "time_zon: Asia/Ho_Chi_Minh\n"
        "expiry_warning_days: 400\n");
  write(folder / "kiosk.yaml",
        "display:\n"
        "  width_px: 1080\n"
        "  rotation: 45\n"
        "idle:\n"
        "  warning_length: 5s\n");
  write(folder / "broadcast.yaml", "catch_up_grace: 10\n");
  Diagnostics diagnostics;
  const Settings s = load_settings(folder, diagnostics);
  diagnostics.sort();
  const auto text = test::text_of(diagnostics);
  INFO(text);
  REQUIRE(diagnostics.error_count() == 5);
  CHECK(s.site.commune_name == "Xã Minh Hưng");
  CHECK(s.site.expiry_warning_days == 14);
  CHECK(s.kiosk.display.width_px == 1080);
  CHECK(s.kiosk.display.rotation == Rotation::none);
  CHECK(s.kiosk.idle.warning_length == std::chrono::seconds{20});
  CHECK(s.broadcast.catch_up_grace == std::chrono::minutes{10});
  const auto site = (folder / "site.yaml").string();
  const auto kiosk = (folder / "kiosk.yaml").string();
  CHECK(text.find(site + ":2:1: lỗi/error: time_zon: ") != std::string::npos);
  CHECK(text.find("did you mean \"time_zone\"") != std::string::npos);
  CHECK(text.find(site + ":3:22: lỗi/error: expiry_warning_days: ") != std::string::npos);
  CHECK(text.find(kiosk + ":3:13: lỗi/error: display.rotation: ") != std::string::npos);
  CHECK(text.find(kiosk + ":5:19: lỗi/error: idle.warning_length: ") != std::string::npos);
  CHECK(text.find("broadcast.yaml:1:17: lỗi/error: catch_up_grace: ") != std::string::npos);
}

TEST_CASE("broadcast.yaml chooses the resampling converter, fastest unless it says otherwise",
          "[config][settings]") {
  const tinxa::test::TempDir temp;
  const auto& folder = temp.path();
  Diagnostics diagnostics;
  write(folder / "broadcast.yaml", "sample_rate_hz: 48000\n");
  CHECK(load_settings(folder, diagnostics).broadcast.resample_quality == ResampleQuality::fastest);
  for (const auto& [word, quality] :
       {std::pair{"fastest", ResampleQuality::fastest},
        std::pair{"medium", ResampleQuality::medium}, std::pair{"best", ResampleQuality::best}}) {
    write(folder / "broadcast.yaml", std::string{"resample_quality: "} + word + "\n");
    CHECK(load_settings(folder, diagnostics).broadcast.resample_quality == quality);
  }
  INFO(test::text_of(diagnostics));
  CHECK(diagnostics.items().empty());
}

TEST_CASE("A resample_quality that is not a converter's name is refused where it is written",
          "[config][settings]") {
  const tinxa::test::TempDir temp;
  const auto& folder = temp.path();
  write(folder / "broadcast.yaml",
        "sample_rate_hz: 48000\n"
        "resample_quality: fatest\n");
  Diagnostics diagnostics;
  const Settings s = load_settings(folder, diagnostics);
  const auto text = test::text_of(diagnostics);
  INFO(text);
  REQUIRE(diagnostics.error_count() == 1);
  const auto file = (folder / "broadcast.yaml").string();
  CHECK(text.find(file + ":2:19: lỗi/error: resample_quality: giá trị không hợp lệ / not an "
                         "allowed value") != std::string::npos);
  CHECK(text.find("gặp/found:    \"fatest\"") != std::string::npos);
  CHECK(text.find("one of: fastest, medium, best") != std::string::npos);
  CHECK(text.find("did you mean \"fastest\"") != std::string::npos);
  CHECK(s.broadcast.resample_quality == ResampleQuality::fastest);  // the default is kept
}

TEST_CASE("A misspelt time zone is refused with the closest zone as a hint", "[config][settings]") {
  const tinxa::test::TempDir temp;
  const auto& folder = temp.path();
  write(folder / "site.yaml", "time_zone: Asia/Ho_Chi_Min\n");
  Diagnostics diagnostics;
  const Settings s = load_settings(folder, diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().position.line == 1);
  CHECK(diagnostics.items().front().position.column == 12);
  CHECK(diagnostics.items().front().suggestion == "Asia/Ho_Chi_Minh");
  CHECK(s.site.time_zone == "Asia/Ho_Chi_Minh");
}

TEST_CASE("Relative paths in settings are relative to the settings folder", "[config][settings]") {
  const tinxa::test::TempDir temp;
  const auto& folder = temp.path();
  write(folder / "site.yaml", "content_dir: bundle\ndata_dir: /srv/tinxa\n");
  Diagnostics diagnostics;
  const Settings s = load_settings(folder, diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(s.site.content_dir == folder / "bundle");
  CHECK(s.site.data_dir == "/srv/tinxa");
}

}  // namespace tinxa::config
