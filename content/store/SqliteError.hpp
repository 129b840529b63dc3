#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;

namespace tinxa::content {

// A failed SQLite call. The message reads "<what was attempted>: <sqlite3_errmsg> (SQLite result
// code <n>)", where what was attempted names the database file or the SQL text.
class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message) : std::runtime_error{message}, m_code{code} {}

  // The extended result code (SQLITE_CONSTRAINT_UNIQUE, SQLITE_IOERR_FSYNC, ...); every
  // connection opened by Database reports extended codes.
  [[nodiscard]] int code() const noexcept { return m_code; }

  // The primary result code (SQLITE_CONSTRAINT, SQLITE_IOERR, ...): the low byte of code().
  [[nodiscard]] int primary_code() const noexcept { return m_code & 0xff; }

  // The error `code` that a call on `connection` just returned, with the connection's message.
  // `connection` may be null (the message is then SQLite's generic text for the code).
  [[nodiscard]] static SqliteError from(sqlite3* connection, int code, std::string_view context);

 private:
  int m_code;
};

// `sql` shortened for an error message: whitespace runs collapsed to one space, and at most 200
// characters, ending in "..." when cut.
[[nodiscard]] std::string sql_for_message(std::string_view sql);

}  // namespace tinxa::content
