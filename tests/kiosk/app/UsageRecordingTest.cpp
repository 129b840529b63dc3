// The anonymous usage counts end to end: a resident's page view, "Nghe" listen, search without a
// result and completed self-check, made on the UI the real KioskApp builds for run(), reach the
// real usage.sqlite in site.data_dir, and read back through a second connection with the query
// and summary `tinxa report` prints. Without the data folder nothing is counted, nothing is
// created, and the admin panel says why. The sample content, a virtual clock (--at).
#include "broadcast/report/MonthlyReport.hpp"
#include "content/speech/Narrator.hpp"
#include "content/store/Database.hpp"
#include "content/store/StoreFiles.hpp"
#include "content/store/UsageCounts.hpp"
#include "kiosk/app/KioskApp.hpp"
#include "kiosk/ui/AdminScreen.hpp"
#include "kiosk/ui/PageScreen.hpp"
#include "kiosk/ui/SearchScreen.hpp"
#include "tests/kiosk/ui/RecordingPainter.hpp"
#include "tests/kiosk/ui/RecordingSpeaker.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr std::chrono::year_month_day kToday{std::chrono::year{2026} / 11 / 28};

// An installation showing content/sample whose site.yaml names `data` as its data_dir.
struct Site {
  explicit Site(const std::string& data_name = "data") : data(dir / data_name) {
    fs::create_directories(dir / "config");
    std::ofstream(dir / "config" / "site.yaml")
        << "commune_name: \"Xã Tân Lập\"\ncontent_dir: \""
        << (fs::path(TINXA_SOURCE_DIR) / "content" / "sample").string() << "\"\ndata_dir: \""
        << data.string() << "\"\n";
  }
  app::KioskOptions options() const {
    app::KioskOptions o;
    o.config_dir = dir / "config";
    o.at = "2026-11-28T14:30";
    return o;
  }
  tinxa::test::TempDir dir;
  fs::path data;
};

// The UI that KioskApp::run() shows, drawn into a recording painter, touched as a resident does.
struct Resident {
  explicit Resident(app::KioskApp& app)
      : kiosk(app.make_ui(kiosk::test::default_theme(), painter, &speaker)) {
    draw();
  }
  void draw() {
    kiosk->update(0ms);
    painter.clear();
    kiosk->render(painter);
  }
  void tap(const ui::Rect& r) {
    (void)kiosk->input(ui::Action::make_press(r.center()));
    (void)kiosk->input(ui::Action::make_tap(r.center()));
    draw();
  }
  void read_page(const std::string& category, const std::string& page) {
    kiosk->go_home();
    kiosk->open_category(category);
    kiosk->open_page(page);
    draw();
  }
  // Types `word` on the search screen's keys and leaves the search.
  void search_for(const std::string& word) {
    kiosk->go_home();
    kiosk->open_search();
    draw();
    const auto& search = dynamic_cast<const ui::SearchScreen&>(kiosk->top());
    for (const char c : word) {
      for (const auto& key : search.keys()) {
        if (key.label == std::string(1, c)) {
          tap(key.rect);
          break;
        }
      }
    }
    REQUIRE(search.query() == word);
    kiosk->go_home();
  }

  kiosk::test::RecordingPainter painter;
  kiosk::test::RecordingSpeaker speaker;
  std::unique_ptr<ui::KioskUi> kiosk;
};

// Makes bao-hiem-y-te's Vietnamese narration exist, as `tinxa narrate` leaves it.
void narrate(const Site& site, const app::KioskApp& app) {
  const auto file = content::narration_folder(site.data, app.bundle().info.id) /
                    (content::narration_key("bao-hiem-y-te", "vi") + "-0123456789abcdef.ogg");
  fs::create_directories(file.parent_path());
  std::ofstream(file) << "x";
}

using Row = std::tuple<std::string, std::string, std::int64_t>;  // kind, subject, count

// What the usage file holds for `day`, read on a connection of its own.
std::set<Row> counts_on_disk(const fs::path& data, std::chrono::year_month_day day) {
  content::Database database = content::Database::open(content::usage_path(data));
  std::set<Row> rows;
  for (const auto& c : content::UsageCounts(database).between(day, day)) {
    rows.emplace(std::string(content::to_string(c.kind)), c.subject, c.count);
  }
  return rows;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + '\n';
  return out;
}

}  // namespace

