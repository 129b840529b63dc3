#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace tinxa::config {

// Which libsamplerate sinc converter brings a file to the output rate (broadcast.yaml
// resample_quality): fastest (SRC_SINC_FASTEST), medium or best. All keep 97 dB SNR; the better
// ones pass more of the top octave and cost more CPU (config/README.md).
enum class ResampleQuality { fastest, medium, best };

// broadcast.yaml: the loudspeaker daemon's own settings (the schedule is in schedule.yaml).
struct BroadcastSettings {
  std::filesystem::path schedule_file = "schedule.yaml";  // relative to the config folder
  std::filesystem::path control_socket = "/run/tinxa/broadcastd.sock";
  std::string operators_group = "tinxa";  // members may use the control socket
  double loudness_target_lufs = -16.0;    // every file is normalised to this EBU R128 loudness
  int sample_rate_hz = 48000;             // output devices are opened at this rate
  ResampleQuality resample_quality = ResampleQuality::fastest;  // files at another rate
  std::chrono::milliseconds catch_up_grace{std::chrono::minutes{10}};
  std::chrono::milliseconds device_retry{std::chrono::seconds{5}};
  // A live or relayed source quieter than silence_threshold_dbfs for this long falls back
  // (0: never); a relay slot's own silence_fallback overrides it.
  std::chrono::milliseconds silence_fallback{std::chrono::seconds{30}};
  double silence_threshold_dbfs = -50.0;
  int off_air_days = 31;  // off-air recordings older than this many days are deleted (0: never)
};

}  // namespace tinxa::config
