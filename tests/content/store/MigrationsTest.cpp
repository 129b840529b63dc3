#include "content/store/Migrations.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "content/store/SqliteError.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::content {
namespace {

using Catch::Matchers::Contains;

constexpr std::array kMigrations{
    Migration{1, "create the as-run log",
              "CREATE TABLE as_run (id INTEGER PRIMARY KEY, announcement TEXT NOT NULL);"},
    Migration{2, "record the zone",
              "ALTER TABLE as_run ADD COLUMN zone TEXT;"
              "INSERT INTO as_run (announcement, zone) VALUES ('migrated', 'all');"},
    Migration{3, "index by announcement",
              "CREATE INDEX as_run_announcement ON as_run (announcement)"},
};

bool table_exists(Database& database, std::string_view name) {
  auto statement = database.prepare("SELECT 1 FROM sqlite_schema WHERE name = ?");
  statement.bind(1, name);
  return statement.step();
}

std::int64_t count_rows(Database& database) {
  auto statement = database.prepare("SELECT count(*) FROM as_run");
  REQUIRE(statement.step());
  return statement.column_int64(0);
}

TEST_CASE("Migrations are applied in order, once", "[store][migrations]") {
  auto database = Database::open_memory();
  migrate(database, kMigrations);
  CHECK(database.user_version() == 3);
  CHECK(table_exists(database, "as_run_announcement"));
  CHECK(count_rows(database) == 1);

  migrate(database, kMigrations);
  CHECK(database.user_version() == 3);
  CHECK(count_rows(database) == 1);  // migration 2's INSERT did not run again
}

TEST_CASE("A database part of the way up gets only the newer migrations", "[store][migrations]") {
  const tinxa::test::TempDir dir;
  {
    auto database = Database::open(dir / "as-run.db");
    migrate(database, std::span{kMigrations}.first(2));
    CHECK(database.user_version() == 2);
    CHECK_FALSE(table_exists(database, "as_run_announcement"));
  }
  auto database = Database::open(dir / "as-run.db");
  migrate(database, kMigrations);
  CHECK(database.user_version() == 3);
  CHECK(table_exists(database, "as_run_announcement"));
  CHECK(count_rows(database) == 1);
}

TEST_CASE("A failing migration is rolled back whole and leaves the version",
          "[store][migrations]") {
  const std::array migrations{
      kMigrations[0],
      Migration{2, "add the usage table",
                "CREATE TABLE usage (page TEXT); INSERT INTO nowhere VALUES (1)"},
  };
  auto database = Database::open_memory();
  try {
    migrate(database, migrations);
    FAIL("the failing migration was accepted");
  } catch (const SqliteError& error) {
    CHECK_THAT(error.what(), Contains("migration 2 (add the usage table) failed") &&
                                 Contains("no such table: nowhere"));
  }
  CHECK(database.user_version() == 1);
  CHECK(table_exists(database, "as_run"));
  CHECK_FALSE(table_exists(database, "usage"));  // its first statement was undone too
}

TEST_CASE("Migration versions must run 1, 2, 3 without gaps", "[store][migrations]") {
  auto database = Database::open_memory();
  const std::array gap{kMigrations[0], kMigrations[2]};
  const std::array late_start{kMigrations[1]};
  const std::array repeated{kMigrations[0], kMigrations[0]};
  CHECK_THROWS_MATCHES(
      migrate(database, gap), std::logic_error,
      Catch::Matchers::Message("migration 'index by announcement' has version 3 where 2 was "
                               "expected: versions must run 1, 2, 3, ... without gaps"));
  CHECK_THROWS_AS(migrate(database, late_start), std::logic_error);
  CHECK_THROWS_AS(migrate(database, repeated), std::logic_error);
  CHECK(database.user_version() == 0);
  CHECK_FALSE(table_exists(database, "as_run"));

  migrate(database, std::span<const Migration>{});
  CHECK(database.user_version() == 0);
}

TEST_CASE("A database newer than the program's migrations is refused", "[store][migrations]") {
  const tinxa::test::TempDir dir;
  auto database = Database::open(dir / "as-run.db");
  database.set_user_version(5);
  try {
    migrate(database, kMigrations);
    FAIL("a downgrade was accepted");
  } catch (const SchemaTooNewError& error) {
    CHECK(error.database_version() == 5);
    CHECK(error.newest_known() == 3);
    CHECK_THAT(error.what(), Contains((dir / "as-run.db").string()) &&
                                 Contains("schema version 5, newer than version 3"));
  }
  CHECK(database.user_version() == 5);
  CHECK_FALSE(table_exists(database, "as_run"));
}

}  // namespace
}  // namespace tinxa::content
