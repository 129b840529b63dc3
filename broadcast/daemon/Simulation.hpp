#pragma once

// `tinxa-broadcastd --simulate FROM TO`: the composition root of a simulated run. Loads the
// settings, the checked schedule and the content bundle, opens the as-run log in site.data_dir,
// and runs the real Engine on a VirtualClock through a Simulator from FROM to TO (items started
// before TO play to their end), then prints a summary. Occurrences already in the as-run log are
// not played again, so a second run of the same span plays nothing.
// Not a catch-up: a simulation starts at FROM as if the daemon had been running, so nothing before
// FROM is logged as missed.

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

namespace tinxa::broadcast {

struct SimulationRequest {
  std::filesystem::path config_dir;
  std::optional<std::filesystem::path> content_dir;  // default: site.content_dir
  std::string from;                                  // YYYY-MM-DDTHH:MM, local time
  std::string to;
  std::optional<std::filesystem::path> off_air_dir;  // <zone id>.wav per zone in it
  bool record_off_air = false;                       // the zones' off_air paths instead
  std::optional<int> sample_rate_hz;                 // default: broadcast.sample_rate_hz
};

// Runs it, printing the summary to `out` and problems to stderr. Returns the exit status: 0 done,
// 1 bad settings, schedule or content (every message printed), 2 bad FROM/TO. Throws what the
// as-run log and sinks throw (main reports it).
int run_simulation(const SimulationRequest& request, std::FILE* out);

}  // namespace tinxa::broadcast
