#include "content/media/AudioProbe.hpp"

#include <filesystem>
#include <string>

#include <sndfile.h>
#include <catch2/catch.hpp>

#include "content/media/MediaError.hpp"
#include "tests/content/media/ToneWriter.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::content {
namespace {

using Catch::Matchers::Contains;
using std::chrono::milliseconds;
using test::Tone;
using test::write_tone;

// The MediaError that probe_audio(path) throws; fails the test if it throws nothing.
MediaError probe_error(const std::filesystem::path& path) {
  try {
    const auto info = probe_audio(path);
    FAIL("probe_audio accepted " << path << " as " << info.format << ", " << info.frames
                                 << " frames");
  } catch (const MediaError& error) {
    return error;
  }
  throw std::logic_error("unreachable");
}

TEST_CASE("A 16-bit WAV reports its format, rate, channels and exact length", "[media]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "chime.wav", {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 44100, 1, 44100});
  CHECK(probe_audio(dir / "chime.wav") == AudioInfo{"WAV", 44100, 1, 44100, milliseconds{1000}});
}

TEST_CASE("FLAC, OGG Vorbis and OGG Opus report their exact length", "[media]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "a.flac", {SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 48000, 2, 24000});
  write_tone(dir / "b.ogg", {SF_FORMAT_OGG | SF_FORMAT_VORBIS, 22050, 1, 44100});
  write_tone(dir / "c.opus", {SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000, 1, 72000});
  CHECK(probe_audio(dir / "a.flac") == AudioInfo{"FLAC", 48000, 2, 24000, milliseconds{500}});
  CHECK(probe_audio(dir / "b.ogg") == AudioInfo{"OGG Vorbis", 22050, 1, 44100, milliseconds{2000}});
  CHECK(probe_audio(dir / "c.opus") == AudioInfo{"OGG Opus", 48000, 1, 72000, milliseconds{1500}});
}

TEST_CASE("An MP3 reports its length within one MPEG frame", "[media]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "loa.mp3", {SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 44100, 1, 44100});
  const auto info = probe_audio(dir / "loa.mp3");
  CHECK(info.format == "MP3");
  CHECK(info.sample_rate_hz == 44100);
  CHECK(info.channels == 1);
  // Encoder delay and padding are the only slack: at most one 1152-frame MPEG frame (26 ms).
  CHECK(info.frames == Approx(44100).margin(1152));
  CHECK(info.duration.count() == Approx(1000).margin(27));
}

TEST_CASE("The duration is rounded to the nearest millisecond", "[media]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "down.wav", {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 2, 1003});
  write_tone(dir / "up.wav", {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 2, 1004});
  CHECK(probe_audio(dir / "down.wav").duration == milliseconds{125});  // 125.375 ms
  CHECK(probe_audio(dir / "up.wav").duration == milliseconds{126});    // 125.5 ms
}

TEST_CASE("A file name in Vietnamese is opened like any other", "[media]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "thông-báo-rà-soát.wav";
  write_tone(path, {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1, 16000});
  CHECK(probe_audio(path).duration == milliseconds{1000});
}

TEST_CASE("A text file named .wav is rejected with libsndfile's reason", "[media]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "not-audio.wav";
  test::write_text(path, "Kính thưa bà con, đây không phải là tệp âm thanh.\n");
  const auto error = probe_error(path);
  CHECK(error.path() == path);
  CHECK(error.reason() == "Format not recognised.");
  CHECK_THAT(error.what(), Contains(path.string()) && Contains("cannot open audio file") &&
                               Contains("Format not recognised."));
}

TEST_CASE("An empty file, a missing file and a folder are rejected", "[media]") {
  const tinxa::test::TempDir dir;
  test::write_text(dir / "empty.wav", "");
  CHECK_THAT(probe_error(dir / "empty.wav").reason(), Contains("not recognised"));
  CHECK_THAT(probe_error(dir / "missing.wav").reason(), Contains("No such file"));
  CHECK_FALSE(probe_error(dir.path()).reason().empty());
}

TEST_CASE("A WAV with a good header and no frames is rejected as no audio", "[media]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "silent.wav", {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 44100, 1, 0});
  const auto error = probe_error(dir / "silent.wav");
  CHECK(error.what_failed() == "no audio");
  CHECK(error.reason() == "the file holds no audio (0 frames)");
}

TEST_CASE("A WAV cut short reports the audio that is really there", "[media]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "cut.wav";
  write_tone(path, {SF_FORMAT_WAV | SF_FORMAT_PCM_16, 44100, 1, 44100});
  const auto header_bytes = std::filesystem::file_size(path) - 2 * 44100;
  // 10000 whole frames and half of the next one.
  std::filesystem::resize_file(path, header_bytes + 2 * 10000 + 1);
  CHECK(probe_audio(path) == AudioInfo{"WAV", 44100, 1, 10000, milliseconds{227}});
}

TEST_CASE("A FLAC cut short fails while decoding, naming where", "[media]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "cut.flac";
  write_tone(path, {SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 48000, 2, 48000});
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  const auto error = probe_error(path);
  CHECK_THAT(error.reason(), Contains("lost sync"));
  CHECK_THAT(error.what_failed(),
             Catch::Matchers::Matches(R"(cannot decode audio after 0\.\d{3} s)"));
  CHECK_THAT(error.what(), Contains(path.string() + ": cannot decode audio after"));
}

TEST_CASE("Corrupt data behind a good header is caught by decoding it", "[media]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "scribbled.flac";
  write_tone(path, {SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 48000, 1, 96000});
  const auto size = std::filesystem::file_size(path);
  test::scribble(path, size / 3, size / 3);
  CHECK_THAT(probe_error(path).what(), Contains("cannot decode audio after"));
}

TEST_CASE("An OGG cut short is rejected when opened", "[media]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "cut.ogg";
  write_tone(path, {SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100, 1, 88200});
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  const auto error = probe_error(path);
  CHECK_THAT(error.what(), Contains("cannot open audio file"));
  CHECK_THAT(error.reason(), Contains("malformed"));
}

}  // namespace
}  // namespace tinxa::content
