#include "broadcast/daemon/Simulator.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "broadcast/engine/Engine.hpp"
#include "broadcast/schedule/Expand.hpp"
#include "broadcast/schedule/ScheduleReader.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/TimeZone.hpp"
#include "tests/broadcast/engine/EngineFixture.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using content::AsRunOutcome;
using test::Installation;
using test::kOrigin;
using test::kRate;

EngineOptions options() {
  EngineOptions o;
  o.sample_rate_hz = kRate;
  o.target_lufs = std::nullopt;
  return o;
}

std::int64_t frame_of(content::TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t - kOrigin).count() * kRate / 1000;
}

std::int64_t ms_between(content::TimePoint a, content::TimePoint b) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

Simulator::WavPath wavs_in(const std::filesystem::path& dir) {
  return [dir](const Zone& z) { return std::optional{dir / (z.id + ".wav")}; };
}

// Simulates `engine` from kOrigin to 20 s, then lets what still plays end (within a minute),
// each zone into its WAV in the installation's folder; the WAVs are complete once this returns.
void simulate(Engine& engine, Installation& site) {
  Simulator sim{engine, site.clock, kOrigin, wavs_in(site.dir)};
  sim.run_until(kOrigin + 20s);
  REQUIRE(sim.drain(kOrigin + 1min));
}

