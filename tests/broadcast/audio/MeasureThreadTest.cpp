// The measuring thread's order (the class of the item that needs a file, then the order asked),
// its stopping of a lower class's measurement for a higher class, and its prompt destruction;
// and the same order through the decode thread, which knows each stream's class.
#include "broadcast/audio/MeasureThread.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/DecodeWorker.hpp"
#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/broadcast/audio/StopGate.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using test::StopGate;
using test::write_tone;
using Priority = MeasureThread::Priority;

// Counts the results the measuring thread announces (its on_result).
class ResultCount {
 public:
  void arrived() {
    {
      const std::lock_guard lock{m_mutex};
      ++m_count;
    }
    m_changed.notify_all();
  }
  // Waits until `count` results have arrived; false after 30 s.
  bool wait(int count) {
    std::unique_lock lock{m_mutex};
    return m_changed.wait_for(lock, 30s, [&] { return m_count >= count; });
  }
  int count() {
    const std::lock_guard lock{m_mutex};
    return m_count;
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  int m_count = 0;
};

// A short mono tone file named `name`.wav in `dir`.
std::filesystem::path tone(const std::filesystem::path& dir, const std::string& name,
                           std::int64_t frames = 8000) {
  auto path = dir / (name + ".wav");
  write_tone(path, {440.0, 0.25, 16000, 1, frames, SF_FORMAT_WAV | SF_FORMAT_PCM_16});
  return path;
}

std::vector<std::string> names(const std::vector<MeasureThread::Result>& results) {
  std::vector<std::string> out;
  for (const auto& result : results) out.push_back(result.path.filename().string());
  return out;
}

TEST_CASE(
    "Files are measured by the class of the item that needs them, then in the order asked, and "
    "a file asked again at a higher class moves up",
    "[audio][loudness][measure]") {
  const tinxa::test::TempDir dir;
  StopGate gate{"first.wav"};
  ResultCount results;
  MeasureThread measurer{gate.function(), [&results] { results.arrived(); }};
  const auto ask = [&](const std::string& name, Priority priority) {
    const auto path = dir / (name + ".wav");
    if (!std::filesystem::exists(path)) tone(dir.path(), name);
    measurer.submit(path, LoudnessCache::key_of(path), priority);
  };
  // Held while the others are asked for; a file of the same class does not stop it.
  ask("first", Priority::emergency);
  REQUIRE(gate.wait_entered());
  ask("n1", Priority::normal);
  ask("n2", Priority::normal);
  ask("p1", Priority::priority);
  ask("n3", Priority::normal);
  ask("e1", Priority::emergency);
  ask("n3", Priority::priority);  // asked again, higher: after p1, asked at that class before
  ask("n1", Priority::normal);    // asked again, same class: keeps its place, measured once
  gate.open();
  REQUIRE(results.wait(6));
  const auto done = measurer.take();
  CHECK(names(done) ==
        std::vector<std::string>{"first.wav", "e1.wav", "p1.wav", "n3.wav", "n1.wav", "n2.wav"});
  for (const auto& result : done) CHECK(result.loudness.has_value());
  CHECK_FALSE(gate.saw_stop());
  CHECK(gate.calls().size() == 6);
}

TEST_CASE(
    "An emergency file stops the measurement of a normal file in progress, which is measured "
    "again after it and still answered",
    "[audio][loudness][measure]") {
  const tinxa::test::TempDir dir;
  const auto long_file = tone(dir.path(), "long", 16000 * 4);
  const auto alert = tone(dir.path(), "alert");
  StopGate gate{"long.wav"};  // stands for an hour of MP3: about 7 s of decoding
  ResultCount results;
  MeasureThread measurer{gate.function(), [&results] { results.arrived(); }};
  measurer.submit(long_file, LoudnessCache::key_of(long_file), Priority::normal);
  REQUIRE(gate.wait_entered());
  measurer.submit(alert, LoudnessCache::key_of(alert), Priority::emergency);
  REQUIRE(results.wait(2));
  CHECK(gate.saw_stop());
  CHECK(gate.calls() ==
        std::vector<StopGate::Call>{{"long.wav", true}, {"alert.wav", false}, {"long.wav", false}});
  const auto done = measurer.take();
  REQUIRE(done.size() == 2);
  CHECK(names(done) == std::vector<std::string>{"alert.wav", "long.wav"});
  // The stopped measurement is no result: the file's one result is the whole measurement.
  CHECK_FALSE(done[1].error);
  REQUIRE(done[1].loudness.has_value());
  CHECK(*done[1].loudness == measure_loudness(long_file));
  CHECK(done[1].key.path == LoudnessCache::key_of(long_file).path);
}

// The destructor can only return once the held measurement has returned, which it does before
// the gate's 30 s only when its stop is requested: saw_stop() shows it returned at once.
TEST_CASE(
    "Destroying the measuring thread stops the measurement in progress instead of waiting for "
    "its end",
    "[audio][loudness][measure]") {
  const tinxa::test::TempDir dir;
  const auto long_file = tone(dir.path(), "long", 16000 * 4);
  const auto next = tone(dir.path(), "next");
  StopGate gate{"long.wav"};
  ResultCount results;
  {
    MeasureThread measurer{gate.function(), [&results] { results.arrived(); }};
    measurer.submit(long_file, LoudnessCache::key_of(long_file), Priority::normal);
    measurer.submit(next, LoudnessCache::key_of(next), Priority::normal);  // dropped
    REQUIRE(gate.wait_entered());
  }
  CHECK(gate.saw_stop());
  // measure_loudness saw the stop too (it threw MeasureStopped); nothing else was measured.
  CHECK(gate.calls() == std::vector<StopGate::Call>{{"long.wav", true}});
  CHECK(results.count() == 0);
}

struct WorkerSite {
  tinxa::test::TempDir dir;
  BlockPool pool{64, 1024, 2};

