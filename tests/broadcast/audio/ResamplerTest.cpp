// The converter broadcast.yaml's resample_quality names reaches the Resampler of every stream:
// each one keeps a tone's pitch, level and length, and they differ where libsamplerate says they
// do (how much of the top of the band they pass).

#include "broadcast/audio/Resampler.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include <catch2/catch.hpp>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {
namespace {

using Quality = Resampler::Quality;
using test::tone_energy_ratio;
using test::write_tone;

constexpr int kDeviceRate = 48000;

// Plays `path` through a PlaybackStream (what the engine makes for an item) to a mono 48 kHz
// device with `quality`, draining its queue as a mixer would; returns every sample it queued.
std::vector<float> play_mono(const std::filesystem::path& path, std::optional<Quality> quality) {
  BlockPool pool{8, 1024, 1};
  const DeviceFormat device{kDeviceRate, 1};
  std::optional<PlaybackStream> stream;
  if (quality) {
    stream.emplace(1, path, pool, device, std::nullopt, 0.0, 0, *quality);
  } else {
    stream.emplace(1, path, pool, device, std::nullopt);
  }
  std::vector<float> out;
  for (bool ended = false; !ended;) {
    (void)stream->top_up(nullptr, 4);
    AudioBlock* block = nullptr;
    REQUIRE(stream->queue().try_pop(block));
    out.insert(out.end(), block->samples, block->samples + block->frames);
    ended = block->end_of_stream;
    pool.release(block);
  }
  REQUIRE(stream->state() == PlaybackStream::State::decoded);
  return out;
}

// Root mean square of `samples` from `first` for `count` samples.
double rms(const std::vector<float>& samples, std::size_t first, std::size_t count) {
  double sum = 0.0;
  for (std::size_t i = first; i < first + count; ++i) {
    sum += static_cast<double>(samples[i]) * static_cast<double>(samples[i]);
  }
  return std::sqrt(sum / static_cast<double>(count));
}

TEST_CASE("Every converter plays a 44.1 kHz 1 kHz tone at 1 kHz, at its level and length",
          "[audio][resample]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "tone.wav", {1000.0, 0.5, 44100, 1, 44100 * 2});
  for (const auto quality : {Quality::fastest, Quality::medium, Quality::best}) {
    INFO("converter " << Resampler::name(quality));
    const auto out = play_mono(dir / "tone.wav", quality);
    CHECK(std::abs(static_cast<long>(out.size()) - 2 * kDeviceRate) <= 2);
    const std::vector<float> middle(out.begin() + 24000, out.begin() + 72000);  // 1 s
    CHECK(tone_energy_ratio(middle, 1000.0, kDeviceRate) > 0.49);
    CHECK(tone_energy_ratio(middle, 918.75, kDeviceRate) < 0.01);  // not resampled: 918.75 Hz
    CHECK(*std::max_element(middle.begin(), middle.end()) == Approx(0.5F).margin(0.01F));
  }
}

TEST_CASE("The converter chosen for a stream is the one that resamples it", "[audio][resample]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "tone.wav", {1000.0, 0.5, 44100, 1, 44100});
  const auto fastest = play_mono(dir / "tone.wav", Quality::fastest);
  const auto best = play_mono(dir / "tone.wav", Quality::best);
  REQUIRE(fastest.size() == best.size());
  // The same converter twice gives the same samples, so a difference is the converter's.
  CHECK(play_mono(dir / "tone.wav", Quality::fastest) == fastest);
  float largest = 0.0F;
  for (std::size_t i = 0; i < fastest.size(); ++i) {
    largest = std::max(largest, std::abs(fastest[i] - best[i]));
  }
  CHECK(largest > 1e-4F);
  // A stream told nothing uses the default, which is SRC_SINC_FASTEST.
  STATIC_REQUIRE(Resampler::kDefaultQuality == Quality::fastest);
  CHECK(play_mono(dir / "tone.wav", std::nullopt) == fastest);
}

TEST_CASE("Fastest cuts a 20 kHz tone that best passes, and all pass 15 kHz alike",
          "[audio][resample]") {
  // Passbands for a 44.1 kHz source (libsamplerate docs/api_misc.md): fastest 80 % of 22.05 kHz
  // = 17.6 kHz, medium 90 % = 19.8 kHz, best 97 % = 21.4 kHz. Measured here: fastest -23 dB,
  // medium -3 dB and best 0 dB at 20 kHz; all three within 0.1 dB up to 15 kHz.
  const tinxa::test::TempDir dir;
  write_tone(dir / "high.wav", {20000.0, 0.5, 44100, 1, 44100});
  write_tone(dir / "flat.wav", {15000.0, 0.5, 44100, 1, 44100});
  const double full = 0.5 / std::sqrt(2.0);
  const auto level = [&](const char* file, Quality quality) {
    return rms(play_mono(dir / file, quality), 12000, 24000) / full;
  };
  CHECK(level("high.wav", Quality::best) > 0.95);
  const double medium = level("high.wav", Quality::medium);
  CHECK(medium > 0.5);
  CHECK(medium < 0.9);
  CHECK(level("high.wav", Quality::fastest) < 0.15);
  for (const auto quality : {Quality::fastest, Quality::medium, Quality::best}) {
    INFO("converter " << Resampler::name(quality));
    CHECK(level("flat.wav", quality) == Approx(1.0).margin(0.01));
  }
}

TEST_CASE("A resampler says its converter by the name broadcast.yaml uses", "[audio][resample]") {
  CHECK(Resampler::name(Quality::fastest) == "fastest");
  CHECK(Resampler::name(Quality::medium) == "medium");
  CHECK(Resampler::name(Quality::best) == "best");
  CHECK(Resampler{2, 44100, 48000, Quality::best}.quality() == Quality::best);
  CHECK(Resampler{2, 44100, 48000}.quality() == Resampler::kDefaultQuality);
}

}  // namespace
}  // namespace tinxa::broadcast
