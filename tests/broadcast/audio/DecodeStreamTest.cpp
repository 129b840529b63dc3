#include "broadcast/audio/DecodeStream.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "broadcast/rt/Mixer.hpp"
#include "content/media/MediaError.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {
namespace {

using test::tone_energy_ratio;
using test::ToneFile;
using test::write_tone;

// Decodes all of `path` for `device` into one interleaved vector (short files only).
std::vector<float> decode_all(const std::filesystem::path& path, DeviceFormat device,
                              float gain = 1.0F, std::int64_t skip = 0) {
  DecodeStream stream{path, device, gain};
  stream.skip(skip);
  BlockPool pool{2, 1000, device.channels};
  std::vector<float> out;
  for (;;) {
    AudioBlock* block = pool.acquire();
    const bool more = stream.fill(*block);
    out.insert(out.end(), block->samples, block->samples + block->frames * device.channels);
    pool.release(block);
    if (!more) {
      CHECK(block->end_of_stream);
      return out;
    }
  }
}

std::vector<float> first_channel(const std::vector<float>& interleaved, std::size_t channels) {
  std::vector<float> out;
  for (std::size_t i = 0; i < interleaved.size(); i += channels) {
    out.push_back(interleaved[i]);
  }
  return out;
}

TEST_CASE("Resampling 44.1 kHz to 48 kHz keeps a 1 kHz tone at 1 kHz and keeps the duration",
          "[audio][decode][resample]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "tone.wav", {1000.0, 0.5, 44100, 2, 44100 * 3});
  const auto out = decode_all(dir / "tone.wav", {48000, 2});
  const auto left = first_channel(out, 2);
  // 3 s at 48 kHz, give or take the converter's rounding.
  CHECK(std::abs(static_cast<long>(left.size()) - 3 * 48000) <= 2);
  // Skip the converter's edges; look at 2 s in the middle.
  const std::vector<float> middle(left.begin() + 24000, left.begin() + 24000 + 96000);
  CHECK(tone_energy_ratio(middle, 1000.0, 48000) > 0.49);
  // Played back without resampling it would sound at 1000 * 44100 / 48000 = 918.75 Hz.
  CHECK(tone_energy_ratio(middle, 918.75, 48000) < 0.01);
  CHECK(tone_energy_ratio(middle, 1010.0, 48000) < 0.05);
  const float peak = *std::max_element(middle.begin(), middle.end());
  CHECK(peak == Approx(0.5F).margin(0.01F));
}

TEST_CASE("A file at the device rate passes through with the gain applied", "[audio][decode]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "tone.wav", {500.0, 0.5, 48000, 2, 12345, SF_FORMAT_WAV | SF_FORMAT_FLOAT});
  const auto out = decode_all(dir / "tone.wav", {48000, 2}, 0.5F);
  CHECK(out.size() == 12345U * 2);
  const float peak = *std::max_element(out.begin(), out.end());
  CHECK(peak == Approx(0.25F).margin(0.001F));
}

TEST_CASE("A mono file is heard on both channels and a stereo file is averaged for a mono device",
          "[audio][decode]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "mono.wav", {440.0, 0.5, 48000, 1, 4800});
  const auto stereo = decode_all(dir / "mono.wav", {48000, 2});
  REQUIRE(stereo.size() == 9600);
  for (std::size_t f = 0; f < 4800; ++f) {
    REQUIRE(stereo[2 * f] == stereo[2 * f + 1]);
  }
  write_tone(dir / "stereo.wav", {440.0, 0.5, 48000, 2, 4800});
  CHECK(decode_all(dir / "stereo.wav", {48000, 1}).size() == 4800);
}

TEST_CASE("A stream started N frames in delivers the file from frame N, also when resampling",
          "[audio][decode][seek]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "same.wav", {440.0, 0.5, 48000, 1, 48000});
  const auto whole = decode_all(dir / "same.wav", {48000, 1});
  const auto rest = decode_all(dir / "same.wav", {48000, 1}, 1.0F, 12345);
  REQUIRE(rest.size() == whole.size() - 12345);
  CHECK(std::equal(rest.begin(), rest.end(), whole.begin() + 12345));
  // Resampled: 44.1 kHz file, 48 kHz device; the rest is as long as what is left.
  write_tone(dir / "other.wav", {440.0, 0.5, 44100, 1, 44100});
  const auto resampled = decode_all(dir / "other.wav", {48000, 1}, 1.0F, 24000);
  CHECK(std::abs(static_cast<long>(resampled.size()) - 24000) <= 2);
  CHECK(decode_all(dir / "same.wav", {48000, 1}, 1.0F, 96000).empty());  // past the end
}

TEST_CASE("A missing file fails at open with the path in the message", "[audio][decode]") {
  const tinxa::test::TempDir dir;
  CHECK_THROWS_AS(DecodeStream(dir / "missing.wav", {48000, 2}, 1.0F), content::MediaError);
}

TEST_CASE(
    "A ten-minute file streams through a small pool: the pool bounds the memory and every "
    "frame arrives",
    "[audio][decode][memory]") {
  const tinxa::test::TempDir dir;
  constexpr std::int64_t kSourceFrames = 22050LL * 600;  // 10 min of mono 22.05 kHz
  write_tone(dir / "long.wav", {440.0, 0.3, 22050, 1, kSourceFrames});
  constexpr std::size_t kPoolBlocks = 16;
  constexpr std::size_t kTarget = 8;
  BlockPool pool{kPoolBlocks, 2048, 2};
  Mixer mixer{48000};
  PlaybackStream stream{1, dir / "long.wav", pool, {48000, 2}, std::nullopt};
  REQUIRE(stream.top_up(nullptr, kTarget));
  REQUIRE(mixer.post(MixerCommand::start(1, &stream.queue(), 0, 1.0F, 0)));

  std::vector<float> buffer(4096 * 2);
  std::size_t max_queued = 0;
  bool ended = false;
  std::int64_t end_frame = 0;
  while (!ended) {
    pool.reclaim(mixer.spent());
    stream.top_up(nullptr, kTarget);
    max_queued = std::max(max_queued, stream.queue().size());
    mixer.render(buffer, 2);
    MixerEvent event;
    while (mixer.next_event(event)) {
      REQUIRE(event.kind != MixerEvent::Kind::underrun);
      if (event.kind == MixerEvent::Kind::ended) {
        ended = true;
        end_frame = event.frame;
      }
    }
  }
  pool.reclaim(mixer.spent());
  CHECK(stream.state() == PlaybackStream::State::decoded);
  CHECK(std::abs(end_frame - 48000LL * 600) <= 2);  // all of it, at 48 kHz
  CHECK(pool.high_water() <= kTarget + 1);          // the queue, plus the block being played
  CHECK(max_queued <= kTarget);
  CHECK(pool.in_use() == 0);
  CHECK(mixer.underruns() == 0);
}

TEST_CASE("A pool refuses more blocks than the mixer can give back", "[audio][pool]") {
  CHECK_THROWS_AS(BlockPool(kSpentRingCapacity + 1, 256, 2), std::invalid_argument);
  BlockPool pool{2, 256, 2};
  AudioBlock* a = pool.acquire();
  AudioBlock* b = pool.acquire();
  CHECK(a != nullptr);
  CHECK(b != nullptr);
  CHECK(pool.acquire() == nullptr);
  pool.release(a);
  pool.release(b);
  CHECK(pool.in_use() == 0);
  CHECK(pool.high_water() == 2);
}

}  // namespace
}  // namespace tinxa::broadcast
