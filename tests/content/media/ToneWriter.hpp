#pragma once

// Writes audio fixtures at test time with libsndfile: a 440 Hz sine of a known length, so each
// test knows exactly what its file holds and no binary fixtures live in the repository.

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <sndfile.h>

namespace tinxa::content::test {

struct Tone {
  int format;          // SF_FORMAT_* container | encoding
  int sample_rate_hz;  // must suit the format (Opus: 8, 12, 16, 24 or 48 kHz)
  int channels;
  std::int64_t frames;
};

inline void write_tone(const std::filesystem::path& path, const Tone& tone) {
  SF_INFO info{};
  info.samplerate = tone.sample_rate_hz;
  info.channels = tone.channels;
  info.format = tone.format;
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(path.c_str(), SFM_WRITE, &info),
                                                         &sf_close};
  if (!file) {
    throw std::runtime_error("cannot write fixture " + path.string() + ": " + sf_strerror(nullptr));
  }
  const auto channels = static_cast<std::size_t>(tone.channels);
  std::vector<float> samples(static_cast<std::size_t>(tone.frames) * channels);
  for (std::size_t frame = 0; frame < samples.size() / channels; ++frame) {
    const double phase = 2.0 * M_PI * 440.0 * static_cast<double>(frame) / tone.sample_rate_hz;
    for (std::size_t channel = 0; channel < channels; ++channel) {
      samples[frame * channels + channel] = static_cast<float>(0.5 * std::sin(phase));
    }
  }
  if (sf_writef_float(file.get(), samples.data(), tone.frames) != tone.frames) {
    throw std::runtime_error("cannot write fixture " + path.string() + ": " +
                             sf_strerror(file.get()));
  }
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream{path, std::ios::binary} << text;
}

// Overwrites `count` bytes from `offset` with a fixed pseudo-random pattern.
inline void scribble(const std::filesystem::path& path, std::uintmax_t offset,
                     std::uintmax_t count) {
  std::fstream file{path, std::ios::in | std::ios::out | std::ios::binary};
  file.seekp(static_cast<std::streamoff>(offset));
  for (std::uintmax_t i = 0; i < count; ++i) {
    file.put(static_cast<char>((i * 7919U + 13U) & 0xffU));
  }
}

}  // namespace tinxa::content::test
