// The table of broken schedules: each case is a schedule.yaml an operator might write, and the
// message `tinxa check` must print for it, position, key and suggestion included.
#include "broadcast/schedule/ScheduleReader.hpp"

#include "ScheduleText.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace tinxa::broadcast {

namespace {

struct BrokenCase {
  std::string name;
  std::string yaml;  // after the two test zones and "slots:" (lines 1-4), unless `whole`
  int line = 0;
  int column = 0;
  std::string key;
  std::string message;     // the start of the English message
  std::string suggestion;  // empty: none expected
  bool whole = false;      // `yaml` is the whole file
};

std::vector<BrokenCase> broken_cases() {
  return {
      {"misspelt slot key", "  s:\n    playlist: p\n    at: \"06:00\"\n    dayz: [mon]\n", 8, 5,
       "slots.s.dayz", "unknown key", "days"},
      {"misspelt Vietnamese weekday (columns count characters, as editors do)",
       "  s:\n    playlist: p\n    at: \"06:00\"\n    days: [Thứ Hai, Thứ Hia]\n", 8, 21,
       "slots.s.days[1]", "not a day of the week", "Thứ Hai"},
      {"misspelt English weekday", "  s:\n    playlist: p\n    at: \"06:00\"\n    days: [mno]\n", 8,
       12, "slots.s.days[0]", "not a day of the week", "mon"},
      {"impossible time", "  s:\n    playlist: p\n    at: \"25:00\"\n", 7, 9, "slots.s.at",
       "not a valid time of day", ""},
      {"RRULE part misspelt",
       "  s:\n    playlist: p\n    at: \"06:00\"\n    from: 2026-01-05\n"
       "    rrule: FREQ=WEEKLY;BYDAI=MO\n",
       9, 12, "slots.s.rrule", "RRULE has no part \"BYDAI\" (libical: MALFORMEDDATA", "BYDAY=MO"},
      {"RRULE frequency misspelt",
       "  s:\n    playlist: p\n    at: \"06:00\"\n    from: 2026-01-05\n"
       "    rrule: FREQ=WEEKLI;INTERVAL=8\n",
       9, 12, "slots.s.rrule", "not a valid FREQ: \"WEEKLI\"", "FREQ=WEEKLY"},
      {"RRULE value libical refuses",
       "  s:\n    playlist: p\n    at: \"06:00\"\n    from: 2026-01-05\n"
       "    rrule: FREQ=WEEKLY;INTERVAL=0\n",
       9, 12, "slots.s.rrule", "the RRULE part \"INTERVAL=0\" is wrong", ""},
      {"RRULE every minute",
       "  s:\n    playlist: p\n    at: \"06:00\"\n    from: 2026-01-05\n"
       "    rrule: FREQ=MINUTELY;INTERVAL=5\n",
       9, 12, "slots.s.rrule", "the RRULE repeats by the second or minute", ""},
      {"RRULE without a first day",
       "  s:\n    playlist: p\n    at: \"06:00\"\n    rrule: FREQ=WEEKLY;INTERVAL=8;BYDAY=MO\n", 6,
       5, "slots.s", "rrule needs a first day \"from\"", ""},
      {"unknown zone", "  s:\n    playlist: p\n    at: \"06:00\"\n    zones: [trung-tam, ap-3]\n",
       8, 24, "slots.s.zones[1]", "there is no zone \"ap-3\"", "ap-2"},
      {"misspelt priority", "  s:\n    playlist: p\n    at: \"06:00\"\n    priority: emergncy\n", 8,
       15, "slots.s.priority", "not an allowed value", "emergency"},
      {"misspelt preemption rule",
       "  s:\n    playlist: p\n    at: \"06:00\"\n    on_preempt: resum\n", 8, 17,
       "slots.s.on_preempt", "not an allowed value", "resume"},
      {"max_delay without a unit", "  s:\n    playlist: p\n    at: \"06:00\"\n    max_delay: 10\n",
       8, 16, "slots.s.max_delay", "not a valid duration", "10s"},
      {"negative max_delay", "  s:\n    playlist: p\n    at: \"06:00\"\n    max_delay: -5min\n", 8,
       16, "slots.s.max_delay", "", ""},
      {"max_delay beyond a day", "  s:\n    playlist: p\n    at: \"06:00\"\n    max_delay: 25h\n",
       8, 16, "slots.s.max_delay", "max_delay is out of range", ""},
      {"repeat on a normal slot", "  s:\n    playlist: p\n    at: \"06:00\"\n    repeat: 3\n", 8,
       13, "slots.s.repeat", "only emergencies repeat", ""},
      {"yearly written the Vietnamese way",
       "  s:\n    playlist: p\n    at: \"06:00\"\n    yearly: {from: 17/10, until: 11-18}\n", 8, 20,
       "slots.s.yearly.from", "not a valid day of the year", "10-17"},
      {"nothing to play", "  s:\n    at: \"06:00\"\n", 6, 5, "slots.s",
       "the slot does not say what to play", ""},
      {"two things to play",
       "  s:\n    playlist: p\n    relay: {input: Line In, for: 30min}\n    at: \"06:00\"\n", 6, 5,
       "slots.s", "the slot says to play more than one thing", ""},
      {"no time", "  s:\n    playlist: p\n    days: [mon]\n", 6, 5, "slots.s",
       "the slot does not say when", ""},
      {"every without between", "  s:\n    playlist: p\n    every: 30min\n", 6, 5, "slots.s",
       "every needs \"between\"", ""},
      {"every with a bare number",
       "  s:\n    playlist: p\n    every: 30\n    between: {from: \"08:00\", until: \"11:00\"}\n",
       7, 12, "slots.s.every", "not a valid duration", "30s"},
      {"between that runs backwards",
       "  s:\n    playlist: p\n    every: 30min\n    between: {from: \"11:00\", until: "
       "\"08:00\"}\n",
       8, 37, "slots.s.between.until", "until is before from", ""},
      {"relay without a length", "  s:\n    relay: {input: Line In}\n    at: \"06:00\"\n", 6, 12,
       "slots.s.relay", "the required key \"for\" is missing", ""},
      {"relay that falls back after too long a silence",
       "  s:\n    relay: {input: Line In, for: 30min, silence_fallback: 2h}\n    at: \"06:00\"\n",
       6, 59, "slots.s.relay.silence_fallback", "the silence before falling back is out of range",
       ""},
      {"date range that ends before it starts",
       "  s:\n    playlist: p\n    at: \"06:00\"\n    from: 2026-12-01\n    until: 2026-11-01\n", 9,
       12, "slots.s.until", "until is before from", ""},
      {"slot id with capitals", "  Sang:\n    playlist: p\n    at: \"06:00\"\n", 6, 5, "slots.Sang",
       "not a valid id", ""},
      {"playlist id with a space", "  s:\n    playlist: ban tin\n    at: \"06:00\"\n", 6, 15,
       "slots.s.playlist", "not a valid id", ""},
      {"misspelt zone key",
       "zones:\n  a: {name: A, device: USB, chanels: [1]}\nslots:\n  s: {playlist: p, at: "
       "\"06:00\"}\n",
       2, 29, "zones.a.chanels", "unknown key", "channels", true},
      {"two zones on one channel",
       "zones:\n  a: {name: A, device: USB, channels: [1, 2]}\n  b: {name: B, device: USB, "
       "channels: [2]}\nslots:\n  s: {playlist: p, at: \"06:00\"}\n",
       3, 39, "zones.b.channels", "channel 2 of device \"USB\" already belongs to zone \"a\"", "",
       true},
      {"channel zero", "zones:\n  a: {name: A, device: USB, channels: [0]}\nslots: {}\n", 2, 40,
       "zones.a.channels[0]", "the value is out of range", "", true},
      {"quiet hours that end when they start",
       "zones:\n  a: {name: A, device: USB, channels: [1]}\nquiet_hours: {from: \"21:00\", until: "
       "\"21:00\"}\nslots: {}\n",
       3, 37, "quiet_hours.until", "the end is the same as the start", "", true},
      {"exception without a day",
       "zones:\n  a: {name: A, device: USB, channels: [1]}\nexceptions:\n  - name: Tết\nslots: "
       "{}\n",
       4, 5, "exceptions[0]", "the exception names no day", "", true},
      {"misspelt top-level key",
       "zones:\n  a: {name: A, device: USB, channels: [1]}\nslot:\n  s: {playlist: p, at: "
       "\"06:00\"}\n",
       3, 1, "slot", "unknown key", "slots", true},
  };
}

}  // namespace

