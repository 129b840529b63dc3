#include "content/store/Database.hpp"

#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

#include <sqlite3.h>
#include <catch2/catch.hpp>

#include "content/store/SqliteError.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::content {
namespace {

using Catch::Matchers::Contains;

std::string pragma(Database& database, std::string_view name) {
  auto statement = database.prepare(std::string{"PRAGMA "} + std::string{name});
  REQUIRE(statement.step());
  return statement.column_text(0);
}

std::int64_t count_rows(Database& database, std::string_view table) {
  auto statement = database.prepare("SELECT count(*) FROM " + std::string{table});
  REQUIRE(statement.step());
  return statement.column_int64(0);
}

TEST_CASE("Opening a file creates a WAL database with full sync and foreign keys", "[store]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "as-run.db";
  auto database = Database::open(path);
  CHECK(std::filesystem::exists(path));
  CHECK(database.path() == path);
  CHECK(pragma(database, "journal_mode") == "wal");
  CHECK(pragma(database, "synchronous") == "2");  // FULL
  CHECK(pragma(database, "foreign_keys") == "1");
  CHECK(pragma(database, "busy_timeout") == "5000");
  CHECK(database.user_version() == 0);
}

TEST_CASE("What one connection commits is there when the file is opened again", "[store]") {
  const tinxa::test::TempDir dir;
  {
    auto database = Database::open(dir / "usage.db");
    database.exec("CREATE TABLE visits (page TEXT); INSERT INTO visits VALUES ('ho-ngheo')");
  }
  auto database = Database::open(dir / "usage.db");
  CHECK(pragma(database, "journal_mode") == "wal");
  CHECK(count_rows(database, "visits") == 1);
}

TEST_CASE("A reader does not block a writer on a WAL database", "[store]") {
  const tinxa::test::TempDir dir;
  auto writer = Database::open(dir / "as-run.db");
  writer.exec("CREATE TABLE events (id INTEGER PRIMARY KEY); INSERT INTO events DEFAULT VALUES");
  auto reader = Database::open(dir / "as-run.db");

  auto reading = reader.prepare("SELECT count(*) FROM events");
  REQUIRE(reading.step());  // the read transaction stays open until reset()
  {
    Database::Transaction transaction{writer};
    writer.exec("INSERT INTO events DEFAULT VALUES");
    transaction.commit();
  }
  CHECK(reading.column_int64(0) == 1);
  reading.reset();
  REQUIRE(reading.step());
  CHECK(reading.column_int64(0) == 2);
}

TEST_CASE("Opening a file that is not a database fails naming the file", "[store]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "notes.db";
  std::ofstream{path} << "This is a text file, not an SQLite database, and it is long enough "
                         "to fill the hundred-byte header that SQLite reads first.\n";
  try {
    (void)Database::open(path);
    FAIL("open() accepted a text file");
  } catch (const SqliteError& error) {
    CHECK(error.primary_code() == SQLITE_NOTADB);
    CHECK_THAT(error.what(), Contains(path.string()) && Contains("not a database"));
  }
}

TEST_CASE("Opening a database in a missing folder fails naming the path", "[store]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "missing" / "as-run.db";
  try {
    (void)Database::open(path);
    FAIL("open() created a database in a missing folder");
  } catch (const SqliteError& error) {
    CHECK(error.primary_code() == SQLITE_CANTOPEN);
    CHECK_THAT(error.what(), Contains(path.string()));
  }
}

TEST_CASE("An in-memory database has the memory journal and enforces foreign keys", "[store]") {
  auto database = Database::open_memory();
  CHECK(pragma(database, "journal_mode") == "memory");
  database.exec(
      "CREATE TABLE zone (id INTEGER PRIMARY KEY);"
      "CREATE TABLE speaker (zone INTEGER REFERENCES zone(id))");
  try {
    database.exec("INSERT INTO speaker VALUES (42)");
    FAIL("a dangling foreign key was accepted");
  } catch (const SqliteError& error) {
    CHECK(error.code() == SQLITE_CONSTRAINT_FOREIGNKEY);
    CHECK(error.primary_code() == SQLITE_CONSTRAINT);
  }
}

TEST_CASE("exec runs several statements and names the SQL that fails", "[store]") {
  auto database = Database::open_memory();
  database.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);");
  CHECK(count_rows(database, "t") == 2);
  CHECK(database.changes() == 1);
  CHECK(database.last_insert_rowid() == 2);
  CHECK_THROWS_MATCHES(
      database.exec("INSERT INTO   missing\n VALUES (1)"), SqliteError,
      Catch::Matchers::Message("cannot run 'INSERT INTO missing VALUES (1)': no such table: "
                               "missing (SQLite result code 1)"));
}

TEST_CASE("prepare takes exactly one statement", "[store]") {
  auto database = Database::open_memory();
  CHECK(database.prepare("SELECT 1").step());
  CHECK(database.prepare("  SELECT 1 ;  -- trailing comment\n").step());

  const auto misuse = [&](std::string_view sql) {
    try {
      (void)database.prepare(sql);
    } catch (const SqliteError& error) {
      return error.code();
    }
    return SQLITE_OK;
  };
  CHECK(misuse("") == SQLITE_MISUSE);
  CHECK(misuse("  -- only a comment") == SQLITE_MISUSE);
  CHECK(misuse("SELECT 1; SELECT 2") == SQLITE_MISUSE);
  CHECK(misuse("SELECT 1; garbage") == SQLITE_MISUSE);
  CHECK_THROWS_WITH(database.prepare("SELEC 1"),
                    Contains("cannot prepare 'SELEC 1'") && Contains("syntax error"));
}

TEST_CASE("user_version reads back what was set", "[store]") {
  auto database = Database::open_memory();
  CHECK(database.user_version() == 0);
  database.set_user_version(7);
  CHECK(database.user_version() == 7);
}

TEST_CASE("A transaction that is not committed rolls back", "[store]") {
  auto database = Database::open_memory();
  database.exec("CREATE TABLE t (x INTEGER)");
  {
    Database::Transaction transaction{database};
    database.exec("INSERT INTO t VALUES (1)");
    CHECK(count_rows(database, "t") == 1);
  }
  CHECK(count_rows(database, "t") == 0);

  try {
    Database::Transaction transaction{database};
    database.exec("INSERT INTO t VALUES (1)");
    throw std::runtime_error("the caller failed half way");
  } catch (const std::runtime_error&) {
  }
  CHECK(count_rows(database, "t") == 0);
}

TEST_CASE("A committed transaction is kept and cannot be committed twice", "[store]") {
  auto database = Database::open_memory();
  database.exec("CREATE TABLE t (x INTEGER)");
  {
    Database::Transaction transaction{database};
    database.exec("INSERT INTO t VALUES (1)");
    transaction.commit();
    CHECK_THROWS_AS(transaction.commit(), std::logic_error);
  }
  CHECK(count_rows(database, "t") == 1);
}

TEST_CASE("Transactions do not nest", "[store]") {
  auto database = Database::open_memory();
  Database::Transaction outer{database};
  CHECK_THROWS_WITH(Database::Transaction{database},
                    Contains("cannot start a transaction within a transaction"));
}

TEST_CASE("A moved database keeps its connection", "[store]") {
  auto first = Database::open_memory();
  first.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)");
  auto second = std::move(first);
  CHECK(count_rows(second, "t") == 1);
}

}  // namespace
}  // namespace tinxa::content
