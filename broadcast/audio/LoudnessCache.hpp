#pragma once

// Loudness measured once per file: the results are kept in SQLite, keyed by the file's absolute
// path, size and modification time, so an edited or replaced file is measured again and an
// unchanged one never is (across restarts too).
//
// Threading: one thread at a time for the database (the decode thread, or the prefill thread with
// a connection of its own), except measure(), which any thread may call. The database is a cache:
// deleting it only costs measurements.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>

#include "broadcast/audio/Loudness.hpp"
#include "content/store/Database.hpp"

namespace tinxa::broadcast {

class LoudnessCache {
 public:
  // A measuring function that cannot be stopped, and one that can (it throws MeasureStopped, or
  // anything else, once its stop_token is requested; it may also just finish).
  using Measure = std::function<Loudness(const std::filesystem::path&)>;
  using StoppableMeasure = std::function<Loudness(const std::filesystem::path&, std::stop_token)>;

  // What a measurement is kept under: the file's absolute path, size and modification time.
  struct FileKey {
    std::string path;
    std::int64_t size_bytes = 0;
    std::int64_t mtime_ns = 0;
  };

  // Takes the connection and brings its `loudness` table up to date (its own migration list; use
  // a database of its own, e.g. /var/cache/tinxa/loudness.sqlite). `measure` defaults to
  // measure_loudness. Throws content::SqliteError, content::SchemaTooNewError.
  explicit LoudnessCache(content::Database database);
  LoudnessCache(content::Database database, Measure measure);
  LoudnessCache(content::Database database, StoppableMeasure measure);

  // The loudness of `path`, from the cache if its size and mtime match, else measured and stored.
  // Throws std::filesystem::filesystem_error if the file cannot be stat'ed, whatever `measure`
  // throws (content::MediaError for a bad file; nothing is stored then), content::SqliteError.
  // `stop` is passed to the measuring function.
  [[nodiscard]] Loudness loudness(const std::filesystem::path& path, std::stop_token stop = {});

  // The same in steps, for a caller that measures elsewhere (DecodeWorker: the decode thread
  // looks up and stores, a thread of its own measures). key_of() stats `path` (throws
  // std::filesystem::filesystem_error); find() is a lookup only (std::nullopt: not measured at
  // this size and mtime); store() keeps `loudness` for `key`, dropping older measurements of the
  // same path. find() and store() throw content::SqliteError.
  [[nodiscard]] static FileKey key_of(const std::filesystem::path& path);
  [[nodiscard]] std::optional<Loudness> find(const FileKey& key);
  void store(const FileKey& key, const Loudness& loudness);

  // Measures `path` with the function given at construction, without touching the database;
  // `stop` reaches it if it is a StoppableMeasure (measure_loudness is). Any thread, as far as
  // that function allows (measure_loudness does). Throws what it throws.
  [[nodiscard]] Loudness measure(const std::filesystem::path& path,
                                 std::stop_token stop = {}) const {
    return m_measure(path, std::move(stop));
  }

  // How many measurements this object has stored (loudness() misses and store() calls).
  [[nodiscard]] std::uint64_t measurements() const noexcept { return m_measurements; }

 private:
  content::Database m_database;
  StoppableMeasure m_measure;
  std::uint64_t m_measurements = 0;
};

}  // namespace tinxa::broadcast
