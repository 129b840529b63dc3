#pragma once

#include "broadcast/schedule/Occurrence.hpp"
#include "broadcast/schedule/Schedule.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"

#include <vector>

namespace tinxa::broadcast {

// Every start of every slot of `schedule` in [from, to), as a pure function of its arguments:
//  - sorted by start; equal starts by priority (highest first), then by the slots' file order;
//  - exception days drop the slots that skip holidays; quiet hours drop normal-class starts whose
//    wall-clock time falls in them (priority and emergency ignore quiet hours);
//  - each slot reading is converted once with `zone` (TimeZone::from_local): a time the clocks
//    skip (02:30 on a spring-forward day) plays once, when the clocks have moved on by the gap
//    (at 03:30), unless the slot also starts at that instant anyway (then once); a time the clocks
//    show twice (01:30 on a fall-back day) plays once, the first time. So no (slot, instant) and
//    no key appears twice.
// Throws content::TimeError as TimeZone::to_local(). Any thread; calls share nothing but the
// TimeZone's process-wide lock.
[[nodiscard]] std::vector<Occurrence> expand(const Schedule& schedule,
                                             const content::TimeZone& zone, content::TimePoint from,
                                             content::TimePoint to);

}  // namespace tinxa::broadcast
