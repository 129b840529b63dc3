#pragma once

// A LiveSource that makes its own audio: a sine tone, optionally falling silent after a number of
// frames (a receiver that lost its station). Stands in for a microphone or line input in the
// simulator and the tests, where time is virtual: read() always delivers what is asked, and the
// engine reads only as far ahead as its queue target. Threading: as LiveSource.

#include <cstdint>

#include "broadcast/audio/LiveSource.hpp"

namespace tinxa::broadcast {

class ToneSource final : public LiveSource {
 public:
  struct Options {
    std::size_t channels = 1;
    int sample_rate_hz = 48000;
    double frequency_hz = 440.0;
    float amplitude = 0.25F;         // 0: a silent source
    std::int64_t sound_frames = -1;  // silent after this many frames; -1: never
  };

  explicit ToneSource(Options options) noexcept : m_options{options} {}

  [[nodiscard]] std::size_t channels() const noexcept override { return m_options.channels; }
  std::size_t read(std::span<float> out) noexcept override;
  void discard() noexcept override {}

  // Frames delivered so far.
  [[nodiscard]] std::int64_t frames_read() const noexcept { return m_frame; }

 private:
  Options m_options;
  std::int64_t m_frame = 0;
};

}  // namespace tinxa::broadcast
