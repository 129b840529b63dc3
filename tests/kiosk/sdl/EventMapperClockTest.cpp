// EventMapper with an injected virtual clock: the fling speed of a drag is a function of the
// events and of the clock alone, so it is the same in every run (unit tests, the monkey test).
#include "content/time/Clock.hpp"
#include "kiosk/sdl/EventMapper.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <vector>

using namespace tinxa;
using namespace std::chrono_literals;
using tinxa::config::Rotation;

namespace {

SDL_Event finger(Uint32 type, float x, float y) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.type = type;
  e.tfinger.touchId = SDL_MOUSE_TOUCHID;
  e.tfinger.fingerId = 1;
  e.tfinger.x = x;
  e.tfinger.y = y;
  return e;
}

// A drag down the middle of a 1920x1080 panel: rows 108, 216, 324 at `step` intervals, lifted
// after `rest`. Returns the drag_end's speed (px/s).
double fling(content::VirtualClock& clock, std::chrono::milliseconds step,
             std::chrono::milliseconds rest) {
  kiosk::sdl::EventMapper mapper({1920, 1080}, Rotation::none, 12, clock);
  (void)mapper.map(finger(SDL_FINGERDOWN, 0.5f, 0.1f));
  clock.advance(step);
  (void)mapper.map(finger(SDL_FINGERMOTION, 0.5f, 0.2f));
  clock.advance(step);
  (void)mapper.map(finger(SDL_FINGERMOTION, 0.5f, 0.3f));
  clock.advance(rest);
  const std::vector<kiosk::ui::Action> up = mapper.map(finger(SDL_FINGERUP, 0.5f, 0.3f));
  REQUIRE(up.size() == 1);
  REQUIRE(up[0].kind == kiosk::ui::ActionKind::drag_end);
  return up[0].velocity_y;
}

}  // namespace

TEST_CASE("EventMapper measures the fling on the injected clock", "[kiosk][sdl]") {
  content::VirtualClock clock(content::TimePoint{} + 1000h);
  // 108 px per 16 ms is 6750 px/s; smoothed (0.6 of the new sample) over two samples:
  // 0.6 * 6750 = 4050, then 0.6 * 6750 + 0.4 * 4050 = 5670.
  CHECK(fling(clock, 16ms, 16ms) == Approx(5670.0));
  // Twice as slow a finger, half the speed.
  CHECK(fling(clock, 32ms, 16ms) == Approx(2835.0));
  // The same events at the same virtual times give the same fling, run after run.
  CHECK(fling(clock, 16ms, 16ms) == fling(clock, 16ms, 16ms));
}

TEST_CASE("EventMapper: a finger that rested before lifting does not fling", "[kiosk][sdl]") {
  content::VirtualClock clock(content::TimePoint{} + 1000h);
  CHECK(fling(clock, 16ms, 200ms) == 0.0);
  // A frozen clock (the --at preview clock) gives no speed at all rather than a division by zero.
  CHECK(fling(clock, 0ms, 0ms) == 0.0);
}

TEST_CASE("The monotonic clock of the real loop never goes backwards", "[kiosk][sdl]") {
  const auto& clock = kiosk::sdl::MonotonicClock::instance();
  const auto a = clock.now();
  const auto b = clock.now();
  CHECK(b >= a);
}
