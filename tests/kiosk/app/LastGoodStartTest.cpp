// A broken content bundle never blanks the kiosk (issue 4, item 6): it starts on the last good
// copy, or on the maintenance screen with the admin panel still reachable, and a fixed bundle is
// swapped in. Real temporary folders, the real ContentWatcher and ContentUpdater, a virtual clock.
#include "content/loader/BundleLoader.hpp"
#include "content/store/LastGoodBundle.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/app/ContentUpdater.hpp"
#include "kiosk/app/ContentWatcher.hpp"
#include "kiosk/app/KioskApp.hpp"
#include "kiosk/ui/AdminScreen.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/MaintenanceScreen.hpp"
#include "tests/kiosk/ui/RecordingPainter.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

std::string page(const std::string& category, const std::string& title) {
  return "category: " + category + "\ntitle: \"" + title + "\"\nsummary: \"Tóm tắt " + title +
         ".\"\nupdated: 2026-11-20\nvalid_from: 2026-01-01\n"
         "sources:\n  - document: \"Nghị định 07/2021/NĐ-CP\"\n    status: confirmed\n"
         "body:\n  - paragraph: \"Nội dung " +
         title + ".\"\n";
}

// Two categories, two pages; `fee_title` names the first page.
void write_bundle(const fs::path& root, const std::string& fee_title = "Học phí") {
  write(root / "bundle.yaml",
        "id: thu\ntitle: Thử\nversion: \"1\"\npublished: 2026-11-01\n"
        "publisher: UBND xã\nlanguages: [vi]\n");
  write(root / "categories.yaml",
        "categories:\n  chinh-sach:\n    title: Chính sách\n  ra-soat:\n    title: Rà soát\n");
  write(root / "pages" / "hoc-phi.yaml", page("chinh-sach", fee_title));
  write(root / "pages" / "ra-soat.yaml", page("ra-soat", "Rà soát"));
}

// The structural error the tests break a bundle with: a page in a category that does not exist.
void break_bundle(const fs::path& root) {
  write(root / "pages" / "hoc-phi.yaml", page("khong-co", "Học phí"));
}

// A site whose data_dir and content_dir are in `dir`.
struct Site {
  Site() {
    fs::create_directories(data);
    write(dir / "config" / "site.yaml", "commune_name: \"Xã Tân Lập\"\ncontent_dir: \"" +
                                            content.string() + "\"\ndata_dir: \"" + data.string() +
                                            "\"\n");
  }
  app::KioskOptions options() const {
    app::KioskOptions o;
    o.config_dir = dir / "config";
    o.at = "2026-11-28T14:30";
    return o;
  }
  tinxa::test::TempDir dir;
  fs::path content = dir / "content";
  fs::path data = dir / "data";
};

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + '\n';
  return out;
}

int times_painted(const tinxa::kiosk::test::RecordingPainter& painter, const std::string& text) {
  int n = 0;
  for (const auto& t : painter.texts) {
    if (t.text.find(text) != std::string::npos) ++n;
  }
  return n;
}

bool painted(const tinxa::kiosk::test::RecordingPainter& painter, const std::string& text) {
  return times_painted(painter, text) > 0;
}

}  // namespace

TEST_CASE("A kiosk whose content has errors starts on the last good copy and says why",
          "[kiosk][app][last-good]") {
  Site site;
  write_bundle(site.content, "Học phí đã kiểm");
  REQUIRE(content::LastGoodBundle(site.data).save(site.content));
  break_bundle(site.content);

  app::KioskApp kiosk(site.options());  // no StartupError
  CHECK(kiosk.start_source() == app::KioskApp::StartSource::last_good);
  CHECK(kiosk.shown_folder() == content::last_good_path(site.data));
  REQUIRE(kiosk.bundle().find_page("hoc-phi") != nullptr);
  CHECK(kiosk.bundle().find_page("hoc-phi")->title.get() == "Học phí đã kiểm");
  // The admin panel: what is shown, and the configured bundle's errors at file:line:column.
  const ui::AdminInfo status = kiosk.content_status();
  CHECK_THAT(status.bundle, Catch::Contains("last-good-content"));
  CHECK_THAT(status.last_attempt, Catch::Contains("the last good copy is shown"));
  CHECK_THAT(joined(status.messages), Catch::Contains("hoc-phi.yaml:1:11"));
  CHECK_THAT(joined(status.messages), Catch::Contains("khong-co"));
}

