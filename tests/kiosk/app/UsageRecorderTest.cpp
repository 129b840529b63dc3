// UsageRecorder on its own: each UsageEvent becomes its UsageCounts row on the resident's local
// day (a virtual clock across midnight), and every way counting can be off gives one bilingual log
// line and the admin panel's reason, and starts counting once fixed. Real SQLite files.
#include "content/store/Database.hpp"
#include "content/store/StoreFiles.hpp"
#include "content/store/UsageCounts.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/app/UsageRecorder.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

struct Recorder {
  explicit Recorder(fs::path dir)
      : data(std::move(dir)),
        zone(content::TimeZone::load("Asia/Ho_Chi_Minh")),
        clock(zone.from_local({std::chrono::year{2026} / 11 / 28, 23h + 59min})),
        usage(data, clock, zone, [this](const std::string& line) { log.push_back(line); }) {}

  std::vector<content::UsageCount> on_disk() {
    content::Database database = content::Database::open(content::usage_path(data));
    return content::UsageCounts(database).between(std::chrono::year{2026} / 11 / 1,
                                                  std::chrono::year{2026} / 11 / 30);
  }

  fs::path data;
  content::TimeZone zone;
  content::VirtualClock clock;
  std::vector<std::string> log;
  app::UsageRecorder usage;
};

}  // namespace

TEST_CASE("Each usage event is counted on the resident's local day", "[kiosk][app][usage]") {
  tinxa::test::TempDir dir;
  Recorder r(dir.path());
  REQUIRE(r.usage.counting());
  CHECK(r.usage.off_reason().empty());
  auto sink = r.usage.sink();
  sink(ui::UsageEvent::page_view, "hoc-phi");
  sink(ui::UsageEvent::page_view, "hoc-phi");
  sink(ui::UsageEvent::search_no_result, "karaoke");
  r.clock.advance(2min);  // 00:01 on the 29th, local time
  sink(ui::UsageEvent::listen, "ban-tin-sang");
  sink(ui::UsageEvent::self_check_done, "ignored");

  const auto rows = r.on_disk();
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].day == std::chrono::year{2026} / 11 / 28);
  CHECK(rows[0].kind == content::UsageKind::page_view);
  CHECK(rows[0].subject == "hoc-phi");
  CHECK(rows[0].count == 2);
  CHECK(rows[1].kind == content::UsageKind::search_no_result);
  CHECK(rows[1].subject == "karaoke");
  CHECK(rows[2].day == std::chrono::year{2026} / 11 / 29);
  CHECK(rows[2].kind == content::UsageKind::listen);
  CHECK(rows[2].subject == "ban-tin-sang");
  CHECK(rows[3].kind == content::UsageKind::self_check_done);
  CHECK(rows[3].subject.empty());  // nothing of a self-check's answers is kept
  CHECK(r.log.empty());
}

TEST_CASE("A missing data folder is said once in the log, never created, and counted once made",
          "[kiosk][app][usage]") {
  tinxa::test::TempDir dir;
  Recorder r(dir / "data");
  CHECK_FALSE(r.usage.counting());
  for (int i = 0; i < 5; ++i) r.usage.record(ui::UsageEvent::page_view, "hoc-phi");
  CHECK_FALSE(fs::exists(dir / "data"));
  REQUIRE(r.log.size() == 1);  // not one line per page view
  CHECK(r.log[0] == r.usage.off_reason());
  CHECK_THAT(r.log[0], Catch::StartsWith("không đếm lượt dùng: chưa có thư mục dữ liệu " +
                                         (dir / "data").string()));
  CHECK_THAT(r.log[0],
             Catch::Contains(" / usage not counted: the data folder " + (dir / "data").string()));
  CHECK(r.usage.admin_lines() == std::vector<std::string>{r.usage.off_reason()});

  fs::create_directories(dir / "data");
  r.usage.record(ui::UsageEvent::page_view, "hoc-phi");
  CHECK(r.usage.counting());
  REQUIRE(r.log.size() == 2);
  CHECK_THAT(r.log[1], Catch::Contains("/ usage now counted in " +
                                       content::usage_path(dir / "data").string()));
  REQUIRE(r.on_disk().size() == 1);
  CHECK(r.on_disk()[0].count == 1);  // the counts made while off are not invented
}

TEST_CASE(
    "A data_dir that is a file, or a database that cannot be opened, turns counting off "
    "with the reason",
    "[kiosk][app][usage]") {
  tinxa::test::TempDir dir;
  SECTION("data_dir names a file") {
    std::ofstream(dir / "data") << "x";
    Recorder r(dir / "data");
    CHECK_FALSE(r.usage.counting());
    CHECK_THAT(r.usage.off_reason(), Catch::Contains("không phải thư mục / usage not counted"));
    CHECK_THAT(r.usage.off_reason(), Catch::Contains("is not a folder"));
  }
  SECTION("usage.sqlite cannot be opened") {
    fs::create_directories(content::usage_path(dir.path()));  // a folder where the file goes
    Recorder r(dir.path());
    CHECK_FALSE(r.usage.counting());
    CHECK_THAT(r.usage.off_reason(), Catch::StartsWith("không đếm lượt dùng: không mở được " +
                                                       content::usage_path(dir.path()).string()));
    CHECK_THAT(r.usage.off_reason(), Catch::Contains("/ usage not counted: cannot open"));
    r.usage.record(ui::UsageEvent::listen, "x");  // dropped, not thrown
    CHECK(r.log.size() == 1);
    CHECK(r.usage.admin_lines() == std::vector<std::string>{r.usage.off_reason()});
  }
  SECTION("site.yaml has no data_dir") {
    Recorder r("");
    CHECK_FALSE(r.usage.counting());
    CHECK_THAT(r.usage.off_reason(), Catch::Contains("site.yaml has no data_dir"));
  }
}
