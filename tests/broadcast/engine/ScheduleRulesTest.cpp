// The schedule's rules checked when an item actually starts or comes back, not only when it is
// scheduled: quiet hours and a slot's max_delay (the rule for what happens on conflict).
#include <catch2/catch.hpp>

#include "broadcast/engine/Engine.hpp"
#include "tests/broadcast/engine/EngineDriver.hpp"
#include "tests/broadcast/engine/EngineFixture.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using content::AsRunOutcome;
using content::AsRunRecord;
using test::EngineDriver;
using test::Installation;
using test::kOrigin;
using test::scheduled_at;

const AsRunRecord& record_of(const std::vector<AsRunRecord>& records, const std::string& slot) {
  for (const auto& r : records)
    if (r.slot_id == slot) return r;
  FAIL("no as-run record for " << slot);
  return records.front();
}

TEST_CASE("a normal item that waited into quiet hours does not start and is logged skipped",
          "[engine][quiet]") {
  Installation site{"engine-quiet-wait"};
  // The relay-then-bulletin case, in seconds: the playlist (3.5 s) holds z1 from 06:00:00, the
  // announcement due at 06:00:01 waits for it, and quiet hours begin at 06:00:03.
  site.schedule.quiet_hours = QuietHours{{6, 0, 3}, {7, 0, 0}};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver driver{engine, site.clock};
  engine.schedule({scheduled_at("tiep-song", 0s, {"z1"}, test::playlist("p")),
                   scheduled_at("ban-tin", 1s, {"z1"}, test::announcement("a"))});
  driver.run_until(kOrigin + 8s);

  const auto records = site.log.between(kOrigin - 1h, kOrigin + 1h);
  REQUIRE(records.size() == 2);
  CHECK(record_of(records, "tiep-song").outcome == AsRunOutcome::played);
  const auto& skipped = record_of(records, "ban-tin");
  CHECK(skipped.outcome == AsRunOutcome::skipped);
  CHECK(skipped.zones == std::vector<std::string>{"z1"});
  CHECK_THAT(skipped.detail, Catch::Contains("quiet hours 06:00–07:00") &&
                                 Catch::Contains("giờ yên lặng") && Catch::Contains("at 06:00:03"));
  REQUIRE(skipped.started);
  CHECK(std::chrono::abs(*skipped.started - (kOrigin + 3500ms)) <= 25ms);  // next poll
  // Nothing sounds after the playlist.
  const auto span = test::audible_span(driver.audio(0));
  CHECK(span.second < EngineDriver::frame(kOrigin + 3500ms));
  CHECK(engine.stats().skipped_by_rule == 1);
  CHECK_FALSE(engine.busy());
}

TEST_CASE("a normal item whose turn comes before quiet hours plays to its end", "[engine][quiet]") {
  Installation site{"engine-quiet-before"};
  site.schedule.quiet_hours = QuietHours{{6, 0, 4}, {7, 0, 0}};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver driver{engine, site.clock};
  engine.schedule({scheduled_at("tiep-song", 0s, {"z1"}, test::playlist("p")),
                   scheduled_at("ban-tin", 1s, {"z1"}, test::announcement("a"))});
  driver.run_until(kOrigin + 8s);
  const auto records = site.log.between(kOrigin - 1h, kOrigin + 1h);
  REQUIRE(records.size() == 2);
  CHECK(record_of(records, "ban-tin").outcome == AsRunOutcome::played);  // 06:00:03.5 to 04.5
}

