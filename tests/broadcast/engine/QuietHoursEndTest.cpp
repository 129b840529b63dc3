// Quiet hours beginning while a normal item plays: the file sounding finishes (if little of it is
// left) and the rest of the item is dropped, or it fades out on the frame quiet hours begin;
// either is logged `preempted` with the reason. Other classes and operator plays are untouched.
#include <catch2/catch.hpp>


#include "broadcast/audio/ToneSource.hpp"
#include "broadcast/engine/Engine.hpp"
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
using test::scheduled_at;

constexpr std::int64_t kRamp = kRate * 5 / 1000;  // the engine's 5 ms fades

// p: chime 0-0.5 s, a (500 Hz) 0.5-1.5 s, b (700 Hz) 1.5-3 s, chime (1500 Hz) 3-3.5 s.
TEST_CASE("at the start of quiet hours a normal playlist finishes its file and drops the rest",
          "[engine][quiet][quiet-end]") {
  Installation site{"engine-quiet-end-finish"};
  site.schedule.quiet_hours = QuietHours{{6, 0, 2}, {7, 0, 0}};  // b has 1 s left then
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver drive{engine, site.clock};
  engine.schedule({scheduled_at("sang", 0s, {"z1", "z2"}, test::playlist("p")),
                   scheduled_at("ban-tin", 1s, {"z1"}, test::announcement("a"))});
  drive.run_until(kOrigin + 6s);
  CHECK_FALSE(engine.busy());
  CHECK(engine.stats().quiet_hours_ended == 2);

  auto slots = by_slot(site.log);
  REQUIRE(slots["sang"].size() == 2);  // one per zone
  for (const auto& r : slots["sang"]) {
    CHECK(r.outcome == AsRunOutcome::preempted);
    CHECK(ms_of(r.started) == 0);
    CHECK(ms_of(r.ended) == 3000);  // the end of b
    CHECK_THAT(r.detail, Catch::Contains("quiet hours began at 06:00:02: the file playing was "
                                         "finished, the rest dropped") &&
                             Catch::Contains("giờ yên lặng"));
  }
  for (std::size_t zone : {0U, 1U}) {
    const auto& audio = drive.audio(zone);
    CHECK(test::crossings_per_second(audio, frame(2100ms), frame(2900ms)) ==
          Approx(1400).epsilon(0.02));  // b goes on into quiet hours
    const auto [first, last] = test::audible_span(audio);
    CHECK(first < 8);
    CHECK(last < frame(3000ms));  // no chime after
    CHECK(last > frame(3000ms) - 8);
  }
  // What waited in z1 meets the start rule when the zone is free: inside quiet hours.
  REQUIRE(slots["ban-tin"].size() == 1);
  CHECK(slots["ban-tin"][0].outcome == AsRunOutcome::skipped);
  CHECK(ms_of(slots["ban-tin"][0].started) == 3000);
}

TEST_CASE("with more of its file left than the limit, a normal item fades out as quiet hours begin",
          "[engine][quiet][quiet-end]") {
  Installation site{"engine-quiet-end-fade"};
  site.schedule.quiet_hours = QuietHours{{6, 0, 2}, {7, 0, 0}};
  auto options = test::engine_options();
  options.quiet_hours_finish = 500ms;  // b has 1 s left at 06:00:02
  SECTION("as the simulator runs it") {}
  SECTION("with the real-time daemon's lead") { options.lead = 200ms; }
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options};
  EngineDriver drive{engine, site.clock};
  engine.schedule({scheduled_at("sang", 0s, {"z1"}, test::playlist("p"))});
  drive.run_until(kOrigin + 5s);
  CHECK_FALSE(engine.busy());
  CHECK(engine.stats().quiet_hours_ended == 1);

  auto slots = by_slot(site.log);
  REQUIRE(slots["sang"].size() == 1);
  CHECK(slots["sang"][0].outcome == AsRunOutcome::preempted);
  CHECK(ms_of(slots["sang"][0].ended) == 2000);
  CHECK_THAT(slots["sang"][0].detail,
             Catch::Contains("quiet hours began at 06:00:02: faded out with 1s of the file left"));
  const auto& audio = drive.audio(0);
  CHECK(test::crossings_per_second(audio, frame(1600ms), frame(1950ms)) ==
        Approx(1400).epsilon(0.02));
  const auto last = test::audible_span(audio).second;
  CHECK(last >= frame(2000ms) - kRamp - 2);
  CHECK(last < frame(2000ms) + kRamp + 2);
}

