#include "kiosk/ui/AdminAccess.hpp"
#include "kiosk/ui/AdminScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <catch2/catch.hpp>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;

namespace {

struct Kiosk : test::UiFixture {
  Kiosk() : UiFixture(test::sample_bundle(), {std::chrono::year{2026} / 11 / 28, 14h}) {
    site.commune_name = "Xã Tân Lập";
    ui::AdminHooks hooks;
    hooks.info = [] {
      ui::AdminInfo info;
      info.bundle = "dong-nai-giam-ngheo 2026.11.28";
      info.messages = {"pages/x.yaml:3:7: lỗi/error: ..."};
      return info;
    };
    hooks.reload = [this] { ++reloads; };
    hooks.exit = [this] { ++exits; };
    kiosk.set_admin("2468", std::move(hooks));
    draw();
  }
  ui::Point name_point() const {
    const ui::Rect& r = kiosk.admin_press_area();
    return {r.x + 10, r.y + r.height / 2};
  }
  // A tap, and the update that lets the kiosk act on it, before the screen is drawn.
  void tap(ui::Point p) {
    (void)kiosk.input(ui::Action::make_press(p));
    (void)kiosk.input(ui::Action::make_tap(p));
    kiosk.update(0ms);
    draw();
  }
  void type_pin(const std::string& digits) {
    for (char c : digits) {
      kiosk.update(0ms);
      const auto* pad = dynamic_cast<const ui::AdminPinScreen*>(&kiosk.top());
      REQUIRE(pad != nullptr);
      bool found = false;
      for (const auto& key : pad->keys()) {
        if (key.label == std::string(1, c)) {
          tap({key.rect.x + key.rect.width / 2, key.rect.y + key.rect.height / 2});
          found = true;
          break;
        }
      }
      REQUIRE(found);
    }
  }
  void long_press(std::chrono::milliseconds held) {
    (void)kiosk.input(ui::Action::make_press(name_point()));
    for (auto t = 0ms; t < held; t += 100ms) kiosk.update(100ms);
  }

  int reloads = 0;
  int exits = 0;
};

}  // namespace

TEST_CASE("The admin PIN is accepted whole and locks for a minute after 3 wrong ones",
          "[kiosk][ui][admin]") {
  content::VirtualClock clock(content::TimePoint{std::chrono::hours{24 * 365 * 56}});
  ui::AdminPinLock lock("2468");
  using R = ui::AdminPinLock::Result;
  CHECK(lock.check("2468", clock.now()) == R::accepted);
  CHECK(lock.check("246", clock.now()) == R::wrong);
  CHECK(lock.check("24680", clock.now()) == R::wrong);
  CHECK(lock.check("2468", clock.now()) == R::accepted);  // two wrong, then right: fine
  CHECK(lock.check("1111", clock.now()) == R::wrong);
  CHECK(lock.check("1111", clock.now()) == R::wrong);
  CHECK(lock.check("1111", clock.now()) == R::locked);
  CHECK(lock.check("2468", clock.now()) == R::locked);  // even the right PIN
  clock.advance(59s);
  CHECK(lock.seconds_locked(clock.now()) == 1);
  CHECK(lock.check("2468", clock.now()) == R::locked);
  clock.advance(1s);
  CHECK_FALSE(lock.locked(clock.now()));
  CHECK(lock.check("2468", clock.now()) == R::accepted);

  ui::AdminPinLock none("");
  CHECK_FALSE(none.enabled());
  CHECK(none.check("", clock.now()) != R::accepted);
}

TEST_CASE("A 5 second press on the commune's name opens the PIN pad", "[kiosk][ui][admin]") {
  Kiosk k;
  k.long_press(4900ms);
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.kiosk.idle_wakeup() <= 100ms);  // the loop wakes in time for it
  k.kiosk.update(100ms);
  CHECK(k.kiosk.top().name() == "admin-pin");
  (void)k.kiosk.input(ui::Action::make_tap(k.name_point()));  // lifting the finger does nothing
  k.kiosk.update(0ms);
  CHECK(k.kiosk.top().name() == "admin-pin");
}

