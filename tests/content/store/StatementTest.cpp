#include "content/store/Statement.hpp"

#include <cstdint>
#include <optional>
#include <string>

#include <sqlite3.h>
#include <catch2/catch.hpp>

#include "content/store/Database.hpp"
#include "content/store/SqliteError.hpp"

namespace tinxa::content {
namespace {

using Catch::Matchers::Contains;

TEST_CASE("Statements bind and read back every type", "[store][statement]") {
  auto database = Database::open_memory();
  database.exec("CREATE TABLE v (i INTEGER, j INTEGER, d REAL, s TEXT, e TEXT, n TEXT)");
  const auto vietnamese = std::string{"Thông báo"} + '\0' + "rà soát";
  {
    auto insert = database.prepare("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, std::int64_t{1} << 40)
        .bind(2, -7)
        .bind(3, 0.25)
        .bind(4, std::string_view{vietnamese})
        .bind(5, std::string_view{})
        .bind(6, nullptr);
    CHECK_FALSE(insert.step());
  }
  CHECK(database.last_insert_rowid() == 1);

  auto select = database.prepare("SELECT i, j, d, s, e, n FROM v");
  CHECK(select.column_count() == 6);
  REQUIRE(select.step());
  CHECK(select.column_int64(0) == (std::int64_t{1} << 40));
  CHECK(select.column_int(1) == -7);
  CHECK(select.column_double(2) == 0.25);
  CHECK(select.column_text(3) == vietnamese);
  CHECK(select.column_text(4).empty());
  CHECK_FALSE(select.column_is_null(4));  // an empty string is '' not NULL
  CHECK(select.column_is_null(5));
  CHECK(select.column_text(5).empty());
  CHECK(select.column_int64(5) == 0);
  CHECK_FALSE(select.column_is_null(0));
  CHECK_FALSE(select.step());
}

TEST_CASE("Bound text is copied", "[store][statement]") {
  auto database = Database::open_memory();
  auto select = database.prepare("SELECT ?1");
  {
    std::string temporary(100, 'x');
    select.bind(1, std::string_view{temporary});
    temporary.assign(100, 'y');
  }
  REQUIRE(select.step());
  CHECK(select.column_text(0) == std::string(100, 'x'));
}

TEST_CASE("reset reruns a statement with its bindings; clear_bindings sets NULL",
          "[store][statement]") {
  auto database = Database::open_memory();
  auto select = database.prepare("SELECT :first + :second");
  select.bind(1, 2).bind(2, 3);
  REQUIRE(select.step());
  CHECK(select.column_int(0) == 5);
  select.reset();
  REQUIRE(select.step());
  CHECK(select.column_int(0) == 5);
  select.reset();
  select.clear_bindings();
  REQUIRE(select.step());
  CHECK(select.column_is_null(0));
}

TEST_CASE("run executes a statement to completion and leaves it ready to run again",
          "[store][statement]") {
  auto database = Database::open_memory();
  database.exec("CREATE TABLE played (clip TEXT NOT NULL)");
  auto insert = database.prepare("INSERT INTO played VALUES (?)");
  for (const auto* clip : {"chime", "ra-soat", "chime"}) {
    insert.bind(1, clip).run();
  }
  insert.bind(1, nullptr);
  CHECK_THROWS_AS(insert.run(), SqliteError);  // NOT NULL; reset, so usable again
  insert.bind(1, "quy-vi").run();

  auto count = database.prepare("SELECT count(*) FROM played");
  REQUIRE(count.step());
  CHECK(count.column_int(0) == 4);
}

TEST_CASE("Binding a parameter the SQL does not have throws naming the SQL", "[store][statement]") {
  auto database = Database::open_memory();
  auto select = database.prepare("SELECT ?");
  try {
    select.bind(2, 1);
    FAIL("bind accepted parameter 2 of 1");
  } catch (const SqliteError& error) {
    CHECK(error.code() == SQLITE_RANGE);
    CHECK_THAT(error.what(), Contains("cannot bind parameter 2 of 'SELECT ?'"));
  }
}

TEST_CASE("A failing step throws the extended code, and reset makes it usable again",
          "[store][statement]") {
  auto database = Database::open_memory();
  database.exec("CREATE TABLE announcement (id TEXT UNIQUE)");
  auto insert = database.prepare("INSERT INTO announcement VALUES (?)");
  insert.bind(1, "ra-soat");
  CHECK_FALSE(insert.step());
  insert.reset();
  try {
    (void)insert.step();
    FAIL("a duplicate was inserted");
  } catch (const SqliteError& error) {
    CHECK(error.code() == SQLITE_CONSTRAINT_UNIQUE);
    CHECK_THAT(error.what(), Contains("UNIQUE constraint failed: announcement.id") &&
                                 Contains("INSERT INTO announcement VALUES (?)"));
  }
  insert.reset();
  insert.bind(1, "chuan-ngheo");
  CHECK_FALSE(insert.step());
  CHECK(database.changes() == 1);
}

TEST_CASE("A statement may be destroyed after its database", "[store][statement]") {
  std::optional<Database> database{Database::open_memory()};
  auto statement = database->prepare("SELECT 1");
  REQUIRE(statement.step());
  database.reset();  // sqlite3_close_v2 keeps the connection until the statement is finalised
  CHECK_NOTHROW(Statement{std::move(statement)});
}

TEST_CASE("A moved statement keeps its place", "[store][statement]") {
  auto database = Database::open_memory();
  auto first = database.prepare("SELECT 1 UNION ALL SELECT 2");
  REQUIRE(first.step());
  auto second = std::move(first);
  REQUIRE(second.step());
  CHECK(second.column_int(0) == 2);
}

}  // namespace
}  // namespace tinxa::content
