#include "broadcast/report/MonthlyReport.hpp"

#include <sstream>

#include <catch2/catch.hpp>

namespace tinxa::broadcast {

namespace {

using namespace std::chrono_literals;
using content::AsRunOutcome;
using content::AsRunRecord;

const content::TimePoint kStart = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} - 30min;

AsRunRecord record(std::string category, std::vector<std::string> zones, AsRunOutcome outcome,
                   std::chrono::milliseconds length, std::string priority = "normal") {
  AsRunRecord r;
  r.occurrence_key = "k";
  r.slot_id = "ban-tin-sang";
  r.item_id = "ban-tin-sang";
  r.item_title = "Bản tin, buổi \"sáng\"";
  r.category = std::move(category);
  r.priority = std::move(priority);
  r.zones = std::move(zones);
  r.scheduled = kStart;
  r.started = kStart + 40ms;
  r.ended = *r.started + length;
  r.outcome = outcome;
  return r;
}

}  // namespace

TEST_CASE("Air time is summed per zone and per category over what actually sounded", "[report]") {
  const std::vector<AsRunRecord> records{
      record("ra-soat", {"thon-1", "thon-2"}, AsRunOutcome::played, 90s),
      record("ra-soat", {"thon-1"}, AsRunOutcome::preempted, 30s),
      record("chung-tay", {"thon-2"}, AsRunOutcome::played, 60s, "emergency"),
      record("ra-soat", {"thon-1"}, AsRunOutcome::skipped_file, 0s),
      record("", {"thon-1"}, AsRunOutcome::missed, 0s),
  };
  const auto report = build_monthly_report(std::chrono::year{2026} / 11, records, {});
  CHECK(report.by_zone.at("thon-1").broadcasts == 2);
  CHECK(report.by_zone.at("thon-1").aired == 120s);
  CHECK(report.by_zone.at("thon-2").broadcasts == 2);
  CHECK(report.by_zone.at("thon-2").aired == 150s);
  CHECK(report.by_category.at("ra-soat").broadcasts == 2);
  CHECK(report.by_category.at("ra-soat").aired == 120s);
  CHECK(report.by_category.count("") == 0);
  CHECK(report.emergencies == 1);
  CHECK(report.by_outcome.at("played") == 2);
  CHECK(report.by_outcome.at("missed") == 1);
  CHECK(report.by_outcome.at("skipped_file") == 1);
}

TEST_CASE("The summary gives zones, categories and the kiosk's use in both languages", "[report]") {
  std::vector<content::UsageCount> usage{
      {std::chrono::year{2026} / 11 / 3, content::UsageKind::page_view, "bao-hiem-y-te", 7},
      {std::chrono::year{2026} / 11 / 4, content::UsageKind::page_view, "bao-hiem-y-te", 5},
      {std::chrono::year{2026} / 11 / 4, content::UsageKind::page_view, "hoc-phi", 3},
      {std::chrono::year{2026} / 11 / 4, content::UsageKind::search_no_result, "tien dien", 2},
      {std::chrono::year{2026} / 11 / 5, content::UsageKind::self_check_done, "", 4},
  };
  const auto report =
      build_monthly_report(std::chrono::year{2026} / 11,
                           {record("ra-soat", {"thon-1"}, AsRunOutcome::played, 95s)}, usage);
  const std::string text = format_summary(report);
  CHECK(text.find("Báo cáo tháng / monthly report 11/2026") != std::string::npos);
  CHECK(text.find("    thon-1                       1      1:35\n") != std::string::npos);
  CHECK(text.find("    ra-soat                      1      1:35\n") != std::string::npos);
  CHECK(text.find("Lượt xem trang / page views: 15\n    bao-hiem-y-te                       12\n"
                  "    hoc-phi                              3\n") != std::string::npos);
  CHECK(text.find("Tìm không thấy / searches without a result: 2\n    tien dien") !=
        std::string::npos);
  CHECK(text.find("Tự đánh giá hoàn thành / self-checks completed: 4\n") != std::string::npos);
}

TEST_CASE("The CSV quotes what needs quoting and gives local times to the millisecond",
          "[report]") {
  std::ostringstream csv;
  write_as_run_csv(csv, {record("ra-soat", {"thon-1", "thon-2"}, AsRunOutcome::played, 1500ms)},
                   content::TimeZone::load("Asia/Ho_Chi_Minh"));
  CHECK(csv.str() ==
        "scheduled,started,ended,slot,item,title,category,priority,zones,outcome,detail\r\n"
        "2026-11-02 06:30:00.000,2026-11-02 06:30:00.040,2026-11-02 06:30:01.540,ban-tin-sang,"
        "ban-tin-sang,\"Bản tin, buổi \"\"sáng\"\"\",ra-soat,normal,thon-1 thon-2,played,\r\n");
}

TEST_CASE("A month's first and last days account for its length", "[report]") {
  using namespace std::chrono;
  CHECK(first_day(year{2026} / February) == year{2026} / February / 1);
  CHECK(last_day(year{2026} / February) == year{2026} / February / 28);
  CHECK(last_day(year{2028} / February) == year{2028} / February / 29);
  CHECK(last_day(year{2026} / December) == year{2026} / December / 31);
}

}  // namespace tinxa::broadcast
