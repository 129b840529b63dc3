// kiosk_bench: figures for issue 4, item 10. Prints; never fails on a figure. Run it from the
// source root, built in the release preset (figures from a Debug or sanitizer build mean nothing):
//   kiosk_bench [--content DIR] [--navigations N] [--idle-seconds S] [--kiosk PATH] [--no-chromium]
// 1. In process, SDL's offscreen driver and the software renderer at 1920x1080: start to first
//    frame, tap to updated frame, scroll frame time, resident memory over many navigations.
// 2. Idle CPU of the real tinxa-kiosk window under Xvfb, S seconds with no input (/proc ticks).
// 3. The same content as a static web page in headless Chromium (--screenshot) against this
//    program drawing the same screen and writing a PNG (--first-frame): wall time from fork to
//    exit and peak memory of the whole process tree, sampled from /proc, and their ratios.
#include "bench/kiosk/ProcessProbe.hpp"
#include "bench/kiosk/StaticSite.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/render/FontCache.hpp"
#include "kiosk/render/Screenshot.hpp"
#include "kiosk/render/SdlPainter.hpp"
#include "kiosk/sdl/KioskWindow.hpp"
#include "kiosk/sdl/SdlContext.hpp"
#include "kiosk/ui/Catalog.hpp"
#include "kiosk/ui/DocumentScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#ifndef TINXA_KIOSK_BINARY
#define TINXA_KIOSK_BINARY "tinxa-kiosk"
#endif

namespace {

using Steady = std::chrono::steady_clock;
using namespace tinxa;

const char* const kRegularFont = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
const char* const kBoldFont = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

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

const content::Page* longest_page(const content::Bundle& bundle) {
  const content::Page* longest = nullptr;
  for (const auto& page : bundle.pages) {
    if (!longest || page.body.size() > longest->body.size()) longest = &page;
  }
  return longest;
}

struct Options {
  std::string content_dir = "content/sample";
  int navigations = 100'000;
  int idle_seconds = 20;
  std::string kiosk = TINXA_KIOSK_BINARY;
  bool chromium = true;
  std::string first_frame;  // child mode: draw one screen, write this PNG, exit
  std::string page;         // child mode: the page to open ("" = home)
};

// The kiosk in this process, as both modes measure it: `bundle` in a 1920x1080 window (not full
// screen) on SDL's offscreen driver with the software renderer, on the system clock in Hồ Chí
// Minh City, with the default kiosk.yaml otherwise.
struct OffscreenKiosk {
  static config::KioskSettings windowed() {
    config::KioskSettings settings;
    settings.display.fullscreen = false;
    return settings;
  }

  explicit OffscreenKiosk(const content::Bundle& bundle)
      : zone(content::TimeZone::load("Asia/Ho_Chi_Minh")),
        settings(windowed()),
        sdl(kiosk::sdl::VideoMode::headless),
        window(settings.display, {1920, 1080}, kiosk::sdl::KioskWindow::Renderer::software),
        fonts(kRegularFont, kBoldFont),
        painter(window.renderer(), fonts),
        ui(bundle, site, clock, zone,
           kiosk::ui::Theme(kiosk::ui::DisplayMetrics::from_settings(settings.display)), painter,
           settings.idle) {}