TEST_CASE("A shorter press, a drag or a press elsewhere does not open the PIN pad",
          "[kiosk][ui][admin]") {
  Kiosk k;
  k.long_press(4s);
  (void)k.kiosk.input(ui::Action::make_tap(k.name_point()));
  k.kiosk.update(10s);
  CHECK(k.kiosk.top().name() == "home");

  (void)k.kiosk.input(ui::Action::make_press(k.name_point()));
  k.kiosk.update(2s);
  (void)k.kiosk.input(ui::Action::make_cancel());
  (void)k.kiosk.input(ui::Action::make_drag(k.name_point(), {0, 40}));
  k.kiosk.update(10s);
  CHECK(k.kiosk.top().name() == "home");

  (void)k.kiosk.input(ui::Action::make_press({k.kiosk.theme().screen().width / 2, 600}));
  k.kiosk.update(10s);
  CHECK(k.kiosk.top().name() == "home");

  // Without a PIN in kiosk.yaml there is no admin panel at all.
  k.kiosk.set_admin("", {});
  k.long_press(6s);
  CHECK(k.kiosk.top().name() == "home");
}

TEST_CASE("The PIN pad opens the admin panel on the right PIN only", "[kiosk][ui][admin]") {
  Kiosk k;
  k.long_press(5s);
  REQUIRE(k.kiosk.top().name() == "admin-pin");
  k.type_pin("1357");
  const auto* pad = dynamic_cast<const ui::AdminPinScreen*>(&k.kiosk.top());
  REQUIRE(pad != nullptr);
  CHECK_THAT(pad->message(), Catch::Contains("Sai mã PIN"));
  CHECK(pad->typed().empty());
  for (const auto& key : pad->keys()) {
    // Large keys for a thumb: at least 24 mm.
    CHECK(k.kiosk.theme().to_mm(key.rect.width) >= 23.9);
  }
  k.type_pin("2468");
  REQUIRE(k.kiosk.top().name() == "admin");
  const auto& panel = dynamic_cast<const ui::AdminPanelScreen&>(k.kiosk.top());
  CHECK(panel.info().bundle == "dong-nai-giam-ngheo 2026.11.28");
  bool message_shown = false;
  for (const auto& t : k.painter.texts)
    message_shown |= t.text.find("pages/x.yaml:3:7") != std::string::npos;
  CHECK(message_shown);

  auto centre = [](const ui::Button& b) {
    return ui::Point{b.rect().x + b.rect().width / 2, b.rect().y + b.rect().height / 2};
  };
  k.tap(centre(panel.reload_button()));
  CHECK(k.reloads == 1);
  CHECK(k.exits == 0);
  const auto& again = dynamic_cast<const ui::AdminPanelScreen&>(k.kiosk.top());
  k.tap(centre(again.exit_button()));
  CHECK(k.exits == 1);
  const auto& still = dynamic_cast<const ui::AdminPanelScreen&>(k.kiosk.top());
  k.tap(centre(still.close_button()));
  CHECK(k.kiosk.top().name() == "home");
}

TEST_CASE("Three wrong PINs lock the pad for a minute on the kiosk's clock", "[kiosk][ui][admin]") {
  Kiosk k;
  k.long_press(5s);
  k.type_pin("0000");
  k.type_pin("0000");
  k.type_pin("0000");
  k.type_pin("2468");
  CHECK(k.kiosk.top().name() == "admin-pin");
  const auto* pad = dynamic_cast<const ui::AdminPinScreen*>(&k.kiosk.top());
  REQUIRE(pad != nullptr);
  CHECK_THAT(pad->message(), Catch::Contains("1 phút"));
  k.clock.advance(61s);
  k.type_pin("2468");
  CHECK(k.kiosk.top().name() == "admin");
}

TEST_CASE("The admin panel closes itself when left alone, like any session", "[kiosk][ui][admin]") {
  Kiosk k;
  k.long_press(5s);
  k.type_pin("2468");
  REQUIRE(k.kiosk.top().name() == "admin");
  for (int i = 0; i < 90; ++i) k.kiosk.update(1s);
  CHECK(k.kiosk.top().name() == "home");
}
