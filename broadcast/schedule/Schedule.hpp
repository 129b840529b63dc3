#pragma once

// The broadcast schedule as read from schedule.yaml (config/README.md, "schedule.yaml"): zones,
// slots and the days they play on, exceptions and quiet hours. A plain value: no I/O, no clock.
// Copyable; safe to read from any thread once built.

#include "config/reader/Diagnostic.hpp"
#include "config/reader/Scalars.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::broadcast {

// The three classes of Thông tư 39/2020/TT-BTTTT, lowest first: a higher class takes a zone from
// a lower one.
enum class Priority { normal, priority, emergency };

// What happens to a slot's item when a higher class interrupts it.
enum class OnPreempt { resume, restart, drop };

// Whether a slot plays on an exception day (a holiday).
enum class OnHolidays { skip, play };

// The names written in YAML and printed by `tinxa agenda`: "normal", "priority", ...
[[nodiscard]] std::string_view to_string(Priority priority) noexcept;
[[nodiscard]] std::string_view to_string(OnPreempt rule) noexcept;
// "thường", "ưu tiên", "khẩn cấp".
[[nodiscard]] std::string_view to_string_vi(Priority priority) noexcept;

// One loudspeaker zone: some channels of one output device.
struct Zone {
  std::string id;
  std::string name;                              // as operators call it: "Ấp 2"
  std::string device;                            // PortAudio output device name
  std::vector<int> channels;                     // 1-based channels of `device`, at least one
  double gain_db = 0.0;                          // applied after loudness normalisation
  std::optional<std::filesystem::path> off_air;  // recording of what the zone hears; absolute
  config::Position position;                     // the zone's key in the file
};

enum class PlayKind { playlist, announcement, relay };

// What a slot plays: a playlist or an announcement of the content bundle, or a line input relayed
// for a set time.
struct PlayItem {
  PlayKind kind = PlayKind::playlist;
  std::string id;                       // playlist or announcement id; empty for a relay
  std::string input;                    // relay: the PortAudio input device name
  std::chrono::milliseconds length{0};  // relay: how long; it ends exactly this long after start
  // relay: silent this long, it falls back (nullopt: the engine's default; 0: never).
  std::optional<std::chrono::milliseconds> silence_fallback{};

  friend bool operator==(const PlayItem&, const PlayItem&) = default;
};

// A stretch of days every year, both ends inclusive; `until` before `from` crosses New Year
// (20/12 to 10/01). A 29 February end matches only in leap years.
struct YearlyRange {
  std::chrono::month_day from;
  std::chrono::month_day until;

  [[nodiscard]] bool contains(std::chrono::year_month_day day) const noexcept;
};

// Which days something applies to. Every condition that is set must hold.
struct DayFilter {
  static constexpr std::uint8_t kEveryWeekday = 0x7f;
  std::uint8_t weekdays = kEveryWeekday;            // bit n: weekday with c_encoding n (0 = Sunday)
  std::vector<std::chrono::year_month_day> dates;   // sorted; empty: any date
  std::optional<std::chrono::year_month_day> from;  // first day, inclusive
  std::optional<std::chrono::year_month_day> until;  // last day, inclusive
  std::optional<YearlyRange> yearly;

  [[nodiscard]] bool matches(std::chrono::year_month_day day) const;
  // True when some condition is set (a filter with none matches every day).
  [[nodiscard]] bool restricts() const noexcept;
};

enum class TimingKind { at, every, rrule };

// When in a day (or, for an RRULE, in which days) a slot starts.
struct Timing {
  TimingKind kind = TimingKind::at;
  std::vector<config::TimeOfDay> times;  // at, rrule: start times (rrule: DTSTART's time)
  std::chrono::seconds interval{0};      // every: the step
  config::TimeOfDay first;               // every: the first start of the day
  config::TimeOfDay last;                // every: the latest start of the day (inclusive)
  std::string rrule;                     // rrule: the RFC 5545 RRULE value, checked by libical
};

struct Slot {
  std::string id;
  PlayItem play;
  Timing timing;
  DayFilter days;
  Priority priority = Priority::normal;
  std::vector<std::string> zones;  // zone ids; every zone when the file names none
  OnPreempt on_preempt = OnPreempt::resume;
  // How late the item may still start when it has to wait (another item of its class or higher
  // holds the zone): beyond it, it does not play in that zone (as-run `skipped`). nullopt: it
  // waits as long as it takes.
  std::optional<std::chrono::milliseconds> max_delay;
  int repeat = 1;  // times played back to back (emergency only)
  OnHolidays on_holidays = OnHolidays::skip;
  config::Position position;       // the slot's key
  config::Position play_position;  // where the playlist or announcement id is written
};

// Days on which slots that skip holidays do not play.
struct Exception {
  std::string name;
  DayFilter days;
  config::Position position;
};

// A daily window, from `from` (inclusive) to `until` (exclusive), crossing midnight when `until`
// is earlier than `from`, in which normal-class items never start: the expansion drops the starts
// scheduled in it, and the engine skips an item whose actual (delayed) start or resume falls in it.
struct QuietHours {
  config::TimeOfDay from;
  config::TimeOfDay until;

  [[nodiscard]] bool contains(std::chrono::seconds time_of_day) const noexcept;
};

struct Schedule {
  std::filesystem::path file;  // where it was read from (for messages); may be empty
  std::vector<Zone> zones;     // in file order
  std::vector<Slot> slots;     // in file order
  std::vector<Exception> exceptions;
  std::optional<QuietHours> quiet_hours;

  [[nodiscard]] const Zone* find_zone(std::string_view id) const noexcept;
  [[nodiscard]] const Slot* find_slot(std::string_view id) const noexcept;
  // True if some exception covers `day`.
  [[nodiscard]] bool is_exception(std::chrono::year_month_day day) const;
};

}  // namespace tinxa::broadcast
