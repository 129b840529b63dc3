#include "content/store/SqliteError.hpp"

#include <fmt/core.h>
#include <sqlite3.h>

namespace tinxa::content {

SqliteError SqliteError::from(sqlite3* connection, int code, std::string_view context) {
  // sqlite3_errmsg describes the most recent failure on the connection, which is this one as
  // long as the caller made no other call in between.
  const char* message = connection != nullptr ? sqlite3_errmsg(connection) : sqlite3_errstr(code);
  return {code, fmt::format("{}: {} (SQLite result code {})", context, message, code)};
}

std::string sql_for_message(std::string_view sql) {
  constexpr std::size_t kMaxLength = 200;
  std::string shown;
  bool space = false;
  for (const char c : sql) {
    const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (blank) {
      space = !shown.empty();
      continue;
    }
    if (space) {
      shown += ' ';
      space = false;
    }
    shown += c;
    if (shown.size() >= kMaxLength) {
      shown += "...";
      break;
    }
  }
  return shown;
}

}  // namespace tinxa::content
