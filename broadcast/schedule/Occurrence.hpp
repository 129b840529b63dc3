#pragma once

#include "broadcast/schedule/Schedule.hpp"
#include "content/time/Clock.hpp"
#include "content/time/LocalDateTime.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::broadcast {

// One start of one slot: what the engine fires and the as-run log records. A plain value that
// copies what it needs from its slot, so it outlives the Schedule it came from.
struct Occurrence {
  std::string slot_id;
  content::TimePoint start;          // the instant it is due
  content::LocalDateTime scheduled;  // the reading the schedule names (date and time as written)
  content::LocalDateTime local;      // the wall clock at `start`; differs from `scheduled` only
                                     // when the clocks skip that time (a DST gap)
  Priority priority = Priority::normal;
  std::vector<std::string> zones;  // zone ids, never empty
  PlayItem play;
  OnPreempt on_preempt = OnPreempt::resume;
  int repeat = 1;
  // "slot-id@2026-11-30T06:30" (":SS" appended when the seconds are not zero): the slot id and
  // the scheduled local reading. Unique within any expansion and the same in every expansion
  // that contains this start, so the as-run log can tell "already played" after a restart.
  std::string key;
  // The slot's max_delay: beyond start + this it does not start (it may still resume).
  std::optional<std::chrono::milliseconds> max_delay{};
};

}  // namespace tinxa::broadcast
