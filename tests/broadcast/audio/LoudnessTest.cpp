#include "broadcast/audio/Loudness.hpp"

#include <cmath>
#include <filesystem>
#include <limits>
#include <stop_token>
#include <vector>

#include <catch2/catch.hpp>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/audio/LoudnessMeter.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {
namespace {

using test::ToneFile;
using test::write_tone;

constexpr double kTarget = -16.0;

// Plays `path` through the decode path with normalisation and measures what comes out.
Loudness measure_output(const std::filesystem::path& path, LoudnessCache& cache) {
  BlockPool pool{4, 4096, 2};
  PlaybackStream stream{1, path, pool, {48000, 2}, kTarget};
  LoudnessMeter meter{2, 48000};
  for (;;) {
    const bool more = stream.top_up(&cache, 2);
    AudioBlock* block = nullptr;
    while (stream.queue().try_pop(block)) {
      meter.add(std::span<const float>{block->samples, block->frames * 2U});
      pool.release(block);
    }
    if (!more) {
      break;
    }
  }
  REQUIRE(stream.state() == PlaybackStream::State::decoded);
  return meter.result();
}

TEST_CASE("Two files 12 dB apart both come out at the target loudness", "[audio][loudness]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "loud.wav", {1000.0, 0.2, 44100, 2, 44100 * 5});
  write_tone(dir / "quiet.wav", {1000.0, 0.2 / 3.981, 48000, 1, 48000 * 5});  // -12 dB, mono
  LoudnessCache cache{content::Database::open_memory()};
  const Loudness loud_in = cache.loudness(dir / "loud.wav");
  const Loudness quiet_in = cache.loudness(dir / "quiet.wav");
  CHECK(loud_in.integrated_lufs - quiet_in.integrated_lufs == Approx(12.0).margin(0.1));
  CHECK(measure_output(dir / "loud.wav", cache).integrated_lufs == Approx(kTarget).margin(0.5));
  CHECK(measure_output(dir / "quiet.wav", cache).integrated_lufs == Approx(kTarget).margin(0.5));
}

TEST_CASE("Each file is measured once and the cache answers after that, even in a new process",
          "[audio][loudness][cache]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "a.wav", {1000.0, 0.2, 48000, 2, 48000 * 2});
  write_tone(dir / "b.wav", {1000.0, 0.1, 48000, 2, 48000 * 2});
  {
    LoudnessCache cache{content::Database::open(dir / "cache.sqlite")};
    const Loudness first = cache.loudness(dir / "a.wav");
    CHECK(cache.measurements() == 1);
    CHECK(cache.loudness(dir / "a.wav") == first);
    CHECK(cache.loudness(dir / "b.wav").integrated_lufs < first.integrated_lufs);
    CHECK(cache.measurements() == 2);
    for (int i = 0; i < 5; ++i) {
      (void)cache.loudness(dir / "a.wav");
    }
    CHECK(cache.measurements() == 2);
  }
  LoudnessCache reopened{content::Database::open(dir / "cache.sqlite")};
  (void)reopened.loudness(dir / "a.wav");
  CHECK(reopened.measurements() == 0);
  // A replaced file (other size) is measured again.
  write_tone(dir / "a.wav", {1000.0, 0.05, 48000, 2, 48000 * 3});
  (void)reopened.loudness(dir / "a.wav");
  CHECK(reopened.measurements() == 1);
}

TEST_CASE("The gain never lets the true peak pass the ceiling", "[audio][loudness]") {
  // Quiet on average but with a high peak: the target would need +20 dB, the peak allows +7.
  const Loudness spiky{-36.0, -8.0};
  CHECK(normalisation_gain_db(spiky, kTarget) == Approx(7.0));
  CHECK(normalisation_gain_db({-10.0, -0.5}, kTarget) == Approx(-6.0));
  const double silence = -std::numeric_limits<double>::infinity();
  CHECK(normalisation_gain_db({silence, silence}, kTarget) == 0.0);
}

TEST_CASE("A full-scale tone is measured near 0 dBTP and at its known loudness",
          "[audio][loudness]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "full.wav", {997.0, 1.0, 48000, 2, 48000 * 3, SF_FORMAT_WAV | SF_FORMAT_FLOAT});
  const Loudness loudness = measure_loudness(dir / "full.wav");
  CHECK(loudness.true_peak_dbtp == Approx(0.0).margin(0.2));
  // A 997 Hz sine at 0 dBFS in both channels of a stereo file reads 0 LUFS (BS.1770: -3.01 per
  // channel, summed).
  CHECK(loudness.integrated_lufs == Approx(0.0).margin(0.3));
}

TEST_CASE("A measurement asked to stop throws MeasureStopped and the cache keeps nothing of it",
          "[audio][loudness][cache]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "long.wav";
  write_tone(path, {440.0, 0.25, 16000, 1, 16000 * 4, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  std::stop_source stop;
  stop.request_stop();
  CHECK_THROWS_AS(measure_loudness(path, stop.get_token()), MeasureStopped);
  LoudnessCache cache{content::Database::open_memory()};
  CHECK_THROWS_AS(cache.loudness(path, stop.get_token()), MeasureStopped);
  CHECK_FALSE(cache.find(LoudnessCache::key_of(path)).has_value());
  CHECK(cache.measurements() == 0);
  CHECK(cache.loudness(path) == measure_loudness(path));  // not stopped: measured and kept
  CHECK(cache.measurements() == 1);
}

}  // namespace
}  // namespace tinxa::broadcast
