// Reading one slot: what it plays, when, on which days, and how.
#include "broadcast/schedule/Readers.hpp"

#include "broadcast/schedule/RecurrenceRule.hpp"
#include "config/reader/Read.hpp"
#include "config/reader/Suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace tinxa::broadcast::reader {

namespace {

using config::EnumName;
using config::MapReader;
using config::Message;
using config::Presence;
using config::TimeOfDay;
using config::Value;

constexpr std::array<EnumName<Priority>, 3> kPriorities{{{"normal", Priority::normal},
                                                         {"priority", Priority::priority},
                                                         {"emergency", Priority::emergency}}};
constexpr std::array<EnumName<OnPreempt>, 3> kPreemptRules{
    {{"resume", OnPreempt::resume}, {"restart", OnPreempt::restart}, {"drop", OnPreempt::drop}}};
constexpr std::array<EnumName<OnHolidays>, 2> kHolidayRules{
    {{"skip", OnHolidays::skip}, {"play", OnHolidays::play}}};

bool read_relay(const Value& value, PlayItem& out) {
  MapReader map(value);
  if (!map.valid()) return false;
  PlayItem relay;
  relay.kind = PlayKind::relay;
  bool ok = map.read_with("input", Presence::required,
                          [&](const Value& v) { return read_text(v, relay.input); });
  ok = map.read_with("for", Presence::required, [&](const Value& v) {
    std::chrono::milliseconds length{};
    if (!config::read_value(v, length)) return false;
    if (length < std::chrono::seconds{1} || length > std::chrono::hours{24}) {
      v.error(
          Message{"thời lượng tiếp sóng ngoài khoảng cho phép", "the relay length is out of range"},
          Message{"từ 1s đến 24h", "from 1s to 24h"});
      return false;
    }
    relay.length = length;
    return true;
  }) && ok;
  ok = map.read_with("silence_fallback", Presence::optional, [&](const Value& v) {
    std::chrono::milliseconds after{};
    if (!config::read_value(v, after)) return false;
    if (after < std::chrono::milliseconds{0} || after > std::chrono::hours{1}) {
      v.error(Message{"thời gian im lặng trước khi trở về ngoài khoảng cho phép",
                      "the silence before falling back is out of range"},
              Message{"từ 0s (không bao giờ) đến 1h", "from 0s (never) to 1h"});
      return false;
    }
    relay.silence_fallback = after;
    return true;
  }) && ok;
  map.finish();
  if (ok) out = std::move(relay);
  return ok;
}

// Reads what the slot plays: exactly one of playlist, announcement and relay.
bool read_play(MapReader& map, const Value& slot_value, Slot& slot) {
  const auto playlist = map.get("playlist");
  const auto announcement = map.get("announcement");
  const auto relay = map.get("relay");
  const int given =
      int{playlist.has_value()} + int{announcement.has_value()} + int{relay.has_value()};
  if (given != 1) {
    slot_value.error(
        given == 0 ? Message{"khung giờ không nói phát gì", "the slot does not say what to play"}
                   : Message{"khung giờ phát nhiều thứ cùng lúc",
                             "the slot says to play more than one thing"},
        Message{"đúng một trong: playlist, announcement, relay",
                "exactly one of: playlist, announcement, relay"});
    return false;
  }
  if (relay) return read_relay(*relay, slot.play);
  const Value& id_value = playlist ? *playlist : *announcement;
  slot.play.kind = playlist ? PlayKind::playlist : PlayKind::announcement;
  slot.play_position = id_value.position();
  return config::read_id(id_value, slot.play.id);
}

// Reads when the slot starts: `at` times, `every` + `between`, or `rrule` + `at` (+ `from`).
bool read_timing(MapReader& map, const Value& slot_value, Slot& slot) {
  Timing timing;
  const auto at = map.get("at");
  const auto every = map.get("every");
  const auto between = map.get("between");
  const auto rrule = map.get("rrule");
  bool ok = true;
  if (at) ok = read_one_or_many(*at, timing.times, read_time) && ok;
  if (rrule) {
    timing.kind = TimingKind::rrule;
    std::string text;
    if (config::read_value(*rrule, text)) {
      if (auto problem = check_recurrence(text)) {
        rrule->error(problem->message,
                     Message{"một RRULE theo RFC 5545, ví dụ FREQ=WEEKLY;INTERVAL=8;BYDAY=MO",
                             "an RFC 5545 RRULE, for example FREQ=WEEKLY;INTERVAL=8;BYDAY=MO"},
                     problem->suggestion);
        ok = false;
      } else {
        timing.rrule = text;
      }
    } else {
      ok = false;
    }
    if (every) {
      every->error(Message{"every không đi cùng rrule", "every cannot go with rrule"},
                   Message{"bỏ every, hoặc bỏ rrule", "remove every, or remove rrule"});
      ok = false;
    }
    if (!at) {
      slot_value.error(Message{"rrule cần giờ bắt đầu \"at\"", "rrule needs a start time \"at\""},
                       Message{"một dòng \"at: HH:MM\"", "a line \"at: HH:MM\""});
      ok = false;
    }
  } else if (every) {
    timing.kind = TimingKind::every;
    std::chrono::milliseconds step{};
    if (config::read_value(*every, step)) {
      if (step < std::chrono::minutes{1} || step > std::chrono::hours{12} ||
          step % std::chrono::seconds{1} != std::chrono::milliseconds{0}) {
        every->error(Message{"khoảng lặp ngoài khoảng cho phép", "the interval is out of range"},
                     Message{"từ 1min đến 12h, số giây tròn", "from 1min to 12h, whole seconds"});
        ok = false;
      } else {
        timing.interval = std::chrono::duration_cast<std::chrono::seconds>(step);
      }
    } else {
      ok = false;
    }
    if (at) {
      at->error(Message{"at không đi cùng every", "at cannot go with every"},
                Message{"between: {from: HH:MM, until: HH:MM} cho every",
                        "between: {from: HH:MM, until: HH:MM} with every"});
      ok = false;
    }
    if (!between) {
      slot_value.error(
          Message{"every cần khoảng giờ \"between\"", "every needs \"between\""},
          Message{"between: {from: HH:MM, until: HH:MM}", "between: {from: HH:MM, until: HH:MM}"});
      ok = false;
    } else {
      MapReader range(*between);
      bool range_ok = range.valid();
      range_ok = range.read_with("from", Presence::required, [&](const Value& v) {
        return read_time(v, timing.first);
      }) && range_ok;
      range_ok = range.read_with("until", Presence::required, [&](const Value& v) {
        if (!read_time(v, timing.last)) return false;
        if (timing.last < timing.first) {
          v.error(Message{"until trước from (khoảng giờ không qua nửa đêm)",
                          "until is before from (the window cannot cross midnight)"},
                  Message{"một giờ từ from trở đi", "a time on or after from"});
          return false;
        }
        return true;
      }) && range_ok;
      range.finish();
      ok = range_ok && ok;
    }
  } else {
    if (!at) {
      slot_value.error(Message{"khung giờ không nói giờ phát", "the slot does not say when"},
                       Message{"at: HH:MM, hoặc every + between, hoặc rrule + at",
                               "at: HH:MM, or every + between, or rrule + at"});
      ok = false;
    }
  }
  if (between && !every) {
    between->error(Message{"between chỉ dùng với every", "between goes with every only"},
                   Message{"every: 30min cùng between", "every: 30min with between"});
    ok = false;
  }
  if (ok) slot.timing = std::move(timing);
  return ok;
}

bool read_slot_zones(const Value& value, const Schedule& schedule, std::vector<std::string>& out) {
  std::vector<std::string> known;
  for (const auto& zone : schedule.zones) known.push_back(zone.id);
  return read_one_or_many(value, out, [&](const Value& v, std::string& id) {
    if (!config::read_id(v, id)) return false;
    if (std::find(known.begin(), known.end(), id) != known.end()) return true;
    v.error(Message{fmt::format("không có vùng \"{}\"", id),
                    fmt::format("there is no zone \"{}\"", id)},
            Message{"một vùng đã khai báo: " + join(known), "a declared zone: " + join(known)},
            config::closest_match(id, known));
    return false;
  });
}

// A normal slot whose every start falls in quiet hours would never play: warn where it is.
void warn_silenced(const Schedule& schedule, const Slot& slot, config::Diagnostics& diagnostics) {
  if (!schedule.quiet_hours || slot.priority != Priority::normal) return;
  const QuietHours& quiet = *schedule.quiet_hours;
  bool silenced = false;
  if (slot.timing.kind == TimingKind::every) {
    silenced = true;
    for (auto t = slot.timing.first.since_midnight(); t <= slot.timing.last.since_midnight();
         t += slot.timing.interval)
      silenced = silenced && quiet.contains(t);
  } else {
    silenced = std::all_of(slot.timing.times.begin(), slot.timing.times.end(),
                           [&](const TimeOfDay& t) { return quiet.contains(t.since_midnight()); });
  }
  if (!silenced) return;
  const auto hhmm = [](const TimeOfDay& t) { return fmt::format("{:02}:{:02}", t.hour, t.minute); };
  diagnostics.warning(
      slot.position, "slots." + slot.id,
      Message{
          fmt::format("khung giờ thường nằm trọn trong giờ yên lặng {}–{}: sẽ không bao giờ phát",
                      hhmm(quiet.from), hhmm(quiet.until)),
          fmt::format("a normal slot entirely within quiet hours {}–{}: it never plays",
                      hhmm(quiet.from), hhmm(quiet.until))},
      {}, Message{"giờ khác, hoặc priority: priority", "another time, or priority: priority"});
}

}  // namespace

