#include "content/time/Clock.hpp"
#include "kiosk/sdl/EventMapper.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <vector>

using namespace tinxa::kiosk;
using tinxa::config::Rotation;

namespace {

SDL_Event finger(Uint32 type, float x, float y, SDL_FingerID id = 1) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.type = type;
  e.tfinger.touchId = SDL_MOUSE_TOUCHID;
  e.tfinger.fingerId = id;
  e.tfinger.x = x;
  e.tfinger.y = y;
  return e;
}

// What SDL says of the followed finger: still on the glass, or gone without a SDL_FINGERUP.
bool on_glass(SDL_TouchID, SDL_FingerID) { return true; }
bool gone(SDL_TouchID, SDL_FingerID) { return false; }

std::vector<ui::ActionKind> kinds(const std::vector<ui::Action>& actions) {
  std::vector<ui::ActionKind> out;
  for (const auto& action : actions) out.push_back(action.kind);
  return out;
}

SDL_Event key(SDL_Keycode sym) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = sym;
  return e;
}

}  // namespace

TEST_CASE("A finger down and up becomes press then tap, in pixels", "[kiosk][sdl]") {
  sdl::EventMapper mapper({1920, 1080}, Rotation::none, 12);
  const auto down = mapper.map(finger(SDL_FINGERDOWN, 0.5f, 0.5f));
  REQUIRE(down.size() == 1);
  CHECK(down[0].kind == ui::ActionKind::press);
  CHECK(down[0].at == ui::Point{960, 540});
  const auto up = mapper.map(finger(SDL_FINGERUP, 0.5f, 0.5f));
  REQUIRE(up.size() == 1);
  CHECK(up[0].kind == ui::ActionKind::tap);
}

TEST_CASE("Touch on a panel turned a quarter lands in the upright picture", "[kiosk][sdl]") {
  sdl::EventMapper mapper({1920, 1080}, Rotation::quarter, 12);
  // The top-right corner of the panel is the picture's top-left corner.
  const auto down = mapper.map(finger(SDL_FINGERDOWN, 1.0f, 0.0f));
  REQUIRE(down.size() == 1);
  CHECK(down[0].at == ui::Point{0, 0});
}

TEST_CASE("A second finger is ignored while the first is down", "[kiosk][sdl]") {
  tinxa::content::VirtualClock clock{tinxa::content::TimePoint{}};
  sdl::EventMapper mapper({1920, 1080}, Rotation::none, 12, clock, on_glass);
  (void)mapper.map(finger(SDL_FINGERDOWN, 0.1f, 0.1f, 1));
  CHECK(mapper.map(finger(SDL_FINGERDOWN, 0.9f, 0.9f, 2)).empty());
  CHECK(mapper.map(finger(SDL_FINGERUP, 0.9f, 0.9f, 2)).empty());
  const auto up = mapper.map(finger(SDL_FINGERUP, 0.1f, 0.1f, 1));
  REQUIRE(up.size() == 1);
  CHECK(up[0].kind == ui::ActionKind::tap);
}

TEST_CASE("A finger that went without lifting is let go at the next finger down", "[kiosk][sdl]") {
  // The panel was unplugged while touched: SDL dropped the finger and sent no SDL_FINGERUP.
  tinxa::content::VirtualClock clock{tinxa::content::TimePoint{}};
  sdl::EventMapper mapper({1920, 1080}, Rotation::none, 12, clock, gone);
  (void)mapper.map(finger(SDL_FINGERDOWN, 0.1f, 0.1f, 1));
  // Its press is cancelled, not tapped; the new finger is followed and taps.
  const auto down = mapper.map(finger(SDL_FINGERDOWN, 0.5f, 0.5f, 7));
  CHECK(kinds(down) == std::vector{ui::ActionKind::cancel, ui::ActionKind::press});
  CHECK(down.at(1).at == ui::Point{960, 540});
  const auto up = mapper.map(finger(SDL_FINGERUP, 0.5f, 0.5f, 7));
  CHECK(kinds(up) == std::vector{ui::ActionKind::tap});
  CHECK(up.at(0).at == ui::Point{960, 540});
  // The lost finger's late events, should any come, are not followed.
  CHECK(mapper.map(finger(SDL_FINGERUP, 0.1f, 0.1f, 1)).empty());
}

TEST_CASE("A dragging finger that went without lifting ends its drag", "[kiosk][sdl]") {
  tinxa::content::VirtualClock clock{tinxa::content::TimePoint{}};
  sdl::EventMapper mapper({1920, 1080}, Rotation::none, 12, clock, gone);
  (void)mapper.map(finger(SDL_FINGERDOWN, 0.5f, 0.8f, 1));
  (void)mapper.map(finger(SDL_FINGERMOTION, 0.5f, 0.5f, 1));
  const auto down = mapper.map(finger(SDL_FINGERDOWN, 0.2f, 0.2f, 2));
  CHECK(kinds(down) == std::vector{ui::ActionKind::drag_end, ui::ActionKind::press});
  CHECK(down.at(0).at == ui::Point{960, 540});
}

TEST_CASE("Fingers of two touch devices with the same id are told apart", "[kiosk][sdl]") {
  tinxa::content::VirtualClock clock{tinxa::content::TimePoint{}};
  sdl::EventMapper mapper({1920, 1080}, Rotation::none, 12, clock, on_glass);
  (void)mapper.map(finger(SDL_FINGERDOWN, 0.1f, 0.1f, 1));
  auto other_device = finger(SDL_FINGERUP, 0.9f, 0.9f, 1);
  other_device.tfinger.touchId = 9;
  CHECK(mapper.map(other_device).empty());
  CHECK(kinds(mapper.map(finger(SDL_FINGERUP, 0.1f, 0.1f, 1))) == std::vector{ui::ActionKind::tap});
}

TEST_CASE("Keys map to named actions and nothing else leaves the kiosk", "[kiosk][sdl]") {
  sdl::EventMapper mapper({1920, 1080}, Rotation::none, 12);
  CHECK(mapper.map(key(SDLK_ESCAPE)).at(0).kind == ui::ActionKind::back);
  CHECK(mapper.map(key(SDLK_HOME)).at(0).kind == ui::ActionKind::home);
  CHECK(mapper.map(key(SDLK_PAGEDOWN)).at(0).kind == ui::ActionKind::scroll_down);
  CHECK(mapper.map(key(SDLK_F4)).empty());
  CHECK(mapper.map(key(SDLK_TAB)).empty());
  // Backspace erases typed text (KioskUi turns it into back where nothing is typed).
  CHECK(mapper.map(key(SDLK_BACKSPACE)).at(0).kind == ui::ActionKind::erase);
}

TEST_CASE("Typed text reaches the UI as text actions", "[kiosk][sdl]") {
  sdl::EventMapper mapper({1920, 1080}, Rotation::none, 12);
  SDL_Event e{};
  e.type = SDL_TEXTINPUT;
  std::snprintf(e.text.text, sizeof e.text.text, "%s", "ư");
  const auto actions = mapper.map(e);
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].kind == ui::ActionKind::text);
  CHECK(actions[0].text == "ư");
}
