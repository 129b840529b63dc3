#pragma once

// Writes a sine-tone audio file at test time with libsndfile, in any format libsndfile writes
// (WAV, FLAC, OGG Vorbis/Opus, MP3), in chunks so an hour-long file needs no hour of memory.
// No binary audio fixtures live in the repository.

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tinxa::test {

struct ToneFile {
  double frequency_hz = 1000.0;
  double amplitude = 0.5;      // peak, linear
  int sample_rate_hz = 48000;  // must suit the format (Opus: 8, 12, 16, 24 or 48 kHz)
  int channels = 2;
  std::int64_t frames = 48000;
  int format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;  // SF_FORMAT_* container | encoding
};

inline void write_tone(const std::filesystem::path& path, const ToneFile& tone) {
  SF_INFO info{};
  info.samplerate = tone.sample_rate_hz;
  info.channels = tone.channels;
  info.format = tone.format;
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(path.c_str(), SFM_WRITE, &info),
                                                         &sf_close};
  if (!file) {
    throw std::runtime_error("cannot write fixture " + path.string() + ": " + sf_strerror(nullptr));
  }
  constexpr std::int64_t kChunk = 65536;
  const auto channels = static_cast<std::size_t>(tone.channels);
  std::vector<float> samples(static_cast<std::size_t>(kChunk) * channels);
  for (std::int64_t start = 0; start < tone.frames; start += kChunk) {
    const std::int64_t count = std::min(kChunk, tone.frames - start);
    for (std::int64_t f = 0; f < count; ++f) {
      const double phase =
          2.0 * M_PI * tone.frequency_hz * static_cast<double>(start + f) / tone.sample_rate_hz;
      const auto value = static_cast<float>(tone.amplitude * std::sin(phase));
      for (std::size_t c = 0; c < channels; ++c) {
        samples[static_cast<std::size_t>(f) * channels + c] = value;
      }
    }
    if (sf_writef_float(file.get(), samples.data(), count) != count) {
      throw std::runtime_error("cannot write fixture " + path.string() + ": " +
                               sf_strerror(file.get()));
    }
  }
}

}  // namespace tinxa::test
