#include "broadcast/schedule/ScheduleReader.hpp"

#include "ScheduleText.hpp"
#include "content/loader/BundleLoader.hpp"

#include <catch2/catch.hpp>

namespace tinxa::broadcast {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

constexpr std::uint8_t bit(unsigned weekday) { return static_cast<std::uint8_t>(1u << weekday); }

}  // namespace

TEST_CASE("A schedule with every kind of slot is read in full", "[schedule][reader]") {
  const auto read = test::read_text(R"(zones:
  trung-tam:
    name: Trung tâm xã
    device: "USB Audio Device"
    channels: [1, 2]
    gain_db: -2.5
    off_air: off-air/trung-tam.wav
  ap-2: {name: Ấp 2, device: USB Audio Device, channels: 3}
quiet_hours: {from: "21:00", until: "06:00"}
exceptions:
  - name: Quốc khánh
    yearly: {from: 09-01, until: 09-02}
  - dates: [2026-12-25]
slots:
  sang:
    playlist: ban-tin-sang
    at: "06:30"
    days: [Thứ Hai, Thứ Ba, thứ tư, T5, fri]
  chien-dich:
    playlist: thang-cao-diem
    at: ["07:00", "18:00"]
    yearly: {from: 10-17, until: 11-18}
    zones: [ap-2]
    priority: priority
    on_preempt: restart
    max_delay: 10min
  ra-soat:
    announcement: ra-soat-bat-dau
    every: 30min
    between: {from: "08:00", until: "11:00"}
    from: 2026-09-01
    until: 2026-12-14
  tam-tuan:
    announcement: the-bao-hiem-y-te
    at: "09:00"
    rrule: FREQ=WEEKLY;INTERVAL=8;BYDAY=MO
    from: 2026-01-05
  bao-bao:
    announcement: hoi-o-dau
    at: "10:00"
    dates: [2026-12-01, 2026-11-30]
    priority: emergency
    repeat: 3
  vov:
    relay: {input: Line In, for: 1h30min, silence_fallback: 45s}
    at: "06:00"
    days: Chủ nhật
    on_preempt: drop
    on_holidays: play
)");
  INFO(read.text());
  REQUIRE(read.diagnostics.items().empty());
  const Schedule& s = read.schedule;

  REQUIRE(s.zones.size() == 2);
  CHECK(s.zones[0].name == "Trung tâm xã");
  CHECK(s.zones[0].device == "USB Audio Device");
  CHECK(s.zones[0].channels == std::vector<int>{1, 2});
  CHECK(s.zones[0].gain_db == Approx(-2.5));
  CHECK(s.zones[0].off_air == std::filesystem::path{"/srv/tinxa/off-air/trung-tam.wav"});
  CHECK(s.zones[1].channels == std::vector<int>{3});
  CHECK_FALSE(s.zones[1].off_air);

  REQUIRE(s.quiet_hours);
  CHECK(s.quiet_hours->from == config::TimeOfDay{21, 0, 0});
  CHECK(s.quiet_hours->until == config::TimeOfDay{6, 0, 0});
  REQUIRE(s.exceptions.size() == 2);
  CHECK(s.exceptions[0].name == "Quốc khánh");
  CHECK(s.is_exception(year{2027} / 9 / 2));
  CHECK(s.is_exception(year{2026} / 12 / 25));
  CHECK_FALSE(s.is_exception(year{2027} / 12 / 25));

  REQUIRE(s.slots.size() == 6);
  const Slot& sang = s.slots[0];
  CHECK(sang.play == PlayItem{PlayKind::playlist, "ban-tin-sang", "", {}});
  CHECK(sang.timing.kind == TimingKind::at);
  CHECK(sang.days.weekdays == (bit(1) | bit(2) | bit(3) | bit(4) | bit(5)));
  CHECK(sang.zones == std::vector<std::string>{"trung-tam", "ap-2"});
  CHECK(sang.priority == Priority::normal);
  CHECK(sang.on_preempt == OnPreempt::resume);
  CHECK(sang.on_holidays == OnHolidays::skip);
  CHECK_FALSE(sang.max_delay);
  CHECK(sang.play_position.line == 16);
  CHECK(sang.play_position.column == 15);

  const Slot& chien_dich = s.slots[1];
  CHECK(chien_dich.timing.times.size() == 2);
  REQUIRE(chien_dich.days.yearly);
  CHECK(chien_dich.days.yearly->from == month{10} / day{17});
  CHECK(chien_dich.days.yearly->until == month{11} / day{18});
  CHECK(chien_dich.zones == std::vector<std::string>{"ap-2"});
  CHECK(chien_dich.on_preempt == OnPreempt::restart);
  CHECK(chien_dich.max_delay == std::chrono::minutes{10});

  const Slot& ra_soat = s.slots[2];
  CHECK(ra_soat.timing.kind == TimingKind::every);
  CHECK(ra_soat.timing.interval == std::chrono::minutes{30});
  CHECK(ra_soat.timing.first == config::TimeOfDay{8, 0, 0});
  CHECK(ra_soat.timing.last == config::TimeOfDay{11, 0, 0});
  CHECK(ra_soat.days.from == year{2026} / 9 / 1);
  CHECK(ra_soat.days.until == year{2026} / 12 / 14);

  CHECK(s.slots[3].timing.kind == TimingKind::rrule);
  CHECK(s.slots[3].timing.rrule == "FREQ=WEEKLY;INTERVAL=8;BYDAY=MO");

  const Slot& bao = s.slots[4];
  CHECK(bao.days.dates ==
        std::vector<std::chrono::year_month_day>{year{2026} / 11 / 30, year{2026} / 12 / 1});
  CHECK(bao.priority == Priority::emergency);
  CHECK(bao.repeat == 3);
  CHECK(bao.on_holidays == OnHolidays::play);

  const Slot& vov = s.slots[5];
  CHECK(vov.play.kind == PlayKind::relay);
  CHECK(vov.play.input == "Line In");
  CHECK(vov.play.length == std::chrono::minutes{90});
  CHECK(vov.play.silence_fallback == std::chrono::seconds{45});
  CHECK(vov.days.weekdays == bit(0));
  CHECK(vov.on_preempt == OnPreempt::drop);
  CHECK(vov.on_holidays == OnHolidays::play);
}

