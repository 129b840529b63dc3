// Reading which days something applies to: weekday names in Vietnamese and English, dates,
// date ranges and yearly ranges.
#include "broadcast/schedule/Readers.hpp"

#include "config/reader/Read.hpp"
#include "config/reader/Suggest.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace tinxa::broadcast::reader {

namespace {

using config::MapReader;
using config::Message;
using config::Presence;
using config::Value;

// Day names an operator may write, lowercased (ASCII letters only; Vietnamese letters keep their
// case, and every name starts with an ASCII letter), with the weekday's c_encoding.
struct WeekdayName {
  std::string_view name;
  unsigned weekday;
};
constexpr std::array<WeekdayName, 42> kWeekdayNames{{
    {"chủ nhật", 0}, {"thứ hai", 1}, {"thứ ba", 2},    {"thứ tư", 3},   {"thứ năm", 4},
    {"thứ sáu", 5},  {"thứ bảy", 6}, {"cn", 0},        {"thứ 2", 1},    {"thứ 3", 2},
    {"thứ 4", 3},    {"thứ 5", 4},   {"thứ 6", 5},     {"thứ 7", 6},    {"t2", 1},
    {"t3", 2},       {"t4", 3},      {"t5", 4},        {"t6", 5},       {"t7", 6},
    {"chu nhat", 0}, {"thu hai", 1}, {"thu ba", 2},    {"thu tu", 3},   {"thu nam", 4},
    {"thu sau", 5},  {"thu bay", 6}, {"sun", 0},       {"mon", 1},      {"tue", 2},
    {"wed", 3},      {"thu", 4},     {"fri", 5},       {"sat", 6},      {"sunday", 0},
    {"monday", 1},   {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
    {"saturday", 6}, {"thứ tu", 3},
}};
// What a did-you-mean offers: the forms the documentation teaches.
const std::array<std::string, 14> kWeekdaySuggestions{
    "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật",
    "mon",     "tue",    "wed",    "thu",     "fri",     "sat",     "sun"};

std::string ascii_lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

bool read_weekday(const Value& value, unsigned& out) {
  std::string text;
  if (!config::read_value(value, text)) return false;
  // Collapse runs of spaces, so "Thứ  Hai" reads as "Thứ Hai".
  std::string words;
  for (char c : ascii_lower(text))
    if (c != ' ' || (!words.empty() && words.back() != ' ')) words += c;
  while (!words.empty() && words.back() == ' ') words.pop_back();
  for (const auto& n : kWeekdayNames)
    if (n.name == words) {
      out = n.weekday;
      return true;
    }
  std::vector<std::string> lowered;
  for (const auto& s : kWeekdaySuggestions) lowered.push_back(ascii_lower(s));
  const auto guess = config::closest_match(words, lowered);
  std::string suggestion;
  for (std::size_t i = 0; i < lowered.size(); ++i)
    if (!guess.empty() && lowered[i] == guess) suggestion = kWeekdaySuggestions[i];
  value.error(Message{"không phải tên ngày trong tuần", "not a day of the week"},
              Message{"Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu, Thứ Bảy, Chủ nhật (hoặc "
                      "mon, tue, wed, thu, fri, sat, sun)",
                      "Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu, Thứ Bảy, Chủ nhật (or mon, "
                      "tue, wed, thu, fri, sat, sun)"},
              suggestion);
  return false;
}

// "10-17": a day of every year.
bool read_month_day(const Value& value, std::chrono::month_day& out) {
  const Message expected{"ngày trong năm dạng MM-DD (tháng-ngày), ví dụ 10-17",
                         "a day of the year written MM-DD (month-day), for example 10-17"};
  std::string text;
  if (!config::read_value(value, text)) return false;
  const bool shaped = text.size() == 5 && text[2] == '-' &&
                      std::isdigit(static_cast<unsigned char>(text[0])) &&
                      std::isdigit(static_cast<unsigned char>(text[1])) &&
                      std::isdigit(static_cast<unsigned char>(text[3])) &&
                      std::isdigit(static_cast<unsigned char>(text[4]));
  if (shaped) {
    const auto month = static_cast<unsigned>((text[0] - '0') * 10 + (text[1] - '0'));
    const auto day = static_cast<unsigned>((text[3] - '0') * 10 + (text[4] - '0'));
    const std::chrono::month_day md{std::chrono::month{month}, std::chrono::day{day}};
    if (md.ok()) {
      out = md;
      return true;
    }
  }
  std::string hint;
  // "17/10" as Vietnamese dates are written: offer the MM-DD form.
  if (text.size() == 5 && text[2] == '/') hint = text.substr(3, 2) + "-" + text.substr(0, 2);
  value.error(Message{"không phải ngày trong năm hợp lệ", "not a valid day of the year"}, expected,
              hint);
  return false;
}

bool read_yearly(const Value& value, YearlyRange& out) {
  if (value.is_scalar()) {
    std::chrono::month_day day{};
    if (!read_month_day(value, day)) return false;
    out = YearlyRange{day, day};
    return true;
  }
  MapReader map(value);
  if (!map.valid()) return false;
  YearlyRange range{};
  bool ok = map.read_with("from", Presence::required,
                          [&](const Value& v) { return read_month_day(v, range.from); });
  ok = map.read_with("until", Presence::required, [&](const Value& v) {
    return read_month_day(v, range.until);
  }) && ok;
  if (ok) out = range;
  return ok;
}

}  // namespace

bool read_day_filter(config::MapReader& map, DayFilter& out) {
  DayFilter filter;
  bool ok = map.read_with("days", Presence::optional, [&](const Value& v) {
    std::vector<unsigned> weekdays;
    if (!read_one_or_many(v, weekdays, read_weekday)) return false;
    filter.weekdays = 0;
    for (unsigned w : weekdays)
      filter.weekdays = static_cast<std::uint8_t>(filter.weekdays | (1u << w));
    return true;
  });
  ok = map.read_with("dates", Presence::optional, [&](const Value& v) {
    if (!read_one_or_many(v, filter.dates, read_date)) return false;
    std::sort(filter.dates.begin(), filter.dates.end());
    return true;
  }) && ok;
  ok = map.read_with("from", Presence::optional, [&](const Value& v) {
    std::chrono::year_month_day day{};
    if (!read_date(v, day)) return false;
    filter.from = day;
    return true;
  }) && ok;
  ok = map.read_with("until", Presence::optional, [&](const Value& v) {
    std::chrono::year_month_day day{};
    if (!read_date(v, day)) return false;
    if (filter.from && day < *filter.from) {
      v.error(Message{"until trước from", "until is before from"},
              Message{"một ngày từ from trở đi", "a day on or after from"});
      return false;
    }
    filter.until = day;
    return true;
  }) && ok;
  ok = map.read_with("yearly", Presence::optional, [&](const Value& v) {
    YearlyRange range{};
    if (!read_yearly(v, range)) return false;
    filter.yearly = range;
    return true;
  }) && ok;
  if (ok) out = std::move(filter);
  return ok;
}

}  // namespace tinxa::broadcast::reader
