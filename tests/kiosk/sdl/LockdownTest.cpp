#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/render/FontCache.hpp"
#include "kiosk/render/SdlPainter.hpp"
#include "kiosk/sdl/EventLoop.hpp"
#include "kiosk/sdl/EventMapper.hpp"
#include "kiosk/sdl/KioskWindow.hpp"
#include "kiosk/sdl/SdlContext.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;

namespace {

SDL_Event window_close() {
  SDL_Event e{};
  e.type = SDL_WINDOWEVENT;
  e.window.event = SDL_WINDOWEVENT_CLOSE;
  return e;
}

SDL_Event key(SDL_Keycode sym, Uint16 mod) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = sym;
  e.key.keysym.mod = mod;
  return e;
}

// A real loop on the offscreen driver: an empty bundle, a window, the loop's tick counted.
struct Loop {
  explicit Loop(sdl::Lockdown lockdown)
      : context(sdl::VideoMode::headless, lockdown),
        window(display(), {640, 480}, sdl::KioskWindow::Renderer::software),
        fonts(config::KioskSettings{}.font,
              config::KioskSettings{}.font.parent_path() / "NotoSans-Bold.ttf"),
        painter(window.renderer(), fonts),
        zone(content::TimeZone::load("Asia/Ho_Chi_Minh")),
        clock(zone.from_local({std::chrono::year{2026} / 11 / 28, std::chrono::hours{23}})),
        ui(bundle, site, clock, zone,
           ui::Theme(ui::DisplayMetrics::from_settings(display(), ui::Size{640, 480})), painter),
        loop(window, painter, ui, clock, 10) {}
  static config::KioskSettings::Display display() {
    config::KioskSettings::Display d;
    d.fullscreen = false;
    return d;
  }
  sdl::SdlContext context;
  sdl::KioskWindow window;
  render::FontCache fonts;
  render::SdlPainter painter;
  content::Bundle bundle;
  config::SiteSettings site;
  content::TimeZone zone;
  content::VirtualClock clock;
  ui::KioskUi ui;
  sdl::EventLoop loop;
};

}  // namespace

TEST_CASE("Only a signal or the admin Exit ends the kiosk in lock-down", "[kiosk][sdl][lockdown]") {
  SDL_Event quit{};
  quit.type = SDL_QUIT;
  CHECK(sdl::ends_kiosk(quit, true));  // SIGTERM from systemd, Ctrl+C
  CHECK(sdl::ends_kiosk(quit, false));
  CHECK_FALSE(sdl::ends_kiosk(window_close(), true));  // Alt+F4, the window manager's ×
  CHECK(sdl::ends_kiosk(window_close(), false));       // a preview window may be closed
  CHECK_FALSE(sdl::ends_kiosk(key(SDLK_F4, KMOD_LALT), true));
  CHECK_FALSE(sdl::ends_kiosk(key(SDLK_F4, KMOD_LALT), false));
}

TEST_CASE("No key combination does anything that leaves the kiosk", "[kiosk][sdl][lockdown]") {
  sdl::EventMapper mapper({1920, 1080}, config::Rotation::none, 10);
  for (const SDL_Event& e :
       {key(SDLK_F4, KMOD_LALT), key(SDLK_TAB, KMOD_LALT), key(SDLK_TAB, KMOD_LCTRL),
        key(SDLK_LGUI, KMOD_NONE), key(SDLK_DELETE, KMOD_LCTRL | KMOD_LALT),
        key(SDLK_q, KMOD_LCTRL), key(SDLK_w, KMOD_LCTRL), key(SDLK_F11, KMOD_NONE)}) {
    CHECK(mapper.map(e).empty());
  }
}

TEST_CASE("In lock-down the window manager's close request is ignored and admin Exit quits",
          "[kiosk][sdl][lockdown]") {
  Loop l(sdl::Lockdown::on);
  CHECK(std::string(SDL_GetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE)) == "0");
  CHECK(std::string(SDL_GetHint(SDL_HINT_GRAB_KEYBOARD)) == "1");
  CHECK(std::string(SDL_GetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED)) == "0");
  l.loop.set_lockdown(true);
  int ticks = 0;
  l.loop.set_tick([&] {
    if (++ticks == 3) l.loop.request_quit();  // what the admin panel's Exit does
    return std::chrono::milliseconds{5};
  });
  SDL_Event close = window_close();
  close.window.windowID = 1;
  REQUIRE(SDL_PushEvent(&close) == 1);
  l.loop.run();
  CHECK(ticks == 3);  // still running after the close request
}

TEST_CASE("Outside lock-down the window closes", "[kiosk][sdl][lockdown]") {
  Loop l(sdl::Lockdown::off);
  int ticks = 0;
  l.loop.set_tick([&] {
    if (++ticks == 50) l.loop.request_quit();
    return std::chrono::milliseconds{5};
  });
  SDL_Event close = window_close();
  REQUIRE(SDL_PushEvent(&close) == 1);
  l.loop.run();
  CHECK(ticks == 1);  // the first batch of events ended it
}

TEST_CASE("At night the loop draws one black frame, then nothing until a touch",
          "[kiosk][sdl][night]") {
  Loop l(sdl::Lockdown::off);
  config::KioskSettings::ScreenOff off;  // 22:00 to 06:00; the clock says 23:00
  ui::NightSchedule night(off, l.zone);
  l.loop.set_night(&night);
  int ticks = 0;
  long long frames_before_touch = -1;
  l.loop.set_tick([&] {
    ++ticks;
    if (ticks == 10) {
      frames_before_touch = l.loop.frames();
      SDL_Event down{};
      down.type = SDL_FINGERDOWN;
      down.tfinger.x = 0.5f;
      down.tfinger.y = 0.5f;
      (void)SDL_PushEvent(&down);
    }
    if (ticks == 12) l.loop.request_quit();
    return std::chrono::milliseconds{5};
  });
  l.loop.run();
  CHECK(frames_before_touch == 1);  // the black frame only
  CHECK(l.loop.frames() == 2);      // the touch woke it: one frame of the kiosk
  CHECK_FALSE(night.dark(l.clock.now()));
}