TEST_CASE("a normal item that would resume in quiet hours after an emergency does not resume",
          "[engine][quiet]") {
  Installation site{"engine-quiet-resume"};
  site.schedule.quiet_hours = QuietHours{{6, 0, 2}, {7, 0, 0}};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver driver{engine, site.clock};
  // The playlist starts at 06:00:00; the alarm (2 s) takes z1 at 06:00:01 and z2 from nothing;
  // the playlist would come back at 06:00:03, in quiet hours. The alarm itself ignores them.
  engine.schedule(
      {scheduled_at("ban-tin", 0s, {"z1"}, test::playlist("p")),
       scheduled_at("bao", 1s, {"z1", "z2"}, test::announcement("alarm"), Priority::emergency)});
  driver.run_until(kOrigin + 8s);

  const auto records = site.log.between(kOrigin - 1h, kOrigin + 1h);
  std::vector<AsRunOutcome> bulletin;
  for (const auto& r : records)
    if (r.slot_id == "ban-tin") bulletin.push_back(r.outcome);
  CHECK(bulletin == std::vector<AsRunOutcome>{AsRunOutcome::preempted, AsRunOutcome::skipped});
  for (const auto& r : records)
    if (r.slot_id == "ban-tin" && r.outcome == AsRunOutcome::skipped)
      CHECK_THAT(r.detail, Catch::Contains("not resumed") && Catch::Contains("quiet hours"));
  for (const auto& r : records)
    if (r.slot_id == "bao") CHECK(r.outcome == AsRunOutcome::played);
  const auto span = test::audible_span(driver.audio(0));
  CHECK(span.second < EngineDriver::frame(kOrigin + 3s + 50ms));  // nothing after the alarm
}

TEST_CASE("a priority item that waited into quiet hours still plays", "[engine][quiet]") {
  Installation site{"engine-quiet-priority"};
  site.schedule.quiet_hours = QuietHours{{6, 0, 3}, {7, 0, 0}};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver driver{engine, site.clock};
  engine.schedule({scheduled_at("mot", 0s, {"z1"}, test::playlist("p"), Priority::priority),
                   scheduled_at("hai", 1s, {"z1"}, test::announcement("a"), Priority::priority)});
  driver.run_until(kOrigin + 8s);
  const auto records = site.log.between(kOrigin - 1h, kOrigin + 1h);
  REQUIRE(records.size() == 2);
  CHECK(record_of(records, "hai").outcome == AsRunOutcome::played);
}

TEST_CASE("an item that would start later than its max_delay is skipped; one within it plays late",
          "[engine][conflict]") {
  Installation site{"engine-max-delay"};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver driver{engine, site.clock};
  auto strict = scheduled_at("dung-gio", 1s, {"z1"}, test::announcement("a"));
  strict.max_delay = 2s;  // its turn comes at 06:00:03.5, 2.5 s late
  auto patient = scheduled_at("cho-duoc", 2s, {"z1"}, test::announcement("b"));
  patient.max_delay = 5s;
  auto unlimited = scheduled_at("cho-mai", 2s, {"z2"}, test::announcement("b"));
  engine.schedule(
      {scheduled_at("ban-tin", 0s, {"z1", "z2"}, test::playlist("p")), strict, patient, unlimited});
  driver.run_until(kOrigin + 10s);

  const auto records = site.log.between(kOrigin - 1h, kOrigin + 1h);
  const auto& skipped = record_of(records, "dung-gio");
  CHECK(skipped.outcome == AsRunOutcome::skipped);
  CHECK_THAT(skipped.detail, Catch::Contains("start 2.5s late, beyond max_delay 2s") &&
                                 Catch::Contains("quá max_delay"));
  const auto& late = record_of(records, "cho-duoc");
  CHECK(late.outcome == AsRunOutcome::played);
  REQUIRE(late.started);
  CHECK(std::chrono::abs(*late.started - (kOrigin + 3500ms)) <= 25ms);
  CHECK(record_of(records, "cho-mai").outcome == AsRunOutcome::played);  // no max_delay: waits
  CHECK(engine.stats().skipped_by_rule == 1);
}

TEST_CASE("an operator's play ignores quiet hours and max_delay", "[engine][quiet]") {
  Installation site{"engine-quiet-operator"};
  site.schedule.quiet_hours = QuietHours{{5, 0, 0}, {7, 0, 0}};
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver driver{engine, site.clock};
  auto now = scheduled_at("phat-ngay", 0s, {"z1"}, test::announcement("a"));
  now.max_delay = 0s;
  REQUIRE(engine.inject(now));
  driver.run_until(kOrigin + 3s);
  const auto records = site.log.between(kOrigin - 1h, kOrigin + 1h);
  REQUIRE(records.size() == 1);
  CHECK(records[0].outcome == AsRunOutcome::played);
}

}  // namespace
}  // namespace tinxa::broadcast
