#pragma once

// Schedules written inline in tests, read exactly as schedule.yaml is read, and expanded.

#include "broadcast/schedule/Expand.hpp"
#include "broadcast/schedule/ScheduleReader.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "config/reader/Document.hpp"
#include "content/time/TimeZone.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace tinxa::broadcast::test {

inline const std::string kFile = "schedule.yaml";

// Two zones on one device, the usual head of a test schedule.
inline const std::string kZones = R"(zones:
  trung-tam: {name: Trung tâm, device: USB, channels: [1]}
  ap-2: {name: Ấp 2, device: USB, channels: [2]}
)";

struct Read {
  Schedule schedule;
  config::Diagnostics diagnostics;

  [[nodiscard]] std::string text() const {
    std::string out;
    for (const auto& d : diagnostics.items()) out += config::format_diagnostic(d);
    return out;
  }
};

// Reads `yaml` as a file named schedule.yaml in /srv/tinxa.
inline Read read_text(const std::string& yaml) {
  Read read;
  if (auto document = config::Document::parse(yaml, kFile, read.diagnostics))
    read.schedule = read_schedule(document->root(), "/srv/tinxa");
  return read;
}

// `yaml` (after the standard test zones) as a schedule that must read without an error; the
// calling test fails with the messages if it does not.
inline Schedule schedule_of(const std::string& yaml) {
  auto read = read_text(kZones + yaml);
  INFO(read.text());
  REQUIRE_FALSE(read.diagnostics.has_errors());
  return std::move(read.schedule);
}

// The instant a wall clock in `zone` reads `day` at hh:mm.
inline content::TimePoint at(const content::TimeZone& zone, std::chrono::year_month_day day,
                             int hour, int minute = 0) {
  return zone.from_local({day, std::chrono::hours{hour} + std::chrono::minutes{minute}});
}

// Every occurrence of `schedule` on the local days [first, first + count) of `zone`, each day
// from its start in that zone (23 or 25 hours long where the clocks change).
inline std::vector<Occurrence> expand_days(const Schedule& schedule, const content::TimeZone& zone,
                                           std::chrono::year_month_day first, int count) {
  const std::chrono::year_month_day end{std::chrono::sys_days{first} + std::chrono::days{count}};
  return expand(schedule, zone, zone.start_of_day(first), zone.start_of_day(end));
}

}  // namespace tinxa::broadcast::test
