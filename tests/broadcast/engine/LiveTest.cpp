// Live microphone, relays, the silence fallback, frame-exact preemption and exact resume, on the
// virtual clock with generator sources (ToneSource) standing in for the input devices.
#include <catch2/catch.hpp>


#include "broadcast/audio/AudioError.hpp"
#include "broadcast/audio/ToneSource.hpp"
#include "broadcast/engine/Engine.hpp"
#include "broadcast/engine/SilenceDetector.hpp"
#include "tests/broadcast/engine/EngineDriver.hpp"
#include "tests/broadcast/engine/EngineFixture.hpp"
#include "tests/broadcast/engine/Timeline.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using content::AsRunOutcome;
using content::AsRunRecord;
using test::by_slot;
using test::EngineDriver;
using test::frame;
using test::Installation;
using test::kOrigin;
using test::kRate;
using test::ms_of;

constexpr std::int64_t kRamp = kRate * 5 / 1000;  // the engine's 5 ms fades

EngineOptions options() {
  EngineOptions o = test::engine_options();
  o.resume_preroll = 100ms;
  return o;
}

// Every input is a 300 Hz tone that sounds for `sound_frames` (-1: for ever).
LiveSourceFactory tones(std::int64_t sound_frames = -1) {
  return [sound_frames](const std::string&, int rate) {
    ToneSource::Options o;
    o.sample_rate_hz = rate;
    o.frequency_hz = 300;
    o.sound_frames = sound_frames;
    return std::make_unique<ToneSource>(o);
  };
}

LiveRequest mic(std::vector<std::string> zones) {
  LiveRequest r;
  r.source = "mic";
  r.zones = std::move(zones);
  r.label = "cán bộ xã";
  return r;
}

PlayItem relay(std::chrono::milliseconds length) {
  return PlayItem{PlayKind::relay, {}, "radio", length, {}};
}

TEST_CASE("the silence detector trips once, on the frame after N silent frames in a row",
          "[engine][live]") {
  SilenceDetector detector{-50.0, 4};
  const std::vector<float> sound{0.5F, 0.0F, 0.0F, 0.0F, 0.2F, 0.0F, 0.0F};
  CHECK_FALSE(detector.feed(sound, 1));  // the sound breaks the first run of 3
  const std::vector<float> quiet{0.001F, 0.0F, 0.0F, 0.0F};
  const auto at = detector.feed(quiet, 1);  // 2 + 2 silent frames
  REQUIRE(at);
  CHECK(*at == 2);
  CHECK_FALSE(detector.feed(quiet, 1));
  detector.reset();
  CHECK_FALSE(SilenceDetector{}.feed(quiet, 1));
}

