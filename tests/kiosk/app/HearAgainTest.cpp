// "Nghe lại loa hôm nay" as the kiosk runs it: today's as-run log read through a read-only
// connection (missing, locked and normal databases), zones named as the schedule names them, and
// the screen's words in the kiosk's language. A recording painter, real SQLite files, a virtual
// clock.
#include "content/store/AsRunLog.hpp"
#include "content/store/Database.hpp"
#include "content/store/StoreFiles.hpp"
#include "kiosk/app/ScheduleZoneNames.hpp"
#include "kiosk/ui/HearAgainScreen.hpp"
#include "tests/kiosk/ui/AsRunRecordFixture.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;
using std::chrono::year;

namespace {

// A kiosk at 14:30 on 28/11/2026 whose data folder is a fresh temporary one.
struct Kiosk : kiosk::test::UiFixture {
  Kiosk() : UiFixture(kiosk::test::sample_bundle(), {year{2026} / 11 / 28, 14h + 30min}) {
    site.data_dir = data.path();
  }
  void log_today(const std::vector<std::string>& zones) {
    auto db = content::Database::open(content::as_run_path(site.data_dir));
    content::AsRunLog log(db);
    log.append(kiosk::test::as_run_record("sang", "the-bao-hiem-y-te", clock.now() - 6h, zones));
  }
  tinxa::test::TempDir data;
};

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("Hear again names the zones as the schedule does and falls back to the id",
          "[kiosk][app][listen]") {
  Kiosk k;
  k.log_today({"ap-1", "trung-tam", "ap-9"});
  k.kiosk.set_zone_names([] {
    return std::map<std::string, std::string>{{"ap-1", "Ấp 1"}, {"trung-tam", "Trung tâm xã"}};
  });
  k.kiosk.open_hear_again();
  k.draw();
  REQUIRE(k.kiosk.top().name() == "hear-again");
  CHECK(k.painter.drew_text("08:30 · Cụm loa: Ấp 1, Trung tâm xã, ap-9"));
  CHECK_FALSE(k.painter.drew_text("ap-1"));
  CHECK(k.painter.drew_text("Nghe lại loa hôm nay"));
}

TEST_CASE("Hear again's own words follow the kiosk's language", "[kiosk][app][listen]") {
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  const content::Announcement* a =
      kiosk::test::sample_bundle().find_announcement("the-bao-hiem-y-te");
  REQUIRE(a != nullptr);
  const auto at = zone.from_local({year{2026} / 11 / 28, 8h + 30min});
  kiosk::test::NoNavigator navigator;
  kiosk::test::RecordingPainter painter;
  const ui::Theme theme = kiosk::test::default_theme();
  const ui::ZoneNames names{{"ap-1", "Ấp 1"}};

  ui::HearAgainScreen english(theme, navigator, {{a, nullptr, at, {"ap-1"}}}, zone, "en", {},
                              names);
  english.layout({0, 0, 1920, 960}, painter);
  english.render(painter);
  CHECK(painter.drew_text("Today's loudspeaker news"));
  CHECK(painter.drew_text("08:30 · Loudspeakers: Ấp 1"));
  CHECK_FALSE(painter.drew_text("Nghe lại loa hôm nay"));
  CHECK_FALSE(painter.drew_text("Cụm loa"));

  painter.clear();
  ui::HearAgainScreen empty_en(theme, navigator, {}, zone, "en");
  empty_en.layout({0, 0, 1920, 960}, painter);
  empty_en.render(painter);
  CHECK(painter.drew_text("The commune's loudspeakers have played no announcement today."));

  // A language the kiosk has no words in: Vietnamese, as everywhere else.
  painter.clear();
  ui::HearAgainScreen other(theme, navigator, {}, zone, "km");
  other.layout({0, 0, 1920, 960}, painter);
  other.render(painter);
  CHECK(painter.drew_text("Nghe lại loa hôm nay"));
  CHECK(painter.drew_text("Hôm nay loa xã chưa phát thông báo nào."));
}

TEST_CASE("Hear again with no as-run database logs why, shows an empty day and creates nothing",
          "[kiosk][app][listen]") {
  Kiosk k;
  std::ostringstream log;
  CHECK(ui::todays_as_run(k.site.data_dir, k.clock.now(), k.zone, log).empty());
  CHECK(log.str().find("no as-run log yet") != std::string::npos);
  CHECK(log.str().find(content::as_run_path(k.site.data_dir).string()) != std::string::npos);
  k.kiosk.open_hear_again();
  k.draw();
  CHECK(k.painter.drew_text("Hôm nay loa xã chưa phát thông báo nào."));
  CHECK_FALSE(std::filesystem::exists(content::as_run_path(k.site.data_dir)));
}

TEST_CASE("Hear again on a database the daemon holds locked logs why and shows an empty day",
          "[kiosk][app][listen]") {
  Kiosk k;
  k.log_today({"ap-1"});
  auto daemon = content::Database::open(content::as_run_path(k.site.data_dir));
  daemon.exec("PRAGMA locking_mode = EXCLUSIVE");
  content::Database::Transaction writing{daemon};
  daemon.exec("UPDATE as_run SET detail = 'đang ghi'");
  std::ostringstream log;
  CHECK(ui::todays_as_run(k.site.data_dir, k.clock.now(), k.zone, log).empty());
  CHECK(log.str().find("as-run log not read") != std::string::npos);
  CHECK(log.str().find("locked") != std::string::npos);
  k.kiosk.open_hear_again();
  k.draw();
  CHECK(k.kiosk.top().name() == "hear-again");
  CHECK(k.painter.drew_text("Hôm nay loa xã chưa phát thông báo nào."));
}

TEST_CASE("Hear again reads a normal as-run database without changing it", "[kiosk][app][listen]") {
  Kiosk k;
  k.log_today({"ap-1"});
  const auto path = content::as_run_path(k.site.data_dir);
  const auto size = std::filesystem::file_size(path);
  const auto mtime = std::filesystem::last_write_time(path);
  std::ostringstream log;
  const auto records = ui::todays_as_run(k.site.data_dir, k.clock.now(), k.zone, log);
  REQUIRE(records.size() == 1);
  CHECK(records[0].item_id == "the-bao-hiem-y-te");
  CHECK(log.str().empty());
  CHECK(std::filesystem::file_size(path) == size);
  CHECK(std::filesystem::last_write_time(path) == mtime);
}

TEST_CASE("Zone names come from the schedule file and follow its edits", "[kiosk][app]") {
  tinxa::test::TempDir dir;
  const auto file = dir / "schedule.yaml";
  std::ostringstream log;
  app::ScheduleZoneNames names(file, log);
  CHECK(names.names().empty());  // no schedule yet
  CHECK(log.str().find("schedule not read") != std::string::npos);
  write(file,
        "zones:\n"
        "  trung-tam:\n    name: Trung tâm xã\n    device: \"USB Audio Device\"\n"
        "    channels: [1]\n"
        "  ap-2:\n    name: Ấp 2\n    device: \"USB Audio Device\"\n    channels: [2]\n");
  auto read = names.names();
  CHECK(read ==
        std::map<std::string, std::string>{{"trung-tam", "Trung tâm xã"}, {"ap-2", "Ấp 2"}});
  // An edit that renames a zone is seen (the file's size changes).
  write(file,
        "zones:\n"
        "  trung-tam:\n    name: Trung tâm xã Minh Hưng\n    device: \"USB Audio Device\"\n"
        "    channels: [1]\n");
  read = names.names();
  CHECK(read == std::map<std::string, std::string>{{"trung-tam", "Trung tâm xã Minh Hưng"}});
  // A file that is not YAML keeps the names read before.
  write(file, "zones: [\n");
  CHECK(names.names() == read);
}