TEST_CASE(
    "A resident's page view, listen, search without a result and self-check reach "
    "usage.sqlite and tinxa report",
    "[kiosk][app][usage]") {
  Site site;
  fs::create_directories(site.data);
  app::KioskApp app(site.options());
  REQUIRE(app.start_source() == app::KioskApp::StartSource::configured);
  narrate(site, app);
  {
    Resident resident(app);
    REQUIRE(app.usage() != nullptr);
    CHECK(app.usage()->counting());

    resident.read_page("chinh-sach", "bao-hiem-y-te");
    const auto& page = dynamic_cast<const ui::PageScreen&>(resident.kiosk->top());
    REQUIRE(page.listen_bar().mode() == ui::ListenBar::Mode::ready);
    resident.tap(page.listen_bar().play_rect());
    REQUIRE(resident.speaker.plays.size() == 1);
    resident.search_for("karaoke");
    resident.search_for("hoc");  // found something: not counted
    resident.kiosk->self_check_completed();
  }

  const std::set<Row> expected{{"page_view", "bao-hiem-y-te", 1},
                               {"listen", "bao-hiem-y-te", 1},
                               {"search_no_result", "karaoke", 1},
                               {"self_check_done", "", 1}};
  CHECK(counts_on_disk(site.data, kToday) == expected);

  // `tinxa report --month 2026-11`: the month's counts (ReportCommand's query) and its summary.
  content::Database database = content::Database::open(content::usage_path(site.data));
  const auto month = std::chrono::year{2026} / std::chrono::November;
  const std::string summary = broadcast::format_summary(broadcast::build_monthly_report(
      month, {},
      content::UsageCounts(database).between(broadcast::first_day(month),
                                             broadcast::last_day(month))));
  CHECK_THAT(summary, Catch::Contains("Lượt xem trang / page views: 1\n    bao-hiem-y-te"));
  CHECK_THAT(summary, Catch::Contains("Lượt nghe / listens: 1\n    bao-hiem-y-te"));
  CHECK_THAT(summary,
             Catch::Contains("Tìm không thấy / searches without a result: 1\n    karaoke"));
  CHECK_THAT(summary, Catch::Contains("Tự đánh giá hoàn thành / self-checks completed: 1"));

  // The admin panel sums the last 7 days.
  CHECK(app.admin_info().usage ==
        std::vector<std::string>{"7 ngày qua / last 7 days: 1 lượt xem trang / page views, 1 tìm "
                                 "không thấy / searches without a result, 1 lượt nghe / listens, "
                                 "1 khác / other"});

  // The counts outlive the kiosk: a restarted one adds to them.
  app::KioskApp restarted(site.options());
  Resident next(restarted);
  next.read_page("chinh-sach", "bao-hiem-y-te");
  CHECK(counts_on_disk(site.data, kToday).count({"page_view", "bao-hiem-y-te", 2}) == 1);
}

TEST_CASE(
    "Without its data folder the kiosk counts nothing, creates nothing, and the admin "
    "panel says why",
    "[kiosk][app][usage]") {
  Site site("not-installed");
  app::KioskApp app(site.options());
  Resident resident(app);
  REQUIRE(app.usage() != nullptr);
  CHECK_FALSE(app.usage()->counting());
  resident.read_page("chinh-sach", "bao-hiem-y-te");
  resident.search_for("karaoke");
  CHECK_FALSE(fs::exists(site.data));  // never created: deploy/install.sh owns it

  const std::string usage = joined(app.admin_info().usage);
  CHECK_THAT(usage,
             Catch::Contains("không đếm lượt dùng: chưa có thư mục dữ liệu " + site.data.string()));
  CHECK_THAT(usage, Catch::Contains("usage not counted: the data folder " + site.data.string() +
                                    " (site.yaml data_dir) does not exist"));

  // The panel a person opens with the PIN shows it.
  ui::AdminHooks hooks;
  hooks.info = [&app] { return app.admin_info(); };
  resident.kiosk->set_admin("2468", std::move(hooks));
  resident.kiosk->go_home();
  resident.kiosk->open_admin();
  for (const char digit : std::string("2468")) {
    resident.draw();
    const auto* pad = dynamic_cast<const ui::AdminPinScreen*>(&resident.kiosk->top());
    REQUIRE(pad != nullptr);
    for (const auto& key : pad->keys()) {
      if (key.label == std::string(1, digit)) {
        resident.tap(key.rect);
        break;
      }
    }
  }
  REQUIRE(resident.kiosk->top().name() == "admin");
  CHECK(resident.painter.drew_text("không đếm lượt dùng"));
  CHECK(resident.painter.drew_text("does not exist; deploy/install.sh creates it"));

  // Once the folder is made, the next page view is counted, without a restart.
  fs::create_directories(site.data);
  resident.read_page("chinh-sach", "bao-hiem-y-te");
  CHECK(app.usage()->counting());
  CHECK(counts_on_disk(site.data, kToday) == std::set<Row>{{"page_view", "bao-hiem-y-te", 1}});
  CHECK_THAT(joined(app.admin_info().usage), Catch::Contains("1 lượt xem trang / page views"));
}