TEST_CASE("A kiosk with neither good content nor a last good copy starts in maintenance",
          "[kiosk][app][last-good]") {
  Site site;
  write_bundle(site.content);
  break_bundle(site.content);
  // A half-written copy left by a crash is not a last good copy.
  write_bundle(site.data / ".last-good-content.new");

  app::KioskApp kiosk(site.options());
  CHECK(kiosk.start_source() == app::KioskApp::StartSource::none);
  CHECK(kiosk.shown_folder().empty());
  CHECK(kiosk.bundle().pages.empty());
  const ui::AdminInfo status = kiosk.content_status();
  CHECK_THAT(status.bundle, Catch::Contains("no usable content"));
  CHECK_THAT(status.last_attempt, Catch::Contains("maintenance screen"));
  CHECK_THAT(joined(status.messages), Catch::Contains("hoc-phi.yaml:1:11"));

  // A good bundle starts as before, on the configured folder.
  write_bundle(site.content);
  app::KioskApp fixed(site.options());
  CHECK(fixed.start_source() == app::KioskApp::StartSource::configured);
  CHECK(fixed.shown_folder() == site.content);
  CHECK_THAT(joined(fixed.content_status().messages), !Catch::Contains("hoc-phi.yaml:1:11"));
  CHECK(fixed.content_status().last_attempt == "chưa có / none yet");
}

namespace {

// The kiosk UI as run() builds it without usable content: an empty bundle under the maintenance
// screen, the admin PIN set, drawn into a recording painter.
struct MaintenanceKiosk {
  explicit MaintenanceKiosk(std::vector<std::string> errors)
      : zone(content::TimeZone::load("Asia/Ho_Chi_Minh")),
        clock(zone.from_local({std::chrono::year{2026} / 11 / 28, 14h + 30min})),
        kiosk(shown, site, clock, zone,
              ui::Theme(ui::DisplayMetrics::from_settings(config::KioskSettings{}.display)),
              painter) {
    site.commune_name = "Xã Tân Lập";
    kiosk.set_maintenance([this](const ui::Theme& theme, ui::Navigator&, const std::string&) {
      return std::make_unique<ui::MaintenanceScreen>(theme, site.commune_name, clock, zone);
    });
    ui::AdminHooks hooks;
    hooks.info = [errors] {
      ui::AdminInfo info;
      info.messages = errors;
      return info;
    };
    kiosk.set_admin("2468", std::move(hooks));
    draw();
  }
  void draw() {
    painter.clear();
    kiosk.render(painter);
  }
  void tap(ui::Point p) {
    (void)kiosk.input(ui::Action::make_press(p));
    (void)kiosk.input(ui::Action::make_tap(p));
    kiosk.update(0ms);
    draw();
  }
  void open_admin() {
    const ui::Rect& r = kiosk.admin_press_area();
    (void)kiosk.input(ui::Action::make_press({r.x + 10, r.y + r.height / 2}));
    for (int i = 0; i < 60; ++i) kiosk.update(100ms);
    (void)kiosk.input(ui::Action::make_tap({r.x + 10, r.y + r.height / 2}));
    for (char c : std::string("2468")) {
      kiosk.update(0ms);
      const auto* pad = dynamic_cast<const ui::AdminPinScreen*>(&kiosk.top());
      REQUIRE(pad != nullptr);
      for (const auto& key : pad->keys()) {
        if (key.label == std::string(1, c)) {
          tap(key.rect.center());  // the last digit replaces the pad: stop looking at it
          break;
        }
      }
    }
    kiosk.update(0ms);
    draw();
  }

  content::TimeZone zone;
  content::VirtualClock clock;
  content::Bundle shown;
  config::SiteSettings site;
  tinxa::kiosk::test::RecordingPainter painter;
  ui::KioskUi kiosk;
};

}  // namespace

TEST_CASE("The maintenance screen tells residents calmly, in Vietnamese then English",
          "[kiosk][app][last-good][maintenance]") {
  MaintenanceKiosk k({"pages/hoc-phi.yaml:1:11: lỗi/error: ..."});
  REQUIRE(k.kiosk.top().name() == "maintenance");
  CHECK(painted(k.painter, "Thông tin đang được cập nhật"));
  CHECK(painted(k.painter, "Information is being updated"));
  // On the screen as well as in the bar.
  CHECK(times_painted(k.painter, "Xã Tân Lập") == 2);
  CHECK(times_painted(k.painter, "Thứ Bảy, 28/11/2026 14:30") == 2);
  CHECK(painted(k.painter, "Saturday, 28/11/2026 14:30"));
  // Vietnamese above English.
  int vi_y = -1;
  int en_y = -1;
  for (const auto& t : k.painter.texts) {
    if (t.text == "Thông tin đang được cập nhật") vi_y = t.at.y;
    if (t.text == "Information is being updated") en_y = t.at.y;
  }
  CHECK(vi_y < en_y);
  // Nothing to search, and no key leaves the screen.
  CHECK_FALSE(painted(k.painter, "Tìm"));
  for (auto kind : {ui::ActionKind::back, ui::ActionKind::home, ui::ActionKind::erase}) {
    (void)k.kiosk.input(ui::Action::make(kind));
    k.kiosk.update(0ms);
  }
  (void)k.kiosk.input(ui::Action::make_text("a"));
  k.kiosk.open_search();
  k.kiosk.update(0ms);
  CHECK(k.kiosk.top().name() == "maintenance");
  CHECK(k.kiosk.depth() == 1);
  // The minute moves on the screen too.
  k.clock.advance(1min);
  k.kiosk.update(1min);
  CHECK(k.kiosk.needs_redraw());
  k.draw();
  CHECK(painted(k.painter, "Thứ Bảy, 28/11/2026 14:31"));
}