TEST_CASE("Each broken schedule is reported where it is broken, with a suggestion",
          "[schedule][reader]") {
  for (const auto& c : broken_cases()) {
    const auto read = test::read_text(c.whole ? c.yaml : test::kZones + "slots:\n" + c.yaml);
    INFO("case: " << c.name << "\n" << read.text());
    REQUIRE(read.diagnostics.has_errors());
    bool found = false;
    for (const auto& d : read.diagnostics.items()) {
      if (d.key_path != c.key || d.message.en.rfind(c.message, 0) != 0) continue;
      found = true;
      CHECK(d.position.file == "schedule.yaml");
      CHECK(d.position.line == c.line);
      CHECK(d.position.column == c.column);
      CHECK(d.suggestion == c.suggestion);
      CHECK_FALSE(d.message.vi.empty());
    }
    CHECK(found);
  }
}

TEST_CASE("Every problem in a schedule is reported in one reading", "[schedule][reader]") {
  const auto read = test::read_text(test::kZones + R"(slots:
  a: {playlist: p, at: "25:00"}
  b: {playlist: p, at: "06:00", days: [mno]}
  c: {playlist: p, at: "06:00", priority: urgent}
  d: {playlist: p, at: "06:00"}
)");
  CHECK(read.diagnostics.error_count() == 3);
  REQUIRE(read.schedule.slots.size() == 1);
  CHECK(read.schedule.slots[0].id == "d");
}

TEST_CASE("A normal slot inside quiet hours is warned about", "[schedule][reader]") {
  const auto read = test::read_text(test::kZones + R"(quiet_hours: {from: "21:00", until: "06:00"}
slots:
  night: {playlist: p, at: "22:00"}
  urgent: {playlist: p, at: "22:00", priority: priority}
  morning: {playlist: p, at: "06:00"}
)");
  CHECK(read.diagnostics.error_count() == 0);
  REQUIRE(read.diagnostics.warning_count() == 1);
  const auto& w = read.diagnostics.items()[0];
  CHECK(w.key_path == "slots.night");
  CHECK(w.position.line == 6);
  CHECK(w.message.en == "a normal slot entirely within quiet hours 21:00–06:00: it never plays");
}

}  // namespace tinxa::broadcast
