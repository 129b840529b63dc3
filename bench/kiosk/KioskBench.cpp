// kiosk_bench: figures for issue 4, item 10, measured in-process with SDL's offscreen driver and
// the software renderer at 1920x1080 (no display needed). Prints; never fails on a figure.
//   kiosk_bench [--content DIR] [--navigations N]
// Build it in the release preset: figures from a Debug or sanitizer build mean nothing.
// Not yet measured here: idle CPU of the real loop, tap-to-photon under X11/KMS, and the
// comparison with headless Chromium.
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/render/FontCache.hpp"
#include "kiosk/render/SdlPainter.hpp"
#include "kiosk/sdl/KioskWindow.hpp"
#include "kiosk/sdl/SdlContext.hpp"
#include "kiosk/ui/Catalog.hpp"
#include "kiosk/ui/DocumentScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Steady = std::chrono::steady_clock;
using namespace tinxa;

double ms_since(Steady::time_point start) {
  return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// Draws one frame and waits for the software renderer to finish it (a read-back of one pixel).
void frame(kiosk::sdl::KioskWindow& window, kiosk::render::SdlPainter& painter,
           kiosk::ui::KioskUi& ui) {
  window.begin_frame();
  ui.render(painter);
  window.end_frame(true);
  Uint32 pixel = 0;
  const SDL_Rect one{0, 0, 1, 1};
  SDL_RenderReadPixels(window.renderer(), &one, SDL_PIXELFORMAT_ARGB8888, &pixel, 4);
}

}  // namespace

int main(int argc, char** argv) {
  std::string content_dir = "content/sample";
  int navigations = 100'000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--content") content_dir = argv[i + 1];
    if (a == "--navigations") navigations = std::max(1, std::stoi(argv[i + 1]));
  }

  const auto start = Steady::now();
  const auto loaded = content::load_bundle(content_dir);
  if (!loaded.ok()) {
    std::fprintf(stderr, "kiosk_bench: %s does not load; run tinxa check\n", content_dir.c_str());
    return 1;
  }
  const double load_ms = ms_since(start);
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  const content::SystemClock clock;
  config::SiteSettings site;
  config::KioskSettings settings;
  settings.display.fullscreen = false;
  kiosk::sdl::SdlContext sdl(kiosk::sdl::VideoMode::headless);
  kiosk::sdl::KioskWindow window(settings.display, {1920, 1080},
                                 kiosk::sdl::KioskWindow::Renderer::software);
  kiosk::render::FontCache fonts("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                 "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf");
  kiosk::render::SdlPainter painter(window.renderer(), fonts);
  kiosk::ui::KioskUi ui(
      loaded.bundle, site, clock, zone,
      kiosk::ui::Theme(kiosk::ui::DisplayMetrics::from_settings(settings.display)), painter,
      settings.idle);
  frame(window, painter, ui);
  const double first_frame_ms = ms_since(start);

  // Tap to updated frame: open a category from home, drawn; then back home, drawn.
  const auto categories = kiosk::ui::visible_categories(loaded.bundle, clock.now(), zone);
  std::vector<double> taps;
  for (int i = 0; i < 50; ++i) {
    const auto t = Steady::now();
    ui.open_category(categories[static_cast<std::size_t>(i) % categories.size()]->id);
    frame(window, painter, ui);
    taps.push_back(ms_since(t));
    ui.go_home();
    frame(window, painter, ui);
  }

  // Scrolling the longest page: one frame per 16 ms of a slow drag.
  const content::Page* longest = nullptr;
  for (const auto& page : loaded.bundle.pages) {
    if (!longest || page.body.size() > longest->body.size()) longest = &page;
  }
  ui.open_category(longest->category);
  ui.open_page(longest->id);
  frame(window, painter, ui);
  std::vector<double> scroll;
  const std::clock_t scroll_cpu_start = std::clock();
  const kiosk::ui::Point at{900, 600};
  (void)ui.input(kiosk::ui::Action::make_press(at));
  (void)ui.input(kiosk::ui::Action::make_cancel());
  for (int i = 0; i < 240; ++i) {
    const int dy = (i / 60) % 2 == 0 ? -6 : 6;
    const auto t = Steady::now();
    (void)ui.input(kiosk::ui::Action::make_drag(at, {0, dy}));
    ui.update(std::chrono::milliseconds{16});
    frame(window, painter, ui);
    scroll.push_back(ms_since(t));
  }
  const double scroll_cpu_ms =
      1000.0 * double(std::clock() - scroll_cpu_start) / CLOCKS_PER_SEC / double(scroll.size());
  (void)ui.input(kiosk::ui::Action::make_drag_end(at, 0.0));

  // Memory across many navigations (home -> category -> page -> back -> home), drawn each
  // hundredth time so the caches fill as they would.
  const long rss_before = resident_kib();
  long rss_mid = 0;
  for (int i = 0; i < navigations; ++i) {
    const auto* category = categories[static_cast<std::size_t>(i) % categories.size()];
    ui.go_home();
    ui.open_category(category->id);
    const auto pages = kiosk::ui::visible_pages(loaded.bundle, category->id, clock.now(), zone);
    ui.open_page(pages[static_cast<std::size_t>(i) % pages.size()]->id);
    if (i % 100 == 0) frame(window, painter, ui);
    ui.go_back();
    if (i == navigations / 2) rss_mid = resident_kib();
  }
  const long rss_after = resident_kib();

  auto percentile = [](std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * double(v.size() - 1))];
  };
  std::printf("kiosk_bench, 1920x1080, offscreen driver, software renderer (%s)\n",
              window.renderer_name().c_str());
  std::printf("  bundle load                    %8.1f ms\n", load_ms);
  std::printf("  start to first frame           %8.1f ms   (target <= 300 ms)\n", first_frame_ms);
  std::printf("  tap to updated frame, median   %8.1f ms   p95 %.1f ms (target <= 50 ms)\n",
              percentile(taps, 0.5), percentile(taps, 0.95));
  std::printf("  scroll frame, median           %8.2f ms   p95 %.2f ms (target <= 8 ms)\n",
              percentile(scroll, 0.5), percentile(scroll, 0.95));
  std::printf(
      "  scroll frame, CPU time         %8.2f ms   (wall times above include waiting for a "
      "busy CPU)\n",
      scroll_cpu_ms);
  std::printf(
      "  resident memory                %8.1f MB before, %.1f MB after %d/2, %.1f MB "
      "after %d navigations (target <= 80 MB, flat)\n",
      double(rss_before) / 1024.0, double(rss_mid) / 1024.0, navigations,
      double(rss_after) / 1024.0, navigations);
  return 0;
}