TEST_CASE("Weekdays are read in Vietnamese, without accents and in English", "[schedule][reader]") {
  const std::vector<std::pair<std::string, unsigned>> names{
      {"Thứ Hai", 1},  {"thứ ba", 2},   {"Thứ 4", 3},    {"T5", 4},  {"Thứ Sáu", 5},
      {"Thứ Bảy", 6},  {"Chủ nhật", 0}, {"Chủ Nhật", 0}, {"CN", 0},  {"thu hai", 1},
      {"chu nhat", 0}, {"mon", 1},      {"Tue", 2},      {"sun", 0}, {"Saturday", 6}};
  for (const auto& [name, weekday] : names) {
    const auto read = test::read_text(
        test::kZones + "slots:\n  s: {playlist: p, at: \"06:00\", days: [" + name + "]}\n");
    INFO(name << "\n" << read.text());
    REQUIRE(read.schedule.slots.size() == 1);
    CHECK(read.schedule.slots[0].days.weekdays == bit(weekday));
  }
}

TEST_CASE("A schedule's playlist and announcement ids are checked against the bundle",
          "[schedule][reader]") {
  const auto read = test::read_text(test::kZones + R"(slots:
  sang: {playlist: ban-tin-sng, at: "06:30"}
  chieu: {announcement: hoc-nghe, at: "17:00"}
  toi: {announcement: hoc-nge, at: "18:00"}
)");
  REQUIRE(read.diagnostics.items().empty());
  content::Bundle bundle;
  bundle.playlists.push_back(
      content::Playlist{"ban-tin-sang", content::LocalizedText{"Sáng"}, {}, {}, {}});
  content::Announcement a;
  a.id = "hoc-nghe";
  bundle.announcements.push_back(a);
  config::Diagnostics diagnostics;
  check_references(read.schedule, bundle, diagnostics);
  REQUIRE(diagnostics.error_count() == 2);
  const auto& first = diagnostics.items()[0];
  CHECK(first.position.file == "schedule.yaml");
  CHECK(first.position.line == 5);
  CHECK(first.position.column == 20);
  CHECK(first.key_path == "slots.sang.playlist");
  CHECK(first.message.en == "the content bundle has no playlist \"ban-tin-sng\"");
  CHECK(first.suggestion == "ban-tin-sang");
  const auto& second = diagnostics.items()[1];
  CHECK(second.position.line == 7);
  CHECK(second.message.en == "the content bundle has no announcement \"hoc-nge\"");
  CHECK(second.suggestion == "hoc-nghe");
}

TEST_CASE("The default and demo schedules read cleanly against the sample bundle",
          "[schedule][reader]") {
  const auto bundle = content::load_bundle("../content/sample");
  REQUIRE(bundle.ok());
  for (const char* file : {"../config/defaults/schedule.yaml", "../deploy/demo/schedule.yaml"}) {
    config::Diagnostics diagnostics;
    const auto schedule = load_schedule(file, file, diagnostics);
    REQUIRE(schedule);
    check_references(*schedule, bundle.bundle, diagnostics);
    std::string text;
    for (const auto& d : diagnostics.items()) text += config::format_diagnostic(d);
    INFO(file << "\n" << text);
    CHECK(diagnostics.items().empty());
    CHECK(schedule->zones.size() == 2);
  }
}

}  // namespace tinxa::broadcast

namespace tinxa::broadcast {

TEST_CASE("A broken schedule edit is refused whole, with the checker's messages",
          "[schedule][reader]") {
  const auto bundle = content::load_bundle("../content/sample");
  REQUIRE(bundle.ok());
  config::Diagnostics good;
  CHECK(
      load_checked_schedule("../deploy/demo/schedule.yaml", "schedule.yaml", bundle.bundle, good));
  CHECK_FALSE(good.has_errors());

  config::Diagnostics broken;
  CHECK_FALSE(load_checked_schedule("broadcast/schedule/fixtures/broken-config/schedule.yaml",
                                    "schedule.yaml", bundle.bundle, broken));
  CHECK(broken.error_count() == 3);
  CHECK(broken.items()[0].position.line == 7);  // sorted: the unknown playlist first

  config::Diagnostics missing;
  CHECK_FALSE(load_checked_schedule("broadcast/schedule/fixtures/none.yaml", "none.yaml",
                                    bundle.bundle, missing));
  CHECK(missing.error_count() == 1);
}

}  // namespace tinxa::broadcast