TEST_CASE("a scheduled playlist sounds in its zone exactly from its start frame, gaplessly",
          "[simulator]") {
  Installation site{"sim-frames"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  const auto start = kOrigin + 10s;
  engine.schedule({test::occurrence("sang", start, {"z1"}, test::playlist("p"))});
  simulate(engine, site);
  const auto z1 = test::read_wav(site.dir / "z1.wav").samples;
  const auto z2 = test::read_wav(site.dir / "z2.wav").samples;
  const auto [first, last] = test::audible_span(z1);
  const std::int64_t expected = frame_of(start);
  CHECK(first >= expected);
  CHECK(first - expected <= kRate * 5 / 1000);  // within 5 ms (the fade-in)
  CHECK(std::abs(last - (expected + Installation::kPlaylistFrames)) <= kRate * 5 / 1000);
  CHECK(test::longest_silence(z1, static_cast<std::size_t>(first),
                              static_cast<std::size_t>(last)) <= 2);
  CHECK(test::audible_span(z2).first == -1);  // not targeted: silent

  const auto records = site.log.between(kOrigin, kOrigin + 1h);
  REQUIRE(records.size() == 1);
  CHECK(records[0].occurrence_key == "sang@10");
  CHECK(records[0].outcome == AsRunOutcome::played);
  CHECK(records[0].zones == std::vector<std::string>{"z1"});
  CHECK(std::abs(ms_between(start, *records[0].started)) <= 1);
  CHECK(std::abs(ms_between(*records[0].started, *records[0].ended) - 3500) <= 5);
}

TEST_CASE("an emergency preempts a normal item in its zone only, and the normal item resumes",
          "[simulator]") {
  Installation site{"sim-preempt"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  const auto start = kOrigin + 10s;
  engine.schedule({test::occurrence("sang", start, {"z1", "z2"}, test::playlist("p"))});
  {
    Simulator sim{engine, site.clock, kOrigin, wavs_in(site.dir)};
    sim.run_until(kOrigin + 11s);
    REQUIRE(engine.inject(test::occurrence("bao-dong", kOrigin + 11s, {"z1"},
                                           test::announcement("alarm"), Priority::emergency, 2)));
    sim.run_until(kOrigin + 30s);
    REQUIRE(sim.drain(kOrigin + 1min));
  }
  const auto z1 = test::read_wav(site.dir / "z1.wav").samples;
  const auto z2 = test::read_wav(site.dir / "z2.wav").samples;
  // z2 plays the playlist undisturbed.
  const auto [first2, last2] = test::audible_span(z2);
  CHECK(std::abs(first2 - frame_of(start)) <= 40);
  CHECK(std::abs(last2 - (frame_of(start) + Installation::kPlaylistFrames)) <= 40);
  // z1: the alarm twice from 11 s (4 s at 1 kHz), then the cut-off item again and the rest.
  const auto alarm = static_cast<std::size_t>(frame_of(kOrigin + 11s));
  CHECK(test::tone_energy_ratio(std::vector<float>(z1.begin() + static_cast<long>(alarm) + 400,
                                                   z1.begin() + static_cast<long>(alarm) + 30400),
                                1000.0, kRate) > 0.3);
  const auto [first1, last1] = test::audible_span(z1);
  CHECK(std::abs(first1 - frame_of(start)) <= 40);
  // Cut at 11 s in item a (started at 10.5 s): a again (1 s), b, chime after the 4 s alarm.
  CHECK(std::abs(last1 - (frame_of(kOrigin + 15s) + (10 + 15 + 5) * kRate / 10)) <= 80);

  auto records = site.log.between(kOrigin, kOrigin + 1h);
  std::vector<std::pair<std::string, AsRunOutcome>> seen;
  for (const auto& r : records)
    if (r.zones == std::vector<std::string>{"z1"}) seen.emplace_back(r.slot_id, r.outcome);
  CHECK(seen ==
        std::vector<std::pair<std::string, AsRunOutcome>>{{"sang", AsRunOutcome::preempted},
                                                          {"sang", AsRunOutcome::resumed},
                                                          {"bao-dong", AsRunOutcome::played}});
  const auto z2_played = std::count_if(records.begin(), records.end(), [](const auto& r) {
    return r.zones == std::vector<std::string>{"z2"} && r.outcome == AsRunOutcome::played;
  });
  CHECK(z2_played == 1);
}

TEST_CASE("an item due while its zone is busy with the same class waits and follows at once",
          "[simulator]") {
  Installation site{"sim-queue"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  const auto start = kOrigin + 10s;
  engine.schedule({test::occurrence("sang", start, {"z1"}, test::playlist("p")),
                   test::occurrence("tin", start + 1s, {"z1"}, test::announcement("b"))});
  simulate(engine, site);
  const auto z1 = test::read_wav(site.dir / "z1.wav").samples;
  const auto [first, last] = test::audible_span(z1);
  CHECK(std::abs(last - (frame_of(start) + Installation::kPlaylistFrames + 15 * kRate / 10)) <=
        kRate * 25 / 1000);  // the queued item starts at the next 20 ms step at the latest
  const auto records = site.log.between(kOrigin, kOrigin + 1h);
  REQUIRE(records.size() == 2);
  CHECK(records[1].occurrence_key == "tin@11");
  CHECK(records[1].outcome == AsRunOutcome::played);
  CHECK(std::abs(ms_between(*records[0].ended, *records[1].started)) <= 25);
}

TEST_CASE("a missing file is skipped and logged, and the next item plays where it would have",
          "[simulator]") {
  Installation site{"sim-missing"};
  site.bundle.announcements[0].audio.path.absolute = site.dir / "mat-tep.wav";
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  const auto start = kOrigin + 10s;
  engine.schedule({test::occurrence("sang", start, {"z1"}, test::playlist("p"))});
  simulate(engine, site);
  const auto z1 = test::read_wav(site.dir / "z1.wav").samples;
  const auto [first, last] = test::audible_span(z1);
  CHECK(std::abs(last - (frame_of(start) + (5 + 15 + 5) * kRate / 10)) <= 40);
  CHECK(test::longest_silence(z1, static_cast<std::size_t>(first),
                              static_cast<std::size_t>(last)) <= 2);
  const auto records = site.log.between(kOrigin, kOrigin + 1h);
  REQUIRE(records.size() == 2);
  const auto skipped = std::find_if(records.begin(), records.end(), [](const auto& r) {
    return r.outcome == AsRunOutcome::skipped_file;
  });
  REQUIRE(skipped != records.end());
  CHECK(skipped->item_id == "a");
  CHECK_THAT(skipped->detail, Catch::Contains("mat-tep.wav"));
  CHECK(engine.stats().skipped_files == 1);
}

TEST_CASE("a second simulation of the same span replays nothing", "[simulator]") {
  Installation site{"sim-twice"};
  const std::vector<Occurrence> day{
      test::occurrence("sang", kOrigin + 10s, {"z1", "z2"}, test::playlist("p")),
      test::occurrence("tin", kOrigin + 30s, {"z2"}, test::announcement("b"))};
  for (int run = 0; run < 2; ++run) {
    site.clock.set(kOrigin);
    Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
    engine.schedule(day);
    Simulator sim{engine, site.clock, kOrigin, [](const Zone&) { return std::nullopt; }};
    sim.run_until(kOrigin + 1min);
    REQUIRE(sim.drain(kOrigin + 2min));
    CHECK(engine.stats().fired == (run == 0 ? 2U : 0U));
    CHECK(engine.stats().already_logged == (run == 0 ? 0U : 2U));
  }
  CHECK(site.log.between(kOrigin, kOrigin + 1h).size() == 3);
}

TEST_CASE("a simulated day of the demo schedule logs what tinxa agenda lists for it",
          "[simulator][demo]") {
  config::Diagnostics diagnostics;
  auto loaded = content::load_bundle("../content/sample");
  REQUIRE(loaded.ok());
  auto schedule = load_checked_schedule("../deploy/demo/schedule.yaml", "schedule.yaml",
                                        loaded.bundle, diagnostics);
  REQUIRE(schedule);
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  // Saturday 2026-11-28: the review season plays every 2 hours in ap-2.
  const auto from = zone.from_local({std::chrono::year{2026} / 11 / 28, 6h});
  const auto to = zone.from_local({std::chrono::year{2026} / 11 / 28, 18h});
  const auto expected = expand(*schedule, zone, from, to);
  REQUIRE(expected.size() == 5);

  auto database = content::Database::open_memory();
  content::AsRunLog log{database};
  content::VirtualClock clock{from};
  auto low_rate = options();  // a day of mostly silence, rendered quickly under the sanitizers
  low_rate.sample_rate_hz = 1000;
  Engine engine{clock, log, *schedule, loaded.bundle, low_rate};
  engine.schedule(expected);
  {
    Simulator sim{engine, clock, from, [](const Zone&) { return std::nullopt; }};
    sim.run_until(to);
    REQUIRE(sim.drain(to + 1h));
  }
  std::set<std::string> want, got;
  for (const auto& o : expected) want.insert(o.key);
  for (const auto& r : log.between(from, to)) {
    got.insert(r.occurrence_key);
    CHECK(r.outcome == AsRunOutcome::played);
    CHECK(std::abs(ms_between(r.scheduled, *r.started)) <= 1);
    CHECK(r.zones == std::vector<std::string>{"ap-2"});
  }
  CHECK(got == want);
}

}  // namespace
}  // namespace tinxa::broadcast
