#include "content/time/Date.hpp"

#include <stdexcept>
#include <string_view>

#include <catch2/catch.hpp>

#include "tests/content/time/TimeTestSupport.hpp"

namespace tinxa::content {
namespace {

using test::ymd;

TEST_CASE("format_iso writes YYYY-MM-DD with leading zeros", "[time][date]") {
  CHECK(format_iso(ymd(2026, 1, 5)) == "2026-01-05");
  CHECK(format_iso(ymd(999, 12, 31)) == "0999-12-31");
  CHECK(format_iso(ymd(2028, 2, 29)) == "2028-02-29");
}

TEST_CASE("format_vi writes dd/mm/yyyy", "[time][date]") {
  CHECK(format_vi(ymd(2026, 11, 28)) == "28/11/2026");
  CHECK(format_vi(ymd(2026, 1, 5)) == "05/01/2026");
}

TEST_CASE("weekday_vi names every day of the week in Vietnamese", "[time][date]") {
  CHECK(weekday_vi(ymd(2026, 11, 22)) == "Chủ nhật");
  CHECK(weekday_vi(ymd(2026, 11, 23)) == "Thứ Hai");
  CHECK(weekday_vi(ymd(2026, 11, 24)) == "Thứ Ba");
  CHECK(weekday_vi(ymd(2026, 11, 25)) == "Thứ Tư");
  CHECK(weekday_vi(ymd(2026, 11, 26)) == "Thứ Năm");
  CHECK(weekday_vi(ymd(2026, 11, 27)) == "Thứ Sáu");
  CHECK(weekday_vi(ymd(2026, 11, 28)) == "Thứ Bảy");
  CHECK(weekday_vi(ymd(2028, 2, 29)) == "Thứ Ba");
}

TEST_CASE("Formatting an invalid day throws", "[time][date]") {
  CHECK_THROWS_AS(format_iso(ymd(2026, 2, 29)), std::invalid_argument);
  CHECK_THROWS_AS(format_vi(ymd(2026, 13, 1)), std::invalid_argument);
  CHECK_THROWS_AS(weekday_vi(ymd(2026, 4, 31)), std::invalid_argument);
}

TEST_CASE("days_between counts calendar days with a sign", "[time][date]") {
  CHECK(days_between(ymd(2026, 12, 31), ymd(2027, 1, 1)) == 1);
  CHECK(days_between(ymd(2027, 1, 1), ymd(2026, 12, 31)) == -1);
  CHECK(days_between(ymd(2026, 11, 28), ymd(2026, 11, 28)) == 0);
  CHECK(days_between(ymd(2026, 2, 28), ymd(2026, 3, 1)) == 1);
  CHECK(days_between(ymd(2028, 2, 28), ymd(2028, 3, 1)) == 2);
  CHECK(days_between(ymd(2026, 1, 1), ymd(2027, 1, 1)) == 365);
  CHECK(days_between(ymd(2028, 1, 1), ymd(2029, 1, 1)) == 366);
}

}  // namespace
}  // namespace tinxa::content
