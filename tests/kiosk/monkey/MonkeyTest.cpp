// The kiosk's monkey test (issue 4, item 9): 100 000 random SDL events (taps, drags, long
// presses, a second finger, keys with Telex, Escape, Alt+F4 and Backspace, window events, idle
// gaps through the warning and the reset) pushed into SDL's own queue and read back the way
// sdl::EventLoop reads them: SDL_PollEvent, the real EventMapper, KioskUi, and the SdlPainter on
// the offscreen driver with the software renderer, drawn every few events. The panel changes
// between segments (landscape, a panel turned a quarter, portrait, upside down), as a new
// kiosk.yaml would. The clock is virtual: idle minutes pass in no time.
//
// Seeded: TINXA_MONKEY_SEED=N replays a run (the seed is printed first, and again on failure);
// TINXA_MONKEY_EVENTS=N changes the count. Checks: no crash or sanitizer report, Home and the
// idle reset always land on the home screen, the stack stays shallow, the painter's caches stay
// within their bounds, and memory after the warm-up stays flat.
//
// Determinism: the events are a pure function of the seed, and the EventMapper stamps finger
// events with the same virtual clock, which moves 16 ms (a frame) after each motion of a drag,
// so every fling has the same speed in every run.
#include "config/settings/KioskSettings.hpp"
#include "config/settings/SiteSettings.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/render/FontCache.hpp"
#include "kiosk/render/SdlPainter.hpp"
#include "kiosk/sdl/EventMapper.hpp"
#include "kiosk/sdl/KioskWindow.hpp"
#include "kiosk/sdl/SdlContext.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/Rotation.hpp"
#include "kiosk/ui/SearchScreen.hpp"

#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
// From the ASan runtime (sanitizer/allocator_interface.h, which Debian's GCC 12 does not ship).
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#else
#include <malloc.h>
#endif

namespace {

using namespace tinxa;
using namespace std::chrono_literals;
using Ms = std::chrono::milliseconds;

constexpr std::uint64_t kDefaultSeed = 20261128;
constexpr long kDefaultEvents = 100'000;
constexpr int kSegments = 8;      // the panel changes every eighth of the run
constexpr int kWarmSegments = 4;  // one of each panel: the caches and SDL's pools are full
// SDL events between frames (a frame is drawn only if stale). A turned panel costs SDL's
// software renderer a rotation of the whole picture per frame (a quarter turn at 1080p: about 10
// times an upright frame), so the turned panels are smaller and draw less often, to keep the run
// short under ASan.
constexpr long kDrawEvery = 100;
constexpr long kDrawEveryTurned = 400;
constexpr std::size_t kMaxDepth = 5;
// After the warm-up, the end of the run may hold at most this much more. A leak of one small
// allocation per event (100 000 events) would pass 4 MB; a texture per navigation, far more.
constexpr double kMaxHeapGrowthMb = 4.0;
#if defined(__SANITIZE_ADDRESS__)
constexpr double kMaxRssGrowthMb = 64.0;  // ASan's quarantine (256 MB) keeps filling all run long
#else
constexpr double kMaxRssGrowthMb = 24.0;  // allocator slack
#endif
// In a live kiosk, against the same panel four segments before (caches full in both).
constexpr double kMaxLiveHeapGrowthMb = 16.0;

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtoull(value, nullptr, 10);
}

double rss_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  statm >> pages >> resident;
  return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Bytes the program holds on the heap now (ASan's count under ASan, glibc's otherwise).
double heap_mb() {
#if defined(__SANITIZE_ADDRESS__)
  return double(__sanitizer_get_current_allocated_bytes()) / (1024.0 * 1024.0);
#else
  const auto info = mallinfo2();
  return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
#endif
}

struct Panel {
  const char* name;
  kiosk::ui::Size size;
  config::Rotation rotation;
};

