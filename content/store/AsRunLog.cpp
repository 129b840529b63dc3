#include "content/store/AsRunLog.hpp"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "content/store/Migrations.hpp"

namespace tinxa::content {

namespace {

constexpr std::array<Migration, 2> kMigrations{{
    {1, "create the as-run log",
     R"sql(
CREATE TABLE as_run (
  id             INTEGER PRIMARY KEY,
  occurrence_key TEXT    NOT NULL,
  slot_id        TEXT    NOT NULL,
  item_id        TEXT    NOT NULL,
  item_title     TEXT    NOT NULL,
  category       TEXT    NOT NULL DEFAULT '',
  priority       TEXT    NOT NULL CHECK (priority IN ('normal', 'priority', 'emergency')),
  zones          TEXT    NOT NULL,  -- zone ids separated by ','
  scheduled_ms   INTEGER NOT NULL,  -- Unix time in milliseconds
  started_ms     INTEGER,
  ended_ms       INTEGER,
  outcome        TEXT    NOT NULL,
  detail         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX as_run_by_time ON as_run (scheduled_ms);
CREATE INDEX as_run_by_key ON as_run (occurrence_key);
)sql"},
    {2, "record the daemon's runs",
     R"sql(
CREATE TABLE daemon_run (
  id         INTEGER PRIMARY KEY,
  started_ms INTEGER NOT NULL,  -- Unix time in milliseconds
  alive_ms   INTEGER NOT NULL   -- last known alive; refreshed while it runs
);
-- A log from before runs were recorded: its latest time stands for the last run's last-alive.
INSERT INTO daemon_run (started_ms, alive_ms)
  SELECT first_ms, last_ms FROM (
    SELECT MIN(scheduled_ms) AS first_ms,
           MAX(MAX(scheduled_ms, COALESCE(started_ms, 0), COALESCE(ended_ms, 0))) AS last_ms
    FROM as_run)
  WHERE last_ms IS NOT NULL;
)sql"},
}};

constexpr std::array<std::string_view, 10> kOutcomeWords{
    "playing",      "played",         "preempted", "resumed",   "interrupted",
    "skipped_file", "device_failure", "missed",    "fell_back", "skipped"};

std::int64_t to_ms(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

TimePoint from_ms(std::int64_t ms) {
  return TimePoint{std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds{ms})};
}

std::string join_zones(const std::vector<std::string>& zones) {
  std::string out;
  for (const auto& zone : zones) out += (out.empty() ? "" : ",") + zone;
  return out;
}

std::vector<std::string> split_zones(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string::npos ? text.size() : comma;
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void bind_optional(Statement& statement, int index, const std::optional<TimePoint>& t) {
  if (t)
    statement.bind(index, to_ms(*t));
  else
    statement.bind(index, nullptr);
}

}  // namespace

std::string_view to_string(AsRunOutcome outcome) noexcept {
  return kOutcomeWords.at(static_cast<std::size_t>(outcome));
}

std::optional<AsRunOutcome> parse_outcome(std::string_view word) noexcept {
  for (std::size_t i = 0; i < kOutcomeWords.size(); ++i)
    if (kOutcomeWords[i] == word) return static_cast<AsRunOutcome>(i);
  return std::nullopt;
}

AsRunLog::AsRunLog(Database& database) : m_database(database) {
  // A reader (a query_only connection: the kiosk) of a log its writer has not upgraded yet reads
  // it as it is: every column between() reads exists since migration 1.
  const int version = database.user_version();
  if (version >= 1 && version < static_cast<int>(kMigrations.size())) {
    Statement query_only = database.prepare("PRAGMA query_only");
    if (query_only.step() && query_only.column_int64(0) != 0) return;
  }
  migrate(database, kMigrations);
}

std::int64_t AsRunLog::append(const AsRunRecord& r) {
  Statement insert = m_database.prepare(
      "INSERT INTO as_run (occurrence_key, slot_id, item_id, item_title, category, priority, "
      "zones, scheduled_ms, started_ms, ended_ms, outcome, detail) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  insert.bind(1, r.occurrence_key)
      .bind(2, r.slot_id)
      .bind(3, r.item_id)
      .bind(4, r.item_title)
      .bind(5, r.category)
      .bind(6, r.priority)
      .bind(7, join_zones(r.zones))
      .bind(8, to_ms(r.scheduled));
  bind_optional(insert, 9, r.started);
  bind_optional(insert, 10, r.ended);
  insert.bind(11, to_string(r.outcome)).bind(12, r.detail);
  insert.run();
  return m_database.last_insert_rowid();
}

void AsRunLog::finish(std::int64_t id, TimePoint ended, AsRunOutcome outcome,
                      std::string_view detail) {
  Statement update = m_database.prepare(
      "UPDATE as_run SET ended_ms = ?1, outcome = ?2, detail = CASE "
      "WHEN ?3 = '' THEN detail WHEN detail IS NULL OR detail = '' THEN ?3 "
      "ELSE detail || '; ' || ?3 END WHERE id = ?4");
  update.bind(1, to_ms(ended)).bind(2, to_string(outcome)).bind(3, detail).bind(4, id);
  update.run();
  if (m_database.changes() == 0)
    throw std::out_of_range(fmt::format("as-run log: no record {}", id));
}

bool AsRunLog::contains(std::string_view occurrence_key) {
  Statement query = m_database.prepare("SELECT 1 FROM as_run WHERE occurrence_key = ?1 LIMIT 1");
  query.bind(1, occurrence_key);
  return query.step();
}

std::int64_t AsRunLog::close_interrupted(TimePoint now) {
  Statement update = m_database.prepare(
      "UPDATE as_run SET outcome = 'interrupted', ended_ms = ?1, "
      "detail = 'chương trình dừng khi đang phát / the daemon stopped while playing' "
      "WHERE outcome = 'playing'");
  update.bind(1, to_ms(now));
  update.run();
  return m_database.changes();
}

std::optional<TimePoint> AsRunLog::start_run(TimePoint now) {
  std::optional<TimePoint> previous;
  Statement last = m_database.prepare("SELECT alive_ms FROM daemon_run ORDER BY id DESC LIMIT 1");
  if (last.step()) previous = from_ms(last.column_int64(0));
  Statement insert =
      m_database.prepare("INSERT INTO daemon_run (started_ms, alive_ms) VALUES (?1, ?1)");
  insert.bind(1, to_ms(now));
  insert.run();
  m_run = m_database.last_insert_rowid();
  return previous;
}

void AsRunLog::mark_alive(TimePoint now) {
  if (m_run == 0) return;
  Statement update = m_database.prepare("UPDATE daemon_run SET alive_ms = ?1 WHERE id = ?2");
  update.bind(1, to_ms(now)).bind(2, m_run);
  update.run();
}

std::vector<AsRunRecord> AsRunLog::between(TimePoint from, TimePoint to) {
  Statement query = m_database.prepare(
      "SELECT id, occurrence_key, slot_id, item_id, item_title, category, priority, zones, "
      "scheduled_ms, started_ms, ended_ms, outcome, detail FROM as_run "
      "WHERE scheduled_ms >= ?1 AND scheduled_ms < ?2 ORDER BY scheduled_ms, id");
  query.bind(1, to_ms(from)).bind(2, to_ms(to));
  std::vector<AsRunRecord> out;
  while (query.step()) {
    AsRunRecord r;
    r.id = query.column_int64(0);
    r.occurrence_key = query.column_text(1);
    r.slot_id = query.column_text(2);
    r.item_id = query.column_text(3);
    r.item_title = query.column_text(4);
    r.category = query.column_text(5);
    r.priority = query.column_text(6);
    r.zones = split_zones(query.column_text(7));
    r.scheduled = from_ms(query.column_int64(8));
    if (!query.column_is_null(9)) r.started = from_ms(query.column_int64(9));
    if (!query.column_is_null(10)) r.ended = from_ms(query.column_int64(10));
    r.outcome = parse_outcome(query.column_text(11)).value_or(AsRunOutcome::interrupted);
    r.detail = query.column_text(12);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tinxa::content
