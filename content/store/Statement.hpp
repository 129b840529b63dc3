#pragma once

// One prepared SQL statement, owned. Made by Database::prepare(); the raw sqlite3_stmt never leaves
// this class.
//
// Threading: a Statement belongs to its Database's thread. It must not outlive its Database (the
// connection is closed lazily, so destroying it afterwards is safe, but using it is not).
// Errors: every failing call throws SqliteError with the statement's SQL in the message.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace tinxa::content {

class Statement {
 public:
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  ~Statement() = default;

  // Binds parameter `index` (1-based, as in SQL "?1"; ":name" parameters are numbered in order of
  // appearance). Text is copied (SQLITE_TRANSIENT), so `value` may die after the call; an empty
  // string binds '' rather than NULL. Bindings survive reset(). Throws SqliteError (SQLITE_RANGE
  // for an index the SQL does not have). Returns *this for chaining.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, std::nullptr_t);

  // Runs the statement to its next row: true if a row is available to the column_* readers,
  // false when the statement has finished (for INSERT/UPDATE/DELETE, on the first call). Throws
  // SqliteError on failure (a constraint, a busy database after the busy timeout, I/O); call
  // reset() before stepping again.
  [[nodiscard]] bool step();

  // Runs a statement that returns no rows (INSERT, UPDATE, DELETE, DDL) to completion, then
  // resets it so it can be bound and run again. Rows, if any, are skipped. Throws as step(); the
  // statement is reset either way.
  void run();

  // Rewinds to before the first row, keeping the bindings. Never throws (the error of a failed
  // step() has already been thrown).
  void reset() noexcept;

  // Sets every parameter back to NULL.
  void clear_bindings() noexcept;

  // Readers of the current row; `column` is 0-based (unlike bind()). Only valid after step()
  // returned true. SQLite converts between types as in sqlite3_column_*: NULL reads as 0, 0.0 or
  // "" (use column_is_null() to tell). Never throw, except column_text on out-of-memory.
  [[nodiscard]] std::int64_t column_int64(int column) const noexcept;
  [[nodiscard]] int column_int(int column) const noexcept;
  [[nodiscard]] double column_double(int column) const noexcept;
  [[nodiscard]] std::string column_text(int column) const;
  [[nodiscard]] bool column_is_null(int column) const noexcept;

  // The number of columns in a result row (0 for statements that return none).
  [[nodiscard]] int column_count() const noexcept;

  // The SQL text the statement was prepared from.
  [[nodiscard]] std::string_view sql() const noexcept;

 private:
  friend class Database;

  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const noexcept;
  };

  explicit Statement(sqlite3_stmt* statement) noexcept;

  void check_bind(int result, int index) const;

  std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

}  // namespace tinxa::content
