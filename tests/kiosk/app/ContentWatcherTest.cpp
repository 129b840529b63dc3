#include "config/reader/DiagnosticFormat.hpp"
#include "config/settings/Settings.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/app/ContentWatcher.hpp"
#include "kiosk/app/NextBroadcast.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/ListenBar.hpp"
#include "tests/kiosk/ui/RecordingPainter.hpp"
#include "tests/support/TempDir.hpp"
#include "tests/support/ToneFile.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;

namespace {

void write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

// One page's YAML: what every page needs, and `validity` lines.
std::string page(const std::string& category, const std::string& title,
                 const std::string& validity = "valid_from: 2026-01-01\n") {
  return "category: " + category + "\ntitle: \"" + title + "\"\nsummary: \"Tóm tắt " + title +
         ".\"\nupdated: 2026-11-20\n" + validity +
         "sources:\n  - document: \"Nghị định 07/2021/NĐ-CP\"\n    status: confirmed\n"
         "body:\n  - paragraph: \"Nội dung " +
         title + ".\"\n";
}

// A small bundle: two categories, three pages, one of them valid until 2026-12-31.
void write_bundle(const std::filesystem::path& root, const std::string& fee_title = "Học phí") {
  write(root / "bundle.yaml",
        "id: thu\ntitle: Thử\nversion: \"1\"\npublished: 2026-11-01\n"
        "publisher: UBND xã\nlanguages: [vi]\n");
  write(root / "categories.yaml",
        "categories:\n  chinh-sach:\n    title: Chính sách\n  ra-soat:\n    title: Rà soát\n");
  write(root / "pages" / "hoc-phi.yaml", page("chinh-sach", fee_title));
  write(root / "pages" / "bao-hiem.yaml", page("chinh-sach", "Bảo hiểm y tế"));
  write(root / "pages" / "ra-soat.yaml",
        page("ra-soat", "Rà soát", "valid_from: 2026-01-01\nvalid_until: 2026-12-31\n"));
}

content::TimePoint local(const content::TimeZone& zone, int y, unsigned m, unsigned d, int h,
                         int min) {
  return zone.from_local({std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d},
                          std::chrono::hours{h} + std::chrono::minutes{min}});
}

}  // namespace

TEST_CASE("The content watcher loads a changed bundle once it stops changing", "[kiosk][app]") {
  tinxa::test::TempDir dir;
  write_bundle(dir.path());
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock(local(zone, 2026, 11, 28, 14, 30));
  app::ContentWatcher watcher(dir.path(), app::folder_fingerprint(dir.path()));
  CHECK_FALSE(watcher.poll(clock.now()));  // nothing changed
  clock.advance(1s);
  CHECK_FALSE(watcher.poll(clock.now()));

  write_bundle(dir.path(), "Học phí mới");
  clock.advance(500ms);
  CHECK_FALSE(watcher.poll(clock.now()));  // at most once a second
  clock.advance(500ms);
  CHECK_FALSE(watcher.poll(clock.now()));  // seen once: it may still be being copied
  clock.advance(1s);
  auto attempt = watcher.poll(clock.now());
  REQUIRE(attempt);
  std::string messages;
  for (const auto& d : attempt->result->diagnostics.items()) {
    messages += config::format_diagnostic(d);
  }
  INFO(messages);
  REQUIRE(attempt->result->ok());
  CHECK(attempt->result->bundle.find_page("hoc-phi")->title.get() == "Học phí mới");
  for (int i = 0; i < 3; ++i) {
    clock.advance(1s);
    CHECK_FALSE(watcher.poll(clock.now()));  // offered once, while a finger stays down
  }
  watcher.accepted(attempt->fingerprint);
  clock.advance(1s);
  CHECK_FALSE(watcher.poll(clock.now()));  // what is shown is not loaded again

  // A new file counts as a change too.
  write(dir.path() / "pages" / "vay-von.yaml", page("chinh-sach", "Vay vốn"));
  clock.advance(1s);
  CHECK_FALSE(watcher.poll(clock.now()));
  clock.advance(1s);
  attempt = watcher.poll(clock.now());
  REQUIRE(attempt);
  CHECK(attempt->result->bundle.find_page("vay-von") != nullptr);
}

