// SoundFile::seek: where a file is seekable, the samples after a seek are exactly those after
// decoding and dropping the same number of frames; where it is not (MPEG), seek() declines and
// leaves the position alone.
#include <sndfile.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "content/media/SoundFile.hpp"
#include "tests/content/media/ToneWriter.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::content {
namespace {

using test::write_tone;

// The next `frames` frames of `file`, read in odd-sized pieces.
std::vector<float> read_frames(SoundFile& file, std::size_t frames) {
  const auto channels = static_cast<std::size_t>(file.channels());
  std::vector<float> out;
  std::vector<float> buffer(333 * channels);
  while (out.size() < frames * channels) {
    const std::size_t want = std::min<std::size_t>(333, frames - out.size() / channels);
    const std::size_t got = file.read(std::span<float>{buffer}.first(want * channels));
    if (got == 0) break;
    out.insert(out.end(), buffer.begin(),
               buffer.begin() + static_cast<std::ptrdiff_t>(got * channels));
  }
  return out;
}

void drop_frames(SoundFile& file, std::int64_t frames) {
  (void)read_frames(file, static_cast<std::size_t>(frames));
}

TEST_CASE("A seek lands on the same samples as decoding and dropping", "[media][soundfile][seek]") {
  struct Case {
    std::string name;
    int format;
  };
  const auto c = GENERATE(Case{"pcm16.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16},
                          Case{"float.wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT},
                          Case{"tone.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16},
                          Case{"tone.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS});
  const std::int64_t where = GENERATE(std::int64_t{0}, std::int64_t{1}, std::int64_t{4095},
                                      std::int64_t{30011}, std::int64_t{61000});
  CAPTURE(c.name, where);
  const tinxa::test::TempDir dir;
  write_tone(dir / c.name, {c.format, 44100, 2, 66150});
  auto decoded = SoundFile::open(dir / c.name);
  auto seeked = SoundFile::open(dir / c.name);
  REQUIRE(seeked.seekable());
  drop_frames(decoded, where);
  REQUIRE(seeked.seek(where));
  const auto expected = read_frames(decoded, 3000);
  const auto got = read_frames(seeked, 3000);
  REQUIRE(expected.size() ==
          std::min<std::size_t>(3000, static_cast<std::size_t>(66150 - where)) * 2);
  CHECK(got == expected);
  // And on to the end: the same number of frames follows.
  std::size_t rest_decoded = 0, rest_seeked = 0;
  std::vector<float> buffer(4096 * 2);
  while (const auto n = decoded.read(buffer)) rest_decoded += n;
  while (const auto n = seeked.read(buffer)) rest_seeked += n;
  CHECK(rest_seeked == rest_decoded);
}

TEST_CASE("A seek past the end leaves the file at its end", "[media][soundfile][seek]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "short.wav", {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 1, 800});
  auto file = SoundFile::open(dir / "short.wav");
  REQUIRE(file.seek(5000));
  std::vector<float> buffer(100);
  CHECK(file.read(buffer) == 0);
  CHECK_THROWS_AS(file.seek(-1), std::invalid_argument);
}

TEST_CASE("An MPEG file declines to seek and keeps its position", "[media][soundfile][seek]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "tone.mp3";
  try {
    write_tone(path, {SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 44100, 1, 44100});
  } catch (const std::exception& e) {
    WARN("this libsndfile cannot write MP3: " << e.what());
    return;
  }
  auto file = SoundFile::open(path);
  auto reference = SoundFile::open(path);
  CHECK_FALSE(file.seekable());
  drop_frames(file, 1000);
  drop_frames(reference, 1000);
  CHECK_FALSE(file.seek(20000));
  CHECK(read_frames(file, 500) == read_frames(reference, 500));
}

}  // namespace
}  // namespace tinxa::content
