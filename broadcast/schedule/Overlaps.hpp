#pragma once

// Same-class conflicts an operator should know about before they happen: `tinxa check` warns
// when two slots of the same routine class (normal, or priority) would play in one zone at once
// in the days it previews. The later one waits for the zone (and is skipped if it would start
// later than its max_delay, or inside quiet hours). Emergencies are left out: they are rare and
// meant to pile up. It also warns when a normal slot, started on time, would still be playing
// when quiet hours begin (the engine cuts it then). Pure; any thread.

#include "broadcast/schedule/Agenda.hpp"
#include "broadcast/schedule/Schedule.hpp"
#include "config/reader/Diagnostics.hpp"

#include <vector>

namespace tinxa::broadcast {

// One warning per pair of slots (at the later slot, naming the first day and zone where they
// overlap), and one per normal slot that runs into quiet hours (naming its first such start).
// `entries` in start order, as build_agenda() gives them; an entry of unknown length (0) overlaps
// nothing.
void warn_overlaps(const Schedule& schedule, const std::vector<AgendaEntry>& entries,
                   config::Diagnostics& diagnostics);

}  // namespace tinxa::broadcast