TEST_CASE("the file that starts as quiet hours begin is the one that finishes",
          "[engine][quiet][quiet-end]") {
  Installation site{"engine-quiet-end-next"};
  content::Playlist r;
  r.id = "r";
  r.title = content::LocalizedText{"Không chuông"};
  r.items = {"a", "b", "a"};  // a 0-1 s, b 1-2.5 s, a 2.5-3.5 s
  site.bundle.playlists.push_back(r);
  site.schedule.quiet_hours = QuietHours{{6, 0, 1}, {7, 0, 0}};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver drive{engine, site.clock};
  engine.schedule({scheduled_at("sang", 0s, {"z1"}, test::playlist("r"))});
  drive.run_until(kOrigin + 5s);
  auto slots = by_slot(site.log);
  REQUIRE(slots["sang"].size() == 1);
  CHECK(slots["sang"][0].outcome == AsRunOutcome::preempted);
  CHECK(ms_of(slots["sang"][0].ended) == 2500);
  const auto& audio = drive.audio(0);
  CHECK(test::crossings_per_second(audio, frame(1100ms), frame(2400ms)) ==
        Approx(1400).epsilon(0.02));
  CHECK(test::audible_span(audio).second < frame(2500ms));
}

TEST_CASE("a normal item in its last file when quiet hours begin plays to its end",
          "[engine][quiet][quiet-end]") {
  Installation site{"engine-quiet-end-last"};
  site.schedule.quiet_hours = QuietHours{{6, 0, 3}, {7, 0, 0}};  // the chime after starts then
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver drive{engine, site.clock};
  engine.schedule({scheduled_at("sang", 0s, {"z1"}, test::playlist("p"))});
  drive.run_until(kOrigin + 5s);
  auto slots = by_slot(site.log);
  REQUIRE(slots["sang"].size() == 1);
  CHECK(slots["sang"][0].outcome == AsRunOutcome::played);
  CHECK(ms_of(slots["sang"][0].ended) == 3500);
  CHECK(engine.stats().quiet_hours_ended == 0);
}

TEST_CASE("quiet hours leave emergencies, priority items and operator plays alone",
          "[engine][quiet][quiet-end]") {
  Installation site{"engine-quiet-end-exempt"};
  site.schedule.quiet_hours = QuietHours{{6, 0, 1}, {7, 0, 0}};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver drive{engine, site.clock};
  engine.schedule(
      {scheduled_at("bao-dong", 0s, {"z1"}, test::announcement("alarm"), Priority::emergency),
       scheduled_at("uu-tien", 0s, {"z2"}, test::playlist("p"), Priority::priority)});
  drive.run_until(kOrigin + 2500ms);
  // The operator plays the bulletin in quiet hours: it plays to its end.
  REQUIRE(engine.inject(scheduled_at("phat-ngay", 2500ms, {"z1"}, test::playlist("p"))));
  drive.run_until(kOrigin + 8s);
  CHECK_FALSE(engine.busy());
  auto slots = by_slot(site.log);
  for (const char* slot : {"bao-dong", "uu-tien", "phat-ngay"}) {
    INFO(slot);
    REQUIRE(slots[slot].size() == 1);
    CHECK(slots[slot][0].outcome == AsRunOutcome::played);
  }
  CHECK(ms_of(slots["bao-dong"][0].ended) == 2000);
  CHECK(ms_of(slots["uu-tien"][0].ended) == 3500);
  CHECK(ms_of(slots["phat-ngay"][0].ended) == 6000);
  CHECK(engine.stats().quiet_hours_ended == 0);
}

TEST_CASE("a normal relay still running when quiet hours begin fades out then",
          "[engine][quiet][quiet-end][live]") {
  Installation site{"engine-quiet-end-relay"};
  site.schedule.quiet_hours = QuietHours{{6, 0, 2}, {7, 0, 0}};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  engine.set_live_sources([](const std::string&, int rate) {
    ToneSource::Options o;
    o.sample_rate_hz = rate;
    o.frequency_hz = 300;
    return std::make_unique<ToneSource>(o);
  });
  EngineDriver drive{engine, site.clock};
  // 10 min of relay: 9 min 58 s of it are left at 06:00:02, far beyond the 2 min limit.
  engine.schedule(
      {scheduled_at("vov", 0s, {"z1"}, PlayItem{PlayKind::relay, {}, "radio", 10min, {}})});
  drive.run_until(kOrigin + 4s);
  CHECK_FALSE(engine.busy());
  auto slots = by_slot(site.log);
  REQUIRE(slots["vov"].size() == 1);
  CHECK(slots["vov"][0].outcome == AsRunOutcome::preempted);
  CHECK(ms_of(slots["vov"][0].ended) == 2000);
  CHECK_THAT(slots["vov"][0].detail, Catch::Contains("faded out with 9min58s"));
  CHECK(test::audible_span(drive.audio(0)).second < frame(2000ms) + kRamp + 2);
}

}  // namespace
}  // namespace tinxa::broadcast
