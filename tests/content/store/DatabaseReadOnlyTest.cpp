// Database::open_read_only: how the kiosk reads the broadcaster's as-run log without ever
// creating, changing or waiting long on it. Real SQLite files in a temporary folder.
#include "content/store/Database.hpp"

#include <chrono>
#include <fstream>
#include <string>

#include <sqlite3.h>
#include <catch2/catch.hpp>

#include "content/store/SqliteError.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::content {
namespace {

using Catch::Matchers::Contains;
using namespace std::chrono_literals;

void make_log(const std::filesystem::path& path) {
  auto writer = Database::open(path);
  writer.exec(
      "CREATE TABLE item (id INTEGER PRIMARY KEY, title TEXT); "
      "INSERT INTO item (title) VALUES ('Bản tin sáng'), ('Thông báo tiêm chủng')");
}

TEST_CASE("A read-only open of a missing database fails naming it and creates nothing", "[store]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "as-run.sqlite";
  try {
    (void)Database::open_read_only(path);
    FAIL("a missing database was opened");
  } catch (const SqliteError& error) {
    CHECK(error.primary_code() == SQLITE_CANTOPEN);
    CHECK_THAT(error.what(), Contains(path.string()));
  }
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("A read-only connection reads what the writer committed and cannot write", "[store]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "as-run.sqlite";
  make_log(path);
  auto writer = Database::open(path);  // the daemon keeps its connection open
  auto reader = Database::open_read_only(path);
  CHECK(reader.path() == path);
  {
    auto count = reader.prepare("SELECT count(*) FROM item");
    REQUIRE(count.step());
    CHECK(count.column_int64(0) == 2);
  }
  // The writer goes on writing while the reader is open (WAL): the reader sees it afterwards.
  writer.exec("INSERT INTO item (title) VALUES ('Hỏi đáp')");
  {
    auto count = reader.prepare("SELECT count(*) FROM item");
    REQUIRE(count.step());
    CHECK(count.column_int64(0) == 3);
  }
  try {
    reader.exec("INSERT INTO item (title) VALUES ('x')");
    FAIL("a read-only connection wrote");
  } catch (const SqliteError& error) {
    CHECK((error.primary_code() == SQLITE_READONLY || error.primary_code() == SQLITE_ERROR));
  }
  CHECK_THROWS_AS(reader.exec("CREATE TABLE other (x)"), SqliteError);
  CHECK_THROWS_AS(reader.set_user_version(7), SqliteError);
  CHECK(reader.user_version() == 0);
}

TEST_CASE("A read-only open of a database its writer holds locked gives up quickly", "[store]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "as-run.sqlite";
  make_log(path);
  auto writer = Database::open(path);
  // The daemon in exclusive locking mode, in the middle of a write: nobody else may read.
  writer.exec("PRAGMA locking_mode = EXCLUSIVE");
  Database::Transaction transaction{writer};
  writer.exec("INSERT INTO item (title) VALUES ('đang ghi')");
  try {
    (void)Database::open_read_only(path, 50ms);
    FAIL("a locked database was read");
  } catch (const SqliteError& error) {
    CHECK(error.primary_code() == SQLITE_BUSY);
    CHECK_THAT(error.what(), Contains(path.string()));
  }
}

TEST_CASE("A read-only connection waits only its own busy timeout, not the writer's", "[store]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "as-run.sqlite";
  make_log(path);
  // SQLite reports the connection's busy timeout: the kiosk gives up after it, never after the
  // daemon's longer one.
  const auto busy_timeout = [](Database database) {
    auto query = database.prepare("PRAGMA busy_timeout");
    REQUIRE(query.step());
    return query.column_int64(0);
  };
  CHECK(busy_timeout(Database::open_read_only(path, 50ms)) == 50);
  CHECK(busy_timeout(Database::open_read_only(path, 0ms)) == 0);
  CHECK(busy_timeout(Database::open(path)) > 50);
}

TEST_CASE("A read-only open of a file that is not a database fails naming it", "[store]") {
  const tinxa::test::TempDir dir;
  const auto path = dir / "as-run.sqlite";
  std::ofstream(path) << "not a database, just text that is long enough to have a header...\n";
  try {
    (void)Database::open_read_only(path);
    FAIL("a text file was opened as a database");
  } catch (const SqliteError& error) {
    CHECK(error.primary_code() == SQLITE_NOTADB);
    CHECK_THAT(error.what(), Contains(path.string()));
  }
}

}  // namespace
}  // namespace tinxa::content
