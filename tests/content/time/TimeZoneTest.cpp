#include "content/time/TimeZone.hpp"

#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "content/time/TimeError.hpp"
#include "tests/content/time/TimeTestSupport.hpp"

namespace tinxa::content {
namespace {

using std::chrono::hours;
using std::chrono::seconds;
using test::hms;
using test::utc;
using test::ymd;

LocalDateTime at(std::chrono::year_month_day day, seconds time_of_day) {
  return {day, time_of_day};
}

TEST_CASE("Vietnam is UTC+7 all year", "[time][zone]") {
  const auto zone = TimeZone::load("Asia/Ho_Chi_Minh");
  CHECK(zone.name() == "Asia/Ho_Chi_Minh");
  CHECK(zone.utc_offset(utc(ymd(2026, 1, 15), hms(12, 0, 0))) == hours{7});
  CHECK(zone.utc_offset(utc(ymd(2026, 7, 15), hms(12, 0, 0))) == hours{7});

  CHECK(zone.to_local(utc(ymd(2026, 12, 31), hms(16, 59, 59))) ==
        at(ymd(2026, 12, 31), hms(23, 59, 59)));
  CHECK(zone.to_local(utc(ymd(2026, 12, 31), hms(17, 0, 0))) == at(ymd(2027, 1, 1), hms(0, 0, 0)));
  CHECK(zone.local_date(utc(ymd(2026, 12, 31), hms(17, 0, 0))) == ymd(2027, 1, 1));

  CHECK(zone.from_local(at(ymd(2027, 1, 1), hms(0, 0, 0))) ==
        utc(ymd(2026, 12, 31), hms(17, 0, 0)));
  CHECK(zone.start_of_day(ymd(2026, 11, 28)) == utc(ymd(2026, 11, 27), hms(17, 0, 0)));
}

TEST_CASE("Conversion floors sub-second instants to the second", "[time][zone]") {
  const auto zone = TimeZone::load("Asia/Ho_Chi_Minh");
  const auto instant = utc(ymd(2026, 12, 31), hms(16, 59, 59)) + std::chrono::milliseconds{999};
  CHECK(zone.to_local(instant) == at(ymd(2026, 12, 31), hms(23, 59, 59)));
  const auto before_epoch =
      utc(ymd(1969, 12, 31), hms(23, 59, 59)) + std::chrono::milliseconds{500};
  // Vietnam's south was UTC+8 in 1970; floor, not truncation toward 1970, gives :59.
  CHECK(zone.to_local(before_epoch) == at(ymd(1970, 1, 1), hms(7, 59, 59)));
}

TEST_CASE("Vietnam's 1975 change of offset is an overlap like any other", "[time][zone]") {
  // On 1975-06-13 the south moved from UTC+8 to UTC+7: 23:00-23:59 on 12 June happened twice,
  // with no DST on either side. Nothing may assume that Vietnam's offset never changes.
  const auto zone = TimeZone::load("Asia/Ho_Chi_Minh");
  CHECK(zone.utc_offset(utc(ymd(1975, 6, 12), hms(15, 59, 59))) == hours{8});
  CHECK(zone.utc_offset(utc(ymd(1975, 6, 12), hms(16, 0, 0))) == hours{7});
  CHECK(zone.from_local(at(ymd(1975, 6, 12), hms(23, 30, 0))) ==
        utc(ymd(1975, 6, 12), hms(15, 30, 0)));
  CHECK(zone.to_local(utc(ymd(1975, 6, 12), hms(16, 30, 0))) ==
        at(ymd(1975, 6, 12), hms(23, 30, 0)));
}

TEST_CASE("New York's spring gap maps a missing time forward by an hour", "[time][zone]") {
  const auto zone = TimeZone::load("America/New_York");
  const auto day = ymd(2025, 3, 9);
  CHECK(zone.to_local(utc(day, hms(6, 59, 59))) == at(day, hms(1, 59, 59)));
  CHECK(zone.to_local(utc(day, hms(7, 0, 0))) == at(day, hms(3, 0, 0)));
  CHECK(zone.utc_offset(utc(day, hms(6, 59, 59))) == hours{-5});
  CHECK(zone.utc_offset(utc(day, hms(7, 0, 0))) == hours{-4});

  CHECK(zone.from_local(at(day, hms(1, 59, 59))) == utc(day, hms(6, 59, 59)));
  CHECK(zone.from_local(at(day, hms(2, 0, 0))) == utc(day, hms(7, 0, 0)));
  CHECK(zone.from_local(at(day, hms(2, 30, 0))) == utc(day, hms(7, 30, 0)));
  CHECK(zone.from_local(at(day, hms(3, 30, 0))) == utc(day, hms(7, 30, 0)));
  CHECK(zone.to_local(zone.from_local(at(day, hms(2, 30, 0)))) == at(day, hms(3, 30, 0)));
}

TEST_CASE("New York's autumn overlap maps a repeated time to its first occurrence",
          "[time][zone]") {
  const auto zone = TimeZone::load("America/New_York");
  const auto day = ymd(2025, 11, 2);
  CHECK(zone.to_local(utc(day, hms(5, 30, 0))) == at(day, hms(1, 30, 0)));
  CHECK(zone.to_local(utc(day, hms(6, 30, 0))) == at(day, hms(1, 30, 0)));
  CHECK(zone.utc_offset(utc(day, hms(5, 30, 0))) == hours{-4});
  CHECK(zone.utc_offset(utc(day, hms(6, 30, 0))) == hours{-5});

  CHECK(zone.from_local(at(day, hms(0, 59, 59))) == utc(day, hms(4, 59, 59)));
  CHECK(zone.from_local(at(day, hms(1, 0, 0))) == utc(day, hms(5, 0, 0)));
  CHECK(zone.from_local(at(day, hms(1, 30, 0))) == utc(day, hms(5, 30, 0)));
  CHECK(zone.from_local(at(day, hms(1, 59, 59))) == utc(day, hms(5, 59, 59)));
  CHECK(zone.from_local(at(day, hms(2, 0, 0))) == utc(day, hms(7, 0, 0)));
}

TEST_CASE("Berlin's gap and overlap resolve the same way as New York's", "[time][zone]") {
  const auto zone = TimeZone::load("Europe/Berlin");
  const auto spring = ymd(2025, 3, 30);
  CHECK(zone.from_local(at(spring, hms(1, 59, 59))) == utc(spring, hms(0, 59, 59)));
  CHECK(zone.from_local(at(spring, hms(2, 30, 0))) == utc(spring, hms(1, 30, 0)));
  CHECK(zone.from_local(at(spring, hms(3, 0, 0))) == utc(spring, hms(1, 0, 0)));

  // glibc's mktime with tm_isdst = -1 returns the SECOND 02:30 here but the first 01:30 in
  // New York; TimeZone returns the first occurrence in both.
  const auto autumn = ymd(2025, 10, 26);
  CHECK(zone.from_local(at(autumn, hms(2, 30, 0))) == utc(autumn, hms(0, 30, 0)));
  CHECK(zone.to_local(utc(autumn, hms(1, 30, 0))) == at(autumn, hms(2, 30, 0)));
  CHECK(zone.from_local(at(autumn, hms(3, 0, 0))) == utc(autumn, hms(2, 0, 0)));
  CHECK(zone.utc_offset(utc(autumn, hms(0, 30, 0))) == hours{2});
  CHECK(zone.utc_offset(utc(autumn, hms(1, 30, 0))) == hours{1});
}

TEST_CASE("A day has 23 or 25 hours where DST starts or ends, 24 in Vietnam", "[time][zone]") {
  const auto new_york = TimeZone::load("America/New_York");
  const auto vietnam = TimeZone::load("Asia/Ho_Chi_Minh");
  const auto length = [](const TimeZone& zone, std::chrono::year_month_day day) {
    const auto next =
        std::chrono::year_month_day{std::chrono::sys_days{day} + std::chrono::days{1}};
    return zone.start_of_day(next) - zone.start_of_day(day);
  };
  CHECK(length(new_york, ymd(2025, 3, 9)) == hours{23});
  CHECK(length(new_york, ymd(2025, 11, 2)) == hours{25});
  CHECK(length(new_york, ymd(2025, 7, 4)) == hours{24});
  CHECK(length(vietnam, ymd(2025, 3, 9)) == hours{24});
  CHECK(length(vietnam, ymd(2025, 11, 2)) == hours{24});
}

TEST_CASE("A day whose midnight falls in a gap starts when the clocks jump", "[time][zone]") {
  // Cuba moves its clocks from 00:00 to 01:00.
  const auto zone = TimeZone::load("America/Havana");
  const auto day = ymd(2025, 3, 9);
  CHECK(zone.start_of_day(day) == utc(day, hms(5, 0, 0)));
  CHECK(zone.to_local(zone.start_of_day(day)) == at(day, hms(1, 0, 0)));
}

TEST_CASE("Round trips hold every hour of a year except the repeated hour", "[time][zone]") {
  const auto name = GENERATE(as<std::string>{}, "Asia/Ho_Chi_Minh", "America/New_York",
                             "Europe/Berlin", "Australia/Lord_Howe", "UTC");
  CAPTURE(name);
  const auto zone = TimeZone::load(name);
  int repeated = 0;
  for (auto instant = utc(ymd(2025, 1, 1), hms(0, 0, 0));
       instant < utc(ymd(2026, 1, 1), hms(0, 0, 0)); instant += std::chrono::minutes{30}) {
    const auto back = zone.from_local(zone.to_local(instant));
    if (back != instant) {
      // Only the second pass through an overlap may map back, to the first pass.
      REQUIRE(back < instant);
      REQUIRE(zone.to_local(back) == zone.to_local(instant));
      ++repeated;
    }
  }
  // Lord Howe sets its clocks back by 30 minutes once a year; the others by an hour or never.
  const int expected = name == "America/New_York" || name == "Europe/Berlin" ? 2
                       : name == "Australia/Lord_Howe"                       ? 1
                                                                             : 0;
  CHECK(repeated == expected);
}

TEST_CASE("Alternating between zones converts each in its own zone", "[time][zone]") {
  const auto vietnam = TimeZone::load("Asia/Ho_Chi_Minh");
  const auto berlin = TimeZone::load("Europe/Berlin");
  const auto instant = utc(ymd(2025, 7, 1), hms(12, 0, 0));
  for (int i = 0; i < 3; ++i) {
    CHECK(vietnam.to_local(instant).time_of_day == hms(19, 0, 0));
    CHECK(berlin.to_local(instant).time_of_day == hms(14, 0, 0));
  }
  CHECK(vietnam == TimeZone::load("Asia/Ho_Chi_Minh"));
  CHECK_FALSE(vietnam == berlin);
}

TEST_CASE("Loading an unknown or malformed zone throws naming it", "[time][zone]") {
  const auto name = GENERATE(as<std::string>{}, "Asia/Hanoi", "Asia/Ho Chi Minh", "",
                             "/etc/localtime", "../../etc/passwd", "Asia/../Asia/Ho_Chi_Minh",
                             "Asia//Ho_Chi_Minh", "Asia", "zone.tab", "Asia/Ho_Chi_Minh/");
  CAPTURE(name);
  CHECK_THROWS_MATCHES(TimeZone::load(name), TimeError,
                       Catch::Matchers::Predicate<std::exception>([&](const std::exception& error) {
                         return std::string{error.what()}.find("'" + name + "'") !=
                                std::string::npos;
                       }));
}

TEST_CASE("from_local rejects an invalid day or time of day", "[time][zone]") {
  const auto zone = TimeZone::load("Asia/Ho_Chi_Minh");
  CHECK_THROWS_AS(zone.from_local(at(ymd(2026, 2, 29), hms(8, 0, 0))), std::invalid_argument);
  CHECK_THROWS_AS(zone.from_local(at(ymd(2026, 3, 1), hms(24, 0, 0))), std::invalid_argument);
  CHECK_THROWS_AS(zone.from_local(at(ymd(2026, 3, 1), seconds{-1})), std::invalid_argument);
}

}  // namespace
}  // namespace tinxa::content
