#pragma once

// The one place in tinxa where instants become wall-clock readings and back. g++ 12 has no C++20
// time zones, so this class drives the C library: it points the process's TZ at the zone in use
// (setenv + tzset) and converts with localtime_r, all under one process-wide mutex. Consequences:
//  - The process TZ is left pointing at the last zone used; nothing restores it. Code outside this
//    class must not call setenv("TZ"), tzset, localtime or mktime.
//  - setenv is not safe against a concurrent getenv in another thread. Load the zone before
//    starting threads; with one zone in use (every program but the tests), TZ is then never set
//    again, because it is only written when it differs from the zone being converted.
// Nothing here assumes a fixed UTC offset: DST gaps and overlaps are resolved as documented on
// from_local(), and the tests run under America/New_York and Europe/Berlin as well as
// Asia/Ho_Chi_Minh.

#include <chrono>
#include <string>

#include "content/time/Clock.hpp"
#include "content/time/LocalDateTime.hpp"

namespace tinxa::content {

class TimeZone {
 public:
  // Where zone files are read from (Debian's tzdata package).
  static constexpr const char* kZoneInfoDir = "/usr/share/zoneinfo";

  // The IANA zone `name`, e.g. "Asia/Ho_Chi_Minh", read from kZoneInfoDir. Throws TimeError
  // naming the zone if the name is malformed (empty, absolute, an empty component, a character
  // outside [A-Za-z0-9_+-/], so no "." or "..") or if no TZif zone file of that name exists.
  // Any thread.
  [[nodiscard]] static TimeZone load(std::string name);

  // The name given to load().
  [[nodiscard]] const std::string& name() const noexcept { return m_name; }

  // The wall-clock reading at `instant`, to the second (sub-second parts are floored). Any
  // thread. Throws TimeError if the C library cannot represent the instant (a year beyond int).
  [[nodiscard]] LocalDateTime to_local(TimePoint instant) const;

  // The calendar day at `instant` in this zone; to_local(instant).date.
  [[nodiscard]] std::chrono::year_month_day local_date(TimePoint instant) const;

  // The offset from UTC in force at `instant` (UTC+7 is +7h), DST included. Any thread.
  [[nodiscard]] std::chrono::seconds utc_offset(TimePoint instant) const;

  // The instant at which this zone's clocks read `local`. Any thread.
  //  - A reading that occurs once maps to that instant.
  //  - In an overlap (clocks set back: 01:30 happens twice in New York on 2025-11-02), the
  //    EARLIER instant, the first time the clocks read it.
  //  - In a gap (clocks set forward: 02:30 never happens in New York on 2025-03-09), the reading
  //    is taken with the offset in force before the change, which lands after the gap with the
  //    clocks moved on by the gap's length: 02:30 maps to the instant the clocks read 03:30.
  // (glibc's mktime with tm_isdst = -1 picks different occurrences in overlaps for New York and
  // Berlin, so the choice is made here, from localtime_r offsets one day either side; this
  // assumes no two transitions of the zone fall within two days of each other.)
  // Throws std::invalid_argument if `local.date` is not a valid day or `local.time_of_day` is
  // outside [0s, 24h); TimeError as to_local().
  [[nodiscard]] TimePoint from_local(const LocalDateTime& local) const;

  // The first instant of `day` in this zone: from_local({day, 0s}). Where midnight falls in a
  // gap, the day starts when the clocks jump (for instance at 01:00). Throws as from_local().
  [[nodiscard]] TimePoint start_of_day(std::chrono::year_month_day day) const;

  friend bool operator==(const TimeZone& a, const TimeZone& b) noexcept {
    return a.m_name == b.m_name;
  }

 private:
  TimeZone(std::string name, std::string tz_value);

  std::string m_name;
  std::string m_tz_value;  // what TZ is set to while this zone converts: ":<zone file path>"
};

}  // namespace tinxa::content
