#include "config/reader/Scalars.hpp"

#include <catch2/catch.hpp>

namespace tinxa::config {

TEST_CASE("Dates must be real calendar days written YYYY-MM-DD", "[config][scalars]") {
  using namespace std::chrono;
  CHECK(parse_iso_date("2028-02-29") == year{2028} / February / 29);
  CHECK_FALSE(parse_iso_date("2026-02-29"));
  CHECK_FALSE(parse_iso_date("2026-13-01"));
  CHECK_FALSE(parse_iso_date("2026-1-01"));
  CHECK_FALSE(parse_iso_date("2026-01-01 "));
  CHECK_FALSE(parse_iso_date(""));
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