TEST_CASE("The content watcher does not decode a recording again when only the text changed",
          "[kiosk][app]") {
  tinxa::test::TempDir dir;
  write_bundle(dir.path());
  std::filesystem::create_directories(dir.path() / "media");
  tinxa::test::write_tone(dir.path() / "media" / "loa.wav",
                          tinxa::test::ToneFile{440.0, 0.5, 8000, 1, 4000});
  write(dir.path() / "announcements.yaml",
        "announcements:\n  hop:\n    title: Họp thôn\n    transcript: \"Mời họp.\"\n"
        "    audio: media/loa.wav\n");
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock(local(zone, 2026, 11, 28, 14, 30));
  app::ContentWatcher watcher(dir.path(), 0);
  const auto next_attempt = [&] {
    std::optional<app::ContentWatcher::Attempt> attempt;
    for (int i = 0; i < 3 && !attempt; ++i) {
      clock.advance(1s);
      attempt = watcher.poll(clock.now());
    }
    REQUIRE(attempt);
    REQUIRE(attempt->result->ok());
    watcher.accepted(attempt->fingerprint);
    return *attempt;
  };
  const auto first = next_attempt();
  CHECK(watcher.probes()->misses() == 1);

  write_bundle(dir.path(), "Học phí mới");
  const auto second = next_attempt();
  CHECK(second.result->bundle.find_page("hoc-phi")->title.get() == "Học phí mới");
  CHECK(watcher.probes()->misses() == 1);
  CHECK(watcher.probes()->hits() == 1);
  CHECK(second.result->bundle.find_announcement("hop")->audio.info.duration == 500ms);
}

TEST_CASE("A broken bundle is reported at file, line and column and not retried until it changes",
          "[kiosk][app]") {
  tinxa::test::TempDir dir;
  write_bundle(dir.path());
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock(local(zone, 2026, 11, 28, 14, 30));
  app::ContentWatcher watcher(dir.path(), app::folder_fingerprint(dir.path()));
  write(dir.path() / "pages" / "hoc-phi.yaml", page("khong-co", "Học phí"));
  clock.advance(1s);
  CHECK_FALSE(watcher.poll(clock.now()));
  clock.advance(1s);
  auto attempt = watcher.poll(clock.now());
  REQUIRE(attempt);
  REQUIRE_FALSE(attempt->result->ok());
  std::string messages;
  for (const auto& d : attempt->result->diagnostics.items()) {
    messages += config::format_diagnostic(d);
  }
  CHECK_THAT(messages, Catch::Contains("hoc-phi.yaml:1:11"));
  CHECK_THAT(messages, Catch::Contains("khong-co"));
  for (int i = 0; i < 3; ++i) {
    clock.advance(1s);
    CHECK_FALSE(watcher.poll(clock.now()));
  }
  // The admin panel's Reload tries again at once, whatever changed.
  watcher.force();
  attempt = watcher.poll(clock.now());
  REQUIRE(attempt);
  CHECK_FALSE(attempt->result->ok());
  // Fixed: loaded.
  write_bundle(dir.path(), "Học phí sửa");
  clock.advance(1s);
  (void)watcher.poll(clock.now());
  clock.advance(1s);
  attempt = watcher.poll(clock.now());
  REQUIRE(attempt);
  CHECK(attempt->result->ok());
}

