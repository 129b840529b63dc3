// Zones with daylight saving time: Vietnam has none, but nothing may assume so. New York, 2026:
// clocks go from 02:00 to 03:00 on 8 March and from 02:00 back to 01:00 on 1 November.
#include "broadcast/schedule/Expand.hpp"

#include "ScheduleText.hpp"

#include <catch2/catch.hpp>

#include <set>

namespace tinxa::broadcast {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

const content::TimeZone& new_york() {
  static const content::TimeZone zone = content::TimeZone::load("America/New_York");
  return zone;
}

using test::schedule_of;

std::vector<Occurrence> on_day(const Schedule& schedule, year_month_day day) {
  return test::expand_days(schedule, new_york(), day, 1);
}

void check_unique(const std::vector<Occurrence>& occurrences) {
  std::set<std::string> keys;
  std::set<std::pair<std::string, content::TimePoint>> starts;
  for (const auto& o : occurrences) {
    CHECK(keys.insert(o.key).second);
    CHECK(starts.insert({o.slot_id, o.start}).second);
  }
}

}  // namespace

TEST_CASE("A time the clocks skip plays once, when the clocks have moved past the gap",
          "[schedule][expand][dst]") {
  const auto schedule = schedule_of("slots:\n  s: {announcement: a, at: \"02:30\"}\n");
  const auto occurrences = on_day(schedule, year{2026} / 3 / 8);
  REQUIRE(occurrences.size() == 1);
  const auto& o = occurrences[0];
  // 03:30 EDT (UTC-4) is 07:30 UTC.
  CHECK(o.start == sys_days{year{2026} / 3 / 8} + hours{7} + minutes{30});
  CHECK(o.scheduled == content::LocalDateTime{year{2026} / 3 / 8, hours{2} + minutes{30}});
  CHECK(o.local == content::LocalDateTime{year{2026} / 3 / 8, hours{3} + minutes{30}});
  CHECK(o.key == "s@2026-03-08T02:30");
  // The day before and after, 02:30 is an ordinary time.
  const auto before = on_day(schedule, year{2026} / 3 / 7);
  REQUIRE(before.size() == 1);
  CHECK(before[0].start == sys_days{year{2026} / 3 / 7} + hours{7} + minutes{30});  // EST
  CHECK(before[0].local == before[0].scheduled);
}

TEST_CASE("A time the clocks show twice plays once, the first time", "[schedule][expand][dst]") {
  const auto schedule = schedule_of("slots:\n  s: {announcement: a, at: \"01:30\"}\n");
  const auto occurrences = on_day(schedule, year{2026} / 11 / 1);
  REQUIRE(occurrences.size() == 1);
  // 01:30 EDT (UTC-4), not 01:30 EST an hour later.
  CHECK(occurrences[0].start == sys_days{year{2026} / 11 / 1} + hours{5} + minutes{30});
  CHECK(occurrences[0].key == "s@2026-11-01T01:30");
}

TEST_CASE("Repeating slots across clock changes neither double nor lose an hour's starts",
          "[schedule][expand][dst]") {
  const auto schedule = schedule_of(
      "slots:\n  s: {announcement: a, every: 30min, between: {from: \"00:00\", until: "
      "\"04:00\"}}\n");
  SECTION("spring forward: 02:00 and 02:30 fall on 03:00 and 03:30, which play once") {
    const auto occurrences = on_day(schedule, year{2026} / 3 / 8);
    check_unique(occurrences);
    std::vector<std::chrono::seconds> wall;
    for (const auto& o : occurrences) wall.push_back(o.local.time_of_day);
    CHECK(wall == std::vector<std::chrono::seconds>{hours{0}, minutes{30}, hours{1},
                                                    hours{1} + minutes{30}, hours{3},
                                                    hours{3} + minutes{30}, hours{4}});
    for (const auto& o : occurrences) CHECK(o.scheduled == o.local);
  }
  SECTION("fall back: every reading plays once, 01:00 and 01:30 the first time") {
    const auto occurrences = on_day(schedule, year{2026} / 11 / 1);
    check_unique(occurrences);
    REQUIRE(occurrences.size() == 9);
    CHECK(occurrences[2].start == sys_days{year{2026} / 11 / 1} + hours{5});  // 01:00 EDT
    // 02:00 EST follows 01:30 EDT by 1h30.
    CHECK(occurrences[4].start - occurrences[3].start == minutes{90});
  }
  SECTION("a year of daily slots has one start per day, DST or not") {
    const auto daily = schedule_of(
        "slots:\n  a: {announcement: a, at: [\"01:30\", \"02:30\"]}\n  b: {announcement: b, "
        "every: 1h, between: {from: \"00:00\", until: \"23:00\"}}\n");
    const auto first = new_york().start_of_day(year{2026} / 1 / 1);
    const auto end = new_york().start_of_day(year{2027} / 1 / 1);
    const auto occurrences = expand(daily, new_york(), first, end);
    check_unique(occurrences);
    std::size_t a = 0;
    std::size_t b = 0;
    for (const auto& o : occurrences) (o.slot_id == "a" ? a : b) += 1;
    CHECK(a == 365 * 2);
    CHECK(b == 365 * 24 - 1);  // 02:00 on 8 March is 03:00, which plays anyway
  }
}

}  // namespace tinxa::broadcast
