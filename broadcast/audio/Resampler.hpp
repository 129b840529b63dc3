#pragma once

// The one wrapper over libsamplerate: a streaming sample-rate converter, owned.
// Threading: one thread at a time. Errors: AudioError with libsamplerate's message and code.

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

struct SRC_STATE_tag;  // libsamplerate's SRC_STATE

namespace tinxa::broadcast {

class Resampler {
 public:
  // libsamplerate's band-limited sinc converters, best first. All three keep 97 dB SNR; they
  // differ in how much of the band below the lower rate's Nyquist they pass flat (libsamplerate
  // docs/api_misc.md: best 97 %, medium 90 %, fastest 80 %, i.e. 21.4, 19.8 and 17.6 kHz for a
  // 44.1 kHz source) and in CPU. broadcast.yaml `resample_quality` chooses one.
  enum class Quality { best, medium, fastest };
  // What the daemon, the simulator and every stream use unless told otherwise: SRC_SINC_FASTEST,
  // measured at a fraction of medium's CPU (bench/README.md) and still flat far above what a
  // loudspeaker horn reproduces (config/README.md, "Resampling quality").
  static constexpr Quality kDefaultQuality = Quality::fastest;
  enum class EndOfInput { no, yes };

  struct Result {
    std::size_t frames_used = 0;       // input frames consumed
    std::size_t frames_generated = 0;  // output frames written
  };

  // Converts `channels`-channel audio from `input_rate_hz` to `output_rate_hz`. Throws
  // AudioError if libsamplerate refuses (bad channel count, ratio outside 1/256..256).
  Resampler(std::size_t channels, int input_rate_hz, int output_rate_hz,
            Quality quality = kDefaultQuality);

  // "best", "medium" or "fastest", as broadcast.yaml spells it.
  [[nodiscard]] static std::string_view name(Quality quality) noexcept;

  // Converts as much of `input` (interleaved frames) as fits into `output`. With EndOfInput::yes
  // the converter flushes its delay line: call again with empty input until it generates 0.
  // Throws AudioError on a libsamplerate error.
  Result process(std::span<const float> input, std::span<float> output, EndOfInput end);

  [[nodiscard]] double ratio() const noexcept { return m_ratio; }
  [[nodiscard]] std::size_t channels() const noexcept { return m_channels; }
  [[nodiscard]] Quality quality() const noexcept { return m_quality; }

 private:
  struct Deleter {
    void operator()(SRC_STATE_tag* state) const noexcept;
  };

  std::unique_ptr<SRC_STATE_tag, Deleter> m_state;
  std::size_t m_channels;
  double m_ratio;
  Quality m_quality;
};

}  // namespace tinxa::broadcast
