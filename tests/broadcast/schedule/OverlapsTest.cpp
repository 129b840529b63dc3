#include "broadcast/schedule/Overlaps.hpp"

#include "ScheduleText.hpp"
#include "broadcast/schedule/Agenda.hpp"
#include "broadcast/schedule/Expand.hpp"

#include <catch2/catch.hpp>

namespace tinxa::broadcast {

namespace {

using std::chrono::milliseconds;

content::Bundle bundle() {
  content::Bundle b;
  content::Announcement a;
  a.id = "tin";
  a.title = content::LocalizedText{"Tin"};
  a.audio.info.duration = std::chrono::minutes{5};
  b.announcements.push_back(a);
  return b;
}

std::vector<config::Diagnostic> overlaps_of(const std::string& slots) {
  const auto schedule = test::schedule_of("slots:\n" + slots);
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  auto entries = build_agenda(
      test::expand_days(schedule, zone, std::chrono::year{2026} / 11 / 16, 7), bundle());
  config::Diagnostics diagnostics;
  warn_overlaps(schedule, entries, diagnostics);
  return diagnostics.items();
}

std::vector<config::Diagnostic> quiet_warnings_of(const std::string& slots) {
  const auto schedule =
      test::schedule_of("quiet_hours: {from: \"21:00\", until: \"06:00\"}\nslots:\n" + slots);
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  auto entries = build_agenda(
      test::expand_days(schedule, zone, std::chrono::year{2026} / 11 / 16, 7), bundle());
  config::Diagnostics diagnostics;
  warn_overlaps(schedule, entries, diagnostics);
  return diagnostics.items();
}

}  // namespace

TEST_CASE("A normal slot whose item would still play when quiet hours begin is warned about",
          "[schedule][overlaps][quiet]") {
  const auto found =
      quiet_warnings_of(R"(  muon: {announcement: tin, at: "20:58", zones: [trung-tam]}
  kip: {announcement: tin, at: "20:55", zones: [ap-2]}
  uu-tien: {announcement: tin, at: "20:58", priority: priority}
)");
  REQUIRE(found.size() == 1);  // 20:55 + 5 min ends as quiet hours begin: no conflict
  CHECK(found[0].severity == config::Severity::warning);
  CHECK(found[0].key_path == "slots.muon");
  CHECK(found[0].message.en ==
        "at 16/11/2026 20:58 it runs 3 min into quiet hours 21:00–06:00: it stops when they begin, "
        "after the file playing or with a fade");
  CHECK_THAT(found[0].message.vi, Catch::Contains("giờ yên lặng"));
}

TEST_CASE("Two normal slots that overlap in a zone are warned about once, at the later one",
          "[schedule][overlaps]") {
  const auto found = overlaps_of(R"(  tiep-song: {relay: {input: Line In, for: 30min}, at: "11:40"}
  ban-tin: {announcement: tin, at: "11:50", zones: [ap-2]}
)");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == config::Severity::warning);
  CHECK(found[0].key_path == "slots.ban-tin");
  CHECK(found[0].position.line == 6);
  CHECK(found[0].message.en ==
        "overlaps slot \"tiep-song\" in zone ap-2 at 16/11/2026 11:50: this one waits 20 min for "
        "it");
  CHECK_FALSE(found[0].message.vi.empty());
}

TEST_CASE("An overlap beyond the later slot's max_delay says that it is skipped",
          "[schedule][overlaps]") {
  const auto found = overlaps_of(R"(  tiep-song: {relay: {input: Line In, for: 30min}, at: "11:40"}
  ban-tin: {announcement: tin, at: "11:50", max_delay: 10min}
)");
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0].message.en, Catch::Contains("is skipped (beyond its max_delay)"));
}

TEST_CASE("Slots of different classes, other zones, or one after the other are no conflict",
          "[schedule][overlaps]") {
  CHECK(overlaps_of(R"(  tiep-song: {relay: {input: Line In, for: 30min}, at: "11:40"}
  khac-lop: {announcement: tin, at: "11:50", priority: priority}
  sau: {announcement: tin, at: "12:10"}
  khan: {announcement: tin, at: "12:12", priority: emergency}
  khan-2: {announcement: tin, at: "12:13", priority: emergency}
)")
            .empty());
  CHECK(overlaps_of(R"(  a: {relay: {input: Line In, for: 30min}, at: "11:40", zones: [trung-tam]}
  b: {announcement: tin, at: "11:50", zones: [ap-2]}
)")
            .empty());
}

}  // namespace tinxa::broadcast
