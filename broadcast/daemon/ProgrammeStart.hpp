#pragma once

// The daemon's first load, with its fallback: the configured bundle and schedule, or, when they
// have errors other than media problems (bad YAML, an unknown playlist...), the last good copy
// the daemon kept (LastGoodProgramme). The daemon prints both sets of messages, says which one
// runs, and exits with the configured files' errors only when there is no usable copy.
// Main thread, before the event loop starts (it may take seconds: every recording is decoded).

#include <filesystem>
#include <optional>

#include "broadcast/daemon/LastGoodProgramme.hpp"
#include "broadcast/daemon/ReloadCandidate.hpp"
#include "broadcast/daemon/ScheduleReloader.hpp"
#include "config/reader/Diagnostics.hpp"

namespace tinxa::broadcast {

struct ProgrammeStart {
  enum class Source { configured, last_good, none };
  Source source = Source::none;
  config::Diagnostics configured;             // the configured files' messages
  std::optional<std::filesystem::path> copy;  // the last good copy tried, if any
  config::Diagnostics copy_diagnostics;       // its messages
  // To save as the last good copy: set only for the configured files with no media problems (a
  // bundle with missing or broken recordings may be a copy made half-way).
  std::optional<ReloadCandidate::Origin> keep;
};

// Loads `programme` (ScheduleReloader::adopt) from its configured files, or from `last_good`'s
// copy (may be null: no fallback); when the copy runs, its next save() is skipped
// (LastGoodProgramme::keep_while_playing). Never throws except std::bad_alloc.
[[nodiscard]] ProgrammeStart start_programme(ScheduleReloader& programme,
                                             LastGoodProgramme* last_good);

}  // namespace tinxa::broadcast
