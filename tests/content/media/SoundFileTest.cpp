#include "content/media/SoundFile.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <sndfile.h>
#include <catch2/catch.hpp>

#include "content/media/MediaError.hpp"
#include "tests/content/media/ToneWriter.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::content {
namespace {

using test::write_tone;

TEST_CASE("A sound file decodes every frame whatever the buffer size", "[media][soundfile]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "tone.wav", {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 22050, 2, 10007});
  const auto frames_per_read = GENERATE(std::size_t{1}, std::size_t{333}, std::size_t{20000});
  auto file = SoundFile::open(dir / "tone.wav");
  CHECK(file.sample_rate_hz() == 22050);
  CHECK(file.channels() == 2);
  CHECK(file.declared_frames() == 10007);
  CHECK((file.format() & SF_FORMAT_TYPEMASK) == SF_FORMAT_WAV);

  std::vector<float> buffer(frames_per_read * 2);
  std::size_t total = 0;
  float peak = 0.0F;
  while (const auto frames = file.read(buffer)) {
    total += frames;
    for (std::size_t i = 0; i < frames * 2; ++i) {
      peak = std::max(peak, buffer[i]);
    }
  }
  CHECK(total == 10007);
  CHECK(peak == Approx(0.5F).margin(0.001F));  // normalised to [-1, 1]
  CHECK(file.read(buffer) == 0);
}

TEST_CASE("A sound file refuses a buffer that does not hold whole frames", "[media][soundfile]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "stereo.wav", {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 2, 100});
  auto file = SoundFile::open(dir / "stereo.wav");
  std::vector<float> odd(3);
  CHECK_THROWS_AS(file.read(odd), std::invalid_argument);
}

TEST_CASE("A moved sound file keeps reading where it was", "[media][soundfile]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "mono.wav", {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 1, 100});
  auto first = SoundFile::open(dir / "mono.wav");
  std::vector<float> buffer(60);
  CHECK(first.read(buffer) == 60);
  auto second = std::move(first);
  CHECK(second.read(buffer) == 40);
  CHECK(second.path() == dir / "mono.wav");
}

TEST_CASE("Opening a file that is not audio throws naming it", "[media][soundfile]") {
  const tinxa::test::TempDir dir;
  test::write_text(dir / "readme.flac", "not audio");
  try {
    (void)SoundFile::open(dir / "readme.flac");
    FAIL("a text file was opened as audio");
  } catch (const MediaError& error) {
    CHECK(error.path() == dir / "readme.flac");
    CHECK_FALSE(error.reason().empty());
  }
}

}  // namespace
}  // namespace tinxa::content