TEST_CASE("In maintenance the admin panel is reached by long press and PIN and lists the errors",
          "[kiosk][app][last-good][maintenance]") {
  MaintenanceKiosk k({"pages/hoc-phi.yaml:1:11: lỗi/error: category \"khong-co\" ..."});
  k.open_admin();
  REQUIRE(k.kiosk.top().name() == "admin");
  CHECK(painted(k.painter, "hoc-phi.yaml:1:11"));
  // Left open, it closes by itself like every session, back to the maintenance screen.
  for (int i = 0; i < 100; ++i) k.kiosk.update(1s);
  CHECK(k.kiosk.top().name() == "maintenance");
  CHECK(k.kiosk.depth() == 1);
}

TEST_CASE("A fixed bundle replaces the maintenance screen as soon as it appears",
          "[kiosk][app][last-good][maintenance]") {
  tinxa::test::TempDir dir;
  write_bundle(dir / "content");
  break_bundle(dir / "content");
  MaintenanceKiosk k({});
  REQUIRE(k.kiosk.top().name() == "maintenance");
  app::ContentWatcher watcher(dir / "content", app::folder_fingerprint(dir / "content"));
  CHECK_FALSE(watcher.poll(k.clock.now()));

  write_bundle(dir / "content", "Học phí sửa");
  std::optional<app::ContentWatcher::Attempt> attempt;
  for (int i = 0; i < 4 && !attempt; ++i) {
    k.clock.advance(1s);
    attempt = watcher.poll(k.clock.now());
  }
  REQUIRE(attempt);
  REQUIRE(attempt->result->usable());
  // What run()'s tick does with a usable attempt between touches.
  k.kiosk.replace_content([&] {
    k.shown = std::move(attempt->result->bundle);
    k.kiosk.set_maintenance({});
  });
  k.draw();
  CHECK_FALSE(k.kiosk.in_maintenance());
  REQUIRE(k.kiosk.top().name() == "home");
  CHECK(dynamic_cast<const ui::HomeScreen&>(k.kiosk.top()).tiles().size() == 2);
  CHECK_FALSE(painted(k.painter, "Thông tin đang được cập nhật"));
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("hoc-phi");
  k.draw();
  CHECK(painted(k.painter, "Học phí sửa"));
}

namespace {

// The lines ContentUpdater reports from its thread, waited for without sleeping.
struct Reports {
  void add(const std::string& line) {
    {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    }
    cv.notify_all();
  }
  std::string wait_for(std::size_t count) {
    std::unique_lock lock(mutex);
    REQUIRE(cv.wait_for(lock, 30s, [&] { return lines.size() >= count; }));
    return lines[count - 1];
  }
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<std::string> lines;
};

}  // namespace

TEST_CASE("An accepted bundle becomes the last good copy on the updater's thread",
          "[kiosk][app][last-good]") {
  tinxa::test::TempDir dir;
  const fs::path root = dir / "content";
  fs::create_directories(dir / "data");
  write_bundle(root);
  content::LastGoodBundle last_good(dir / "data");
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock(zone.from_local({std::chrono::year{2026} / 11 / 28, 14h}));
  Reports reports;
  const auto first = app::folder_fingerprint(root);
  {
    app::ContentUpdater updater(app::ContentWatcher(root, first), clock, {}, &last_good,
                                [&](const std::string& line) { reports.add(line); });
    CHECK_FALSE(last_good.folder());  // nothing accepted yet
    updater.accepted(first);
    CHECK_THAT(reports.wait_for(1), Catch::Contains("last good copy saved: 4 files copied"));
    REQUIRE(last_good.folder());
    CHECK(content::load_bundle(*last_good.folder()).ok());

    // Edited after it was accepted: what is in the folder now was never loaded, so not kept.
    write_bundle(root, "Học phí chưa kiểm");
    updater.accepted(first);
    CHECK_THAT(reports.wait_for(2), Catch::Contains("not updated"));
    CHECK(content::load_bundle(*last_good.folder()).bundle.find_page("hoc-phi")->title.get() ==
          "Học phí");

    // Accepted as it is now: kept, copying only the changed page.
    updater.accepted(app::folder_fingerprint(root));
    CHECK_THAT(reports.wait_for(3), Catch::Contains("1 files copied, 3 kept"));
  }
  CHECK(content::load_bundle(*last_good.folder()).bundle.find_page("hoc-phi")->title.get() ==
        "Học phí chưa kiểm");
}
