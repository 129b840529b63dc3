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

const content::TimeZone& vietnam() {
  static const content::TimeZone zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  return zone;
}

using test::schedule_of;

// Every occurrence on the local days [first, first + count).
std::vector<Occurrence> over_days(const Schedule& schedule, year_month_day first, int count) {
  return test::expand_days(schedule, vietnam(), first, count);
}

std::vector<year_month_day> dates_of(const std::vector<Occurrence>& occurrences) {
  std::vector<year_month_day> out;
  for (const auto& o : occurrences) out.push_back(o.local.date);
  return out;
}

std::vector<std::string> keys_of(const std::vector<Occurrence>& occurrences) {
  std::vector<std::string> out;
  for (const auto& o : occurrences) out.push_back(o.key);
  return out;
}

}  // namespace

TEST_CASE("A slot at a time of day plays on the weekdays it names", "[schedule][expand]") {
  const auto schedule = schedule_of(R"(slots:
  sang: {playlist: ban-tin-sang, at: "06:30", days: [Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu]}
)");
  // Monday 16 November 2026 for two weeks.
  const auto occurrences = over_days(schedule, year{2026} / 11 / 16, 14);
  REQUIRE(occurrences.size() == 10);
  const auto& first = occurrences.front();
  CHECK(first.slot_id == "sang");
  CHECK(first.start == sys_days{year{2026} / 11 / 15} + hours{23} + minutes{30});  // UTC+7
  CHECK(first.local == content::LocalDateTime{year{2026} / 11 / 16, hours{6} + minutes{30}});
  CHECK(first.scheduled == first.local);
  CHECK(first.key == "sang@2026-11-16T06:30");
  CHECK(first.zones == std::vector<std::string>{"trung-tam", "ap-2"});
  CHECK(first.play.id == "ban-tin-sang");
  for (const auto& o : occurrences) {
    const std::chrono::weekday weekday{sys_days{o.local.date}};
    CHECK(weekday != std::chrono::Saturday);
    CHECK(weekday != std::chrono::Sunday);
  }
}

TEST_CASE("A slot every N minutes starts from the first time to the last, inclusive",
          "[schedule][expand]") {
  const auto schedule = schedule_of(R"(slots:
  ra-soat: {announcement: a, every: 45min, between: {from: "08:00", until: "11:00"}}
)");
  const auto occurrences = over_days(schedule, year{2026} / 11 / 16, 1);
  std::vector<std::chrono::seconds> times;
  for (const auto& o : occurrences) times.push_back(o.local.time_of_day);
  CHECK(times == std::vector<std::chrono::seconds>{hours{8}, hours{8} + minutes{45},
                                                   hours{9} + minutes{30}, hours{10} + minutes{15},
                                                   hours{11}});
}

TEST_CASE("One-off dates and a date range limit the days", "[schedule][expand]") {
  const auto schedule = schedule_of(R"(slots:
  mot-lan: {announcement: a, at: "10:00", dates: [2026-12-24, 2026-11-20, 2027-01-05]}
  dot: {announcement: b, at: "11:00", from: 2026-11-29, until: 2026-12-02}
)");
  const auto occurrences = over_days(schedule, year{2026} / 11 / 1, 61);
  std::vector<std::string> expected{"mot-lan@2026-11-20T10:00", "dot@2026-11-29T11:00",
                                    "dot@2026-11-30T11:00",     "dot@2026-12-01T11:00",
                                    "dot@2026-12-02T11:00",     "mot-lan@2026-12-24T10:00"};
  CHECK(keys_of(occurrences) == expected);
}

TEST_CASE("A yearly campaign plays every day from its first to its last day, every year",
          "[schedule][expand]") {
  const auto schedule = schedule_of(R"(slots:
  cao-diem: {playlist: thang-cao-diem, at: "07:00", yearly: {from: 10-17, until: 11-18}}
)");
  const auto occurrences = over_days(schedule, year{2026} / 1 / 1, 365 * 2);
  REQUIRE(occurrences.size() == 2 * 33);
  CHECK(occurrences.front().local.date == year{2026} / 10 / 17);
  CHECK(occurrences[32].local.date == year{2026} / 11 / 18);
  CHECK(occurrences[33].local.date == year{2027} / 10 / 17);
  CHECK(occurrences.back().local.date == year{2027} / 11 / 18);
}

TEST_CASE("A yearly campaign may cross New Year", "[schedule][expand]") {
  const auto schedule = schedule_of(R"(slots:
  tet: {playlist: dip-tet, at: "19:00", yearly: {from: 12-20, until: 01-10}}
)");
  const auto occurrences = over_days(schedule, year{2026} / 12 / 1, 62);
  REQUIRE(occurrences.size() == 12 + 10);
  CHECK(occurrences.front().local.date == year{2026} / 12 / 20);
  CHECK(occurrences[11].local.date == year{2026} / 12 / 31);
  CHECK(occurrences[12].local.date == year{2027} / 1 / 1);
  CHECK(occurrences.back().local.date == year{2027} / 1 / 10);
}

TEST_CASE("An RRULE every 8 weeks plays on the Mondays 56 days apart over a year",
          "[schedule][expand][rrule]") {
  const auto schedule = schedule_of(R"(slots:
  tam-tuan:
    announcement: the-bao-hiem-y-te
    at: "09:00"
    rrule: FREQ=WEEKLY;INTERVAL=8;BYDAY=MO
    from: 2026-01-05
)");
  const auto occurrences = over_days(schedule, year{2026} / 1 / 1, 365);
  const std::vector<year_month_day> expected{
      year{2026} / 1 / 5,  year{2026} / 3 / 2,   year{2026} / 4 / 27, year{2026} / 6 / 22,
      year{2026} / 8 / 17, year{2026} / 10 / 12, year{2026} / 12 / 7};
  CHECK(dates_of(occurrences) == expected);
  for (const auto& o : occurrences) CHECK(o.local.time_of_day == hours{9});

  // A range that starts long after DTSTART still counts the weeks from DTSTART.
  const auto later = over_days(schedule, year{2027} / 6 / 1, 120);
  CHECK(dates_of(later) == std::vector<year_month_day>{year{2027} / 7 / 19, year{2027} / 9 / 13});
}

