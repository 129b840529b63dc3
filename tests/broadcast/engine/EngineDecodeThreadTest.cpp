// The engine's decode-thread mode (the real-time daemon): it plays exactly what the synchronous
// mode (the simulator) plays, the event loop never decodes or measures loudness (nor does the
// decode thread measure: its measuring thread does), and files that cannot be played are skipped
// the same way.
#include <pthread.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/engine/Engine.hpp"
#include "content/media/MediaError.hpp"
#include "tests/broadcast/audio/StopGate.hpp"
#include "tests/broadcast/engine/EngineDriver.hpp"
#include "tests/broadcast/engine/EngineFixture.hpp"
#include "tests/broadcast/engine/Timeline.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using test::kOrigin;

struct Run {
  std::vector<float> z1, z2;
  std::vector<std::string> records;  // slot:item:outcome:started-ms:ended-ms
  // The threads the loudness measurements ran on, by id and by name.
  std::vector<std::pair<std::thread::id, std::string>> measured_on;
  std::int64_t resumed_from = 0;  // where the resumed stream started in its file
};

std::string thread_name() {
  char name[16] = {};
  pthread_getname_np(pthread_self(), name, sizeof name);
  return name;
}

// A playlist in both zones, an emergency that preempts it in z1 (which then resumes, seeking into
// the cut item), and an announcement whose loudness cannot be measured (it fails on whatever
// thread decodes it) between two good ones.
Run play(const std::string& name, bool decode_thread) {
  test::Installation site{name};
  content::Announcement broken = site.bundle.announcements.front();
  broken.id = "broken";
  site.bundle.announcements.push_back(broken);
  content::Playlist q;
  q.id = "q";
  q.title = content::LocalizedText{"Có lỗi"};
  q.items = {"a", "broken", "b"};
  site.bundle.playlists.push_back(q);
  // "broken" is a.wav under another name: only the cache's measurement knows it is broken.
  const auto broken_path = site.dir / "broken.wav";
  std::filesystem::copy_file(site.dir / "a.wav", broken_path);
  site.bundle.announcements.back().audio.path.absolute = broken_path;

  Run run;
  std::mutex mutex;
  LoudnessCache cache{content::Database::open_memory(), [&](const std::filesystem::path& path) {
                        {
                          const std::lock_guard lock{mutex};
                          run.measured_on.emplace_back(std::this_thread::get_id(), thread_name());
                        }
                        if (path.filename() == "broken.wav")
                          throw content::MediaError("cannot decode audio", path, "damaged");
                        return measure_loudness(path);
                      }};
  EngineOptions o = test::engine_options();
  o.target_lufs = -20.0;
  o.lead = 100ms;
  o.decode_thread = decode_thread;
  o.decode_period = 1h;  // the decode thread runs only when woken: every render is deterministic
  Engine engine{site.clock, site.log, site.schedule, site.bundle, o, &cache};
  {
    test::EngineDriver drive{engine, site.clock};
    engine.schedule({
        test::occurrence("sang", kOrigin, {"z1", "z2"}, test::playlist("p")),
        test::occurrence("bao-dong", kOrigin + 1200ms, {"z1"}, test::announcement("alarm"),
                         Priority::emergency),
        test::occurrence("loi", kOrigin + 10s, {"z2"}, test::playlist("q")),
    });
    drive.run_until(kOrigin + 3600ms);  // "a" resumed at 3.2 s, seeking 0.2 s into the file
    if (const auto stream = engine.current_stream("z1")) run.resumed_from = stream->start_frame();
    drive.run_until(kOrigin + 16s);
    CHECK_FALSE(engine.busy());
    run.z1 = drive.audio(0);
    run.z2 = drive.audio(1);
  }
  const auto ms = [](const std::optional<content::TimePoint>& t) {
    return t ? std::to_string((*t - kOrigin) / 1ms) : std::string{"-"};
  };
  for (const auto& r : site.log.between(kOrigin - 1h, kOrigin + 1h))
    run.records.push_back(r.slot_id + ":" + r.item_id + ":" +
                          std::string{content::to_string(r.outcome)} + ":" + ms(r.started) + ":" +
                          ms(r.ended));
  return run;
}

