#include "config/reader/Scalars.hpp"

#include <catch2/catch.hpp>

#include <string_view>

namespace tinxa::config {

namespace {

std::chrono::year_month_day ymd_(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

}  // namespace

TEST_CASE("Dates must be real calendar days written YYYY-MM-DD", "[config][scalars]") {
  using namespace std::chrono;
  CHECK(parse_iso_date("2028-02-29") == year{2028} / February / 29);
  CHECK_FALSE(parse_iso_date("2026-02-29"));
  CHECK_FALSE(parse_iso_date("2026-13-01"));
  CHECK_FALSE(parse_iso_date("2026-1-01"));
  CHECK_FALSE(parse_iso_date("2026-01-01 "));
  CHECK_FALSE(parse_iso_date(""));
}

TEST_CASE("parse_iso_date reads YYYY-MM-DD days that exist", "[config][scalars]") {
  CHECK(parse_iso_date("2026-11-28") == ymd_(2026, 11, 28));
  CHECK(parse_iso_date("2026-01-01") == ymd_(2026, 1, 1));
  CHECK(parse_iso_date("2026-12-31") == ymd_(2026, 12, 31));
  CHECK(parse_iso_date("2028-02-29") == ymd_(2028, 2, 29));
  CHECK(parse_iso_date("2000-02-29") == ymd_(2000, 2, 29));
  CHECK(parse_iso_date("0999-04-30") == ymd_(999, 4, 30));
}

TEST_CASE("parse_iso_date rejects days that do not exist and every other layout",
          "[config][scalars]") {
  const auto text = GENERATE(
      as<std::string_view>{}, "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
      "2026-01-00", "2026-4-1", "26-04-01", "20260401", "2026/04/01", "01/04/2026", " 2026-04-01",
      "2026-04-01 ", "2026-04-01T08:00", "+026-04-01", "2026-0a-01", "2026-04-0\xD9", "", "-");
  CAPTURE(text);
  CHECK_FALSE(parse_iso_date(text).has_value());
}

TEST_CASE("Times of day are 24-hour HH:MM or HH:MM:SS", "[config][scalars]") {
  CHECK(parse_time_of_day("00:00") == TimeOfDay{0, 0, 0});
  CHECK(parse_time_of_day("23:59:59") == TimeOfDay{23, 59, 59});
  CHECK_FALSE(parse_time_of_day("24:00"));
  CHECK_FALSE(parse_time_of_day("6:30"));
  CHECK_FALSE(parse_time_of_day("06:60"));
  CHECK(parse_time_of_day("17:05")->since_midnight() == std::chrono::seconds{17 * 3600 + 300});
}

TEST_CASE("Durations need a unit and may combine units", "[config][scalars]") {
  using namespace std::chrono;
  CHECK(parse_duration("500ms") == milliseconds{500});
  CHECK(parse_duration("30s") == seconds{30});
  CHECK(parse_duration("5min") == minutes{5});
  CHECK(parse_duration("2h") == hours{2});
  CHECK(parse_duration("1h30min") == minutes{90});
  CHECK_FALSE(parse_duration("30"));
  CHECK_FALSE(parse_duration("5m"));
  CHECK_FALSE(parse_duration("-5s"));
  CHECK_FALSE(parse_duration(""));
}

TEST_CASE("Ids are lowercase ASCII words joined by hyphens", "[config][scalars]") {
  CHECK(is_valid_id("chuan-ngheo-2022"));
  CHECK(is_valid_id("a"));
  CHECK_FALSE(is_valid_id("Chuan"));
  CHECK_FALSE(is_valid_id("chuẩn"));
  CHECK_FALSE(is_valid_id("-a"));
  CHECK_FALSE(is_valid_id("a-"));
  CHECK_FALSE(is_valid_id("a b"));
  CHECK_FALSE(is_valid_id(""));
  CHECK_FALSE(is_valid_id(std::string(65, 'a')));
}

}  // namespace tinxa::config