constexpr std::array<Panel, 4> kPanels{{
    {"landscape 1920x1080", {1920, 1080}, config::Rotation::none},
    {"1280x720 panel turned a quarter (portrait)", {1280, 720}, config::Rotation::quarter},
    {"portrait 1080x1920", {1080, 1920}, config::Rotation::none},
    {"1024x600 upside down", {1024, 600}, config::Rotation::half},
}};

// The panel point that shows logical point `p` (the inverse of ui::panel_to_logical).
kiosk::ui::Point logical_to_panel(kiosk::ui::Point p, kiosk::ui::Size panel,
                                  config::Rotation rotation) {
  switch (rotation) {
    case config::Rotation::none:
      return p;
    case config::Rotation::quarter:
      return {panel.width - 1 - p.y, p.x};
    case config::Rotation::half:
      return {panel.width - 1 - p.x, panel.height - 1 - p.y};
    case config::Rotation::three_quarters:
      return {p.y, panel.height - 1 - p.x};
  }
  return p;
}

struct Figures {
  long events = 0;
  long frames = 0;
  double draw_seconds = 0.0;
  long taps = 0;
  long drags = 0;
  long long_presses = 0;
  long keys = 0;
  long texts = 0;
  long idle_resets = 0;
  long home_checks = 0;
  std::size_t max_depth = 0;
  std::size_t max_text_textures = 0;
  std::size_t max_image_textures = 0;
  std::size_t max_layouts = 0;
};

