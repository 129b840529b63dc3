#pragma once

// The agenda an operator reads (`tinxa agenda`) and exports (`tinxa agenda --ics`): occurrences
// with the title and length of what they play, taken from the content bundle. Pure functions;
// any thread.

#include "broadcast/schedule/Occurrence.hpp"
#include "content/model/Bundle.hpp"
#include "content/time/Clock.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace tinxa::broadcast {

struct AgendaEntry {
  Occurrence occurrence;
  std::string title;                    // the Vietnamese title, or "Tiếp sóng / relay: <input>"
  std::chrono::milliseconds length{0};  // audio with chimes, or the relay's length; 0 if unknown
};

// Pairs every occurrence with its title and length from `bundle`. An id the bundle lacks keeps
// the id as its title and a length of 0 (check_references() reports such ids).
[[nodiscard]] std::vector<AgendaEntry> build_agenda(std::vector<Occurrence> occurrences,
                                                    const content::Bundle& bundle);

// How long `item` plays, from `bundle`'s probed audio: chime before, every announcement, chime
// after. 0 for an id the bundle lacks.
[[nodiscard]] std::chrono::milliseconds play_length(const PlayItem& item,
                                                    const content::Bundle& bundle);

// The table: one row per entry with weekday and date, local time, priority, zones, length (whole
// seconds rounded up, as in the iCalendar DURATION) and item, under Vietnamese/English headings,
// then a count. `heading` is printed first. Ends with a newline.
[[nodiscard]] std::string format_agenda(const std::vector<AgendaEntry>& entries,
                                        const std::string& heading);

// RFC 5545 iCalendar text: one VEVENT per entry, UID = occurrence key, DTSTART in UTC, DURATION,
// SUMMARY = title, DESCRIPTION = priority, zones and slot; DTSTAMP = `stamp`. CRLF line ends,
// lines folded at 75 octets.
[[nodiscard]] std::string format_icalendar(const std::vector<AgendaEntry>& entries,
                                           content::TimePoint stamp);

}  // namespace tinxa::broadcast
