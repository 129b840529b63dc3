#include "content/store/AsRunLog.hpp"

#include <catch2/catch.hpp>

#include "content/store/SqliteError.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::content {

namespace {

using namespace std::chrono_literals;

const TimePoint kMorning = std::chrono::sys_days{std::chrono::year{2026} / 11 / 27} + 23h + 30min;

AsRunRecord morning_bulletin() {
  AsRunRecord r;
  r.occurrence_key = "ban-tin-sang@2026-11-28T06:30";
  r.slot_id = "ban-tin-sang";
  r.item_id = "ban-tin-sang";
  r.item_title = "Bản tin buổi sáng";
  r.category = "ra-soat";
  r.priority = "normal";
  r.zones = {"thon-1", "thon-2"};
  r.scheduled = kMorning;
  r.started = kMorning + 12ms;
  return r;
}

}  // namespace

TEST_CASE("An as-run record survives closing and reopening the database, to the millisecond",
          "[store][asrun]") {
  const tinxa::test::TempDir dir;
  std::int64_t id = 0;
  {
    Database db = Database::open(dir / "asrun.sqlite");
    AsRunLog log(db);
    id = log.append(morning_bulletin());
    log.finish(id, kMorning + 95'437ms, AsRunOutcome::played);
  }
  Database db = Database::open(dir / "asrun.sqlite");
  AsRunLog log(db);
  const auto records = log.between(kMorning - 1h, kMorning + 1h);
  REQUIRE(records.size() == 1);
  const AsRunRecord& r = records.front();
  CHECK(r.id == id);
  CHECK(r.item_title == "Bản tin buổi sáng");
  CHECK(r.zones == std::vector<std::string>{"thon-1", "thon-2"});
  CHECK(r.scheduled == kMorning);
  CHECK(r.started == kMorning + 12ms);
  CHECK(r.ended == kMorning + 95'437ms);
  CHECK(r.outcome == AsRunOutcome::played);
}

TEST_CASE("An occurrence already in the log is known, so a restart does not replay it",
          "[store][asrun]") {
  Database db = Database::open_memory();
  AsRunLog log(db);
  CHECK_FALSE(log.contains("ban-tin-sang@2026-11-28T06:30"));
  log.append(morning_bulletin());
  CHECK(log.contains("ban-tin-sang@2026-11-28T06:30"));
  CHECK_FALSE(log.contains("ban-tin-sang@2026-11-29T06:30"));
}

TEST_CASE("What a crash left playing is marked interrupted when the daemon starts again",
          "[store][asrun]") {
  Database db = Database::open_memory();
  AsRunLog log(db);
  log.append(morning_bulletin());
  AsRunRecord done = morning_bulletin();
  done.occurrence_key = "other";
  done.outcome = AsRunOutcome::played;
  log.append(done);
  CHECK(log.close_interrupted(kMorning + 10min) == 1);
  const auto records = log.between(kMorning, kMorning + 1min);
  REQUIRE(records.size() == 2);
  CHECK(records[0].outcome == AsRunOutcome::interrupted);
  CHECK(records[0].ended == kMorning + 10min);
  CHECK(records[1].outcome == AsRunOutcome::played);
  CHECK(log.close_interrupted(kMorning + 11min) == 0);
}

TEST_CASE("Records are listed in scheduled order within the asked window only", "[store][asrun]") {
  Database db = Database::open_memory();
  AsRunLog log(db);
  for (auto offset : {2h, 0h, 1h, 30h}) {
    AsRunRecord r = morning_bulletin();
    r.scheduled = kMorning + offset;
    r.occurrence_key = std::to_string(offset.count());
    r.outcome = AsRunOutcome::missed;
    r.started.reset();
    log.append(r);
  }
  const auto records = log.between(kMorning, kMorning + 24h);
  REQUIRE(records.size() == 3);
  CHECK(records[0].scheduled == kMorning);
  CHECK(records[1].scheduled == kMorning + 1h);
  CHECK(records[2].scheduled == kMorning + 2h);
  CHECK_FALSE(records[0].started.has_value());
  CHECK(records[0].outcome == AsRunOutcome::missed);
}

TEST_CASE("Finishing an unknown record is an error, and a bad priority is refused",
          "[store][asrun]") {
  Database db = Database::open_memory();
  AsRunLog log(db);
  CHECK_THROWS_AS(log.finish(42, kMorning, AsRunOutcome::played), std::out_of_range);
  AsRunRecord r = morning_bulletin();
  r.priority = "urgent";
  CHECK_THROWS_AS(log.append(r), SqliteError);
}

TEST_CASE("Every outcome has a word that reads back as itself", "[store][asrun]") {
  for (auto outcome : {AsRunOutcome::playing, AsRunOutcome::played, AsRunOutcome::preempted,
                       AsRunOutcome::resumed, AsRunOutcome::interrupted, AsRunOutcome::skipped_file,
                       AsRunOutcome::device_failure, AsRunOutcome::missed, AsRunOutcome::fell_back})
    CHECK(parse_outcome(to_string(outcome)) == outcome);
  CHECK_FALSE(parse_outcome("played_twice"));
}

}  // namespace tinxa::content