namespace {

struct Kiosk {
  explicit Kiosk(const std::filesystem::path& root, content::TimePoint at)
      : zone(content::TimeZone::load("Asia/Ho_Chi_Minh")),
        clock(at),
        shown(content::load_bundle(root).bundle),
        kiosk(shown, site, clock, zone,
              ui::Theme(ui::DisplayMetrics::from_settings(config::KioskSettings{}.display)),
              painter) {
    kiosk.render(painter);
  }
  content::TimeZone zone;
  content::VirtualClock clock;
  content::Bundle shown;  // the one object KioskUi reads; swaps reassign it
  config::SiteSettings site;
  tinxa::kiosk::test::RecordingPainter painter;
  ui::KioskUi kiosk;
};

bool painted(const tinxa::kiosk::test::RecordingPainter& painter, const std::string& text) {
  for (const auto& t : painter.texts) {
    if (t.text.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("A new bundle is swapped in under the resident's screens", "[kiosk][app][swap]") {
  tinxa::test::TempDir dir;
  write_bundle(dir.path());
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  Kiosk k(dir.path(), local(zone, 2026, 11, 28, 14, 30));
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("hoc-phi");
  REQUIRE(k.kiosk.top().name() == "page:hoc-phi");

  // Not mid-touch: a finger is down.
  (void)k.kiosk.input(ui::Action::make_press({5, 500}));
  CHECK(k.kiosk.touching());
  (void)k.kiosk.input(ui::Action::make_tap({5, 500}));
  CHECK_FALSE(k.kiosk.touching());

  write_bundle(dir.path(), "Học phí năm học mới");
  auto fresh = content::load_bundle(dir.path());
  REQUIRE(fresh.ok());
  k.kiosk.replace_content([&] { k.shown = std::move(fresh.bundle); });
  CHECK(k.kiosk.top().name() == "page:hoc-phi");
  CHECK(k.kiosk.depth() == 3);
  k.painter.clear();
  k.kiosk.render(k.painter);
  CHECK(painted(k.painter, "Học phí năm học mới"));
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
  CHECK(k.kiosk.top().name() == "category:chinh-sach");

  // The page the resident reads is removed: back home.
  k.kiosk.open_page("bao-hiem");
  std::filesystem::remove(dir.path() / "pages" / "bao-hiem.yaml");
  auto smaller = content::load_bundle(dir.path());
  REQUIRE(smaller.ok());
  k.kiosk.replace_content([&] { k.shown = std::move(smaller.bundle); });
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.kiosk.depth() == 1);
}

TEST_CASE("A bundle whose only errors are missing media is offered and shown without them",
          "[kiosk][app][swap][media]") {
  tinxa::test::TempDir dir;
  write_bundle(dir.path());
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  Kiosk k(dir.path(), local(zone, 2026, 11, 28, 14, 30));
  app::ContentWatcher watcher(dir.path(), app::folder_fingerprint(dir.path()));
  // The editor names a recording, a picture and an icon that never reached the kiosk.
  write(dir.path() / "categories.yaml",
        "categories:\n  chinh-sach:\n    title: Chính sách\n    icon: media/icon.png\n"
        "  ra-soat:\n    title: Rà soát\n");
  write(dir.path() / "pages" / "hoc-phi.yaml",
        page("chinh-sach", "Học phí mới") +
            "  - image: media/bang.png\n    caption: Bảng phí\n"
            "narration: media/hoc-phi.ogg\n");
  k.clock.advance(1s);
  CHECK_FALSE(watcher.poll(k.clock.now()));
  k.clock.advance(1s);
  auto attempt = watcher.poll(k.clock.now());
  REQUIRE(attempt);
  std::string messages;
  for (const auto& d : attempt->result->diagnostics.items()) {
    messages += config::format_diagnostic(d);
  }
  INFO(messages);
  // Still errors, where they are written (the admin panel lists them) ...
  CHECK_FALSE(attempt->result->ok());
  CHECK(attempt->result->diagnostics.media_error_count() == 3);
  CHECK_THAT(messages, Catch::Contains("categories.yaml:4:11") && Catch::Contains("no such file"));
  CHECK_THAT(messages,
             Catch::Contains("hoc-phi.yaml:11:12") && Catch::Contains("hoc-phi.yaml:13:12"));
  // ... but the bundle is usable: offered for the swap, with its standards read.
  REQUIRE(attempt->result->usable());
  CHECK(attempt->standards != nullptr);

  const content::Page* fee = attempt->result->bundle.find_page("hoc-phi");
  REQUIRE(fee != nullptr);
  REQUIRE(fee->narration);
  CHECK_FALSE(fee->narration->available());
  // "Nghe" has nothing to play (no synthetic narration either): its no-narration state.
  CHECK_FALSE(ui::page_listen_source(*fee, "vi", dir.path() / "no-narrations"));

  k.kiosk.replace_content([&] { k.shown = std::move(attempt->result->bundle); });
  watcher.accepted(attempt->fingerprint);
  k.painter.clear();
  k.kiosk.render(k.painter);
  CHECK(painted(k.painter, "Chính sách"));
  CHECK(k.painter.images.empty());  // the missing icon is left out
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("hoc-phi");
  REQUIRE(k.kiosk.top().name() == "page:hoc-phi");
  k.painter.clear();
  k.kiosk.render(k.painter);
  CHECK(painted(k.painter, "Học phí mới"));
  CHECK(painted(k.painter, "Bảng phí"));  // the caption stays; the picture is left out
  CHECK(k.painter.images.empty());
}

TEST_CASE("A kiosk left running past midnight drops the pages that expired", "[kiosk][app][swap]") {
  tinxa::test::TempDir dir;
  write_bundle(dir.path());
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  Kiosk k(dir.path(), local(zone, 2026, 12, 31, 23, 59));
  auto tiles = [&] { return dynamic_cast<const ui::HomeScreen&>(k.kiosk.top()).tiles().size(); };
  CHECK(tiles() == 2);
  k.clock.advance(2min);
  k.kiosk.update(2min);
  REQUIRE(k.kiosk.top().name() == "home");
  CHECK(tiles() == 1);  // "Rà soát" had only a page valid until 31/12

  // A resident reading the expiring page at midnight is taken home.
  Kiosk reading(dir.path(), local(zone, 2026, 12, 31, 23, 59));
  reading.kiosk.open_category("ra-soat");
  reading.kiosk.open_page("ra-soat");
  reading.kiosk.update(1s);
  CHECK(reading.kiosk.top().name() == "page:ra-soat");
  reading.clock.advance(1min);
  reading.kiosk.update(1min);
  CHECK(reading.kiosk.top().name() == "home");
}

TEST_CASE("The next broadcast line comes from the daemon's status fields", "[kiosk][app]") {
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  const auto now = local(zone, 2026, 11, 30, 5, 10);
  broadcast::Response status;
  status.fields = {{"time", "2026-11-30T05:10:00+07:00"},
                   {"next", "2026-11-30T06:00:00+07:00"},
                   {"next.title", "Bản tin buổi sáng"}};
  CHECK(app::next_broadcast_line(status, now, zone) == "06:00 Bản tin buổi sáng");
  status.fields[1].second = "2026-12-01T06:00:00+07:00";
  CHECK(app::next_broadcast_line(status, now, zone) == "06:00 01/12 Bản tin buổi sáng");
  status.fields.erase(status.fields.begin() + 1);
  CHECK(app::next_broadcast_line(status, now, zone).empty());
  CHECK(app::next_broadcast_line(
            broadcast::Response::fail(broadcast::AckCode::failed, "status", "x"), now, zone)
            .empty());
}

TEST_CASE("Without a daemon the next broadcast is empty and asking never blocks the caller",
          "[kiosk][app]") {
  tinxa::test::TempDir dir;
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock(local(zone, 2026, 11, 30, 5, 10));
  const auto start = std::chrono::steady_clock::now();
  {
    app::NextBroadcastPoller poller(dir / "no-daemon.sock", clock, zone, {});
    CHECK(poller.latest().empty());
  }
  CHECK(std::chrono::steady_clock::now() - start < 2s);
}

TEST_CASE("kiosk.yaml reads the admin PIN, attract mode and night screen-off", "[kiosk][app]") {
  tinxa::test::TempDir dir;
  write(dir / "kiosk.yaml",
        "admin_pin: \"2468\"\nattract:\n  after: 3min\n  slide: 8s\n"
        "screen_off:\n  from: \"22:30\"\n  to: \"05:45\"\n  wake_for: 2min\n");
  config::Diagnostics diagnostics;
  const auto settings = config::load_settings(dir.path(), diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(settings.kiosk.admin_pin == "2468");
  CHECK(settings.kiosk.attract.after == 3min);
  CHECK(settings.kiosk.attract.slide == 8s);
  REQUIRE(settings.kiosk.screen_off);
  CHECK(settings.kiosk.screen_off->from == config::TimeOfDay{22, 30, 0});
  CHECK(settings.kiosk.screen_off->to == config::TimeOfDay{5, 45, 0});
  CHECK(settings.kiosk.screen_off->wake_for == 2min);

  write(dir / "kiosk.yaml", "admin_pin: \"12a\"\nscreen_off:\n  from: \"22:00\"\n");
  config::Diagnostics bad;
  const auto defaults = config::load_settings(dir.path(), bad);
  CHECK(defaults.kiosk.admin_pin.empty());
  CHECK_FALSE(defaults.kiosk.screen_off);
  std::string messages;
  for (const auto& d : bad.items()) messages += config::format_diagnostic(d);
  CHECK_THAT(messages, Catch::Contains("kiosk.yaml:1:12"));
  CHECK_THAT(messages, Catch::Contains("kiosk.yaml:3:3"));  // `to` is required
}

TEST_CASE("The shipped kiosk.yaml files say the built-in admin, attract and screen-off defaults",
          "[kiosk][app]") {
  const std::filesystem::path root(TINXA_SOURCE_DIR);
  config::Diagnostics diagnostics;
  const auto defaults = config::load_settings(root / "config" / "defaults", diagnostics);
  std::string messages;
  for (const auto& d : diagnostics.items()) messages += config::format_diagnostic(d);
  INFO(messages);
  CHECK(diagnostics.items().empty());
  const config::KioskSettings built_in;
  CHECK(defaults.kiosk.admin_pin == built_in.admin_pin);
  CHECK(defaults.kiosk.attract.after == built_in.attract.after);
  CHECK(defaults.kiosk.attract.slide == built_in.attract.slide);
  CHECK_FALSE(defaults.kiosk.screen_off);

  config::Diagnostics demo_diagnostics;
  const auto demo = config::load_settings(root / "deploy" / "demo", demo_diagnostics);
  CHECK_FALSE(demo_diagnostics.has_errors());
  CHECK(demo.kiosk.admin_pin == "2468");
  CHECK(demo.kiosk.attract.after == 2min);
}
