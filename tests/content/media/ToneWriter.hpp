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

#include "tests/support/ToneFile.hpp"

namespace tinxa::content::test {

struct Tone {
  int format;          // SF_FORMAT_* container | encoding
  int sample_rate_hz;  // must suit the format (Opus: 8, 12, 16, 24 or 48 kHz)
  int channels;
  std::int64_t frames;
};

inline void write_tone(const std::filesystem::path& path, const Tone& tone) {
  tinxa::test::write_tone(path, tinxa::test::ToneFile{440.0, 0.5, tone.sample_rate_hz,
                                                      tone.channels, tone.frames, tone.format});
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
