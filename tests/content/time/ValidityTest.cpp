#include "content/time/Validity.hpp"

#include <catch2/catch.hpp>

#include "tests/content/time/TimeTestSupport.hpp"

namespace tinxa::content {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;
using test::hms;
using test::utc;
using test::ymd;

constexpr Validity kYear2026{ymd(2026, 1, 1), ymd(2026, 12, 31)};

TEST_CASE("A validity window includes both its first and its last day", "[time][validity]") {
  CHECK_FALSE(kYear2026.contains(ymd(2025, 12, 31)));
  CHECK(kYear2026.contains(ymd(2026, 1, 1)));
  CHECK(kYear2026.contains(ymd(2026, 6, 15)));
  CHECK(kYear2026.contains(ymd(2026, 12, 31)));
  CHECK_FALSE(kYear2026.contains(ymd(2027, 1, 1)));
}

TEST_CASE("A missing bound leaves that side of the window open", "[time][validity]") {
  const Validity forever{};
  const Validity from_only{ymd(2026, 1, 1), std::nullopt};
  const Validity until_only{std::nullopt, ymd(2026, 12, 31)};
  CHECK(forever.contains(ymd(1975, 4, 30)));
  CHECK(forever.contains(ymd(2100, 1, 1)));
  CHECK(from_only.contains(ymd(2100, 1, 1)));
  CHECK_FALSE(from_only.contains(ymd(2025, 12, 31)));
  CHECK(until_only.contains(ymd(1975, 4, 30)));
  CHECK_FALSE(until_only.contains(ymd(2027, 1, 1)));
}

TEST_CASE("days_left counts down to the last day and below", "[time][validity]") {
  CHECK(kYear2026.days_left(ymd(2026, 12, 17)) == 14);
  CHECK(kYear2026.days_left(ymd(2026, 12, 31)) == 0);
  CHECK(kYear2026.days_left(ymd(2027, 1, 1)) == -1);
  CHECK(Validity{ymd(2026, 1, 1), std::nullopt}.days_left(ymd(2026, 12, 31)) == std::nullopt);
}

TEST_CASE("An item is due for renewal in its last 14 days while still shown", "[time][validity]") {
  CHECK_FALSE(kYear2026.expires_within(ymd(2026, 12, 16), 14));
  CHECK(kYear2026.expires_within(ymd(2026, 12, 17), 14));
  CHECK(kYear2026.expires_within(ymd(2026, 12, 31), 14));
  CHECK_FALSE(kYear2026.expires_within(ymd(2027, 1, 1), 14));
  CHECK(kYear2026.expires_within(ymd(2026, 12, 31), 0));
  CHECK_FALSE(kYear2026.expires_within(ymd(2026, 12, 30), 0));
  CHECK_FALSE(Validity{}.expires_within(ymd(2026, 12, 31), 14));
  // Not shown yet, so not expiring either, however close its last day.
  const Validity short_window{ymd(2026, 12, 20), ymd(2026, 12, 31)};
  CHECK_FALSE(short_window.expires_within(ymd(2026, 12, 19), 14));
}

TEST_CASE("A page valid until 31/12 disappears at local midnight in any zone", "[time][validity]") {
  struct Case {
    const char* zone;
    TimePoint last_second;  // 2026-12-31 23:59:59 local
  };
  const auto [zone_name, last_second] = GENERATE(values<Case>({
      {"Asia/Ho_Chi_Minh", utc(ymd(2026, 12, 31), hms(16, 59, 59))},
      {"America/New_York", utc(ymd(2027, 1, 1), hms(4, 59, 59))},
      {"Europe/Berlin", utc(ymd(2026, 12, 31), hms(22, 59, 59))},
  }));
  CAPTURE(zone_name);
  const auto zone = TimeZone::load(zone_name);
  VirtualClock clock{last_second};

  CHECK(zone.to_local(clock.now()) == LocalDateTime{ymd(2026, 12, 31), hms(23, 59, 59)});
  CHECK(visible_at(kYear2026, clock.now(), zone));
  clock.advance(std::chrono::seconds{1});
  CHECK(zone.to_local(clock.now()) == LocalDateTime{ymd(2027, 1, 1), hms(0, 0, 0)});
  CHECK_FALSE(visible_at(kYear2026, clock.now(), zone));
}

TEST_CASE("A page valid from 1/1 appears at local midnight", "[time][validity]") {
  const auto zone = TimeZone::load("Asia/Ho_Chi_Minh");
  VirtualClock clock{utc(ymd(2025, 12, 31), hms(16, 59, 59))};
  CHECK_FALSE(visible_at(kYear2026, clock.now(), zone));
  clock.advance(std::chrono::seconds{1});
  CHECK(visible_at(kYear2026, clock.now(), zone));
}

TEST_CASE("A year on the virtual clock shows the page 365 days and warns on 15",
          "[time][validity]") {
  const auto name = GENERATE(as<std::string>{}, "Asia/Ho_Chi_Minh", "America/New_York");
  CAPTURE(name);
  const auto zone = TimeZone::load(name);
  // From noon local on 2025-12-01, 24 hours at a time: DST moves the reading to 11:00 or 13:00
  // but never off its day.
  VirtualClock clock{zone.from_local({ymd(2025, 12, 1), hms(12, 0, 0)})};
  int shown = 0;
  int warned = 0;
  for (auto day = sys_days{ymd(2025, 12, 1)}; day <= sys_days{ymd(2027, 1, 31)}; day += days{1}) {
    const auto today = zone.local_date(clock.now());
    REQUIRE(today == year_month_day{day});
    shown += visible_at(kYear2026, clock.now(), zone) ? 1 : 0;
    warned += kYear2026.expires_within(today, 14) ? 1 : 0;
    clock.advance(days{1});
  }
  CHECK(shown == 365);
  CHECK(warned == 15);
}

}  // namespace
}  // namespace tinxa::content
