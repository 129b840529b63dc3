#include "content/store/Database.hpp"

#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/core.h>
#include <sqlite3.h>

#include "content/store/SqliteError.hpp"

namespace tinxa::content {
namespace {

constexpr int kOpenFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE;
constexpr const char* kMemoryPath = ":memory:";

// The data folder is shared by the daemon, the kiosk and the operators through one group
// (deploy/install.sh: /var/lib/tinxa, group tinxa, setgid, 0775). SQLite creates a database's -wal
// and -shm files, whoever opens it first (a reader too), with the database file's own mode: the
// file, and its side files while this process owns them, are made group-writable so that any
// member of the folder's group may later open it for writing. Best effort: a file of another
// user is left as it is.
void share_with_group(const std::filesystem::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::path file = path;
    file += suffix;
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || st.st_uid != ::geteuid()) continue;
    const mode_t wanted = st.st_mode | S_IRGRP | S_IWGRP;
    if ((st.st_mode & 07777) != (wanted & 07777)) ::chmod(file.c_str(), wanted & 07777);
  }
}

}  // namespace

void Database::Closer::operator()(sqlite3* connection) const noexcept {
  // close_v2 defers the close until the last Statement is finalised.
  sqlite3_close_v2(connection);
}

Database::Database(std::unique_ptr<sqlite3, Closer> connection, std::filesystem::path path)
    : m_connection{std::move(connection)}, m_path{std::move(path)} {}

Database Database::open(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout) {
  Database database = open_with(path, kOpenFlags);
  const auto timeout = std::clamp<std::chrono::milliseconds::rep>(busy_timeout.count(), 0, INT_MAX);
  sqlite3_busy_timeout(database.m_connection.get(), static_cast<int>(timeout));
  return database;
}

Database Database::open_read_only(const std::filesystem::path& path,
                                  std::chrono::milliseconds busy_timeout) {
  const auto context = fmt::format("cannot open database '{}' for reading", path.string());
  sqlite3* raw = nullptr;
  const int result =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, nullptr);
  std::unique_ptr<sqlite3, Closer> connection{raw};
  if (result != SQLITE_OK) {
    throw SqliteError::from(raw, result, context);
  }
  sqlite3_extended_result_codes(raw, 1);
  const auto timeout = std::clamp<std::chrono::milliseconds::rep>(busy_timeout.count(), 0, INT_MAX);
  sqlite3_busy_timeout(raw, static_cast<int>(timeout));

  Database database{std::move(connection), path};
  try {
    database.exec("PRAGMA query_only = ON");
    // Reads the header and the schema: a missing, locked or foreign file fails here, not later.
    (void)database.pragma_text("PRAGMA schema_version");
  } catch (const SqliteError& error) {
    throw SqliteError(error.code(), fmt::format("{}: {}", context, error.what()));
  }
  return database;
}

Database Database::open_memory() { return open_with(kMemoryPath, kOpenFlags | SQLITE_OPEN_MEMORY); }

Database Database::open_with(const std::filesystem::path& path, int flags) {
  const bool in_memory = (flags & SQLITE_OPEN_MEMORY) != 0;
  const auto context = fmt::format("cannot open database '{}'", path.string());

  sqlite3* raw = nullptr;
  const int result = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<sqlite3, Closer> connection{raw};
  if (result != SQLITE_OK) {
    throw SqliteError::from(raw, result, context);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);

  Database database{std::move(connection), path};
  try {
    // The first statement reads the file header, so a file that is not a database fails here.
    const auto mode = database.pragma_text("PRAGMA journal_mode = WAL");
    const auto expected = in_memory ? "memory" : "wal";
    if (mode != expected) {
      throw SqliteError(SQLITE_ERROR, fmt::format("journal_mode is '{}' where '{}' was asked for",
                                                  mode, expected));
    }
    database.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
    if (!in_memory) share_with_group(path);
  } catch (const SqliteError& error) {
    throw SqliteError(error.code(), fmt::format("{}: {}", context, error.what()));
  }
  return database;
}

void Database::exec(std::string_view sql) {
  const std::string terminated{sql};
  const int result =
      sqlite3_exec(m_connection.get(), terminated.c_str(), nullptr, nullptr, nullptr);
  if (result != SQLITE_OK) {
    throw SqliteError::from(m_connection.get(), result,
                            fmt::format("cannot run '{}'", sql_for_message(sql)));
  }
}

Statement Database::prepare(std::string_view sql) {
  const auto context = [&] { return fmt::format("cannot prepare '{}'", sql_for_message(sql)); };
  if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
    throw SqliteError(SQLITE_TOOBIG, context() + ": the SQL text is too long");
  }
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int result =
      sqlite3_prepare_v2(m_connection.get(), sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  Statement statement{raw};
  if (result != SQLITE_OK) {
    throw SqliteError::from(m_connection.get(), result, context());
  }
  if (raw == nullptr) {
    throw SqliteError(SQLITE_MISUSE, context() + ": it holds no SQL statement");
  }
  // Whatever follows the first statement must compile to nothing (spaces, ';', comments).
  const auto consumed = static_cast<std::size_t>(tail - sql.data());
  if (const auto rest = sql.substr(consumed); !rest.empty()) {
    sqlite3_stmt* extra = nullptr;
    const int rest_result = sqlite3_prepare_v2(m_connection.get(), rest.data(),
                                               static_cast<int>(rest.size()), &extra, nullptr);
    const Statement extra_owner{extra};
    if (rest_result != SQLITE_OK || extra != nullptr) {
      throw SqliteError(
          SQLITE_MISUSE,
          fmt::format("{}: it holds more than one statement; prepare() takes one and exec() "
                      "runs several",
                      context()));
    }
  }
  return statement;
}

int Database::user_version() {
  auto statement = prepare("PRAGMA user_version");
  if (!statement.step()) {
    throw SqliteError(SQLITE_ERROR, "PRAGMA user_version returned no row");
  }
  return statement.column_int(0);
}

void Database::set_user_version(int version) {
  exec(fmt::format("PRAGMA user_version = {}", version));
}

std::int64_t Database::last_insert_rowid() const noexcept {
  return sqlite3_last_insert_rowid(m_connection.get());
}

std::int64_t Database::changes() const noexcept { return sqlite3_changes64(m_connection.get()); }

std::string Database::pragma_text(std::string_view sql) {
  auto statement = prepare(sql);
  if (!statement.step()) {
    throw SqliteError(SQLITE_ERROR, fmt::format("'{}' returned no row", sql));
  }
  return statement.column_text(0);
}

Database::Transaction::Transaction(Database& database) : m_database{database} {
  m_database.exec("BEGIN IMMEDIATE");
}

Database::Transaction::~Transaction() {
  if (m_committed) {
    return;
  }
  // SQLite may already have rolled back on its own (after SQLITE_FULL, SQLITE_IOERR, ...);
  // autocommit mode is back on in that case and there is nothing left to undo.
  sqlite3* connection = m_database.m_connection.get();
  if (connection != nullptr && sqlite3_get_autocommit(connection) == 0) {
    sqlite3_exec(connection, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Database::Transaction::commit() {
  if (m_committed) {
    throw std::logic_error("transaction committed twice");
  }
  m_database.exec("COMMIT");
  m_committed = true;
}

}  // namespace tinxa::content
