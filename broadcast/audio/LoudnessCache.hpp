#pragma once

// Loudness measured once per file: the results are kept in SQLite, keyed by the file's absolute
// path, size and modification time, so an edited or replaced file is measured again and an
// unchanged one never is (across restarts too).
//
// Threading: one thread at a time (the decode thread); it owns its own database connection.
// The database is a cache: deleting it only costs measurements.

#include <cstdint>
#include <filesystem>
#include <functional>

#include "broadcast/audio/Loudness.hpp"
#include "content/store/Database.hpp"

namespace tinxa::broadcast {

class LoudnessCache {
 public:
  using Measure = std::function<Loudness(const std::filesystem::path&)>;

  // Takes the connection and brings its `loudness` table up to date (its own migration list; use
  // a database of its own, e.g. /var/cache/tinxa/loudness.sqlite). `measure` defaults to
  // measure_loudness. Throws content::SqliteError, content::SchemaTooNewError.
  explicit LoudnessCache(content::Database database, Measure measure = measure_loudness);

  // The loudness of `path`, from the cache if its size and mtime match, else measured and stored.
  // Throws std::filesystem::filesystem_error if the file cannot be stat'ed, whatever `measure`
  // throws (content::MediaError for a bad file; nothing is stored then), content::SqliteError.
  [[nodiscard]] Loudness loudness(const std::filesystem::path& path);

  // How many files this object has measured (cache misses).
  [[nodiscard]] std::uint64_t measurements() const noexcept { return m_measurements; }

 private:
  content::Database m_database;
  Measure m_measure;
  std::uint64_t m_measurements = 0;
};

}  // namespace tinxa::broadcast
