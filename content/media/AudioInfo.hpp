#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace tinxa::content {

// What probe_audio() learnt by decoding a whole audio file.
struct AudioInfo {
  // Container and codec, short: "WAV", "FLAC", "OGG Vorbis", "OGG Opus", "MP3"; for other
  // formats libsndfile's own name, e.g. "AIFF (Apple/SGI)".
  std::string format;
  int sample_rate_hz = 0;
  int channels = 0;
  // Frames (one sample per channel) actually decoded, not what the header claims.
  std::int64_t frames = 0;
  // frames / sample_rate_hz, rounded to the nearest millisecond.
  std::chrono::milliseconds duration{0};

  friend bool operator==(const AudioInfo&, const AudioInfo&) = default;
};

}  // namespace tinxa::content