  const content::TimeZone zone;
  const content::SystemClock clock;
  config::SiteSettings site;
  config::KioskSettings settings;
  kiosk::sdl::SdlContext sdl;
  kiosk::sdl::KioskWindow window;
  kiosk::render::FontCache fonts;
  kiosk::render::SdlPainter painter;
  kiosk::ui::KioskUi ui;
};

// Child mode, the kiosk's side of the Chromium comparison: what `chromium --screenshot` does for
// a web page, this does for the kiosk: start, load the bundle, draw home (or open a page), write
// the PNG, exit.
int first_frame(const Options& o) {
  const auto loaded = content::load_bundle(o.content_dir);
  if (!loaded.ok()) return 1;
  OffscreenKiosk k(loaded.bundle);
  auto& ui = k.ui;
  if (!o.page.empty()) {
    const content::Page* page = loaded.bundle.find_page(o.page);
    if (page == nullptr) return 1;
    ui.open_category(page->category);
    ui.open_page(page->id);
  }
  k.window.begin_frame();
  ui.render(k.painter);
  k.window.end_frame(false);
  kiosk::render::save_png(k.window.renderer(), o.first_frame);
  return 0;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

struct Runs {
  double wall_ms = 0.0;
  double cpu_ms = 0.0;
  double pss_mb = 0.0;
  double rss_mb = 0.0;
  int processes = 0;
  bool ok = true;
};

// One untimed run (caches warm), then the median of `n` runs timed without sampling and of `n`
// runs with memory sampled.
Runs measure(const std::vector<std::string>& argv, int n) {
  (void)bench::run_measured(argv, false);
  std::vector<double> wall;
  std::vector<double> cpu;
  std::vector<double> pss;
  std::vector<double> rss;
  Runs r;
  for (int i = 0; i < n; ++i) {
    const auto timed = bench::run_measured(argv, false);
    const auto sampled = bench::run_measured(argv, true);
    r.ok = r.ok && timed.exit_code == 0 && sampled.exit_code == 0;
    wall.push_back(timed.wall_ms);
    cpu.push_back(timed.cpu_ms);
    pss.push_back(sampled.peak_pss_mb);
    rss.push_back(sampled.peak_rss_mb);
    r.processes = std::max(r.processes, sampled.processes);
  }
  r.wall_ms = median(wall);
  r.cpu_ms = median(cpu);
  r.pss_mb = median(pss);
  r.rss_mb = median(rss);
  return r;
}

// The Chromium comparison (see the file's comment).
void compare_with_chromium(const Options& o, const content::Bundle& bundle,
                           const content::Page& page, const kiosk::ui::Theme& theme,
                           const std::string& self) {
  std::printf(
      "\nThe same content in headless Chromium (fork to exit, median of 3 after one "
      "warm-up run; memory: peak over the process tree, sampled every ~5 ms in 3 other runs)\n");
  const std::string chromium = bench::find_program("chromium");
  if (chromium.empty()) {
    std::printf(
        "  chromium is not installed: ./deploy/setup.sh --bench installs it (Debian package "
        "chromium, from deploy/packages-bench.txt)\n");
    return;
  }
  const auto dir =
      std::filesystem::temp_directory_path() / ("tinxa-kiosk-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  config::SiteSettings site;
  bench::write_static_site(bundle, site.commune_name, theme, page, dir, kRegularFont, kBoldFont);
  auto chromium_argv = [&](const std::string& html, const std::string& png) {
    return std::vector<std::string>{chromium,
                                    "--headless",
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--no-first-run",
                                    "--disable-extensions",
                                    "--hide-scrollbars",
                                    "--force-device-scale-factor=1",
                                    "--user-data-dir=" + (dir / "profile").string(),
                                    "--window-size=1920,1080",
                                    "--screenshot=" + (dir / png).string(),
                                    "file://" + (dir / html).string()};
  };
  auto kiosk_argv = [&](const std::string& page_id, const std::string& png) {
    std::vector<std::string> argv{self, "--content", o.content_dir, "--first-frame",
                                  (dir / png).string()};
    if (!page_id.empty()) {
      argv.push_back("--page");
      argv.push_back(page_id);
    }
    return argv;
  };
  struct Case {
    const char* what;
    Runs kiosk;
    Runs web;
  };
  std::vector<Case> cases;
  cases.push_back({"home screen", measure(kiosk_argv("", "kiosk-home.png"), 3),
                   measure(chromium_argv("home.html", "chromium-home.png"), 3)});
  cases.push_back({"longest page", measure(kiosk_argv(page.id, "kiosk-page.png"), 3),
                   measure(chromium_argv("page.html", "chromium-page.png"), 3)});
  std::printf("  %-14s %-9s %10s %10s %12s %12s %6s\n", "", "", "start->PNG", "CPU", "peak PSS",
              "peak RSS", "procs");
  auto row = [](const char* what, const char* who, const Runs& r) {
    std::printf("  %-14s %-9s %7.0f ms %7.0f ms %9.1f MB %9.1f MB %6d%s\n", what, who, r.wall_ms,
                r.cpu_ms, r.pss_mb, r.rss_mb, r.processes, r.ok ? "" : "  (failed)");
  };
  for (const auto& c : cases) {
    row(c.what, "kiosk", c.kiosk);
    row("", "chromium", c.web);
    std::printf("  %-14s %-9s  wall time 1 : %.1f, CPU time 1 : %.1f, memory (PSS) 1 : %.1f\n", "",
                "kiosk:chr", c.web.wall_ms / c.kiosk.wall_ms, c.web.cpu_ms / c.kiosk.cpu_ms,
                c.web.pss_mb / c.kiosk.pss_mb);
  }
  std::printf("  PNGs and the generated pages are in %s\n", dir.string().c_str());
}

// Starts Xvfb on a free display; returns its pid and display number (-1 if it failed).
std::pair<pid_t, int> start_xvfb(const std::string& xvfb) {
  int display = 50;
  while (display < 200 && (std::filesystem::exists("/tmp/.X" + std::to_string(display) + "-lock") ||
                           std::filesystem::exists("/tmp/.X11-unix/X" + std::to_string(display)))) {
    ++display;
  }
  const std::string name = ":" + std::to_string(display);
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execl(xvfb.c_str(), xvfb.c_str(), name.c_str(), "-screen", "0", "1920x1080x24", "-nolisten",
          "tcp", static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto socket = "/tmp/.X11-unix/X" + std::to_string(display);
  for (int i = 0; i < 250; ++i) {  // up to 5 s
    if (std::filesystem::exists(socket)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      return {pid, display};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return {pid, -1};
}

void stop(pid_t pid) {
  if (pid <= 0) return;
  kill(pid, SIGTERM);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (waitpid(pid, &status, WNOHANG) == pid) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
}

// The real window, idle: tinxa-kiosk under Xvfb with no input for `seconds`.
void idle_cpu(const Options& o) {
  std::printf("\nIdle: tinxa-kiosk at home under Xvfb (1920x1080), %d s with no input\n",
              o.idle_seconds);
  const std::string xvfb = bench::find_program("Xvfb");
  if (xvfb.empty() || access(o.kiosk.c_str(), X_OK) != 0) {
    std::printf(
        "  not measured: needs Xvfb (deploy/setup.sh) and %s (build tinxa-kiosk, or "
        "pass --kiosk PATH)\n",
        o.kiosk.c_str());
    return;
  }
  const auto [server, display] = start_xvfb(xvfb);
  if (display < 0) {
    std::printf("  not measured: Xvfb did not start\n");
    stop(server);
    return;
  }
  const pid_t kiosk = fork();
  if (kiosk == 0) {
    const std::string d = ":" + std::to_string(display);
    setenv("DISPLAY", d.c_str(), 1);
    setenv("SDL_VIDEODRIVER", "x11", 1);
    execl(o.kiosk.c_str(), o.kiosk.c_str(), "--content", o.content_dir.c_str(), "--size",
          "1920x1080", static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::seconds(3));  // start-up and the first frames
  const double cpu0 = bench::cpu_seconds(kiosk);
  const auto t0 = Steady::now();
  std::this_thread::sleep_for(std::chrono::seconds(o.idle_seconds));
  int status = 0;
  const bool exited = waitpid(kiosk, &status, WNOHANG) == kiosk;
  const double cpu1 = exited ? -1.0 : bench::cpu_seconds(kiosk);
  const double wall = ms_since(t0) / 1000.0;
  const double rss = bench::rss_mb(kiosk);
  const double hwm = bench::peak_rss_mb(kiosk);
  if (cpu0 < 0.0 || cpu1 < 0.0) {
    std::printf("  not measured: tinxa-kiosk exited (run it by hand to see why)\n");
  } else {
    std::printf(
        "  idle CPU                       %8.2f %% of one core (%.2f s CPU in %.1f s; "
        "target <= 1 %%)\n",
        100.0 * (cpu1 - cpu0) / wall, cpu1 - cpu0, wall);
    std::printf("  resident memory                %8.1f MB (peak %.1f MB)\n", rss, hwm);
  }
  if (!exited) stop(kiosk);
  stop(server);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--no-chromium") {
      o.chromium = false;
    } else if (has_value && a == "--content") {
      o.content_dir = argv[++i];
    } else if (has_value && a == "--navigations") {
      o.navigations = std::max(1, std::stoi(argv[++i]));
    } else if (has_value && a == "--idle-seconds") {
      o.idle_seconds = std::max(0, std::stoi(argv[++i]));
    } else if (has_value && a == "--kiosk") {
      o.kiosk = argv[++i];
    } else if (has_value && a == "--first-frame") {
      o.first_frame = argv[++i];
    } else if (has_value && a == "--page") {
      o.page = argv[++i];
    } else {
      std::fprintf(stderr, "kiosk_bench: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (!o.first_frame.empty()) return first_frame(o);

  const auto start = Steady::now();
  const auto loaded = content::load_bundle(o.content_dir);
  if (!loaded.ok()) {
    std::fprintf(stderr, "kiosk_bench: %s does not load; run tinxa check\n", o.content_dir.c_str());
    return 1;
  }
  const double load_ms = ms_since(start);
  OffscreenKiosk k(loaded.bundle);
  const auto& zone = k.zone;
  const auto& clock = k.clock;
  auto& window = k.window;
  auto& painter = k.painter;
  auto& ui = k.ui;
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
  const content::Page* longest = longest_page(loaded.bundle);
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
  for (int i = 0; i < o.navigations; ++i) {
    const auto* category = categories[static_cast<std::size_t>(i) % categories.size()];
    ui.go_home();
    ui.open_category(category->id);
    const auto pages = kiosk::ui::visible_pages(loaded.bundle, category->id, clock.now(), zone);
    ui.open_page(pages[static_cast<std::size_t>(i) % pages.size()]->id);
    if (i % 100 == 0) frame(window, painter, ui);
    ui.go_back();
    if (i == o.navigations / 2) rss_mid = resident_kib();
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
      double(rss_before) / 1024.0, double(rss_mid) / 1024.0, o.navigations,
      double(rss_after) / 1024.0, o.navigations);
  std::fflush(stdout);

  if (o.idle_seconds > 0) idle_cpu(o);
  if (o.chromium) {
    const std::string self = std::filesystem::canonical("/proc/self/exe").string();
    compare_with_chromium(o, loaded.bundle, *longest, ui.theme(), self);
  }
  return 0;
}
