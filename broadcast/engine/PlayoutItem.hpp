#pragma once

// What one occurrence plays, file by file: a playlist becomes its chime_before, its announcements
// in order and its chime_after; an announcement is itself; the whole list repeats `repeat` times
// (emergencies). An unavailable chime is left out; an unavailable announcement stays, marked, so
// the engine logs it as skipped. Pure: no I/O, any thread.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "broadcast/schedule/Schedule.hpp"
#include "content/model/Bundle.hpp"

namespace tinxa::broadcast {

struct PlayoutItem {
  std::string id;        // announcement id, or "chime"
  std::string title;     // Vietnamese title, for the as-run log
  std::string category;  // the announcement's category; empty for chimes
  std::filesystem::path path;
  std::int64_t file_frames = 0;  // as probed when the bundle was loaded (0 if unknown)
  int file_rate_hz = 0;
  // Why the loader found the file missing or broken (content::MediaPath::unavailable); empty when
  // it can play. Such an item is skipped when it falls due and logged as skipped_file.
  std::string unavailable;

  // The length at `device_rate_hz`, rounded: where the next item starts, so items follow each
  // other with no gap beyond what the files hold. 0 if unknown.
  [[nodiscard]] std::int64_t frames_at(int device_rate_hz) const noexcept;
};

// The items `play` expands to with `bundle`, repeated `repeat` times (at least once). Empty for a
// relay or an id the bundle lacks.
[[nodiscard]] std::vector<PlayoutItem> playout_items(const PlayItem& play,
                                                     const content::Bundle& bundle, int repeat);

// The title of what `play` names, for the as-run log ("Tiếp sóng / relay: <input>" for a relay).
[[nodiscard]] std::string play_title(const PlayItem& play, const content::Bundle& bundle);

}  // namespace tinxa::broadcast
