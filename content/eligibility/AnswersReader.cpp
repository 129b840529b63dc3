#include "content/eligibility/AnswersReader.hpp"

#include "config/reader/MapReader.hpp"
#include "config/reader/Read.hpp"
#include "config/reader/Suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <vector>

namespace tinxa::content {

using config::MapReader;
using config::Message;
using config::Presence;
using config::Value;

namespace {

constexpr Vnd kMaxIncome = 1'000'000'000'000;  // a trillion đồng: anything above is a typo

bool read_period(const Value& value, IncomePeriod& out) {
  static constexpr std::array<config::EnumName<IncomePeriod>, 2> kNames{
      {{"month", IncomePeriod::month}, {"year", IncomePeriod::year}}};
  return config::read_enum<IncomePeriod>(value, out, kNames);
}

bool read_income(const Value& value, IncomeAnswer& out) {
  MapReader map(value);
  if (!map.valid()) return false;
  IncomeAnswer income;
  const auto amount = [](Vnd& target) {
    return [&target](const Value& v) {
      return config::read_in_range<Vnd>(v, target, Vnd{0}, kMaxIncome);
    };
  };
  bool ok = map.read_with("per", Presence::required,
                          [&](const Value& v) { return read_period(v, income.per); });
  const auto single = map.get("amount");
  if (single) {
    ok &= amount(income.low)(*single);
    income.high = income.low;
    for (const char* key : {"from", "to"})
      if (auto extra = map.get(key)) {
        extra->error(Message{"không dùng cùng lúc amount và from/to",
                             "amount and from/to cannot both be given"},
                     Message{"amount, hoặc from và to", "amount, or from and to"});
        ok = false;
      }
  } else {
    const auto from = map.get("from");
    const auto to = map.get("to");
    if (!from && !to) {
      value.error(Message{"thiếu thu nhập", "the income is missing"},
                  Message{"amount: N, hoặc from: N và to: N", "amount: N, or from: N and to: N"});
      ok = false;
    } else {
      ok &= map.read_with("from", Presence::required, amount(income.low));
      ok &= map.read_with("to", Presence::required, amount(income.high));
      if (ok && income.high < income.low) {
        to->error(Message{"mức trên nhỏ hơn mức dưới", "the upper end is below the lower end"},
                  Message{fmt::format("từ {} trở lên", income.low),
                          fmt::format("{} or more", income.low)});
        ok = false;
      }
    }
  }
  map.finish();
  if (ok) out = income;
  return ok;
}

// yes, no, unknown, a whole number, a decimal number, or an option id.
IndicatorAnswer parse_answer(const std::string& text) {
  if (text == "yes") return YesNo::yes;
  if (text == "no") return YesNo::no;
  if (text == "unknown") return AnswerUnknown{};
  std::int64_t whole = 0;
  const char* end = text.data() + text.size();
  if (auto [ptr, ec] = std::from_chars(text.data(), end, whole); ec == std::errc{} && ptr == end)
    return whole;
  char* stop = nullptr;
  const double number = std::strtod(text.c_str(), &stop);
  if (!text.empty() && stop == text.c_str() + text.size()) return number;
  return text;
}

std::string describe(const IndicatorAnswer& answer) {
  if (std::holds_alternative<YesNo>(answer))
    return std::get<YesNo>(answer) == YesNo::yes ? "yes" : "no";
  if (std::holds_alternative<std::int64_t>(answer))
    return std::to_string(std::get<std::int64_t>(answer));
  if (std::holds_alternative<double>(answer)) return fmt::format("{}", std::get<double>(answer));
  if (std::holds_alternative<std::string>(answer)) return std::get<std::string>(answer);
  return "unknown";
}

}  // namespace

AnswersFile read_answers(const Value& root) {
  MapReader map(root);
  AnswersFile file;
  if (!map.valid()) return file;
  Answers& a = file.answers;
  static constexpr std::array<config::EnumName<Area>, 2> kAreas{
      {{"rural", Area::rural}, {"urban", Area::urban}}};
  bool ok = map.read_with("area", Presence::required, [&](const Value& v) {
    return config::read_enum<Area>(v, a.area, kAreas);
  });
  ok &= map.read_with("members", Presence::required,
                      [&](const Value& v) { return config::read_in_range(v, a.members, 1, 100); });
  ok &= map.read_with("income", Presence::required,
                      [&](const Value& v) { return read_income(v, a.income); });
  ok &= map.read_with("indicators", Presence::required, [&](const Value& v) {
    file.indicators_at = v.position();
    MapReader indicators(v);
    if (!indicators.valid()) return false;
    bool all = true;
    for (auto& [id, answer_value] : indicators.entries()) {
      std::string text;
      if (!config::read_value(answer_value, text)) {
        all = false;
        continue;
      }
      file.positions[id] = answer_value.position();
      a.indicators[id] = parse_answer(text);
    }
    return all;
  });
  (void)ok;  // every problem is in the Diagnostics
  map.finish();
  return file;
}

bool check_answers(const AnswersFile& file, const Standard& standard,
                   const std::vector<Standard>& others, config::Diagnostics& diagnostics) {
  const Answers& a = file.answers;
  bool ok = true;
  std::vector<std::string> ids;
  for (const auto& d : standard.dimensions)
    for (const auto& i : d.indicators) ids.push_back(i.id);
  const auto report = [&](const config::Position& where, const std::string& key, Message message,
                          std::string found, Message expected, std::string suggestion = {}) {
    diagnostics.error(where, "indicators." + key, std::move(message), std::move(found),
                      std::move(expected), std::move(suggestion));
    ok = false;
  };
  for (const auto& [id, answer] : a.indicators) {
    const Indicator* indicator = standard.find_indicator(id);
    const auto& where = file.positions.at(id);
    if (indicator == nullptr) {
      if (std::any_of(others.begin(), others.end(),
                      [&](const Standard& o) { return o.find_indicator(id) != nullptr; }))
        continue;
      std::string list;
      for (const auto& k : ids) list += (list.empty() ? "" : ", ") + k;
      report(where, id,
             Message{fmt::format("chuẩn \"{}\" không có chỉ số \"{}\"", standard.id, id),
                     fmt::format("the standard \"{}\" has no indicator \"{}\"", standard.id, id)},
             fmt::format("\"{}\"", id), Message{"một trong: " + list, "one of: " + list},
             config::closest_match(id, ids));
      continue;
    }
    if (std::holds_alternative<AnswerUnknown>(answer)) continue;
    const Question& q = indicator->question;
    const std::string found = fmt::format("\"{}\"", describe(answer));
    switch (q.kind) {
      case AnswerKind::yes_no:
        if (!std::holds_alternative<YesNo>(answer))
          report(where, id, Message{"câu trả lời không hợp lệ", "not a valid answer"}, found,
                 Message{"yes, no hoặc unknown", "yes, no or unknown"});
        break;
      case AnswerKind::count: {
        const auto* n = std::get_if<std::int64_t>(&answer);
        if (n == nullptr || *n < 0 || *n > a.members)
          report(where, id, Message{"số người không hợp lệ", "not a valid number of people"}, found,
                 Message{fmt::format("một số nguyên từ 0 đến {} (số người trong hộ), hoặc unknown",
                                     a.members),
                         fmt::format("a whole number from 0 to {} (the household's members), or "
                                     "unknown",
                                     a.members)});
        break;
      }
      case AnswerKind::area_m2: {
        const auto* whole = std::get_if<std::int64_t>(&answer);
        const auto* number = std::get_if<double>(&answer);
        const bool good = (whole != nullptr && *whole >= 0 && *whole <= 100000) ||
                          (number != nullptr && *number >= 0 && *number <= 100000);
        if (!good)
          report(where, id, Message{"diện tích không hợp lệ", "not a valid floor area"}, found,
                 Message{"số mét vuông từ 0 đến 100000 (dấu chấm thập phân), hoặc unknown",
                         "square metres from 0 to 100000 (decimal point), or unknown"});
        break;
      }
      case AnswerKind::choice: {
        const auto* chosen = std::get_if<std::string>(&answer);
        std::vector<std::string> options;
        for (const auto& o : q.options) options.push_back(o.id);
        if (chosen == nullptr ||
            std::find(options.begin(), options.end(), *chosen) == options.end()) {
          std::string list;
          for (const auto& o : options) list += (list.empty() ? "" : ", ") + o;
          report(where, id,
                 Message{"không phải một lựa chọn của câu hỏi", "not one of the options"}, found,
                 Message{"một trong: " + list + ", unknown", "one of: " + list + ", unknown"},
                 chosen == nullptr ? std::string{} : config::closest_match(*chosen, options));
        }
        break;
      }
    }
  }
  for (const auto& id : ids) {
    if (a.indicators.contains(id)) continue;
    const Indicator* indicator = standard.find_indicator(id);
    diagnostics.error(file.indicators_at, "indicators",
                      Message{fmt::format("thiếu câu trả lời cho chỉ số \"{}\" ({})", id,
                                          indicator->name.get("vi")),
                              fmt::format("the indicator \"{}\" ({}) is not answered", id,
                                          indicator->name.get("en"))},
                      {},
                      Message{fmt::format("một dòng \"{}: ...\" (unknown nếu không biết)", id),
                              fmt::format("a line \"{}: ...\" (unknown when not known)", id)});
    ok = false;
  }
  return ok;
}

}  // namespace tinxa::content
