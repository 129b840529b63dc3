#include "broadcast/schedule/RecurrenceRule.hpp"

#include "config/reader/Suggest.hpp"

#include <fmt/format.h>
#include <libical/ical.h>

#include <array>
#include <memory>
#include <stdexcept>
#include <vector>

namespace tinxa::broadcast {

namespace {

using std::chrono::year_month_day;

const std::array<std::string, 14> kParts{
    "FREQ",  "UNTIL",      "COUNT",     "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
    "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH",  "BYSETPOS", "WKST"};
const std::array<std::string, 7> kFrequencies{"SECONDLY", "MINUTELY", "HOURLY", "DAILY",
                                              "WEEKLY",   "MONTHLY",  "YEARLY"};

std::string_view strip_prefix(std::string_view rule) {
  if (rule.substr(0, 6) == "RRULE:") rule.remove_prefix(6);
  return rule;
}

// libical's parse of `text`, with its error state cleared first; freq is ICAL_NO_RECURRENCE
// when it refused the text.
icalrecurrencetype parse(const std::string& text) {
  icalerror_clear_errno();
  return icalrecurrencetype_from_string(text.c_str());
}

bool accepted(const icalrecurrencetype& rule) { return rule.freq != ICAL_NO_RECURRENCE; }

std::vector<std::string> split_parts(std::string_view rule) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= rule.size()) {
    const auto end = rule.find(';', begin);
    parts.emplace_back(rule.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  return parts;
}

// The first part libical refuses on its own (beside FREQ=DAILY), with a suggestion.
RecurrenceProblem locate(std::string_view rule, const char* libical_reason) {
  for (const auto& part : split_parts(rule)) {
    const auto equals = part.find('=');
    const std::string name = part.substr(0, equals);
    const std::string value = equals == std::string::npos ? "" : part.substr(equals + 1);
    if (std::find(kParts.begin(), kParts.end(), name) == kParts.end()) {
      const auto guess = config::closest_match(name, kParts);
      return {config::Message{
                  fmt::format("RRULE không có phần \"{}\" (libical: {})", name, libical_reason),
                  fmt::format("RRULE has no part \"{}\" (libical: {})", name, libical_reason)},
              guess.empty() ? std::string{} : guess + "=" + value};
    }
    if (name == "FREQ") {
      if (std::find(kFrequencies.begin(), kFrequencies.end(), value) == kFrequencies.end()) {
        const auto guess = config::closest_match(value, kFrequencies);
        return {config::Message{
                    fmt::format("FREQ không hợp lệ: \"{}\" (libical: {})", value, libical_reason),
                    fmt::format("not a valid FREQ: \"{}\" (libical: {})", value, libical_reason)},
                guess.empty() ? std::string{} : "FREQ=" + guess};
      }
      continue;
    }
    if (!accepted(parse("FREQ=DAILY;" + part)))
      return {
          config::Message{
              fmt::format("phần \"{}\" của RRULE sai (libical: {})", part, libical_reason),
              fmt::format("the RRULE part \"{}\" is wrong (libical: {})", part, libical_reason)},
          {}};
  }
  return {config::Message{fmt::format("RRULE sai (libical: {})", libical_reason),
                          fmt::format("not a valid RRULE (libical: {})", libical_reason)},
          {}};
}

struct IteratorFree {
  void operator()(icalrecur_iterator* it) const noexcept { icalrecur_iterator_free(it); }
};

icaltimetype to_ical(const content::LocalDateTime& local) {
  icaltimetype t = icaltime_null_time();
  t.year = static_cast<int>(local.date.year());
  t.month = static_cast<int>(static_cast<unsigned>(local.date.month()));
  t.day = static_cast<int>(static_cast<unsigned>(local.date.day()));
  const auto seconds = local.time_of_day.count();
  t.hour = static_cast<int>(seconds / 3600);
  t.minute = static_cast<int>(seconds / 60 % 60);
  t.second = static_cast<int>(seconds % 60);
  t.is_date = 0;
  return t;
}

}  // namespace

std::optional<RecurrenceProblem> check_recurrence(std::string_view rule) {
  const std::string text{strip_prefix(rule)};
  const icalrecurrencetype parsed = parse(text);
  if (!accepted(parsed)) return locate(text, icalerror_strerror(icalerrno));
  if (parsed.freq == ICAL_SECONDLY_RECURRENCE || parsed.freq == ICAL_MINUTELY_RECURRENCE)
    return RecurrenceProblem{
        config::Message{"RRULE lặp theo giây hoặc phút: dùng \"every:\" và \"between:\"",
                        "the RRULE repeats by the second or minute: use \"every:\" and "
                        "\"between:\""},
        {}};
  return std::nullopt;
}

void expand_recurrence(std::string_view rule, const content::LocalDateTime& start,
                       year_month_day first, year_month_day last,
                       const std::function<void(const content::LocalDateTime&)>& visit) {
  const icalrecurrencetype parsed = parse(std::string{strip_prefix(rule)});
  if (!accepted(parsed)) throw std::invalid_argument(fmt::format("not a valid RRULE: {}", rule));
  std::unique_ptr<icalrecur_iterator, IteratorFree> it{
      icalrecur_iterator_new(parsed, to_ical(start))};
  if (!it) throw std::invalid_argument(fmt::format("libical cannot iterate the RRULE: {}", rule));
  // Skipping ahead is only allowed without COUNT (every instance must then be counted).
  if (first > start.date) icalrecur_iterator_set_start(it.get(), to_ical({first, {}}));
  for (;;) {
    const icaltimetype t = icalrecur_iterator_next(it.get());
    if (icaltime_is_null_time(t)) return;
    const year_month_day date{std::chrono::year{t.year},
                              std::chrono::month{static_cast<unsigned>(t.month)},
                              std::chrono::day{static_cast<unsigned>(t.day)}};
    if (date > last) return;
    if (date < first) continue;
    visit(content::LocalDateTime{date,
                                 std::chrono::seconds{t.hour * 3600 + t.minute * 60 + t.second}});
  }
}

}  // namespace tinxa::broadcast