TEST_CASE("An RRULE with COUNT is counted from its first day", "[schedule][expand][rrule]") {
  const auto schedule = schedule_of(R"(slots:
  ba-lan:
    announcement: a
    at: "08:00"
    rrule: FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3
    from: 2026-01-15
)");
  CHECK(dates_of(over_days(schedule, year{2026} / 2 / 1, 365)) ==
        std::vector<year_month_day>{year{2026} / 2 / 15, year{2026} / 3 / 15});
}

TEST_CASE("Quiet hours silence normal items but not priority or emergency ones",
          "[schedule][expand][quiet]") {
  const auto schedule = schedule_of(R"(quiet_hours: {from: "21:00", until: "06:00"}
slots:
  thuong: {announcement: a, every: 1h, between: {from: "04:00", until: "23:00"}}
  uu-tien: {announcement: b, at: ["05:00", "22:00"], priority: priority}
  khan-cap: {announcement: c, at: "02:00", priority: emergency, repeat: 3}
)");
  const auto occurrences = over_days(schedule, year{2026} / 11 / 16, 1);
  std::size_t normal = 0;
  for (const auto& o : occurrences) {
    if (o.priority != Priority::normal) continue;
    ++normal;
    CHECK(o.local.time_of_day >= hours{6});
    CHECK(o.local.time_of_day < hours{21});
  }
  CHECK(normal == 15);  // 06:00 .. 20:00
  CHECK(keys_of(occurrences).front() == "khan-cap@2026-11-16T02:00");
  CHECK(occurrences.front().repeat == 3);
  CHECK(occurrences.size() == 15 + 2 + 1);
}

TEST_CASE("Exception days silence routine slots; emergencies and on_holidays: play still play",
          "[schedule][expand][exceptions]") {
  const auto schedule = schedule_of(R"(exceptions:
  - name: Quốc khánh
    yearly: {from: 09-01, until: 09-02}
  - dates: [2026-09-04]
slots:
  thuong: {announcement: a, at: "07:00"}
  uu-tien: {announcement: b, at: "08:00", priority: priority}
  khan-cap: {announcement: c, at: "09:00", priority: emergency}
  le: {announcement: d, at: "10:00", on_holidays: play}
)");
  const auto occurrences = over_days(schedule, year{2026} / 8 / 31, 5);
  std::multiset<std::string> per_slot;
  for (const auto& o : occurrences) per_slot.insert(o.slot_id);
  CHECK(per_slot.count("thuong") == 2);  // 31/8 and 3/9
  CHECK(per_slot.count("uu-tien") == 2);
  CHECK(per_slot.count("khan-cap") == 5);
  CHECK(per_slot.count("le") == 5);
}

TEST_CASE("Expansion is sorted, deterministic, and the same in pieces as in one go",
          "[schedule][expand]") {
  const auto schedule = schedule_of(R"(slots:
  a: {announcement: a, at: ["06:30", "06:30", "17:00"]}
  b: {announcement: b, at: "06:30", priority: emergency}
  c: {announcement: c, every: 15min, between: {from: "06:00", until: "07:00"}}
  d: {announcement: d, at: "06:30", rrule: FREQ=DAILY;INTERVAL=2, from: 2026-11-01}
)");
  const auto first = vietnam().start_of_day(year{2026} / 11 / 1);
  const auto middle = first + days{3} + hours{6} + minutes{30};
  const auto end = first + days{10};
  const auto whole = expand(schedule, vietnam(), first, end);
  CHECK(keys_of(whole) == keys_of(expand(schedule, vietnam(), first, end)));
  auto pieces = expand(schedule, vietnam(), first, middle);
  const auto rest = expand(schedule, vietnam(), middle, end);
  pieces.insert(pieces.end(), rest.begin(), rest.end());
  CHECK(keys_of(pieces) == keys_of(whole));

  std::set<std::string> keys;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CHECK(keys.insert(whole[i].key).second);
    if (i > 0) CHECK(whole[i - 1].start <= whole[i].start);
  }
  // At 06:30 on 1 November: the emergency first, then the slots in file order, "a" once.
  const std::vector<std::string> at_0630{whole[2].slot_id, whole[3].slot_id, whole[4].slot_id,
                                         whole[5].slot_id};
  CHECK(at_0630 == std::vector<std::string>{"b", "a", "c", "d"});
  CHECK(expand(schedule, vietnam(), end, first).empty());
}

}  // namespace tinxa::broadcast

namespace tinxa::broadcast {

TEST_CASE("A slot's max_delay goes with each of its occurrences", "[schedule][expand]") {
  const auto schedule = test::schedule_of(R"(slots:
  trua: {playlist: p, at: "11:50", max_delay: 10min}
  toi: {playlist: p, at: "18:00"}
)");
  const auto occurrences = test::expand_days(schedule, content::TimeZone::load("Asia/Ho_Chi_Minh"),
                                             std::chrono::year{2026} / 11 / 16, 1);
  REQUIRE(occurrences.size() == 2);
  CHECK(occurrences[0].max_delay == std::chrono::minutes{10});
  CHECK_FALSE(occurrences[1].max_delay);
}

}  // namespace tinxa::broadcast
