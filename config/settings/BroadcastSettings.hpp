#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace tinxa::config {

// broadcast.yaml: the loudspeaker daemon's own settings (the schedule is in schedule.yaml).
struct BroadcastSettings {
  std::filesystem::path schedule_file = "schedule.yaml";  // relative to the config folder
  std::filesystem::path control_socket = "/run/tinxa/broadcastd.sock";
  std::string operators_group = "tinxa";  // members may use the control socket
  double loudness_target_lufs = -16.0;    // every file is normalised to this EBU R128 loudness
  int sample_rate_hz = 48000;             // output devices are opened at this rate
  std::chrono::milliseconds catch_up_grace{std::chrono::minutes{10}};
  std::chrono::milliseconds device_retry{std::chrono::seconds{5}};
};

}  // namespace tinxa::config