// One kiosk on one panel: the same parts, in the same order, as KioskApp::run, with the
// offscreen driver and the software renderer instead of a display.
class Monkey {
 public:
  Monkey(const content::Bundle& bundle, const content::TimeZone& zone, content::VirtualClock& clock,
         const Panel& panel, std::mt19937_64& random, Figures& figures)
      : m_clock(clock),
        m_random(random),
        m_figures(figures),
        m_window(display(panel), panel.size, kiosk::sdl::KioskWindow::Renderer::software),
        m_fonts(m_settings.font, "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
        m_painter(m_window.renderer(), m_fonts),
        m_metrics(kiosk::ui::DisplayMetrics::from_settings(display(panel), m_window.panel_size())),
        m_ui(bundle, m_site, clock, zone, kiosk::ui::Theme(m_metrics), m_painter, m_settings.idle),
        m_mapper(m_window.panel_size(), m_window.rotation(), kiosk::ui::Theme(m_metrics).slop_px(),
                 clock) {
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    draw();
  }

  // Pushes random gestures until `count` SDL events have gone through.
  void run(long count) {
    const long end = m_figures.events + count;
    while (m_figures.events < end) {
      gesture();
      pass_time(Ms{pick(0, 400)});
    }
    pump();
    draw();
  }

  [[nodiscard]] const kiosk::render::SdlPainter& painter() const { return m_painter; }

 private:
  static config::KioskSettings::Display display(const Panel& panel) {
    config::KioskSettings::Display d;
    d.width_px = panel.size.width;
    d.height_px = panel.size.height;
    d.rotation = panel.rotation;
    d.fullscreen = false;
    return d;
  }

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_random); }
  bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }

  void draw() {
    const auto start = std::chrono::steady_clock::now();
    m_window.begin_frame();
    m_ui.render(m_painter);
    m_window.end_frame();
    ++m_figures.frames;
    m_figures.draw_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  void push(SDL_Event event) {
    event.common.timestamp = SDL_GetTicks();
    REQUIRE(SDL_PushEvent(&event) == 1);
    ++m_figures.events;
    if (m_figures.events % m_draw_every == 0) {
      pump();
      if (m_ui.needs_redraw()) draw();
    }
  }

  // What EventLoop::run does with each event it reads.
  void pump() {
    SDL_Event event;
    while (SDL_PollEvent(&event) != 0) {
      REQUIRE(event.type != SDL_QUIT);  // nothing the monkey does may close the kiosk
      if (event.type == SDL_WINDOWEVENT && (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
                                            event.window.event == SDL_WINDOWEVENT_RESTORED)) {
        draw();
      }
      for (const kiosk::ui::Action& action : m_mapper.map(event)) (void)m_ui.input(action);
    }
    m_figures.max_depth = std::max(m_figures.max_depth, m_ui.depth());
    REQUIRE(m_ui.depth() >= 1);
    REQUIRE(m_ui.depth() <= kMaxDepth);
  }

  // Lets `span` of virtual time pass the way the loop would: it wakes every 16 ms while
  // something animates, else when the idle warning is due or counts down.
  void pass_time(Ms span) {
    pump();
    bool drawn = false;
    while (span > Ms{0}) {
      Ms step = m_ui.animating() ? Ms{16} : std::max(Ms{5}, m_ui.idle_wakeup() + Ms{5});
      step = std::min(step, span);
      m_clock.advance(step);
      m_ui.update(step);
      span -= step;
      // Frames come every kDrawEvery events; the warning is drawn once whenever it shows.
      if (m_ui.idle_warning_shown() && !drawn && m_ui.needs_redraw()) {
        draw();
        drawn = true;
      }
    }
  }

  [[nodiscard]] kiosk::ui::Point random_point() {
    const auto size = m_window.logical_size();
    return {pick(0, size.width - 1), pick(0, size.height - 1)};
  }

  [[nodiscard]] static kiosk::ui::Point centre(const kiosk::ui::Rect& r) {
    return {r.x + r.width / 2, r.y + r.height / 2};
  }

  // A point worth tapping: often a real target (the bar's buttons, a search key, "Tôi vẫn đang
  // xem"), else anywhere.
  [[nodiscard]] kiosk::ui::Point target() {
    if (m_ui.idle_warning_shown() && chance(0.3)) return centre(m_ui.still_here_button().rect());
    if (const auto* search = dynamic_cast<const kiosk::ui::SearchScreen*>(&m_ui.top());
        search != nullptr && !search->keys().empty() && chance(0.7)) {
      const auto& keys = search->keys();
      return centre(keys[static_cast<std::size_t>(pick(0, int(keys.size()) - 1))].rect);
    }
    switch (pick(0, 9)) {
      case 0:
        return centre(m_ui.back_button().rect());
      case 1:
        return centre(m_ui.home_button().rect());
      case 2:
        return centre(m_ui.search_button().rect());
      default:
        return random_point();
    }
  }

  SDL_Event finger(Uint32 type, SDL_FingerID id, kiosk::ui::Point logical) {
    const auto panel = m_window.panel_size();
    const auto p = logical_to_panel(logical, panel, m_window.rotation());
    REQUIRE(kiosk::ui::panel_to_logical(p, panel, m_window.rotation()) == logical);
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = float(p.x) / float(panel.width);
    e.tfinger.y = float(p.y) / float(panel.height);
    e.tfinger.pressure = 1.0f;
    return e;
  }

  void tap(kiosk::ui::Point at) {
    push(finger(SDL_FINGERDOWN, 0, at));
    if (chance(0.3)) push(finger(SDL_FINGERMOTION, 0, {at.x + pick(-2, 2), at.y + pick(-2, 2)}));
    push(finger(SDL_FINGERUP, 0, at));
    ++m_figures.taps;
  }

  void drag() {
    kiosk::ui::Point at = random_point();
    const auto size = m_window.logical_size();
    const int dx = pick(-8, 8);
    const int dy = chance(0.5) ? pick(-90, -20) : pick(20, 90);
    push(finger(SDL_FINGERDOWN, 0, at));
    for (int i = pick(2, 12); i > 0; --i) {
      at = {std::clamp(at.x + dx, 0, size.width - 1), std::clamp(at.y + dy, 0, size.height - 1)};
      push(finger(SDL_FINGERMOTION, 0, at));
      // A frame between motions (the mapper reads each one at its own virtual time), now and
      // then a slower one.
      const bool slow = chance(0.1);
      pass_time(Ms{slow ? pick(5, 40) : 16});
    }
    push(finger(SDL_FINGERUP, 0, at));
    ++m_figures.drags;
  }

  // A finger held still for seconds (the admin panel's gesture), sometimes on the name.
  void long_press() {
    const kiosk::ui::Point at = chance(0.5) ? kiosk::ui::Point{m_window.logical_size().width / 2,
                                                               m_ui.back_button().rect().y + 4}
                                            : target();
    push(finger(SDL_FINGERDOWN, 0, at));
    pass_time(Ms{pick(800, 7000)});
    push(finger(SDL_FINGERUP, 0, at));
    ++m_figures.long_presses;
  }

  // A second finger while the first is down: the mapper follows only the first.
  void two_fingers() {
    const auto a = target();
    const auto b = random_point();
    push(finger(SDL_FINGERDOWN, 0, a));
    push(finger(SDL_FINGERDOWN, 7, b));
    push(finger(SDL_FINGERMOTION, 7, {b.x, std::max(0, b.y - 50)}));
    push(finger(SDL_FINGERUP, 7, b));
    push(finger(SDL_FINGERUP, 0, a));
  }

  void key(SDL_Keycode sym, Uint16 mod = KMOD_NONE) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = sym;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
    e.key.keysym.mod = mod;
    push(e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    push(e);
    ++m_figures.keys;
  }

  void any_key() {
    static constexpr std::array<SDL_Keycode, 16> kKeys{
        SDLK_ESCAPE, SDLK_BACKSPACE, SDLK_BACKSPACE, SDLK_PAGEUP, SDLK_PAGEDOWN, SDLK_UP,
        SDLK_DOWN,   SDLK_AC_BACK,   SDLK_TAB,       SDLK_RETURN, SDLK_F11,      SDLK_LGUI,
        SDLK_a,      SDLK_SPACE,     SDLK_MENU,      SDLK_AC_HOME};
    switch (pick(0, 9)) {
      case 0:
        key(SDLK_F4, KMOD_LALT);  // Alt+F4: must not close the kiosk
        break;
      case 1:
        key(SDLK_w, KMOD_LCTRL);
        break;
      case 2:
        key(SDLK_TAB, KMOD_LALT);
        break;
      default:
        key(kKeys[static_cast<std::size_t>(pick(0, int(kKeys.size()) - 1))]);
    }
  }

  // Home always lands on the home screen, from anywhere, warning or not.
  void home_key() {
    pump();
    // Over the idle warning, a key only says the resident is still there (KioskUi::input).
    const bool warned = m_ui.idle_warning_shown();
    key(SDLK_HOME);
    pump();
    if (warned) {
      REQUIRE_FALSE(m_ui.idle_warning_shown());
      return;
    }
    INFO("after Home the top screen is " << m_ui.top().name());
    REQUIRE(m_ui.depth() == 1);
    REQUIRE(m_ui.top().name() == "home");
    ++m_figures.home_checks;
  }

  void text() {
    // Telex letters (most of them), whole Vietnamese letters, NFD with a combining mark,
    // digits, punctuation, an emoji, and a long burst of one input method commit.
    static constexpr std::array<const char*, 24> kTexts{
        "a", "a", "w", "s", "f", "r", "x",         "j", "z", "d", "o",    "e",
        "u", "h", "n", "g", "ă", "ơ", "e\xCC\x81", "Đ", "7", "?", "🙂", "hòa bình"};
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    const char* t = kTexts[static_cast<std::size_t>(pick(0, int(kTexts.size()) - 1))];
    std::strncpy(e.text.text, t, sizeof e.text.text - 1);
    push(e);
    ++m_figures.texts;
  }

  void window_event() {
    static constexpr std::array<Uint8, 7> kKinds{
        SDL_WINDOWEVENT_EXPOSED,   SDL_WINDOWEVENT_RESTORED,   SDL_WINDOWEVENT_SIZE_CHANGED,
        SDL_WINDOWEVENT_MINIMIZED, SDL_WINDOWEVENT_FOCUS_LOST, SDL_WINDOWEVENT_FOCUS_GAINED,
        SDL_WINDOWEVENT_MOVED};
    SDL_Event e{};
    e.type = SDL_WINDOWEVENT;
    e.window.windowID = SDL_GetWindowID(SDL_RenderGetWindow(m_window.renderer()));
    e.window.event = kKinds[static_cast<std::size_t>(pick(0, int(kKinds.size()) - 1))];
    e.window.data1 = pick(200, 4000);
    e.window.data2 = pick(200, 4000);
    push(e);
  }

  // Nobody touches the screen: long enough for the warning, or for the reset.
  void idle_gap() {
    const Ms warn = m_settings.idle.warn_after;
    const Ms reset = warn + m_settings.idle.warning_length;
    const Ms span = chance(0.5) ? Ms{pick(int(warn.count()), int(reset.count()) - 1000)}
                                : Ms{pick(int(reset.count()) + 2000, 3 * int(reset.count()))};
    pump();
    pass_time(span);
    if (span > reset + Ms{1000}) {
      // Back home with the session cleared, whatever was open.
      INFO("after " << span.count() << " ms without a touch the top screen is " << m_ui.top().name()
                    << ", idle warning " << (m_ui.idle_warning_shown() ? "shown" : "not shown"));
      REQUIRE(m_ui.depth() == 1);
      REQUIRE_FALSE(m_ui.idle_warning_shown());
      ++m_figures.idle_resets;
    }
  }

  void gesture() {
    const int roll = pick(0, 999);
    if (roll < 330) {
      tap(target());
    } else if (roll < 480) {
      drag();
    } else if (roll < 500) {
      long_press();
    } else if (roll < 520) {
      two_fingers();
    } else if (roll < 740) {
      any_key();
    } else if (roll < 760) {
      home_key();
    } else if (roll < 960) {
      text();
    } else if (roll < 985) {
      window_event();
    } else {
      idle_gap();
    }
    const auto& p = m_painter;
    m_figures.max_text_textures = std::max(m_figures.max_text_textures, p.text_cache().size());
    m_figures.max_image_textures = std::max(m_figures.max_image_textures, p.image_cache().size());
    m_figures.max_layouts = std::max(m_figures.max_layouts, p.layout_count());
  }

  content::VirtualClock& m_clock;
  std::mt19937_64& m_random;
  Figures& m_figures;
  config::KioskSettings m_settings;
  config::SiteSettings m_site;
  kiosk::sdl::KioskWindow m_window;
  kiosk::render::FontCache m_fonts;
  kiosk::render::SdlPainter m_painter;
  kiosk::ui::DisplayMetrics m_metrics;
  kiosk::ui::KioskUi m_ui;
  kiosk::sdl::EventMapper m_mapper;
  long m_draw_every = m_window.rotation() == config::Rotation::none ? kDrawEvery : kDrawEveryTurned;
};

}  // namespace

