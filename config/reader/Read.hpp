#pragma once

#include "config/reader/Scalars.hpp"
#include "config/reader/Suggest.hpp"
#include "config/reader/Value.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::config {

// read_value(value, out): the typed reads every settings and content reader is built from.
// Each one either stores the value and returns true, or reports what it found and what it
// expected at the value's position and returns false, leaving `out` unchanged. Types in other
// namespaces join in by declaring their own read_value beside the type.

// Any scalar, checked to be UTF-8 and normalised to NFC.
bool read_value(const Value& value, std::string& out);
// true or false (yes/no/on/off are refused with a hint, since YAML versions disagree on them).
bool read_value(const Value& value, bool& out);
bool read_value(const Value& value, int& out);
bool read_value(const Value& value, std::int64_t& out);
bool read_value(const Value& value, double& out);
// YYYY-MM-DD.
bool read_value(const Value& value, std::chrono::year_month_day& out);
// HH:MM or HH:MM:SS.
bool read_value(const Value& value, TimeOfDay& out);
// "30s", "5min", "1h30min", "500ms".
bool read_value(const Value& value, std::chrono::milliseconds& out);

// An id (see is_valid_id()).
bool read_id(const Value& value, std::string& out);

// A number within [low, high]; reported with the range otherwise.
template <class Number>
bool read_in_range(const Value& value, Number& out, Number low, Number high) {
  Number read{};
  if (!read_value(value, read)) return false;
  if (read < low || read > high) {
    value.error(
        Message{"giá trị nằm ngoài khoảng cho phép", "the value is out of range"},
        Message{fmt::format("từ {} đến {}", low, high), fmt::format("from {} to {}", low, high)});
    return false;
  }
  out = read;
  return true;
}

// A list; every element is read (so all bad elements are reported), and `out` is replaced by the
// good ones only if all were good.
template <class T>
bool read_value(const Value& value, std::vector<T>& out) {
  if (!value.is_sequence()) {
    value.error(Message{"sai kiểu giá trị", "wrong kind of value"},
                Message{"một danh sách ([a, b] hoặc các dòng \"- a\")",
                        "a list ([a, b] or lines \"- a\")"});
    return false;
  }
  std::vector<T> items;
  bool ok = true;
  for (const Value& element : value.elements()) {
    T item{};
    if (read_value(element, item))
      items.push_back(std::move(item));
    else
      ok = false;
  }
  if (ok) out = std::move(items);
  return ok;
}

template <class T>
bool read_value(const Value& value, std::optional<T>& out) {
  T item{};
  if (!read_value(value, item)) return false;
  out = std::move(item);
  return true;
}

// One name of an enumeration value as written in YAML.
template <class E>
struct EnumName {
  std::string_view name;
  E value;
};

// One of a fixed set of words; a near miss gets a "did you mean".
template <class E>
bool read_enum(const Value& value, E& out, std::span<const EnumName<E>> names) {
  std::string text;
  if (!read_value(value, text)) return false;
  std::vector<std::string> candidates;
  for (const auto& n : names) {
    if (n.name == text) {
      out = n.value;
      return true;
    }
    candidates.emplace_back(n.name);
  }
  std::string list;
  for (const auto& c : candidates) list += (list.empty() ? "" : ", ") + c;
  value.error(Message{"giá trị không hợp lệ", "not an allowed value"},
              Message{"một trong: " + list, "one of: " + list}, closest_match(text, candidates));
  return false;
}

}  // namespace tinxa::config
