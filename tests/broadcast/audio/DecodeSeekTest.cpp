// Resume without decoding what comes before: DecodeStream::skip seeks where the file allows it,
// and its output is then identical, sample for sample, to decoding and dropping. Also the
// decode thread's settle(), its measuring thread, and the loudness prefill thread.
#include <pthread.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/DecodeStream.hpp"
#include "broadcast/audio/DecodeWorker.hpp"
#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/audio/LoudnessPrefill.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "content/media/MediaError.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/broadcast/audio/StopGate.hpp"
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

// Bytes the calling thread has read through read(2) and its kin so far (Linux task I/O
// accounting: /proc/thread-self/io, "rchar").
std::int64_t bytes_read_by_this_thread() {
  std::ifstream io{"/proc/thread-self/io"};
  std::string key;
  std::int64_t value = -1;
  while (io >> key >> value)
    if (key == "rchar:") return value;
  FAIL("/proc/thread-self/io has no rchar");
  return -1;
}

TEST_CASE("A resume late in a long file seeks instead of decoding what comes before",
          "[audio][decode][seek]") {
  // 10 minutes at 8 kHz mono 16-bit (9.6 MB of samples); a resume 9.5 minutes in. Decoding and
  // dropping reads the 9.12 MB before it; the seek reads next to none of it.
  const tinxa::test::TempDir dir;
  write_tone(dir / "long.wav", {440.0, 0.5, 8000, 1, 8000 * 600, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  constexpr std::int64_t kBefore = 8000 * 570 * 2;  // bytes of samples before the resume point
  const auto skip_reads = [&](bool allow_seek, std::vector<float>& tail) {
    DecodeStream stream{dir / "long.wav", {8000, 1}, 1.0F};
    const std::int64_t before = bytes_read_by_this_thread();
    stream.skip(8000 * 570, allow_seek);
    const std::int64_t read = bytes_read_by_this_thread() - before;
    tail = drain(stream, 1);
    return read;
  };
  std::vector<float> seeked, decoded;
  const std::int64_t seek_bytes = skip_reads(true, seeked);
  const std::int64_t decode_bytes = skip_reads(false, decoded);
  CAPTURE(seek_bytes, decode_bytes);
  CHECK(seeked.size() == 8000 * 30);
  CHECK(seeked == decoded);
  CHECK(decode_bytes >= kBefore);
  CHECK(seek_bytes < kBefore / 100);
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
  stream->cancel();
  REQUIRE(worker.settle(10s));
  CHECK(worker.active() == 0);
}

// The name of the calling thread (as pthread_setname_np set it).
std::string thread_name() {
  char name[16] = {};
  pthread_getname_np(pthread_self(), name, sizeof name);
  return name;
}

// A measuring function that holds the measurement of one file until the test opens it, and
// says when that measurement has begun and on which thread. Opens by itself after 30 s, so a
// failed check cannot leave a thread stuck.
class MeasureGate {
 public:
  explicit MeasureGate(std::string file) : m_file{std::move(file)} {}
  Loudness measure(const std::filesystem::path& path) {
    if (path.filename() == m_file) {
      std::unique_lock lock{m_mutex};
      m_entered_on = thread_name();
      m_changed.notify_all();
      m_changed.wait_for(lock, 30s, [this] { return m_open; });
    }
    return measure_loudness(path);
  }
  // Waits until the held measurement has begun; the name of its thread, empty after 30 s.
  std::string wait_entered() {
    std::unique_lock lock{m_mutex};
    m_changed.wait_for(lock, 30s, [this] { return !m_entered_on.empty(); });
    return m_entered_on;
  }
  void open() {
    {
      const std::lock_guard lock{m_mutex};
      m_open = true;
    }
    m_changed.notify_all();
  }

 private:
  std::string m_file;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::string m_entered_on;
  bool m_open = false;
};

TEST_CASE(
    "A file not in the cache is measured off the decode thread, which keeps refilling the "
    "other streams meanwhile",
    "[audio][decode][worker][loudness]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "new.wav", {440.0, 0.5, 48000, 2, 48000 * 4, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  write_tone(dir / "known.wav",
             {700.0, 0.1, 48000, 2, 48000 * 4, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  constexpr double kTarget = -20.0;
  MeasureGate gate{"new.wav"};
  LoudnessCache cache{content::Database::open_memory(),
                      [&gate](const std::filesystem::path& path) { return gate.measure(path); }};
  const Loudness known = cache.loudness(dir / "known.wav");  // in the cache before the worker
  BlockPool pool{64, 1024, 2};
  const auto stream = [&](StreamId id, const char* name) {
    auto s =
        std::make_shared<PlaybackStream>(id, dir / name, pool, DeviceFormat{48000, 2}, kTarget);
    s->adopt(content::SoundFile::open(dir / name));
    return s;
  };
  const auto late = stream(1, "new.wav");
  const auto other = stream(2, "known.wav");
  {
    DecodeWorker worker{&cache, {.queue_target_blocks = 8, .refill_period = 1h}};
    worker.add(late);
    // Its measurement has begun, on the measuring thread, and is held there.
    CHECK(gate.wait_entered() == "tinxa-measure");
    worker.add(other);
    REQUIRE(worker.settle(10s, DecodeWorker::Settle::turn));
    CHECK(late->state() == PlaybackStream::State::waiting);
    CHECK(late->queue().size() == 0);
    CHECK(other->state() == PlaybackStream::State::ready);
    CHECK(other->queue().size() == 8);
    CHECK(other->applied_gain_db() == Approx(normalisation_gain_db(known, kTarget)));
    // The mixer plays half of the other stream's blocks: they are refilled while the measurement
    // is still held.
    for (int i = 0; i < 4; ++i) {
      AudioBlock* block = nullptr;
      REQUIRE(other->queue().try_pop(block));
      pool.release(block);
    }
    REQUIRE(worker.settle(10s, DecodeWorker::Settle::turn));
    CHECK(other->queue().size() == 8);
    CHECK(late->queue().size() == 0);
    // Once measured, the waiting stream gets its blocks at its normalised gain.
    gate.open();
    REQUIRE(worker.settle(30s));
    CHECK(late->state() == PlaybackStream::State::ready);
    CHECK(late->queue().size() == 8);
    CHECK(late->applied_gain_db() ==
          Approx(normalisation_gain_db(measure_loudness(dir / "new.wav"), kTarget)));
    late->cancel();
    other->cancel();
    REQUIRE(worker.settle(10s));
  }
  // The decode thread stored the measurement.
  CHECK(cache.find(LoudnessCache::key_of(dir / "new.wav")).has_value());
}

TEST_CASE("A stream whose file cannot be measured fails with the reason and plays nothing",
          "[audio][decode][worker][loudness]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "bad.wav", {440.0, 0.5, 48000, 2, 48000, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  std::atomic<int> measures{0};
  LoudnessCache cache{content::Database::open_memory(),
                      [&measures](const std::filesystem::path& path) -> Loudness {
                        ++measures;
                        throw content::MediaError("cannot decode audio", path, "damaged");
                      }};
  BlockPool pool{64, 1024, 2};
  // Two streams of the same file: one measurement, both fail. A third, later (an emergency
  // repeated), fails with the remembered reason: the file is not decoded again.
  std::vector<std::shared_ptr<PlaybackStream>> streams;
  DecodeWorker worker{&cache, {.queue_target_blocks = 8, .refill_period = 1h}};
  const auto add = [&](StreamId id) {
    streams.push_back(
        std::make_shared<PlaybackStream>(id, dir / "bad.wav", pool, DeviceFormat{48000, 2}, -20.0));
    worker.add(streams.back());
  };
  add(1);
  add(2);
  REQUIRE(worker.settle(30s));
  add(3);
  REQUIRE(worker.settle(30s));
  CHECK(measures == 1);
  for (const auto& stream : streams) {
    CHECK(stream->state() == PlaybackStream::State::failed);
    CHECK_FALSE(stream->queued_audio());
    REQUIRE(stream->error());
    CHECK_THROWS_WITH(std::rethrow_exception(stream->error()), Catch::Contains("damaged"));
    // Only its end mark is queued: the mixer ends it on its start frame.
    AudioBlock* block = nullptr;
    REQUIRE(stream->queue().try_pop(block));
    CHECK(block->end_of_stream);
    CHECK(block->frames == 0);
    pool.release(block);
  }
  CHECK(worker.active() == 0);
}

TEST_CASE("A failed measurement is measured again once the file is replaced",
          "[audio][decode][worker][loudness]") {
  const tinxa::test::TempDir dir;
  const auto file = dir / "fixed.wav";
  write_tone(file, {440.0, 0.5, 48000, 2, 48000, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  std::atomic<int> measures{0};
  LoudnessCache cache{content::Database::open_memory(),
                      [&measures](const std::filesystem::path& path) -> Loudness {
                        if (++measures == 1)
                          throw content::MediaError("cannot decode audio", path, "damaged");
                        return measure_loudness(path);
                      }};
  BlockPool pool{64, 1024, 2};
  DecodeWorker worker{&cache, {.queue_target_blocks = 8, .refill_period = 1h}};
  const auto play = [&](StreamId id) {
    auto stream = std::make_shared<PlaybackStream>(id, file, pool, DeviceFormat{48000, 2}, -20.0);
    stream->adopt(content::SoundFile::open(file));
    worker.add(stream);
    REQUIRE(worker.settle(30s));
    return stream;
  };
  CHECK(play(1)->state() == PlaybackStream::State::failed);
  // Rewritten, longer: another size, so another key.
  write_tone(file, {440.0, 0.5, 48000, 2, 48000 * 2, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  const auto again = play(2);
  CHECK(again->state() == PlaybackStream::State::ready);
  CHECK(measures == 2);
  again->cancel();
  REQUIRE(worker.settle(10s));
}

// The daemon's decode thread opens the cache with busy timeout 0: while another connection (the
// prefill's) holds the write lock, storing a measurement fails at once and is dropped instead
// of holding up every stream's refill for the 5 s default.
TEST_CASE("The decode thread never waits for the cache's write lock held by another connection",
          "[audio][decode][worker][loudness][sqlite]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "new.wav", {440.0, 0.5, 48000, 2, 48000, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  const auto path = dir / "cache.sqlite";
  { LoudnessCache migrate{content::Database::open(path)}; }  // the prefill's connection's work
  LoudnessCache cache{content::Database::open(path, 0ms)};
  content::Database prefill = content::Database::open(path);
  BlockPool pool{64, 1024, 2};
  auto stream =
      std::make_shared<PlaybackStream>(1, dir / "new.wav", pool, DeviceFormat{48000, 2}, -20.0);
  stream->adopt(content::SoundFile::open(dir / "new.wav"));
  {
    const content::Database::Transaction writing{prefill};  // BEGIN IMMEDIATE: the write lock
    DecodeWorker worker{&cache, {.queue_target_blocks = 8, .refill_period = 1h}};
    worker.add(stream);
    // Measured, the store refused at once, the stream topped up: well within the 5 s default
    // busy timeout the store would otherwise wait.
    REQUIRE(worker.settle(2s));
    CHECK(stream->state() == PlaybackStream::State::ready);
    CHECK(stream->queue().size() == 8);
    stream->cancel();
    REQUIRE(worker.settle(2s));
  }
  CHECK_FALSE(cache.find(LoudnessCache::key_of(dir / "new.wav")).has_value());  // dropped
}

TEST_CASE("A report that throws does not stop the prefill thread", "[audio][loudness][prefill]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "good.wav", {440.0, 0.25, 16000, 1, 16000, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  std::atomic<int> reports{0};
  LoudnessPrefill prefill{std::make_unique<LoudnessCache>(content::Database::open_memory()),
                          [&reports](const std::string&) {
                            ++reports;
                            throw std::runtime_error("the log is gone");
                          }};
  prefill.request({dir / "missing.wav", dir / "good.wav", dir / "missing-too.wav"});
  REQUIRE(prefill.wait_idle(30s));
  CHECK(reports == 2);
}

TEST_CASE(
    "The prefill thread measures every file once, off the calling thread, and reports the "
    "files it cannot measure",
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
  std::vector<std::string> reported;
  std::mutex mutex;
  {
    LoudnessPrefill prefill{
        std::make_unique<LoudnessCache>(content::Database::open(dir / "cache.sqlite"),
                                        [&](const std::filesystem::path& path) {
                                          {
                                            const std::lock_guard lock{mutex};
                                            threads.push_back(std::this_thread::get_id());
                                          }
                                          return measure_loudness(path);
                                        }),
        [&](const std::string& line) {
          const std::lock_guard lock{mutex};
          reported.push_back(line);
        }};
    prefill.request(files);
    REQUIRE(prefill.wait_idle(30s));
  }
  // The missing file fails before it is measured (it cannot be stat'ed), and is reported in both
  // languages with its name and the reason.
  REQUIRE(threads.size() == 3);
  for (const auto& id : threads) CHECK(id != std::this_thread::get_id());
  REQUIRE(reported.size() == 1);
  CHECK_THAT(reported[0], Catch::Contains("không đo được độ to") &&
                              Catch::Contains("cannot measure the loudness") &&
                              Catch::Contains((dir / "missing.wav").string()) &&
                              Catch::Contains("No such file"));
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

// The daemon's shutdown destroys the prefill: it must not wait for seconds of a long file.
TEST_CASE("Destroying the prefill stops the measurement in progress and reports nothing of it",
          "[audio][loudness][prefill]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "long.wav",
             {440.0, 0.25, 16000, 1, 16000 * 4, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  write_tone(dir / "next.wav", {440.0, 0.25, 16000, 1, 16000, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  test::StopGate gate{"long.wav"};
  std::atomic<int> reports{0};
  {
    LoudnessPrefill prefill{
        std::make_unique<LoudnessCache>(content::Database::open_memory(), gate.function()),
        [&reports](const std::string&) { ++reports; }};
    prefill.request({dir / "long.wav", dir / "next.wav"});
    REQUIRE(gate.wait_entered());
  }
  // Released by the stop request (else only after the gate's 30 s), and measure_loudness saw it.
  CHECK(gate.saw_stop());
  CHECK(gate.calls() == std::vector<test::StopGate::Call>{{"long.wav", true}});
  CHECK(reports == 0);
}

}  // namespace
}  // namespace tinxa::broadcast