std::optional<Slot> read_slot(const std::string& id, const Value& value, const Schedule& schedule,
                              bool zones_ok) {
  MapReader map(value);
  if (!map.valid()) return std::nullopt;
  Slot slot;
  slot.id = id;
  slot.position = value.position();
  bool ok = read_play(map, value, slot);
  ok = read_timing(map, value, slot) && ok;
  ok = read_day_filter(map, slot.days) && ok;
  if (ok && slot.timing.kind == TimingKind::rrule && !slot.days.from) {
    value.error(Message{"rrule cần ngày bắt đầu \"from\" (DTSTART)",
                        "rrule needs a first day \"from\" (its DTSTART)"},
                Message{"một dòng \"from: YYYY-MM-DD\"", "a line \"from: YYYY-MM-DD\""});
    ok = false;
  }
  ok = map.read_with("priority", Presence::optional, [&](const Value& v) {
    return config::read_enum<Priority>(v, slot.priority, kPriorities);
  }) && ok;
  slot.on_holidays = slot.priority == Priority::emergency ? OnHolidays::play : OnHolidays::skip;
  ok = map.read_with("on_holidays", Presence::optional, [&](const Value& v) {
    return config::read_enum<OnHolidays>(v, slot.on_holidays, kHolidayRules);
  }) && ok;
  ok = map.read_with("on_preempt", Presence::optional, [&](const Value& v) {
    return config::read_enum<OnPreempt>(v, slot.on_preempt, kPreemptRules);
  }) && ok;
  ok = map.read_with("max_delay", Presence::optional, [&](const Value& v) {
    std::chrono::milliseconds delay{};
    if (!config::read_value(v, delay)) return false;
    if (delay < std::chrono::milliseconds{0} || delay > std::chrono::hours{24}) {
      v.error(Message{"độ trễ tối đa ngoài khoảng cho phép", "max_delay is out of range"},
              Message{"từ 0s (đúng giờ hoặc không phát) đến 24h",
                      "from 0s (on time or not at all) to 24h"});
      return false;
    }
    slot.max_delay = delay;
    return true;
  }) && ok;
  ok = map.read_with("repeat", Presence::optional, [&](const Value& v) {
    if (!config::read_in_range(v, slot.repeat, 1, 10)) return false;
    if (slot.priority != Priority::emergency) {
      v.error(Message{"chỉ tin khẩn cấp mới được phát lặp lại", "only emergencies repeat"},
              Message{"priority: emergency, hoặc bỏ repeat", "priority: emergency, or no repeat"});
      return false;
    }
    return true;
  }) && ok;
  const bool zones_read = map.read_with("zones", Presence::optional, [&](const Value& v) {
    return read_slot_zones(v, schedule, slot.zones);
  });
  ok = zones_read && ok;
  if (slot.zones.empty())
    for (const auto& zone : schedule.zones) slot.zones.push_back(zone.id);
  map.finish();
  if (!ok || !zones_ok) return std::nullopt;
  warn_silenced(schedule, slot, value.diagnostics());
  return slot;
}

}  // namespace tinxa::broadcast::reader