TEST_CASE("The engine plays the same audio through the decode thread as synchronously",
          "[engine][decode-thread]") {
  const Run sync = play("decode-sync", false);
  const Run threaded = play("decode-thread", true);
  REQUIRE(sync.z1.size() == static_cast<std::size_t>(16 * test::kRate));
  REQUIRE(threaded.z1.size() == sync.z1.size());
  REQUIRE(threaded.z2.size() == sync.z2.size());
  CHECK(threaded.z1 == sync.z1);
  CHECK(threaded.z2 == sync.z2);
  CHECK(threaded.records == sync.records);
  // The run went through what it is about: preemption, resume, a skipped file.
  const auto has = [&](const std::string& prefix) {
    return std::any_of(sync.records.begin(), sync.records.end(),
                       [&](const std::string& r) { return r.rfind(prefix, 0) == 0; });
  };
  CHECK(has("sang:p:preempted"));
  CHECK(has("sang:p:resumed"));
  CHECK(has("loi:broken:skipped_file"));
  CHECK(has("loi:q:played"));
  CHECK(sync.resumed_from == test::kRate / 5);  // 0.7 s into "a" minus the 0.5 s preroll
  CHECK(threaded.resumed_from == sync.resumed_from);
  // And the audio is there: not two identical silences.
  CHECK(test::audible_span(sync.z1).first < 8);
  CHECK(test::audible_span(sync.z2, 10 * test::kRate).first >= 0);
}

TEST_CASE(
    "In the decode-thread mode neither the event loop nor the decode thread measures loudness",
    "[engine][decode-thread]") {
  const auto loop = std::this_thread::get_id();
  const Run threaded = play("decode-thread-ids", true);
  REQUIRE_FALSE(threaded.measured_on.empty());
  for (const auto& [id, name] : threaded.measured_on) {
    CHECK(id != loop);
    CHECK(name == "tinxa-measure");  // the DecodeWorker's measuring thread, not "tinxa-decode"
  }
  // The check can fail: the synchronous mode measures on the calling thread.
  const Run sync = play("decode-sync-ids", false);
  REQUIRE_FALSE(sync.measured_on.empty());
  for (const auto& [id, name] : sync.measured_on) CHECK(id == loop);
}