TEST_CASE("the operator's live microphone plays in its zones only until stopped, and is logged",
          "[engine][live]") {
  Installation site{"engine-live"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.set_live_sources(tones());
  EngineDriver drive{engine, site.clock};
  drive.run_until(kOrigin + 1s);
  const RequestId id = engine.start_live(mic({"z1", "khong-co"}));
  CHECK(engine.live_ids() == std::vector<RequestId>{id});
  drive.run_until(kOrigin + 3s);
  CHECK(engine.stop_live(id));
  CHECK_FALSE(engine.stop_live(id));
  drive.run_until(kOrigin + 4s);
  CHECK_FALSE(engine.busy());

  const auto [first, last] = test::audible_span(drive.audio(0));
  CHECK(first >= frame(1000ms));
  CHECK(first <= frame(1000ms) + 2);
  CHECK(last < frame(3000ms) + kRamp);
  CHECK(last > frame(3000ms) - 2);
  CHECK(test::audible_span(drive.audio(1)).first == -1);  // z2 was not chosen
  CHECK(test::crossings_per_second(drive.audio(0), frame(1500ms), frame(2500ms)) ==
        Approx(600).epsilon(0.02));

  const auto records = by_slot(site.log)["live"];
  REQUIRE(records.size() == 1);
  CHECK(records[0].zones == std::vector<std::string>{"z1"});
  CHECK(records[0].item_id == "mic");
  CHECK(records[0].priority == "priority");
  CHECK(records[0].outcome == AsRunOutcome::played);
  CHECK(ms_of(records[0].started) == 1000);
  CHECK(ms_of(records[0].ended) == 3000);
  CHECK_THAT(records[0].detail, Catch::Contains("operator"));
}

TEST_CASE("live preempts a normal playlist, an emergency preempts live, and each comes back",
          "[engine][live]") {
  Installation site{"engine-live-ladder"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.set_live_sources(tones());
  EngineDriver drive{engine, site.clock};
  // p: chime 0-0.5 s, a 0.5-1.5 s, b 1.5-3 s, chime 3-3.5 s.
  engine.schedule({test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p"))});
  drive.run_until(kOrigin + 1s);
  const RequestId id = engine.start_live(mic({"z1"}));
  drive.run_until(kOrigin + 2s);
  REQUIRE(engine.inject(test::occurrence("bao-dong", kOrigin + 2s, {"z1"},
                                         test::announcement("alarm"), Priority::emergency)));
  drive.run_until(kOrigin + 5s);  // the alarm (2 s) ends at 4 s: live is back
  CHECK(test::crossings_per_second(drive.audio(0), frame(4100ms), frame(4900ms)) ==
        Approx(600).epsilon(0.02));
  REQUIRE(engine.stop_live(id));
  drive.run_until(kOrigin + 9s);
  CHECK_FALSE(engine.busy());

  auto slots = by_slot(site.log);
  const auto& live = slots["live"];
  REQUIRE(live.size() == 2);
  CHECK(live[0].outcome == AsRunOutcome::preempted);
  CHECK(ms_of(live[0].ended) == 2000);
  CHECK(live[1].outcome == AsRunOutcome::resumed);
  CHECK(ms_of(live[1].started) == 4000);
  CHECK(ms_of(live[1].ended) == 5000);
  REQUIRE(slots["bao-dong"].size() == 1);
  CHECK(slots["bao-dong"][0].outcome == AsRunOutcome::played);
  const auto& p = slots["sang"];
  REQUIRE(p.size() == 2);
  CHECK(p[0].outcome == AsRunOutcome::preempted);
  CHECK(ms_of(p[0].ended) == 1000);
  CHECK(p[1].outcome == AsRunOutcome::resumed);
  CHECK(ms_of(p[1].started) == 5000);
  // Cut 0.5 s into `a`, resumed 0.1 s (the pre-roll) before that: 0.6 s of a, b, the chime.
  CHECK(ms_of(p[1].ended) == 5000 + 600 + 1500 + 500);
  CHECK(test::crossings_per_second(drive.audio(0), frame(5050ms), frame(5550ms)) ==
        Approx(1000).epsilon(0.02));
}

TEST_CASE("a relay ends exactly on the frame of its scheduled end", "[engine][live]") {
  Installation site{"engine-relay-end"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.set_live_sources(tones());
  EngineDriver drive{engine, site.clock};
  engine.schedule({test::occurrence("vov", kOrigin + 1s, {"z1"}, relay(2500ms))});
  drive.run_until(kOrigin + 5s);
  CHECK_FALSE(engine.busy());
  const auto [first, last] = test::audible_span(drive.audio(0));
  CHECK(first >= frame(1000ms));
  CHECK(first <= frame(1000ms) + 2);
  CHECK(last < frame(3500ms));
  CHECK(last >= frame(3500ms) - kRamp);
  const auto records = by_slot(site.log)["vov"];
  REQUIRE(records.size() == 1);
  CHECK(records[0].outcome == AsRunOutcome::played);
  CHECK(records[0].item_id == "radio");
  CHECK(ms_of(records[0].started) == 1000);
  CHECK(ms_of(records[0].ended) == 3500);
}

// An input that delivers nothing until `flowing` is set, then a 300 Hz tone (a line input whose
// capture has not begun, or a receiver that never locks on).
class LateInput final : public LiveSource {
 public:
  LateInput(int rate, const bool& flowing)
      : m_tone{ToneSource::Options{1, rate, 300, 0.25F, -1}}, m_flowing{flowing} {}
  [[nodiscard]] std::size_t channels() const noexcept override { return 1; }
  std::size_t read(std::span<float> out) noexcept override {
    return m_flowing ? m_tone.read(out) : 0;
  }
  void discard() noexcept override {}

 private:
  ToneSource m_tone;
  const bool& m_flowing;
};

TEST_CASE("a relay starts with its input's first sample and still ends on its scheduled frame",
          "[engine][live][late-start]") {
  Installation site{"engine-relay-late"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  bool flowing = false;
  engine.set_live_sources([&flowing](const std::string&, int rate) {
    return std::make_unique<LateInput>(rate, flowing);
  });
  EngineDriver drive{engine, site.clock};
  engine.schedule({test::occurrence("vov", kOrigin + 1s, {"z1"}, relay(2500ms))});

  SECTION("input late: the record starts where the audio does") {
    drive.run_until(kOrigin + 1300ms);
    flowing = true;
    drive.run_until(kOrigin + 6s);
    const auto [first, last] = test::audible_span(drive.audio(0));
    CHECK(first >= frame(1300ms));
    CHECK(first <= frame(1300ms) + 2);
    CHECK(last < frame(3500ms));
    const auto records = by_slot(site.log)["vov"];
    REQUIRE(records.size() == 1);
    CHECK(records[0].outcome == AsRunOutcome::played);
    CHECK(ms_of(records[0].started) == 1300);  // not the 1000 it was due at
    CHECK(ms_of(records[0].ended) == 3500);
  }
  SECTION("no input at all: nothing sounds, logged as such, ending on its frame") {
    drive.run_until(kOrigin + 6s);
    CHECK(test::audible_span(drive.audio(0)).first == -1);
    const auto records = by_slot(site.log)["vov"];
    REQUIRE(records.size() == 1);
    CHECK(records[0].outcome == AsRunOutcome::device_failure);
    CHECK_THAT(records[0].detail, Catch::Contains("no audio"));
    CHECK(ms_of(records[0].started) == 3500);
    CHECK(ms_of(records[0].ended) == 3500);
  }
  CHECK_FALSE(engine.busy());
  CHECK(engine.output("z1")->mixer().underruns() == 0);
}

TEST_CASE("a relay interrupted past its end by an emergency does not come back", "[engine][live]") {
  Installation site{"engine-relay-past-end"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.set_live_sources(tones());
  EngineDriver drive{engine, site.clock};
  engine.schedule({test::occurrence("vov", kOrigin + 1s, {"z1"}, relay(2500ms)),
                   test::occurrence("bao-dong", kOrigin + 3s, {"z1"}, test::announcement("alarm"),
                                    Priority::emergency)});
  drive.run_until(kOrigin + 7s);
  CHECK_FALSE(engine.busy());
  auto slots = by_slot(site.log);
  REQUIRE(slots["vov"].size() == 1);
  CHECK(slots["vov"][0].outcome == AsRunOutcome::preempted);
  CHECK(ms_of(slots["vov"][0].ended) == 3000);
  CHECK(test::audible_span(drive.audio(0), static_cast<std::size_t>(frame(5000ms))).first == -1);
}

TEST_CASE("a relay that falls silent falls back after N seconds, logged with the reason",
          "[engine][live]") {
  Installation site{"engine-relay-silence"};
  auto o = options();
  o.silence_fallback = 2s;
  Engine engine{site.clock, site.log, site.schedule, site.bundle, o};
  engine.set_live_sources(tones(kRate));  // one second of sound, then silence
  EngineDriver drive{engine, site.clock};
  engine.schedule(
      {test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p")),
       test::occurrence("vov", kOrigin + 1s, {"z1", "z2"}, relay(60s), Priority::priority)});
  drive.run_until(kOrigin + 8s);
  CHECK_FALSE(engine.busy());
  CHECK(engine.stats().fell_back == 2);
  auto slots = by_slot(site.log);
  const auto& relayed = slots["vov"];
  REQUIRE(relayed.size() == 2);  // one per zone
  for (const auto& r : relayed) {
    CHECK(r.outcome == AsRunOutcome::fell_back);
    CHECK(ms_of(r.started) == 1000);
    CHECK(ms_of(r.ended) == 4000);  // sound until 2 s, then 2 s of silence
    CHECK_THAT(r.detail, Catch::Contains("fell back"));
  }
  // z1 returns to the playlist it would otherwise play, from where it was cut.
  const auto& p = slots["sang"];
  REQUIRE(p.size() == 2);
  CHECK(p[1].outcome == AsRunOutcome::resumed);
  CHECK(ms_of(p[1].started) == 4000);
  CHECK(ms_of(p[1].ended) == 4000 + 600 + 1500 + 500);
  CHECK(test::crossings_per_second(drive.audio(0), frame(4050ms), frame(4550ms)) ==
        Approx(1000).epsilon(0.02));
  CHECK(test::audible_span(drive.audio(1), static_cast<std::size_t>(frame(2000ms))).first == -1);
}

TEST_CASE("an operator's live microphone that falls silent falls back after N seconds, logged",
          "[engine][live]") {
  Installation site{"engine-live-silence"};
  auto o = options();
  o.silence_fallback = 5s;  // the request's own value wins
  Engine engine{site.clock, site.log, site.schedule, site.bundle, o};
  engine.set_live_sources(tones(kRate));  // one second of sound, then silence
  EngineDriver drive{engine, site.clock};
  engine.schedule({test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p"))});
  drive.run_until(kOrigin + 1s);
  auto request = mic({"z1", "z2"});
  request.silence_fallback = 2s;
  const RequestId id = engine.start_live(request);
  drive.run_until(kOrigin + 8s);
  CHECK_FALSE(engine.busy());
  CHECK(engine.live_ids().empty());
  CHECK_FALSE(engine.stop_live(id));  // it is over: nothing for the operator to stop
  CHECK(engine.stats().fell_back == 2);

  auto slots = by_slot(site.log);
  const auto& live = slots["live"];
  REQUIRE(live.size() == 2);  // one per zone
  for (const auto& r : live) {
    CHECK(r.outcome == AsRunOutcome::fell_back);
    CHECK(r.item_id == "mic");
    CHECK(ms_of(r.started) == 1000);
    CHECK(ms_of(r.ended) == 4000);  // sound until 2 s, then 2 s of silence
    CHECK_THAT(r.detail, Catch::Contains("was silent for 2 s, fell back"));
  }
  // z1 goes back to the playlist the microphone cut 0.5 s into `a` (0.1 s pre-roll).
  const auto& p = slots["sang"];
  REQUIRE(p.size() == 2);
  CHECK(p[0].outcome == AsRunOutcome::preempted);
  CHECK(p[1].outcome == AsRunOutcome::resumed);
  CHECK(ms_of(p[1].started) == 4000);
  CHECK(test::crossings_per_second(drive.audio(0), frame(4050ms), frame(4550ms)) ==
        Approx(1000).epsilon(0.02));
  // The microphone sounded (300 Hz) until the silence, and z2 is silent after the fallback.
  CHECK(test::crossings_per_second(drive.audio(1), frame(1100ms), frame(1900ms)) ==
        Approx(600).epsilon(0.02));
  CHECK(test::audible_span(drive.audio(1), static_cast<std::size_t>(frame(2000ms))).first == -1);
}

TEST_CASE("an input that cannot be opened is refused and logged as a device failure",
          "[engine][live]") {
  Installation site{"engine-live-fail"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.set_live_sources([](const std::string& device, int) -> std::unique_ptr<LiveSource> {
    throw AudioError("no input device named '" + device + "'", -1);
  });
  CHECK_THROWS_AS(engine.start_live(mic({"z1"})), AudioError);
  CHECK_THROWS_AS(engine.start_live(mic({"khong-co"})), std::invalid_argument);
  CHECK_FALSE(engine.busy());
  const auto records = by_slot(site.log)["live"];
  REQUIRE(records.size() == 1);
  CHECK(records[0].outcome == AsRunOutcome::device_failure);
  CHECK_THAT(records[0].detail, Catch::Contains("no input device named 'mic'"));
}

// Item 4 of issue 3: a higher class takes the zone within 100 ms. The normal stream has a full
// decode queue (24 blocks of 1024 frames: 3 s at 8 kHz) when the emergency comes; the switch
// must not wait for it.
TEST_CASE("an injected emergency's first sample is at the inject frame, whatever is queued",
          "[engine][live][latency]") {
  Installation site{"engine-latency-inject"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  EngineDriver drive{engine, site.clock};
  engine.schedule({test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p"))});
  const auto inject_at = kOrigin + 1013ms;  // in `a`, not on a step boundary
  drive.run_until(inject_at);
  REQUIRE(engine.inject(test::occurrence("bao-dong", inject_at, {"z1"}, test::announcement("alarm"),
                                         Priority::emergency)));
  drive.run_until(kOrigin + 2s);
  const auto at = EngineDriver::frame(inject_at);
  const auto& audio = drive.audio(0);
  CHECK(test::crossings_per_second(audio, at - 2 * kRamp - 400, at - 2 * kRamp) ==
        Approx(1000).epsilon(0.03));  // `a`, 500 Hz
  CHECK(test::crossings_per_second(audio, at + kRamp, at + kRamp + 400) ==
        Approx(2000).epsilon(0.03));  // the alarm, 1000 Hz
  auto slots = by_slot(site.log);
  REQUIRE(slots["bao-dong"].size() == 1);
  const auto latency_ms = ms_of(slots["bao-dong"][0].started) - 1013;
  CHECK(latency_ms >= 0);
  CHECK(latency_ms <= 1);
  CHECK(ms_of(slots["sang"][0].ended) == 1013);
}

TEST_CASE("with a lead time, a scheduled emergency switches the zone on its exact frame",
          "[engine][live][latency]") {
  Installation site{"engine-latency-lead"};
  auto o = options();
  o.lead = 200ms;  // as the real-time daemon would: more than its sink latency
  Engine engine{site.clock, site.log, site.schedule, site.bundle, o};
  EngineDriver drive{engine, site.clock};
  engine.schedule({test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p")),
                   test::occurrence("bao-dong", kOrigin + 2003ms, {"z1"},
                                    test::announcement("alarm"), Priority::emergency)});
  drive.run_until(kOrigin + 3s);
  const auto at = frame(2003ms);
  const auto& audio = drive.audio(0);
  CHECK(test::crossings_per_second(audio, at - kRamp - 800, at - kRamp) ==
        Approx(1400).epsilon(0.03));  // `b`, 700 Hz, until the fade that ends on the frame
  CHECK(test::crossings_per_second(audio, at + kRamp, at + kRamp + 800) ==
        Approx(2000).epsilon(0.03));
  // The fade-out of `b` ends on the frame and the alarm starts on it: a cut, not a gap.
  CHECK(test::longest_silence(audio, static_cast<std::size_t>(at - 4 * kRamp),
                              static_cast<std::size_t>(at + 4 * kRamp)) < kRamp);
  auto slots = by_slot(site.log);
  CHECK(ms_of(slots["bao-dong"][0].started) == 2003);
  CHECK(ms_of(slots["sang"][0].ended) == 2003);
}

}  // namespace
}  // namespace tinxa::broadcast
