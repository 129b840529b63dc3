#pragma once

// Audio written and analysed at test time: tone files of a known frequency, level and length,
// a Goertzel detector, and a WAV reader. No binary fixtures live in the repository.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <sndfile.h>

#include "tests/support/ToneFile.hpp"

namespace tinxa::broadcast::test {

using tinxa::test::ToneFile;
using tinxa::test::write_tone;

struct Wav {
  int sample_rate_hz = 0;
  int channels = 0;
  std::vector<float> samples;  // interleaved

  [[nodiscard]] std::size_t frames() const {
    return samples.size() / static_cast<std::size_t>(channels);
  }
  [[nodiscard]] std::vector<float> channel(std::size_t index) const {
    std::vector<float> out(frames());
    for (std::size_t f = 0; f < out.size(); ++f) {
      out[f] = samples[f * static_cast<std::size_t>(channels) + index];
    }
    return out;
  }
};

inline Wav read_wav(const std::filesystem::path& path) {
  SF_INFO info{};
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(path.c_str(), SFM_READ, &info),
                                                         &sf_close};
  if (!file) {
    throw std::runtime_error("cannot read " + path.string() + ": " + sf_strerror(nullptr));
  }
  Wav wav{info.samplerate, info.channels, {}};
  wav.samples.resize(static_cast<std::size_t>(info.frames * info.channels));
  const sf_count_t read = sf_readf_float(file.get(), wav.samples.data(), info.frames);
  wav.samples.resize(static_cast<std::size_t>(read * info.channels));
  return wav;
}

// Power of `samples` at `frequency_hz` (Goertzel), normalised by the total power: about 0.5 for
// a pure tone at that frequency over whole periods, near 0 for a tone elsewhere.
inline double tone_energy_ratio(const std::vector<float>& samples, double frequency_hz,
                                int sample_rate_hz) {
  const double omega = 2.0 * M_PI * frequency_hz / sample_rate_hz;
  const double coefficient = 2.0 * std::cos(omega);
  double s1 = 0.0;
  double s2 = 0.0;
  double total = 0.0;
  for (const float value : samples) {
    const auto sample = static_cast<double>(value);
    const double s0 = sample + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
    total += sample * sample;
  }
  const double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  if (total <= 0.0) {
    return 0.0;
  }
  return power / (total * static_cast<double>(samples.size()));
}

}  // namespace tinxa::broadcast::test