  std::shared_ptr<PlaybackStream> stream(StreamId id, const std::filesystem::path& path) {
    auto s = std::make_shared<PlaybackStream>(id, path, pool, DeviceFormat{48000, 2}, -20.0);
    s->adopt(content::SoundFile::open(path));
    return s;
  }
};

TEST_CASE(
    "The decode thread has an emergency stream's file measured at once, stopping a normal "
    "stream's, which still gets its loudness after",
    "[audio][decode][worker][loudness][measure]") {
  WorkerSite site;
  const auto long_file = tone(site.dir.path(), "long", 16000 * 4);
  const auto alert_file = tone(site.dir.path(), "alert");
  StopGate gate{"long.wav"};
  LoudnessCache cache{content::Database::open_memory(), gate.function()};
  const auto normal = site.stream(1, long_file);
  const auto alert = site.stream(2, alert_file);
  DecodeWorker worker{&cache, {.queue_target_blocks = 8, .refill_period = 1h}};
  worker.add(normal);
  REQUIRE(gate.wait_entered());
  worker.add(alert, Priority::emergency);
  REQUIRE(worker.settle(30s));
  CHECK(gate.saw_stop());
  CHECK(gate.calls() ==
        std::vector<StopGate::Call>{{"long.wav", true}, {"alert.wav", false}, {"long.wav", false}});
  for (const auto& [stream, path] : {std::pair{normal, long_file}, std::pair{alert, alert_file}}) {
    CHECK(stream->state() == PlaybackStream::State::ready);
    CHECK(stream->applied_gain_db() ==
          Approx(normalisation_gain_db(measure_loudness(path), -20.0)));
    CHECK(cache.find(LoudnessCache::key_of(path)).has_value());
    stream->cancel();
  }
  REQUIRE(worker.settle(10s));
}

TEST_CASE(
    "A file a normal stream waits for moves up when an emergency stream of the same file comes",
    "[audio][decode][worker][loudness][measure]") {
  WorkerSite site;
  const auto first = tone(site.dir.path(), "first");
  const auto a = tone(site.dir.path(), "a");
  const auto b = tone(site.dir.path(), "b");
  StopGate gate{"first.wav"};
  LoudnessCache cache{content::Database::open_memory(), gate.function()};
  std::vector<std::shared_ptr<PlaybackStream>> streams{site.stream(1, first), site.stream(2, a),
                                                       site.stream(3, b), site.stream(4, b)};
  DecodeWorker worker{&cache, {.queue_target_blocks = 8, .refill_period = 1h}};
  worker.add(streams[0], Priority::emergency);  // held
  REQUIRE(gate.wait_entered());
  worker.add(streams[1]);
  worker.add(streams[2]);
  REQUIRE(worker.settle(10s, DecodeWorker::Settle::turn));  // a, then b, asked for
  worker.add(streams[3], Priority::emergency);
  REQUIRE(worker.settle(10s, DecodeWorker::Settle::turn));
  gate.open();
  REQUIRE(worker.settle(30s));
  CHECK(gate.calls() ==
        std::vector<StopGate::Call>{{"first.wav", false}, {"b.wav", false}, {"a.wav", false}});
  for (const auto& stream : streams) {
    CHECK(stream->state() == PlaybackStream::State::ready);
    stream->cancel();
  }
  REQUIRE(worker.settle(10s));
}

}  // namespace
}  // namespace tinxa::broadcast
