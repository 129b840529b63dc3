#include "broadcast/engine/Engine.hpp"

#include <catch2/catch.hpp>

#include "tests/broadcast/engine/EngineFixture.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using content::AsRunOutcome;
using test::Installation;
using test::kOrigin;

EngineOptions options() {
  EngineOptions o = test::engine_options();
  o.catch_up_grace = 10min;
  return o;
}

TEST_CASE("a playlist plays its chime before, its announcements in order and its chime after",
          "[engine]") {
  Installation site{"engine-items"};
  const auto items = playout_items(test::playlist("p"), site.bundle, 1);
  std::vector<std::string> ids;
  for (const auto& i : items) ids.push_back(i.id);
  CHECK(ids == std::vector<std::string>{"chime", "a", "b", "chime"});
  CHECK(items[1].frames_at(test::kRate) == test::kRate);
  CHECK(items[1].frames_at(48000) == 48000);
}

TEST_CASE("an emergency with repeat N plays its announcement N times", "[engine]") {
  Installation site{"engine-repeat"};
  CHECK(playout_items(test::announcement("alarm"), site.bundle, 3).size() == 3);
  CHECK(playout_items(test::announcement("khong-co"), site.bundle, 3).empty());
}

TEST_CASE("occurrences already in the as-run log are not played again", "[engine]") {
  Installation site{"engine-logged"};
  content::AsRunRecord done;
  done.occurrence_key = "sang@10";
  done.slot_id = "sang";
  done.scheduled = kOrigin + 10s;
  done.priority = "normal";
  done.outcome = AsRunOutcome::played;
  site.log.append(done);
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.schedule({test::occurrence("sang", kOrigin + 10s, {"z1"}, test::playlist("p")),
                   test::occurrence("chieu", kOrigin + 20s, {"z1"}, test::playlist("p"))});
  CHECK(engine.stats().already_logged == 1);
  CHECK(engine.next_due() == kOrigin + 20s);
  CHECK_FALSE(engine.inject(test::occurrence("sang", kOrigin + 10s, {"z1"}, test::playlist("p"))));
}

TEST_CASE("after a restart, what is within the grace still plays and what is older is missed",
          "[engine]") {
  Installation site{"engine-catch-up"};
  site.clock.set(kOrigin + 3h);
  const auto now = site.clock.now();
  (void)site.log.start_run(now - 40h);  // the previous run, last alive 26 h ago
  site.log.mark_alive(now - 26h);
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.schedule({
      test::occurrence("hom-qua", now - 30h, {"z1"}, test::playlist("p")),  // it was running
      test::occurrence("sang", now - 2h, {"z1"}, test::playlist("p")),      // missed
      test::occurrence("muon", now - 5min, {"z1"}, test::playlist("p")),    // within the grace
      test::occurrence("sau", now + 1min, {"z1"}, test::playlist("p")),
  });
  CHECK(engine.catch_up() == 1);
  CHECK(engine.stats().caught_up == 1);
  const auto records = site.log.between(now - 48h, now + 1h);
  REQUIRE(records.size() == 1);
  CHECK(records[0].occurrence_key == "sang@" + std::to_string(3 * 3600 - 2 * 3600));
  CHECK(records[0].outcome == AsRunOutcome::missed);
  CHECK(engine.next_due() == now - 5min);  // plays at the next poll
  engine.poll();
  CHECK(engine.busy());
  CHECK(engine.next_due() == now + 1min);
}

TEST_CASE("the first start ever logs nothing as missed", "[engine][lookback]") {
  Installation site{"engine-first-start"};
  site.clock.set(kOrigin + 3h);
  const auto now = site.clock.now();
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.schedule({test::occurrence("hom-qua", now - 20h, {"z1"}, test::playlist("p")),
                   test::occurrence("sang", now - 2h, {"z1"}, test::playlist("p")),
                   test::occurrence("muon", now - 5min, {"z1"}, test::playlist("p"))});
  CHECK(engine.catch_up() == 0);
  CHECK(site.log.between(now - 48h, now + 1h).empty());
  CHECK(engine.next_due() == now - 5min);  // within the grace: it still plays
}

