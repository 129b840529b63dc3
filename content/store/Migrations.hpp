#pragma once

// Schema upgrades, numbered by PRAGMA user_version: a database at version N has had migrations
// 1..N applied. Each program owns its list, in source, and calls migrate() right after open().

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "content/store/Database.hpp"

namespace tinxa::content {

struct Migration {
  int version;                   // 1 for the first, then 2, 3, ... without gaps
  std::string_view description;  // for error messages, e.g. "create the as-run log"
  // One or more statements. Must not contain BEGIN, COMMIT or ROLLBACK (migrate() wraps each
  // migration in a transaction) nor PRAGMAs that are no-ops inside one (foreign_keys).
  std::string_view sql;
};

// The database was written by a newer program than this one: it is at a user_version above the
// newest migration this program knows. Opening it anyway could corrupt data, so migrate() refuses.
class SchemaTooNewError : public std::runtime_error {
 public:
  SchemaTooNewError(const std::string& message, int database_version, int newest_known)
      : std::runtime_error{message},
        m_database_version{database_version},
        m_newest_known{newest_known} {}

  [[nodiscard]] int database_version() const noexcept { return m_database_version; }
  [[nodiscard]] int newest_known() const noexcept { return m_newest_known; }

 private:
  int m_database_version;
  int m_newest_known;
};

// Brings `database` up to the newest of `migrations`: applies, in order, each migration whose
// version is above the database's user_version, each in its own IMMEDIATE transaction together
// with the user_version bump, so a failure leaves the database at the last migration that
// succeeded. Applied migrations are skipped, so calling it again is a no-op; a migration another
// process applied meanwhile is skipped too (user_version is read again under the write lock).
// Throws:
//  - std::logic_error if the versions are not 1, 2, 3, ... (a bug in the caller's list);
//  - SchemaTooNewError if the database's user_version is above the newest migration;
//  - SqliteError (with the failing migration's version and description) if a migration fails.
void migrate(Database& database, std::span<const Migration> migrations);

}  // namespace tinxa::content
