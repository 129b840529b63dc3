// Resume without decoding what comes before: DecodeStream::skip seeks where the file allows it,
// and its output is then identical, sample for sample, to decoding and dropping. Also the
// decode thread's settle() and the loudness prefill thread.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/DecodeStream.hpp"
#include "broadcast/audio/DecodeWorker.hpp"
#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/audio/LoudnessPrefill.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using test::write_tone;

// Every sample `stream` delivers from where it is to its end.
std::vector<float> drain(DecodeStream& stream, std::size_t channels) {
  std::vector<float> storage(1024 * channels);
  AudioBlock block{};
  block.samples = storage.data();
  block.capacity_frames = 1024;
  block.channels = static_cast<std::uint32_t>(channels);
  std::vector<float> out;
  bool more = true;
  while (more) {
    more = stream.fill(block);
    out.insert(out.end(), storage.begin(),
               storage.begin() + static_cast<std::ptrdiff_t>(block.frames * channels));
  }
  return out;
}

TEST_CASE("A resume by seeking plays the same samples as a resume by decoding and dropping",
          "[audio][decode][seek]") {
  const tinxa::test::TempDir dir;
  struct Case {
    std::string name;
    int format;
    int rate;
  };
  const auto c = GENERATE(Case{"same-rate.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 48000},
                          Case{"resampled.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 44100},
                          Case{"resampled.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 22050});
  const std::int64_t at = GENERATE(std::int64_t{1}, std::int64_t{48000}, std::int64_t{150001});
  CAPTURE(c.name, at);
  write_tone(dir / c.name, {440.0, 0.5, c.rate, 2, c.rate * 4, c.format});
  const DeviceFormat device{48000, 2};
  DecodeStream seeking{dir / c.name, device, 0.5F};
  DecodeStream decoding{dir / c.name, device, 0.5F};
  REQUIRE(seeking.file().seekable());
  seeking.skip(at);
  decoding.skip(at, false);
  CHECK(seeking.frames_delivered() == decoding.frames_delivered());
  const auto expected = drain(decoding, 2);
  const auto got = drain(seeking, 2);
  REQUIRE(expected.size() > 48000);
  CHECK(got.size() == expected.size());
  CHECK(std::memcmp(got.data(), expected.data(),
                    std::min(got.size(), expected.size()) * sizeof(float)) == 0);
}

TEST_CASE("A resume late in a long file seeks instead of decoding what comes before",
          "[audio][decode][seek]") {
  // 10 minutes at 8 kHz mono; a resume 9.5 minutes in. Decoding and dropping reads 4.56 M frames
  // first; the seek reads none, so it is far faster (a margin no loaded machine closes).
  const tinxa::test::TempDir dir;
  write_tone(dir / "long.wav", {440.0, 0.5, 8000, 1, 8000 * 600, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  const auto time_skip = [&](bool allow_seek, std::vector<float>& tail) {
    DecodeStream stream{dir / "long.wav", {8000, 1}, 1.0F};
    const auto begun = std::chrono::steady_clock::now();
    stream.skip(8000 * 570, allow_seek);
    const auto took = std::chrono::steady_clock::now() - begun;
    tail = drain(stream, 1);
    return std::chrono::duration<double, std::milli>(took).count();
  };
  std::vector<float> seeked, decoded;
  const double seek_ms = time_skip(true, seeked);
  const double decode_ms = time_skip(false, decoded);
  WARN("resume 9.5 min into a 10 min WAV: seek " << seek_ms << " ms, decode and drop " << decode_ms
                                                 << " ms");
  CHECK(seeked.size() == 8000 * 30);
  CHECK(seeked == decoded);
  CHECK(seek_ms * 5 < decode_ms);
}

TEST_CASE("The decode thread settles: every stream handed to it is topped up",
          "[audio][decode][worker]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "tone.wav", {440.0, 0.5, 48000, 2, 48000 * 2, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  BlockPool pool{64, 1024, 2};
  // A period far longer than the test: the thread runs only when woken.
  DecodeWorker worker{nullptr, {.queue_target_blocks = 8, .refill_period = 1h}};
  auto stream = std::make_shared<PlaybackStream>(1, dir / "tone.wav", pool, DeviceFormat{48000, 2},
                                                 std::nullopt);
  stream->adopt(content::SoundFile::open(dir / "tone.wav"));
  worker.add(stream);
  REQUIRE(worker.settle(10s));
  CHECK(stream->state() == PlaybackStream::State::ready);
  CHECK(stream->queue().size() == 8);
  CHECK(stream->queued_audio());
  CHECK(stream->decode_thread() != std::this_thread::get_id());
  CHECK(stream->decode_thread() != std::thread::id{});
  stream->cancel();
  REQUIRE(worker.settle(10s));
  CHECK(worker.active() == 0);
}

TEST_CASE("The prefill thread measures every file once, off the calling thread",
          "[audio][loudness][prefill]") {
  const tinxa::test::TempDir dir;
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 3; ++i) {
    files.push_back(dir / ("f" + std::to_string(i) + ".wav"));
    write_tone(files.back(),
               {440.0 + 100 * i, 0.25, 16000, 1, 16000, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  }
  files.push_back(dir / "missing.wav");
  files.push_back(files.front());  // a duplicate is measured once
  std::vector<std::thread::id> threads;
  std::mutex threads_mutex;
  {
    LoudnessPrefill prefill{std::make_unique<LoudnessCache>(
        content::Database::open(dir / "cache.sqlite"), [&](const std::filesystem::path& path) {
          {
            const std::lock_guard lock{threads_mutex};
            threads.push_back(std::this_thread::get_id());
          }
          return measure_loudness(path);
        })};
    prefill.request(files);
    REQUIRE(prefill.wait_idle(30s));
    CHECK(prefill.done() == 4);
    CHECK(prefill.failed() == 1);
  }
  // The missing file fails before it is measured (it cannot be stat'ed).
  REQUIRE(threads.size() == 3);
  for (const auto& id : threads) CHECK(id != std::this_thread::get_id());
  // What it measured is in the cache for the decode thread's own connection.
  LoudnessCache reader{content::Database::open(dir / "cache.sqlite"),
                       [](const std::filesystem::path&) -> Loudness {
                         FAIL("measured again");
                         return {};
                       }};
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(std::isfinite(reader.loudness(files[i]).integrated_lufs));
  CHECK(reader.measurements() == 0);
}

}  // namespace
}  // namespace tinxa::broadcast