TEST_CASE("a restart after a 2-day outage logs exactly the outage's occurrences as missed",
          "[engine][lookback]") {
  Installation site{"engine-outage"};
  const auto up = kOrigin;
  site.clock.set(up);
  {
    // The previous run: up at 06:00, alive (refreshed by poll) until it stops at 06:10.
    Engine first{site.clock, site.log, site.schedule, site.bundle, options()};
    CHECK(first.catch_up() == 0);
    for (auto t = up; t <= up + 10min; t += 20s) {
      site.clock.set(t);
      first.poll();
    }
    first.shutdown();
  }
  const auto down = up + 10min;
  site.clock.set(down + 48h);
  const auto now = site.clock.now();
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.schedule({
      test::occurrence("truoc", up - 1h, {"z1"}, test::playlist("p")),       // before the run
      test::occurrence("khi-chay", up + 5min, {"z1"}, test::playlist("p")),  // while it ran
      test::occurrence("mat-1", down + 1min, {"z1"}, test::playlist("p")),   // outage
      test::occurrence("mat-2", down + 30h, {"z1"}, test::playlist("p")),    // outage
      test::occurrence("mat-3", now - 11min, {"z1"}, test::playlist("p")),   // outage
      test::occurrence("an-han", now - 9min, {"z1"}, test::playlist("p")),   // within the grace
  });
  CHECK(engine.catch_up() == 3);
  std::vector<std::string> missed;
  for (const auto& r : site.log.between(up - 48h, now + 1h)) {
    CHECK(r.outcome == AsRunOutcome::missed);
    missed.push_back(r.slot_id);
  }
  CHECK(missed == std::vector<std::string>{"mat-1", "mat-2", "mat-3"});
  CHECK(engine.next_due() == now - 9min);
}

TEST_CASE("the run's last-alive time follows poll once a period and shutdown",
          "[engine][lookback]") {
  Installation site{"engine-alive"};
  site.clock.set(kOrigin);
  {
    Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
    engine.poll();  // before catch_up(): no run yet, nothing written
    (void)engine.catch_up();
    site.clock.set(kOrigin + 90s);
    engine.poll();  // written: 90 s >= 1 min
    site.clock.set(kOrigin + 100s);
    engine.poll();  // not yet
  }
  CHECK(site.log.start_run(kOrigin + 1h) == kOrigin + 90s);
}

TEST_CASE("a restart within the grace after a short outage catches up and misses nothing",
          "[engine][lookback]") {
  Installation site{"engine-short-outage"};
  (void)site.log.start_run(kOrigin - 2h);
  site.log.mark_alive(kOrigin);
  site.clock.set(kOrigin + 6min);
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  engine.schedule({test::occurrence("sang", kOrigin + 1min, {"z1"}, test::playlist("p"))});
  CHECK(engine.catch_up() == 0);
  CHECK(engine.next_due() == kOrigin + 1min);
  engine.poll();
  CHECK(engine.busy());
}

TEST_CASE("a crash's records still playing are closed as interrupted at start-up", "[engine]") {
  Installation site{"engine-interrupted"};
  content::AsRunRecord cut;
  cut.occurrence_key = "sang@10";
  cut.slot_id = "sang";
  cut.scheduled = kOrigin;
  cut.started = kOrigin;
  cut.priority = "normal";
  site.log.append(cut);
  site.clock.set(kOrigin + 1h);
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  (void)engine.catch_up();
  CHECK(site.log.between(kOrigin, kOrigin + 1h)[0].outcome == AsRunOutcome::interrupted);
}

TEST_CASE("a relay with no live source configured is logged as a device failure, not played",
          "[engine]") {
  Installation site{"engine-relay"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options()};
  REQUIRE(engine.inject(test::occurrence("vov", kOrigin, {"z1"},
                                         PlayItem{PlayKind::relay, {}, "Line In", 30min, {}})));
  const auto records = site.log.between(kOrigin, kOrigin + 1h);
  REQUIRE(records.size() == 1);
  CHECK(records[0].outcome == AsRunOutcome::device_failure);
  CHECK_THAT(records[0].detail, Catch::Contains("no live source is configured"));
  CHECK_FALSE(engine.busy());
}

}  // namespace
}  // namespace tinxa::broadcast

namespace tinxa::broadcast {
namespace {

TEST_CASE("a clock set back after an item fired does not fire it again", "[engine]") {
  using namespace std::chrono_literals;
  test::Installation site{"engine-clock-jump"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  engine.schedule({test::occurrence("sang", test::kOrigin + 10s, {"z1"}, test::playlist("p"))});
  site.clock.set(test::kOrigin + 11s);
  engine.poll();
  site.clock.set(test::kOrigin + 5s);
  engine.poll();
  site.clock.set(test::kOrigin + 12s);
  engine.poll();
  CHECK(engine.stats().fired == 1);
  CHECK_FALSE(engine.next_due());
}

}  // namespace
}  // namespace tinxa::broadcast
