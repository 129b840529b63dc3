#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/Attract.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/NightSchedule.hpp"
#include "kiosk/ui/Ticker.hpp"
#include "tests/kiosk/ui/RecordingPainter.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;

namespace {

content::Bundle sample_copy() {
  static const content::LoadResult loaded =
      content::load_bundle(std::filesystem::path(TINXA_SOURCE_DIR) / "content" / "sample");
  REQUIRE(loaded.ok());
  return loaded.bundle;
}

content::TimePoint local(const content::TimeZone& zone, int d, int h, int m) {
  return zone.from_local({std::chrono::year{2026} / 11 / std::chrono::day{static_cast<unsigned>(d)},
                          std::chrono::hours{h} + std::chrono::minutes{m}});
}

struct Kiosk {
  explicit Kiosk(content::Bundle b)
      : bundle(std::move(b)),
        zone(content::TimeZone::load("Asia/Ho_Chi_Minh")),
        clock(local(zone, 28, 14, 30)),
        kiosk(bundle, site, clock, zone,
              ui::Theme(ui::DisplayMetrics::from_settings(config::KioskSettings{}.display)),
              painter) {
    draw();
  }
  void draw() {
    painter.clear();
    kiosk.render(painter);
  }
  bool painted(const std::string& text) const {
    return std::any_of(painter.texts.begin(), painter.texts.end(),
                       [&](const auto& t) { return t.text.find(text) != std::string::npos; });
  }
  content::Bundle bundle;
  content::TimeZone zone;
  content::VirtualClock clock;
  config::SiteSettings site;
  test::RecordingPainter painter;
  ui::KioskUi kiosk;
};

}  // namespace

TEST_CASE("The ticker shows pages marked as notices and pages new this fortnight",
          "[kiosk][ui][ticker]") {
  content::Bundle b = sample_copy();
  content::Page& marked = *std::find_if(b.pages.begin(), b.pages.end(),
                                        [](const auto& p) { return p.id == "hoc-phi"; });
  marked.tags.push_back("Thông Báo");
  Kiosk k(std::move(b));
  const auto& items = k.kiosk.ticker().items();
  REQUIRE(items.size() >= 2);
  CHECK(items.front() == "Thông báo: " + marked.title.get());
  // chuan-ngheo-2027-2030 is valid from 28/11/2026, the day of the test.
  CHECK(std::find(items.begin(), items.end(), "Mới: Chuẩn nghèo mới từ năm 2027") != items.end());
  CHECK(k.painted(items.front()));
  const auto& home = dynamic_cast<const ui::HomeScreen&>(k.kiosk.top());
  CHECK(home.ticker_rect().height > 0);
  CHECK(home.ticker_rect().y >= k.kiosk.content_area().y);
  for (const auto& tile : home.tiles()) CHECK(tile.rect.y >= home.ticker_rect().bottom());

  // Paged, not scrolled: nothing to draw until the next page is due.
  k.kiosk.update(9900ms);
  CHECK_FALSE(k.kiosk.needs_redraw());
  CHECK(k.kiosk.idle_wakeup() == 100ms);
  k.kiosk.update(100ms);
  CHECK(k.kiosk.needs_redraw());
  CHECK(k.kiosk.ticker().page() == 1);
  k.draw();
  CHECK(k.painted(items[1]));

  // The ticker stands still while a resident is away from home, and the notice shown on return
  // gets its full time.
  k.kiosk.update(9s);
  k.kiosk.open_category(dynamic_cast<const ui::HomeScreen&>(k.kiosk.top()).tiles()[0].category->id);
  k.kiosk.update(30s);
  CHECK(k.kiosk.ticker().page() == 1);
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
  k.kiosk.update(9s);
  CHECK(k.kiosk.ticker().page() == 1);
  k.kiosk.update(1s);
  CHECK(k.kiosk.ticker().page() == 2 % items.size());

  // A notice that expired is not shown any more (cac-buoc-ra-soat is valid until 31/12/2026).
  content::Bundle b2 = sample_copy();
  content::Page& expiring = *std::find_if(b2.pages.begin(), b2.pages.end(),
                                          [](const auto& p) { return p.id == "cac-buoc-ra-soat"; });
  expiring.tags.push_back("notice");
  const std::string line = "Thông báo: " + expiring.title.get();
  const auto on_31 = k.zone.from_local({std::chrono::year{2026} / 12 / 31, std::chrono::hours{23}});
  const auto on_1 = k.zone.from_local({std::chrono::year{2027} / 1 / 1, std::chrono::hours{0}});
  const auto before = ui::ticker_items(b2, on_31, k.zone);
  const auto after = ui::ticker_items(b2, on_1, k.zone);
  CHECK(std::find(before.begin(), before.end(), line) != before.end());
  CHECK(std::find(after.begin(), after.end(), line) == after.end());
  // In English the label (and the title, where the page has one) follow the language.
  const auto english = ui::ticker_items(b2, on_31, k.zone, "en");
  const std::string english_line = "Notice: " + expiring.title.get("en");
  CHECK(std::find(english.begin(), english.end(), english_line) != english.end());
  CHECK(std::find(english.begin(), english.end(), line) == english.end());
}