TEST_CASE("kiosk monkey - random SDL events through the real event path, no growth",
          "[kiosk][monkey]") {
  const std::uint64_t seed = env_number("TINXA_MONKEY_SEED", kDefaultSeed);
  const long events = static_cast<long>(env_number("TINXA_MONKEY_EVENTS", kDefaultEvents));
  std::cout << "monkey: seed " << seed << ", " << events << " events (replay with "
            << "TINXA_MONKEY_SEED=" << seed << ")" << std::endl;
  INFO("seed " << seed << " (replay: TINXA_MONKEY_SEED=" << seed << ")");

  const auto loaded = content::load_bundle(std::string(TINXA_SOURCE_DIR) + "/content/sample");
  REQUIRE(loaded.ok());
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock(
      zone.from_local({std::chrono::year{2026} / 11 / 28, std::chrono::hours{14} + 30min}));
  std::mt19937_64 random(seed);
  Figures figures;
  kiosk::sdl::SdlContext sdl(kiosk::sdl::VideoMode::headless);

  const auto started = std::chrono::steady_clock::now();
  double warm_rss = 0.0;
  double warm_heap = 0.0;
  std::vector<double> live_heap;  // at the end of each segment, its kiosk still alive
  for (int segment = 0; segment < kSegments; ++segment) {
    const Panel& panel = kPanels[static_cast<std::size_t>(segment) % kPanels.size()];
    INFO("segment " << segment << ": " << panel.name << ", after event " << figures.events);
    {
      const auto segment_start = std::chrono::steady_clock::now();
      const double draw_before = figures.draw_seconds;
      const long frames_before = figures.frames;
      Monkey monkey(loaded.bundle, zone, clock, panel, random, figures);
      monkey.run(events / kSegments);
      const auto& p = monkey.painter();
      CHECK(p.text_cache().size() <= p.text_cache().capacity());
      CHECK(p.image_cache().size() <= p.image_cache().capacity());
      CHECK(p.layout_count() <= kiosk::render::SdlPainter::kMaxLayouts);
      live_heap.push_back(heap_mb());
      std::printf(
          "monkey: segment %d (%s): %.1f s, %ld frames taking %.1f s, live heap %.1f MB\n", segment,
          panel.name,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - segment_start).count(),
          figures.frames - frames_before, figures.draw_seconds - draw_before, live_heap.back());
    }
    if (segment + 1 == kWarmSegments) {
      warm_rss = rss_mb();
      warm_heap = heap_mb();
    }
  }
  const double end_rss = rss_mb();
  const double end_heap = heap_mb();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::printf(
      "monkey: %ld events in %.1f s: %ld taps, %ld drags, %ld long presses, %ld keys, %ld texts, "
      "%ld frames, %ld idle resets, %ld Home checks, deepest stack %zu\n",
      figures.events, seconds, figures.taps, figures.drags, figures.long_presses, figures.keys,
      figures.texts, figures.frames, figures.idle_resets, figures.home_checks, figures.max_depth);
  std::printf(
      "monkey: painter caches at most %zu/%zu text lines, %zu/%zu images, %zu/%zu layouts\n",
      figures.max_text_textures, kiosk::render::SdlPainter::kTextCacheLines,
      figures.max_image_textures, kiosk::render::SdlPainter::kImageCacheImages, figures.max_layouts,
      kiosk::render::SdlPainter::kMaxLayouts);
  std::printf(
      "monkey: after warm-up (%d segments) RSS %.1f MB, heap %.1f MB; at the end RSS %.1f MB "
      "(%+.1f, limit +%.0f), heap %.1f MB (%+.2f, limit +%.0f)\n",
      kWarmSegments, warm_rss, warm_heap, end_rss, end_rss - warm_rss, kMaxRssGrowthMb, end_heap,
      end_heap - warm_heap, kMaxHeapGrowthMb);
  std::fflush(stdout);

  CHECK(figures.events >= events);
  CHECK(figures.idle_resets > 0);
  CHECK(figures.home_checks > 0);
  CHECK(end_heap - warm_heap <= kMaxHeapGrowthMb);
  CHECK(end_rss - warm_rss <= kMaxRssGrowthMb);
  double live_growth = 0.0;
  for (std::size_t i = kPanels.size(); i < live_heap.size(); ++i) {
    live_growth = std::max(live_growth, live_heap[i] - live_heap[i - kPanels.size()]);
  }
  std::printf(
      "monkey: live heap growth against the same panel earlier at most %+.1f MB (limit "
      "+%.0f)\n",
      live_growth, kMaxLiveHeapGrowthMb);
  CHECK(live_growth <= kMaxLiveHeapGrowthMb);
}
