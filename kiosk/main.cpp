// tinxa-kiosk: the touch kiosk of the commune's public information point.
//
//   tinxa-kiosk [--config DIR] [--content DIR] [--size WxH] [--at YYYY-MM-DDTHH:MM]
//   tinxa-kiosk --screenshots DIR [...]   render the tour to PNG files without a display, exit
#include "kiosk/app/KioskApp.hpp"
#include "kiosk/render/SdlHandles.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

namespace {

std::optional<tinxa::kiosk::ui::Size> parse_size(const std::string& text) {
  const auto x = text.find('x');
  if (x == std::string::npos) return std::nullopt;
  try {
    std::size_t used_w = 0;
    std::size_t used_h = 0;
    const int w = std::stoi(text.substr(0, x), &used_w);
    const int h = std::stoi(text.substr(x + 1), &used_h);
    if (used_w != x || used_h != text.size() - x - 1 || w < 320 || h < 240 || w > 16384 ||
        h > 16384) {
      return std::nullopt;
    }
    return tinxa::kiosk::ui::Size{w, h};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"tinxa-kiosk: the touch kiosk of the commune's public information point"};
  tinxa::kiosk::app::KioskOptions options;
  std::string config_dir;
  std::string content_dir;
  std::string screenshots_dir;
  std::string size;
  std::string at;
  cli.add_option("--config", config_dir, "folder with site.yaml and kiosk.yaml");
  cli.add_option("--content", content_dir, "the content bundle (default: site.yaml content_dir)");
  cli.add_option("--screenshots", screenshots_dir,
                 "render the screen tour to PNG files in this folder and exit (needs no display)");
  cli.add_option("--size", size,
                 "panel size WxH in pixels, e.g. 1080x1920 (a window, not fullscreen)");
  cli.add_option("--at", at, "show the kiosk as at this local time, YYYY-MM-DDTHH:MM");
  CLI11_PARSE(cli, argc, argv);

  if (!config_dir.empty()) options.config_dir = config_dir;
  if (!content_dir.empty()) options.content_dir = content_dir;
  if (!screenshots_dir.empty()) options.screenshots_dir = screenshots_dir;
  if (!at.empty()) options.at = at;
  if (!size.empty()) {
    options.size = parse_size(size);
    if (!options.size) {
      std::cerr << "tinxa-kiosk: --size: \"" << size
                << "\" is not WIDTHxHEIGHT in pixels (for example 1920x1080)\n";
      return 2;
    }
  }
  try {
    tinxa::kiosk::app::KioskApp app(options);
    if (options.screenshots_dir) {
      (void)app.screenshot_tour(*options.screenshots_dir);
      return 0;
    }
    return app.run();
  } catch (const tinxa::kiosk::app::StartupError& e) {
    std::cerr << "tinxa-kiosk: " << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "tinxa-kiosk: " << e.what() << '\n';
    return 1;
  }
}

// LeakSanitizer (sanitizer builds only): libdbus, which SDL opens for the session bus when a
// display is set, keeps its connection until dbus_shutdown(), which SDL 2.26 never calls.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libdbus-1.so\n"; }