TEST_CASE("The next broadcast line appears on the home screen when known", "[kiosk][ui][ticker]") {
  Kiosk k(sample_copy());
  k.kiosk.set_next_broadcast("17:00 Bản tin buổi chiều");
  CHECK(k.kiosk.needs_redraw());
  k.draw();
  CHECK(k.painted("Phát thanh tiếp theo: 17:00 Bản tin buổi chiều"));
  k.kiosk.set_next_broadcast("");
  k.draw();
  CHECK_FALSE(k.painted("Phát thanh tiếp theo"));
}

TEST_CASE("Attract mode starts after the idle time at home and any touch ends it",
          "[kiosk][ui][attract]") {
  Kiosk k(sample_copy());
  k.kiosk.set_attract({5min, 10s});
  for (int i = 0; i < 299; ++i) k.kiosk.update(1s);
  CHECK_FALSE(k.kiosk.attract().active());
  CHECK(k.kiosk.idle_wakeup() <= 1s);
  k.kiosk.update(1s);
  REQUIRE(k.kiosk.attract().active());
  k.draw();
  CHECK(k.painted(ui::Attract::kTouchHint));
  const auto* first = k.kiosk.attract().current();
  REQUIRE(first != nullptr);
  CHECK(k.painted(first->title.get()));
  const ui::Point shift0 = k.kiosk.attract().shift(6);

  // Each page for 10 s, and the picture moves a little every time.
  k.kiosk.update(9s);
  CHECK_FALSE(k.kiosk.needs_redraw());
  k.kiosk.update(1s);
  CHECK(k.kiosk.needs_redraw());
  CHECK(k.kiosk.attract().index() == 1);
  const ui::Point shift1 = k.kiosk.attract().shift(6);
  CHECK((shift1.x != shift0.x || shift1.y != shift0.y));
  CHECK(std::abs(shift1.x) <= 6);
  CHECK(std::abs(shift1.y) <= 6);

  // A touch returns home and opens nothing.
  const auto& tile = dynamic_cast<const ui::HomeScreen&>(k.kiosk.top()).tiles().front();
  const ui::Point p{tile.rect.x + 20, tile.rect.y + 20};
  (void)k.kiosk.input(ui::Action::make_press(p));
  (void)k.kiosk.input(ui::Action::make_tap(p));
  k.kiosk.update(0ms);
  CHECK_FALSE(k.kiosk.attract().active());
  CHECK(k.kiosk.top().name() == "home");

  // Not while a resident reads a page.
  k.kiosk.open_category(tile.category->id);
  for (int i = 0; i < 50; ++i) k.kiosk.update(1s);
  CHECK_FALSE(k.kiosk.attract().active());
}

TEST_CASE("The slideshow shows highlighted pages, else the newest", "[kiosk][ui][attract]") {
  content::Bundle b = sample_copy();
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  const auto now = local(zone, 28, 14, 30);
  CHECK(ui::attract_pages(b, now, zone).size() == 5);
  b.pages[3].tags.push_back("nổi bật");
  b.pages[7].tags.push_back("highlight");
  const auto pages = ui::attract_pages(b, now, zone);
  REQUIRE(pages.size() == 2);
  CHECK(pages[0] == &b.pages[3]);
  CHECK(pages[1] == &b.pages[7]);
}

TEST_CASE("The screen is off at night and a touch wakes it for a while", "[kiosk][ui][night]") {
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  config::KioskSettings::ScreenOff off;  // 22:00 to 06:00, 3 min awake after a touch
  ui::NightSchedule night(off, zone);
  CHECK_FALSE(night.dark(local(zone, 28, 21, 59)));
  CHECK(night.until_change(local(zone, 28, 21, 59)) == 60s);
  CHECK(night.dark(local(zone, 28, 22, 0)));
  CHECK(night.dark(local(zone, 29, 5, 59)));
  CHECK_FALSE(night.dark(local(zone, 29, 6, 0)));
  CHECK(night.until_change(local(zone, 28, 23, 0)) == 1h);  // the loop looks again hourly
  CHECK(night.until_change(local(zone, 29, 5, 30)) == 30min);

  night.touched(local(zone, 28, 23, 0));
  CHECK_FALSE(night.dark(local(zone, 28, 23, 2)));
  CHECK(night.until_change(local(zone, 28, 23, 2)) == 60s);
  CHECK(night.dark(local(zone, 28, 23, 3)));
  ui::NightSchedule day_touch(off, zone);
  day_touch.touched(local(zone, 28, 21, 59));  // a daytime touch changes nothing
  CHECK(day_touch.dark(local(zone, 28, 22, 0)));

  config::KioskSettings::ScreenOff afternoon;
  afternoon.from = {12, 0, 0};
  afternoon.to = {13, 30, 0};
  ui::NightSchedule nap(afternoon, zone);
  CHECK(nap.dark(local(zone, 28, 12, 45)));
  CHECK_FALSE(nap.dark(local(zone, 28, 13, 30)));
  CHECK_FALSE(nap.dark(local(zone, 28, 23, 0)));

  ui::NightSchedule never(std::nullopt, zone);
  CHECK_FALSE(never.dark(local(zone, 28, 23, 0)));
  CHECK(never.until_change(local(zone, 28, 23, 0)) == 1h);
}
