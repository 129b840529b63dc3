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

TEST_CASE("Finishing a record keeps what was written when it started and adds the reason",
          "[store][asrun]") {
  Database db = Database::open_memory();
  AsRunLog log(db);
  AsRunRecord live = morning_bulletin();
  live.outcome = AsRunOutcome::playing;
  live.detail = "cán bộ xã";  // the operator's label of a live source
  const auto kept = log.append(live);
  const auto added = log.append(live);
  live.detail.clear();
  const auto only_reason = log.append(live);
  log.finish(kept, kMorning + 1min, AsRunOutcome::played);
  log.finish(added, kMorning + 1min, AsRunOutcome::fell_back, "im lặng / silent 10 s");
  log.finish(only_reason, kMorning + 1min, AsRunOutcome::preempted, "khẩn cấp / emergency");
  const auto records = log.between(kMorning - 1h, kMorning + 1h);
  REQUIRE(records.size() == 3);
  CHECK(records[0].detail == "cán bộ xã");
  CHECK(records[1].detail == "cán bộ xã; im lặng / silent 10 s");
  CHECK(records[2].detail == "khẩn cấp / emergency");
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
  for (auto outcome :
       {AsRunOutcome::playing, AsRunOutcome::played, AsRunOutcome::preempted, AsRunOutcome::resumed,
        AsRunOutcome::interrupted, AsRunOutcome::skipped_file, AsRunOutcome::device_failure,
        AsRunOutcome::missed, AsRunOutcome::fell_back, AsRunOutcome::skipped})
    CHECK(parse_outcome(to_string(outcome)) == outcome);
  CHECK_FALSE(parse_outcome("played_twice"));
  CHECK(to_string(AsRunOutcome::skipped) == "skipped");
}

TEST_CASE("The first run of a new log has no previous run; a later one gets the last-alive time",
          "[store][asrun]") {
  Database db = Database::open_memory();
  {
    AsRunLog first(db);
    CHECK_FALSE(first.start_run(kMorning));
    first.mark_alive(kMorning + 1h);
    first.mark_alive(kMorning + 2h);
  }
  AsRunLog second(db);
  CHECK(second.start_run(kMorning + 50h) == kMorning + 2h);
  AsRunLog third(db);  // the second run was never refreshed: its start is its last-alive
  CHECK(third.start_run(kMorning + 51h) == kMorning + 50h);
}

TEST_CASE("mark_alive before start_run changes nothing", "[store][asrun]") {
  Database db = Database::open_memory();
  AsRunLog log(db);
  log.mark_alive(kMorning);
  CHECK_FALSE(log.start_run(kMorning + 1h));
}

TEST_CASE("A log from before runs were recorded counts its latest time as the last run's",
          "[store][asrun]") {
  Database db = Database::open_memory();
  db.exec(R"sql(
CREATE TABLE as_run (
  id INTEGER PRIMARY KEY, occurrence_key TEXT NOT NULL, slot_id TEXT NOT NULL,
  item_id TEXT NOT NULL, item_title TEXT NOT NULL, category TEXT NOT NULL DEFAULT '',
  priority TEXT NOT NULL, zones TEXT NOT NULL, scheduled_ms INTEGER NOT NULL,
  started_ms INTEGER, ended_ms INTEGER, outcome TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');
INSERT INTO as_run (occurrence_key, slot_id, item_id, item_title, priority, zones, scheduled_ms,
                    started_ms, ended_ms, outcome)
  VALUES ('a@1', 'a', 'a', 'A', 'normal', 'z', 1000, 1500, 90000, 'played'),
         ('b@2', 'b', 'b', 'B', 'normal', 'z', 60000, NULL, NULL, 'missed');
)sql");
  db.set_user_version(1);
  AsRunLog log(db);
  CHECK(db.user_version() == 2);
  CHECK(log.between(TimePoint{}, kMorning).size() == 2);
  CHECK(log.start_run(kMorning) == TimePoint{std::chrono::milliseconds{90000}});
}

TEST_CASE("A reader reads a log its writer has not upgraded yet", "[store][asrun]") {
  const tinxa::test::TempDir dir;
  {
    Database writer = Database::open(dir / "as-run.sqlite");
    AsRunLog log(writer);
    log.append(morning_bulletin());
    writer.exec("DROP TABLE daemon_run;");
    writer.set_user_version(1);
  }
  Database reader = Database::open_read_only(dir / "as-run.sqlite");
  AsRunLog log(reader);
  CHECK(log.between(kMorning, kMorning + 1h).size() == 1);
  CHECK(reader.user_version() == 1);
}

TEST_CASE("An empty log from before runs were recorded has no previous run", "[store][asrun]") {
  Database db = Database::open_memory();
  { AsRunLog log(db); }
  db.exec("DELETE FROM daemon_run; DROP TABLE daemon_run;");
  db.set_user_version(1);
  AsRunLog log(db);
  CHECK_FALSE(log.start_run(kMorning));
}

}  // namespace tinxa::content
