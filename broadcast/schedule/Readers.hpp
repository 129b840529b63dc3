#pragma once

// The parts of the schedule reader, shared by its files; internal to broadcast/schedule.

#include "broadcast/schedule/Schedule.hpp"
#include "config/reader/MapReader.hpp"
#include "config/reader/Value.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tinxa::broadcast::reader {

// "a, b, c".
[[nodiscard]] std::string join(const std::vector<std::string>& items);

// A non-blank text (NFC, valid UTF-8).
bool read_text(const config::Value& value, std::string& out);
bool read_time(const config::Value& value, config::TimeOfDay& out);
bool read_date(const config::Value& value, std::chrono::year_month_day& out);

// Reports at `entry` unless `id` (a key of a map of zones or slots) is a valid id.
bool check_key_id(const std::string& id, const config::Value& entry);

// A list of values, or one value standing for a list of one; every element is read (so all bad
// ones are reported) and `out` is replaced only when all are good. An empty list is reported.
template <class T, class Fn>
bool read_one_or_many(const config::Value& value, std::vector<T>& out, Fn&& read_one) {
  std::vector<T> items;
  bool ok = true;
  const auto one = [&](const config::Value& v) {
    T item{};
    if (read_one(v, item))
      items.push_back(std::move(item));
    else
      ok = false;
  };
  if (value.is_sequence()) {
    if (value.elements().empty()) {
      value.error(config::Message{"danh sách rỗng", "the list is empty"},
                  config::Message{"ít nhất một mục", "at least one item"});
      return false;
    }
    for (const config::Value& element : value.elements()) one(element);
  } else {
    one(value);
  }
  if (ok) out = std::move(items);
  return ok;
}

// The day conditions shared by slots and exceptions (days, dates, from, until, yearly), read
// from `map`; `out` is replaced only when all are good (DayReader.cpp).
bool read_day_filter(config::MapReader& map, DayFilter& out);

// One slot (SlotReader.cpp): nullopt when something was reported, or when `zones_ok` is false
// (the zones it would play to could not all be read). Warns about a normal slot that quiet hours
// would always silence.
[[nodiscard]] std::optional<Slot> read_slot(const std::string& id, const config::Value& value,
                                            const Schedule& schedule, bool zones_ok);

}  // namespace tinxa::broadcast::reader
