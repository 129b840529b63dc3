#pragma once

// One SQLite connection, owned: the as-run log and the kiosk's usage counts live here.
//
// Durability: open() turns on WAL with synchronous=FULL, so a transaction is on disk when its
// COMMIT returns; callers acknowledge an event only after that. Readers in other processes (the
// kiosk reading the broadcaster's as-run log) do not block the writer.
// Threading: a Database and its Statements are used by one thread at a time; give each thread its
// own connection. Errors: every failing call throws SqliteError.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "content/store/Statement.hpp"

struct sqlite3;

namespace tinxa::content {

class Database {
 public:
  // How long a statement waits for another connection's write lock before failing with
  // SQLITE_BUSY.
  static constexpr int kBusyTimeoutMs = 5000;

  // Opens the database file at `path`, creating it (not its folder) if missing, and sets
  // journal_mode=WAL, synchronous=FULL, foreign_keys=ON and the busy timeout; a file this process
  // owns is made group-writable (the data folder's group shares it, see Database.cpp). Throws
  // SqliteError naming the path if it cannot be opened, is not a database (SQLITE_NOTADB), or
  // refuses WAL. `busy_timeout` is the statements' afterwards (the opening itself waits
  // kBusyTimeoutMs): 0 for a thread that must never wait for a lock and fails with SQLITE_BUSY
  // instead (the decode thread's loudness cache).
  [[nodiscard]] static Database open(
      const std::filesystem::path& path,
      std::chrono::milliseconds busy_timeout = std::chrono::milliseconds{kBusyTimeoutMs});

  // How long a read-only connection waits for a lock (open_read_only's default): a reader on a
  // UI thread would rather show nothing than freeze.
  static constexpr std::chrono::milliseconds kReadOnlyBusyTimeout{250};

  // Opens the existing database file at `path` for reading only (SQLITE_OPEN_READONLY, and
  // query_only on): it is never created, its journal mode is left as its writer set it, and no
  // statement on this connection can change it. For a program reading another's database (the
  // kiosk reading the broadcaster's as-run log). Reads the header at once, so it throws
  // SqliteError naming the path if the file is missing (SQLITE_CANTOPEN), is not a database
  // (SQLITE_NOTADB), or is locked by its writer for longer than `busy_timeout` (SQLITE_BUSY).
  [[nodiscard]] static Database open_read_only(
      const std::filesystem::path& path,
      std::chrono::milliseconds busy_timeout = kReadOnlyBusyTimeout);

  // A private in-memory database with the same settings but the "memory" journal; for tests.
  [[nodiscard]] static Database open_memory();

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;
  ~Database() = default;

  // Runs `sql`, which may hold several statements separated by ';' and returns no rows to the
  // caller. Throws SqliteError naming the SQL; statements before the failing one stay applied
  // unless a transaction is rolled back.
  void exec(std::string_view sql);

  // Compiles exactly one statement (a trailing ';', spaces and comments are allowed). Throws
  // SqliteError naming the SQL if it does not compile, is empty, or holds a second statement.
  [[nodiscard]] Statement prepare(std::string_view sql);

  // PRAGMA user_version: the schema version the migrations have reached (0 for a new database).
  [[nodiscard]] int user_version();
  void set_user_version(int version);

  // The rowid of the last successful INSERT on this connection (0 if none).
  [[nodiscard]] std::int64_t last_insert_rowid() const noexcept;

  // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
  [[nodiscard]] std::int64_t changes() const noexcept;

  // The file this connection was opened on (":memory:" for open_memory()).
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }

  // A write transaction: BEGIN IMMEDIATE on construction (so it takes the write lock at once,
  // waiting up to the busy timeout, and cannot fail later with a lock upgrade), COMMIT on
  // commit(), ROLLBACK on destruction if not committed. Transactions do not nest. Throws
  // SqliteError from the constructor and from commit(); if commit() throws, the destructor still
  // rolls back what is left of the transaction.
  class Transaction {
   public:
    explicit Transaction(Database& database);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    // Makes the changes durable. Throws std::logic_error if already committed.
    void commit();

   private:
    Database& m_database;
    bool m_committed = false;
  };

 private:
  struct Closer {
    void operator()(sqlite3* connection) const noexcept;
  };

  Database(std::unique_ptr<sqlite3, Closer> connection, std::filesystem::path path);

  static Database open_with(const std::filesystem::path& path, int flags);

  [[nodiscard]] std::string pragma_text(std::string_view sql);

  std::unique_ptr<sqlite3, Closer> m_connection;
  std::filesystem::path m_path;
};

}  // namespace tinxa::content
