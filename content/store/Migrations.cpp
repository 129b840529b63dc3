#include "content/store/Migrations.hpp"

#include <fmt/core.h>

#include "content/store/SqliteError.hpp"

namespace tinxa::content {
namespace {

void check_numbering(std::span<const Migration> migrations) {
  int expected = 1;
  for (const auto& migration : migrations) {
    if (migration.version != expected) {
      throw std::logic_error(fmt::format(
          "migration '{}' has version {} where {} was expected: versions must run 1, 2, 3, "
          "... without gaps",
          migration.description, migration.version, expected));
    }
    ++expected;
  }
}

}  // namespace

void migrate(Database& database, std::span<const Migration> migrations) {
  check_numbering(migrations);
  const int newest = static_cast<int>(migrations.size());
  const int current = database.user_version();
  if (current > newest) {
    throw SchemaTooNewError(
        fmt::format("database '{}' is at schema version {}, newer than version {}, the newest "
                    "this program knows: it was written by a newer tinxa; upgrade this "
                    "program instead of opening the database with it",
                    database.path().string(), current, newest),
        current, newest);
  }
  for (const auto& migration : migrations) {
    if (migration.version <= current) {
      continue;
    }
    Database::Transaction transaction{database};
    if (database.user_version() >= migration.version) {
      continue;  // another connection applied it after our first look
    }
    try {
      database.exec(migration.sql);
      database.set_user_version(migration.version);
      transaction.commit();
    } catch (const SqliteError& error) {
      throw SqliteError(
          error.code(),
          fmt::format("database '{}': migration {} ({}) failed and was rolled back: {}",
                      database.path().string(), migration.version, migration.description,
                      error.what()));
    }
  }
}

}  // namespace tinxa::content
