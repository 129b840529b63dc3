#include "broadcast/audio/LoudnessCache.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <utility>

#include "content/store/Migrations.hpp"

namespace tinxa::broadcast {
namespace {

constexpr std::array kMigrations{
    content::Migration{1, "create the loudness cache", R"sql(
      CREATE TABLE loudness (
        path TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        integrated_lufs REAL,          -- NULL: silence (-infinity)
        true_peak_dbtp REAL,           -- NULL: digital silence (-infinity)
        measured_at_ms INTEGER NOT NULL,
        PRIMARY KEY (path, size_bytes, mtime_ns)
      ) WITHOUT ROWID;
    )sql"},
};

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

void bind_level(content::Statement& statement, int index, double value) {
  if (std::isfinite(value)) {
    statement.bind(index, value);
  } else {
    statement.bind(index, nullptr);
  }
}

double column_level(const content::Statement& statement, int column) {
  return statement.column_is_null(column) ? kMinusInfinity : statement.column_double(column);
}

}  // namespace

LoudnessCache::LoudnessCache(content::Database database)
    : LoudnessCache{std::move(database),
                    StoppableMeasure{[](const std::filesystem::path& path, std::stop_token stop) {
                      return measure_loudness(path, std::move(stop));
                    }}} {}

LoudnessCache::LoudnessCache(content::Database database, Measure measure)
    : LoudnessCache{std::move(database),
                    StoppableMeasure{[measure = std::move(measure)](
                                         const std::filesystem::path& path, std::stop_token) {
                      return measure(path);
                    }}} {}

LoudnessCache::LoudnessCache(content::Database database, StoppableMeasure measure)
    : m_database{std::move(database)}, m_measure{std::move(measure)} {
  content::migrate(m_database, kMigrations);
}

LoudnessCache::FileKey LoudnessCache::key_of(const std::filesystem::path& path) {
  return {std::filesystem::absolute(path).lexically_normal().string(),
          static_cast<std::int64_t>(std::filesystem::file_size(path)),
          std::chrono::duration_cast<std::chrono::nanoseconds>(
              std::filesystem::last_write_time(path).time_since_epoch())
              .count()};
}

std::optional<Loudness> LoudnessCache::find(const FileKey& key) {
  auto select = m_database.prepare(
      "SELECT integrated_lufs, true_peak_dbtp FROM loudness "
      "WHERE path = ?1 AND size_bytes = ?2 AND mtime_ns = ?3");
  select.bind(1, std::string_view{key.path}).bind(2, key.size_bytes).bind(3, key.mtime_ns);
  if (!select.step()) return std::nullopt;
  return Loudness{column_level(select, 0), column_level(select, 1)};
}

void LoudnessCache::store(const FileKey& key, const Loudness& loudness) {
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  content::Database::Transaction transaction{m_database};
  // Older measurements of the same path are stale: the file changed.
  m_database.prepare("DELETE FROM loudness WHERE path = ?1")
      .bind(1, std::string_view{key.path})
      .run();
  auto insert = m_database.prepare(
      "INSERT INTO loudness (path, size_bytes, mtime_ns, integrated_lufs, true_peak_dbtp, "
      "measured_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind(1, std::string_view{key.path}).bind(2, key.size_bytes).bind(3, key.mtime_ns);
  bind_level(insert, 4, loudness.integrated_lufs);
  bind_level(insert, 5, loudness.true_peak_dbtp);
  insert.bind(6, static_cast<std::int64_t>(now_ms));
  insert.run();
  transaction.commit();
  ++m_measurements;
}

Loudness LoudnessCache::loudness(const std::filesystem::path& path, std::stop_token stop) {
  const FileKey key = key_of(path);
  if (auto cached = find(key)) return *cached;
  const Loudness measured = m_measure(path, std::move(stop));
  store(key, measured);
  return measured;
}

}  // namespace tinxa::broadcast
