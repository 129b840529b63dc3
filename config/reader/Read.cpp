#include "config/reader/Read.hpp"

#include <utf8proc.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>

namespace tinxa::config {

namespace {

const Message kWrongKind{"sai kiểu giá trị", "wrong kind of value"};

bool require_scalar(const Value& value, const Message& expected) {
  if (value.is_scalar()) return true;
  value.error(value.is_null() ? Message{"giá trị bị bỏ trống", "the value is empty"} : kWrongKind,
              expected);
  return false;
}

// NFC of valid UTF-8, or nullopt for invalid UTF-8.
std::optional<std::string> nfc(const std::string& text) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (length < 0) return std::nullopt;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

template <class Integer>
bool read_integer(const Value& value, Integer& out) {
  const Message expected{"một số nguyên, ví dụ 42", "a whole number, for example 42"};
  if (!require_scalar(value, expected)) return false;
  const std::string& text = value.scalar();
  Integer parsed{};
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, parsed);
  if (ec == std::errc::result_out_of_range) {
    value.error(Message{"số quá lớn", "the number is too large"}, expected);
    return false;
  }
  if (ec != std::errc{} || ptr != end || begin == end) {
    value.error(kWrongKind, expected);
    return false;
  }
  out = parsed;
  return true;
}

}  // namespace

bool read_value(const Value& value, std::string& out) {
  const Message expected{"một đoạn chữ", "a text"};
  if (!require_scalar(value, expected)) return false;
  auto normalised = nfc(value.scalar());
  if (!normalised) {
    value.error(Message{"chữ không phải mã UTF-8 hợp lệ", "the text is not valid UTF-8"},
                Message{"lưu tệp với mã UTF-8", "save the file as UTF-8"});
    return false;
  }
  out = std::move(*normalised);
  return true;
}

bool read_value(const Value& value, bool& out) {
  const Message expected{"true hoặc false", "true or false"};
  if (!require_scalar(value, expected)) return false;
  const std::string& text = value.scalar();
  if (text == "true") {
    out = true;
    return true;
  }
  if (text == "false") {
    out = false;
    return true;
  }
  std::string hint;
  if (text == "yes" || text == "on" || text == "True" || text == "TRUE" || text == "y")
    hint = "true";
  else if (text == "no" || text == "off" || text == "False" || text == "FALSE" || text == "n")
    hint = "false";
  value.error(kWrongKind, expected, hint);
  return false;
}

bool read_value(const Value& value, int& out) { return read_integer(value, out); }
bool read_value(const Value& value, std::int64_t& out) { return read_integer(value, out); }

bool read_value(const Value& value, double& out) {
  const Message expected{"một số, ví dụ 2.5 (dấu chấm thập phân)",
                         "a number, for example 2.5 (decimal point)"};
  if (!require_scalar(value, expected)) return false;
  const std::string& text = value.scalar();
  char* end = nullptr;
  errno = 0;
  const double parsed = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno != 0 || !std::isfinite(parsed)) {
    std::string hint;
    if (text.find(',') != std::string::npos && text.find('.') == std::string::npos) {
      hint = text;
      for (char& c : hint)
        if (c == ',') c = '.';
    }
    value.error(kWrongKind, expected, hint);
    return false;
  }
  out = parsed;
  return true;
}

bool read_value(const Value& value, std::chrono::year_month_day& out) {
  const Message expected{"một ngày dạng YYYY-MM-DD, ví dụ 2026-11-28",
                         "a date written YYYY-MM-DD, for example 2026-11-28"};
  if (!require_scalar(value, expected)) return false;
  const auto date = parse_iso_date(value.scalar());
  if (!date) {
    value.error(Message{"không phải ngày hợp lệ", "not a valid date"}, expected);
    return false;
  }
  out = *date;
  return true;
}

bool read_value(const Value& value, TimeOfDay& out) {
  const Message expected{"giờ dạng HH:MM, ví dụ 06:30", "a time written HH:MM, for example 06:30"};
  if (!require_scalar(value, expected)) return false;
  const auto time = parse_time_of_day(value.scalar());
  if (!time) {
    value.error(Message{"không phải giờ hợp lệ", "not a valid time of day"}, expected);
    return false;
  }
  out = *time;
  return true;
}

bool read_value(const Value& value, std::chrono::milliseconds& out) {
  const Message expected{"thời lượng có đơn vị: 500ms, 30s, 5min, 2h, 1h30min",
                         "a duration with its unit: 500ms, 30s, 5min, 2h, 1h30min"};
  if (!require_scalar(value, expected)) return false;
  const auto duration = parse_duration(value.scalar());
  if (!duration) {
    std::string hint;
    const std::string& text = value.scalar();
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos)
      hint = text + "s";
    value.error(Message{"không phải thời lượng hợp lệ", "not a valid duration"}, expected, hint);
    return false;
  }
  out = *duration;
  return true;
}

bool read_id(const Value& value, std::string& out) {
  const Message expected{"mã gồm chữ thường không dấu, số và dấu '-', ví dụ ho-ngheo",
                         "an id of lowercase ASCII letters, digits and '-', for example ho-ngheo"};
  if (!require_scalar(value, expected)) return false;
  if (!is_valid_id(value.scalar())) {
    value.error(Message{"mã không hợp lệ", "not a valid id"}, expected);
    return false;
  }
  out = value.scalar();
  return true;
}

}  // namespace tinxa::config
