#include "content/check/CheckReport.hpp"

#include "BundleCopy.hpp"
#include "content/time/Clock.hpp"

#include <catch2/catch.hpp>

namespace tinxa::content {

namespace {

// Noon in Vietnam on the given day.
VirtualClock clock_on(std::chrono::year_month_day day) {
  return VirtualClock(std::chrono::sys_days{day} + std::chrono::hours{5});
}

CheckReport check_minimal(const VirtualClock& clock) {
  CheckRequest request;
  request.content_folder = test::kFixtures / "minimal";
  return check_installation(request, clock);
}

}  // namespace

TEST_CASE("A page ending within the warning window is listed and warned about",
          "[content][check]") {
  using namespace std::chrono;
  const auto report = check_minimal(clock_on(year{2026} / 12 / 20));
  CHECK(report.ok());
  REQUIRE(report.summary.expiring.size() == 1);
  CHECK(report.summary.expiring[0].id == "chuan-ngheo");
  CHECK(report.summary.expiring[0].days_left == 11);
  CHECK(report.summary.pages_shown_today == 2);
  REQUIRE(report.diagnostics.warning_count() == 1);
  const auto& warning = report.diagnostics.items()[0];
  CHECK(warning.message.en == "the page expires in 11 days, on 2026-12-31");
  CHECK(warning.position.file ==
        (test::kFixtures / "minimal/pages/chuan-ngheo.yaml").generic_string());
  CHECK(warning.position.line == 6);
  CHECK(warning.position.column == 14);
}

TEST_CASE("A page is shown through its last day and expired the day after", "[content][check]") {
  using namespace std::chrono;
  const auto last_day = check_minimal(clock_on(year{2026} / 12 / 31));
  CHECK(last_day.summary.pages_shown_today == 2);
  CHECK(last_day.summary.expiring.at(0).days_left == 0);
  const auto after = check_minimal(clock_on(year{2027} / 1 / 1));
  CHECK(after.ok());
  CHECK(after.summary.pages_shown_today == 1);
  CHECK(after.summary.pages_expired == 1);
  CHECK(after.summary.expiring.empty());
}

TEST_CASE("Well before expiry nothing is warned about", "[content][check]") {
  using namespace std::chrono;
  const auto report = check_minimal(clock_on(year{2026} / 11 / 1));
  CHECK(report.diagnostics.items().empty());
  CHECK(report.summary.pages == 2);
  CHECK(report.summary.announcements == 2);
  CHECK(report.summary.playlists == 1);
  CHECK(report.summary.audio_total == milliseconds{500});
}

TEST_CASE("The report text gives the figures and the verdict in both languages",
          "[content][check]") {
  using namespace std::chrono;
  const auto text = format_report(check_minimal(clock_on(year{2026} / 12 / 20)));
  CHECK(text.find("Trang / pages:                  2 (2 hiển thị hôm nay / shown today") !=
        std::string::npos);
  CHECK(text.find("    - chuan-ngheo: 31/12/2026 (còn 11 ngày / 11 days left)") !=
        std::string::npos);
  CHECK(text.find("Kết quả / result: 0 lỗi/errors, 1 cảnh báo/warnings") != std::string::npos);
}

}  // namespace tinxa::content
