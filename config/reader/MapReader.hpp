#pragma once

#include "config/reader/Read.hpp"
#include "config/reader/Value.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tinxa::config {

enum class Presence { optional, required };

// Reads the keys of one YAML map, MPD-style: every key that is asked for is remembered, and
// finish() reports the keys nobody asked for as errors with a "did you mean" suggestion, and
// keys written twice. A value that is not a map is reported once and reads as empty.
// Not thread-safe; the Diagnostics of `map` must outlive the reader.
class MapReader {
 public:
  explicit MapReader(Value map);
  MapReader(const MapReader&) = delete;
  MapReader& operator=(const MapReader&) = delete;
  ~MapReader();

  // True when the value was a map (or empty).
  [[nodiscard]] bool valid() const noexcept { return m_valid; }

  // The value of `key`, or nullopt when it is absent (reported when `presence` is required).
  [[nodiscard]] std::optional<Value> get(std::string_view key,
                                         Presence presence = Presence::optional);

  // Reads `key` into `out` with read_value(), found by argument-dependent lookup, so a type in
  // any namespace can be read by declaring `bool read_value(const Value&, T&)` beside it.
  // An absent optional key leaves `out` as it was. Returns false when something was reported.
  template <class T>
  bool read(std::string_view key, T& out, Presence presence = Presence::optional) {
    auto value = get(key, presence);
    if (!value) return presence == Presence::optional;
    return read_value(*value, out);
  }

  // Reads `key` with `read(const Value&) -> bool`, for values that need more than read_value()
  // (a range, a reference, a file). Returns false when something was reported, including a
  // required key that is missing; an absent optional key returns true.
  template <class Fn>
  bool read_with(std::string_view key, Presence presence, Fn&& read) {
    auto value = get(key, presence);
    if (!value) return presence == Presence::optional;
    return read(*value);
  }

  // Every entry in file order, for maps whose keys are ids (pages, zones, playlists).
  // Marks all keys as known; keys that are not scalars are reported and skipped.
  [[nodiscard]] std::vector<std::pair<std::string, Value>> entries();

  // Reports unknown and duplicate keys. Called by the destructor if not called before.
  void finish();

 private:
  struct Entry {
    std::string key;
    YAML::Mark mark;
    YAML::Node value;
  };

  Value m_map;
  std::vector<Entry> m_entries;
  std::vector<std::string> m_known;
  bool m_valid = true;
  bool m_all_known = false;
  bool m_finished = false;
};

}  // namespace tinxa::config