TEST_CASE("In the decode-thread mode a missing file is skipped at once from its header",
          "[engine][decode-thread]") {
  test::Installation site{"decode-thread-missing"};
  std::filesystem::remove(site.dir / "a.wav");
  EngineOptions o = test::engine_options();
  o.decode_thread = true;
  o.decode_period = 1h;
  Engine engine{site.clock, site.log, site.schedule, site.bundle, o};
  test::EngineDriver drive{engine, site.clock};
  engine.schedule({test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p"))});
  drive.run_until(kOrigin + 5s);
  CHECK(engine.stats().skipped_files == 1);
  std::set<std::string> outcomes;
  for (const auto& r : site.log.between(kOrigin - 1h, kOrigin + 1h))
    outcomes.insert(r.item_id + ":" + std::string{content::to_string(r.outcome)});
  CHECK(outcomes.contains("a:skipped_file"));
  CHECK(outcomes.contains("p:played"));
  // chime, b, chime with no gap where a was: 0.5 + 1.5 + 0.5 s of audio from frame 0.
  const auto [first, last] = test::audible_span(drive.audio(0));
  CHECK(first < 8);
  CHECK(last > (25 * test::kRate / 10) - 50);
  CHECK(last < 25 * test::kRate / 10);
}

// Holds the loudness measurement of one file (on the decode worker's measuring thread) until the
// test opens it: that stream's first block is exactly as late as the test wants. Opens by itself
// after 30 s, so a failed check cannot leave a thread stuck.
class MeasureGate {
 public:
  explicit MeasureGate(std::string file) : m_file{std::move(file)} {}
  Loudness measure(const std::filesystem::path& path) {
    if (path.filename() == m_file) {
      std::unique_lock lock{m_mutex};
      m_changed.wait_for(lock, 30s, [this] { return m_open; });
    }
    return measure_loudness(path);
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
  bool m_open = false;
};

// The decode-thread mode with loudness normalised (so every file is measured), a 100 ms lead
// and no timer turns of the decode thread: it works when the test feeds it.
EngineOptions late_options() {
  EngineOptions o = test::engine_options();
  o.target_lufs = -20.0;
  o.lead = 100ms;
  o.decode_thread = true;
  o.decode_period = 1h;
  return o;
}

struct LateRun {
  std::vector<float> z1;
  std::vector<content::AsRunRecord> records;
  std::uint64_t underruns = 0;
  // While the measurement was held: the loop's feed() and poll() calls that found the late file's
  // stream current in z1, and those after which it was opened (the loop never decodes it itself).
  int held_current = 0;
  int held_opened = 0;
};

// Plays `occurrence` in z1 with the measurement of `late_file` held until `open_at`. The driver
// waits for the decode thread at each step up to `added_at` (the poll that hands the late file's
// stream to it), then renders without waiting until the gate opens.
LateRun play_late_file(const std::string& name, const Occurrence& occurrence,
                       const std::string& late_file, content::TimePoint added_at,
                       content::TimePoint open_at) {
  test::Installation site{name};
  MeasureGate gate{late_file};
  LoudnessCache cache{content::Database::open_memory(),
                      [&gate](const std::filesystem::path& path) { return gate.measure(path); }};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, late_options(), &cache};
  LateRun run;
  {
    test::EngineDriver drive{engine, site.clock};
    engine.schedule({occurrence});
    engine.poll();
    for (auto t = kOrigin; t < open_at;) {
      t = std::min(open_at, t + test::EngineDriver::kBusyStep);
      if (t <= added_at) {
        drive.step_to(t);
        continue;
      }
      drive.render_to(t);
      if (const auto stream = engine.current_stream("z1");
          stream && stream->path().filename() == late_file) {
        ++run.held_current;
        if (stream->state() != PlaybackStream::State::waiting || stream->queued_audio())
          ++run.held_opened;
      }
    }
    gate.open();
    drive.run_until(kOrigin + 5s);
    CHECK_FALSE(engine.busy());
    run.z1 = drive.audio(0);
    run.underruns = engine.output("z1")->mixer().underruns();
  }
  run.records = site.log.between(kOrigin - 1h, kOrigin + 1h);
  return run;
}

TEST_CASE("When a stream's first block is late its as-run start is its first audible sample",
          "[engine][decode-thread][late-start]") {
  // Due at 200 ms (frame 1600), fired at 100 ms (the lead); its audio is there only for the
  // render from 600 ms (frame 4800).
  const LateRun run =
      play_late_file("decode-thread-late-start",
                     test::occurrence("tin", kOrigin + 200ms, {"z1"}, test::announcement("a")),
                     "a.wav", kOrigin + 100ms, kOrigin + 600ms);
  const auto [first, last] = test::audible_span(run.z1);
  CHECK(first >= 4800);
  CHECK(first < 4800 + 8);
  CHECK(last < 4800 + test::kRate);
  CHECK(last > 4800 + test::kRate - 8);
  REQUIRE(run.records.size() == 1);
  CHECK(run.records[0].outcome == content::AsRunOutcome::played);
  CHECK(run.records[0].started == kOrigin + 600ms);  // not the 200 ms it was due at
  CHECK(run.records[0].ended == kOrigin + 1600ms);
  CHECK(run.underruns == 0);  // waiting for a first block is not an underrun
  // The event loop kept polling and feeding while the measurement was held, and never decoded
  // the stream itself (the synchronous mode's feed() would have filled it).
  CHECK(run.held_current > 10);
  CHECK(run.held_opened == 0);
}

TEST_CASE("A playlist item whose audio is late starts late and the next follows it, no overlap",
          "[engine][decode-thread][late-start]") {
  // p: chime 0-0.5 s, a 0.5-1.5 s (b's stream is added when a starts), b (1.5 s of 700 Hz) due
  // at 1.5 s but its audio is there only from 2 s, so b plays 2-3.5 s and the chime 3.5-4 s.
  const LateRun run = play_late_file("decode-thread-late-item",
                                     test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p")),
                                     "b.wav", kOrigin + 520ms, kOrigin + 2s);
  const auto frame = [](std::chrono::milliseconds t) { return t.count() * test::kRate / 1000; };
  CHECK(test::longest_silence(run.z1, frame(1400ms), frame(2100ms)) >= frame(500ms) - 8);
  CHECK(test::audible_span(run.z1, frame(1600ms), frame(2100ms)).first >= frame(2000ms));
  CHECK(test::crossings_per_second(run.z1, frame(2100ms), frame(3400ms)) ==
        Approx(1400).epsilon(0.02));  // b alone, not b and the chime together
  CHECK(test::crossings_per_second(run.z1, frame(3600ms), frame(3900ms)) ==
        Approx(3000).epsilon(0.02));  // the chime after, where b ended
  const auto [first, last] = test::audible_span(run.z1);
  CHECK(first < 8);
  CHECK(last > frame(4000ms) - 8);
  CHECK(last < frame(4000ms));
  REQUIRE(run.records.size() == 1);
  CHECK(run.records[0].outcome == content::AsRunOutcome::played);
  CHECK(run.records[0].started == kOrigin);
  CHECK(run.records[0].ended == kOrigin + 4s);
  CHECK(run.underruns == 0);
}

}  // namespace

TEST_CASE("An emergency's unmeasured file is measured before a routine one already under way",
          "[engine][decode-thread][measure]") {
  // The playlist p plays in z1 from 0 (chime, a, b, chime); b.wav, handed to the measuring thread
  // when a starts at 500 ms, is held there (a long file). The alarm, an emergency in z2 due at
  // 1 s, needs alarm.wav, not measured either: its measurement must not wait for b.wav's, which
  // is stopped and done again after it.
  test::Installation site{"decode-thread-emergency-measured-first"};
  test::StopGate gate{"b.wav"};
  LoudnessCache cache{content::Database::open_memory(), gate.function()};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, late_options(), &cache};
  {
    test::EngineDriver drive{engine, site.clock};
    engine.schedule({test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p")),
                     test::occurrence("bao-dong", kOrigin + 1s, {"z2"}, test::announcement("alarm"),
                                      Priority::emergency)});
    engine.poll();
    // Up to 520 ms waiting for the decode thread at each step (chime.wav and a.wav measured,
    // nothing held), then as in real time: the loop renders without waiting for it.
    const auto step = test::EngineDriver::kBusyStep;
    auto t = kOrigin;
    for (; t < kOrigin + 520ms; t += step) drive.step_to(t + step);
    INFO(::Catch::Detail::stringify(gate.calls()));
    REQUIRE(gate.wait_entered());
    // b.wav stays held while nothing needs more: the loop goes on without it up to the alarm's
    // firing (900 ms, its lead before it is due).
    for (; t < kOrigin + 900ms; t += step) drive.render_to(t + step);
    CHECK_FALSE(gate.saw_stop());
    // From there each step waits for the decode thread again: with alarm.wav measured first
    // (b.wav's hold stopped) the alarm's audio is there on time; queued behind the held b.wav it
    // would not be (the wait gives up after 30 s and the test fails).
    for (; t < kOrigin + 2500ms; t += step) drive.step_to(t + step);
    CHECK(gate.saw_stop());
    gate.open();
    drive.run_until(kOrigin + 8s);
    CHECK_FALSE(engine.busy());
  }
  const auto calls = gate.calls();
  const auto index = [&](const std::string& file, bool stopped) {
    return std::find(calls.begin(), calls.end(), test::StopGate::Call{file, stopped}) -
           calls.begin();
  };
  INFO(::Catch::Detail::stringify(calls));
  const auto stopped_b = index("b.wav", true);
  const auto alarm = index("alarm.wav", false);
  const auto again_b = index("b.wav", false);
  CHECK(stopped_b < alarm);
  CHECK(alarm < again_b);
  CHECK(again_b < static_cast<std::ptrdiff_t>(calls.size()));
  auto slots = test::by_slot(site.log);
  REQUIRE(slots["bao-dong"].size() == 1);
  CHECK(slots["bao-dong"][0].outcome == content::AsRunOutcome::played);
  // It started when due, give or take a render step, not when b.wav's hold ended (2.5 s).
  CHECK(test::ms_of(slots["bao-dong"][0].started) - 1000 < 100);
}

}  // namespace tinxa::broadcast
