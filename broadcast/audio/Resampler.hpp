#pragma once

// The one wrapper over libsamplerate: a streaming sample-rate converter, owned.
// Threading: one thread at a time. Errors: AudioError with libsamplerate's message and code.

#include <cstddef>
#include <memory>
#include <span>

struct SRC_STATE_tag;  // libsamplerate's SRC_STATE

namespace tinxa::broadcast {

class Resampler {
 public:
  // libsamplerate converters, best first; kMedium (SRC_SINC_MEDIUM_QUALITY) is the default for
  // broadcast: transparent for speech and music at a fraction of kBest's cost.
  enum class Quality { best, medium, fastest };
  enum class EndOfInput { no, yes };

  struct Result {
    std::size_t frames_used = 0;       // input frames consumed
    std::size_t frames_generated = 0;  // output frames written
  };

  // Converts `channels`-channel audio from `input_rate_hz` to `output_rate_hz`. Throws
  // AudioError if libsamplerate refuses (bad channel count, ratio outside 1/256..256).
  Resampler(std::size_t channels, int input_rate_hz, int output_rate_hz,
            Quality quality = Quality::medium);

  // Converts as much of `input` (interleaved frames) as fits into `output`. With EndOfInput::yes
  // the converter flushes its delay line: call again with empty input until it generates 0.
  // Throws AudioError on a libsamplerate error.
  Result process(std::span<const float> input, std::span<float> output, EndOfInput end);

  [[nodiscard]] double ratio() const noexcept { return m_ratio; }
  [[nodiscard]] std::size_t channels() const noexcept { return m_channels; }

 private:
  struct Deleter {
    void operator()(SRC_STATE_tag* state) const noexcept;
  };

  std::unique_ptr<SRC_STATE_tag, Deleter> m_state;
  std::size_t m_channels;
  double m_ratio;
};

}  // namespace tinxa::broadcast
