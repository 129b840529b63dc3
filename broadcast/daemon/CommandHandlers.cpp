#include "broadcast/daemon/CommandHandlers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <stdexcept>

#include "broadcast/engine/PlayoutItem.hpp"
#include "config/reader/Scalars.hpp"
#include "config/reader/Suggest.hpp"
#include "content/time/Date.hpp"

namespace tinxa::broadcast {

namespace {

constexpr int kMaxRepeat = 10;

std::string hhmmss(std::chrono::seconds t) {
  const auto s = t.count();
  return fmt::format("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
}

std::string did_you_mean(const std::string& wrong, const std::vector<std::string>& known) {
  const std::string hint = config::closest_match(wrong, known);
  return hint.empty() ? std::string{}
                      : fmt::format("; có phải ý bạn là \"{0}\"? / did you mean \"{0}\"?", hint);
}

std::string joined(const std::vector<std::string>& words) {
  return fmt::format("{}", fmt::join(words, " "));
}

}  // namespace

CommandHandlers::CommandHandlers(Engine& engine, ScheduleReloader& programme,
                                 const content::Clock& clock, const DeviceOutputs* devices)
    : m_engine{engine}, m_programme{programme}, m_clock{clock}, m_devices{devices} {}

std::string CommandHandlers::local_text(content::TimePoint instant) const {
  const auto& zone = m_programme.time_zone();
  const auto local = zone.to_local(instant);
  const auto offset = zone.utc_offset(instant).count();
  const auto minutes = (offset < 0 ? -offset : offset) / 60;
  return fmt::format("{}T{}{}{:02}:{:02}", content::format_iso(local.date),
                     hhmmss(local.time_of_day), offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

Response CommandHandlers::handle(const Request& request) {
  const auto& c = request.command;
  if (c == "status") return status();
  if (c == "play") return play(request, Priority::priority);
  if (c == "alert") return play(request, Priority::emergency);
  if (c == "stop") return stop(request);
  if (c == "skip") return skip(request);
  if (c == "reload") return reload();
  if (c == "live") return live(request);
  return Response::fail(AckCode::unknown_command, c, "lệnh không có / unknown command");
}

std::vector<std::string> CommandHandlers::zones_of(const Request& request, std::size_t first,
                                                   std::optional<Response>& refusal) const {
  std::vector<std::string> known;
  for (const auto& output : m_engine.outputs()) known.push_back(output->zone().id);
  std::vector<std::string> zones;
  for (std::size_t i = first; i < request.arguments.size(); ++i) {
    const auto& zone = request.arguments[i];
    if (std::find(known.begin(), known.end(), zone) == known.end()) {
      refusal =
          Response::fail(AckCode::not_found, request.command,
                         fmt::format("không có vùng loa \"{0}\" / there is no zone \"{0}\"{1}",
                                     zone, did_you_mean(zone, known)));
      return {};
    }
    if (std::find(zones.begin(), zones.end(), zone) == zones.end()) zones.push_back(zone);
  }
  return zones.empty() ? known : zones;
}

Response CommandHandlers::status() {
  Response r;
  const auto now = m_clock.now();
  const bool degraded = m_devices != nullptr && !m_devices->all_open();
  r.fields.emplace_back("state", degraded ? "degraded" : "running");
  r.fields.emplace_back("time", local_text(now));
  r.fields.emplace_back("schedule", m_programme.schedule_file().string());
  r.fields.emplace_back("slots", std::to_string(m_programme.schedule().slots.size()));
  // Started on the last good copy because the configured files have errors (until a reload of
  // them is applied).
  const auto& last_good = m_programme.last_good();
  r.fields.emplace_back("content.source", last_good ? "last-good" : "configured");
  if (last_good) r.fields.emplace_back("content.last_good", last_good->string());
  if (const auto problems = m_programme.media_problems(); problems != 0)
    r.fields.emplace_back("content.media_problems", std::to_string(problems));
  std::vector<std::string> zones;
  for (const auto& output : m_engine.outputs()) zones.push_back(output->zone().id);
  r.fields.emplace_back("zones", joined(zones));
  std::vector<DeviceOutputs::DeviceState> devices;
  if (m_devices != nullptr) devices = m_devices->states();
  for (const auto& output : m_engine.outputs()) {
    const Zone& zone = output->zone();
    const std::string prefix = "zone." + zone.id;
    const auto device = std::find_if(devices.begin(), devices.end(),
                                     [&](const auto& d) { return d.device == zone.device; });
    const bool no_device = device != devices.end() && !device->open;
    const auto now_playing = m_engine.now_playing(zone.id);
    std::string state = "idle";
    if (no_device)
      state = "no-device";
    else if (now_playing)
      state = now_playing->live ? "live" : "playing";
    r.fields.emplace_back(prefix, state);
    r.fields.emplace_back(prefix + ".name", zone.name);
    r.fields.emplace_back(prefix + ".device", zone.device);
    if (now_playing) {
      r.fields.emplace_back(prefix + ".title", now_playing->title);
      if (!now_playing->item_title.empty())
        r.fields.emplace_back(prefix + ".item", now_playing->item_title);
      r.fields.emplace_back(prefix + ".priority", std::string{to_string(now_playing->priority)});
      r.fields.emplace_back(prefix + ".slot", now_playing->slot_id);
      r.fields.emplace_back(prefix + ".key", now_playing->occurrence_key);
      r.fields.emplace_back(prefix + ".waiting", std::to_string(now_playing->waiting));
    }
  }
  for (const auto& d : devices)
    r.fields.emplace_back("device." + d.device, d.open ? "open" : "lost: " + d.error);
  if (const Occurrence* next = m_engine.next_occurrence()) {
    r.fields.emplace_back("next", local_text(next->start));
    r.fields.emplace_back("next.title", play_title(next->play, m_programme.bundle()));
    r.fields.emplace_back("next.slot", next->slot_id);
    r.fields.emplace_back("next.zones", joined(next->zones));
    r.fields.emplace_back("next.priority", std::string{to_string(next->priority)});
  }
  return r;
}

Response CommandHandlers::play(const Request& request, Priority priority) {
  const auto& bundle = m_programme.bundle();
  const std::string& id = request.arguments.at(0);
  PlayItem item;
  item.id = id;
  if (bundle.find_playlist(id) != nullptr) {
    item.kind = PlayKind::playlist;
  } else if (bundle.find_announcement(id) != nullptr) {
    item.kind = PlayKind::announcement;
  } else {
    std::vector<std::string> known;
    for (const auto& p : bundle.playlists) known.push_back(p.id);
    for (const auto& a : bundle.announcements) known.push_back(a.id);
    return Response::fail(
        AckCode::not_found, request.command,
        fmt::format("không có danh sách phát hay thông báo \"{0}\" / there is no playlist or "
                    "announcement \"{0}\"{1}",
                    id, did_you_mean(id, known)));
  }
  Request zones_only = request;
  int repeat = 1;
  if (priority == Priority::emergency) {
    auto& args = zones_only.arguments;
    for (auto it = args.begin() + 1; it != args.end();) {
      if (it->rfind("repeat=", 0) != 0) {
        ++it;
        continue;
      }
      const std::string value = it->substr(7);
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), repeat);
      if (ec != std::errc{} || end != value.data() + value.size() || repeat < 1 ||
          repeat > kMaxRepeat)
        return Response::fail(AckCode::bad_arguments, request.command,
                              fmt::format("repeat phải từ 1 đến {0} / repeat must be 1 to {0}: "
                                          "\"{1}\"",
                                          kMaxRepeat, value));
      it = args.erase(it);
    }
  }
  std::optional<Response> refusal;
  auto zones = zones_of(zones_only, 1, refusal);
  if (refusal) return *refusal;

  const auto now = m_clock.now();
  const auto local = m_programme.time_zone().to_local(now);
  Occurrence o;
  o.slot_id = priority == Priority::emergency ? "operator-alert" : "operator-play";
  o.start = now;
  o.scheduled = o.local = local;
  o.priority = priority;
  o.zones = zones;
  o.play = item;
  o.on_preempt = OnPreempt::resume;
  o.repeat = repeat;
  o.key = fmt::format("{}@{}T{}.{}", o.slot_id, content::format_iso(local.date),
                      hhmmss(local.time_of_day), ++m_sequence);
  const std::string key = o.key;
  if (!m_engine.inject(std::move(o)))
    return Response::fail(AckCode::refused, request.command,
                          "đã phát rồi / it was played already: " + key);
  Response r;
  r.fields.emplace_back("key", key);
  r.fields.emplace_back("title", play_title(item, bundle));
  r.fields.emplace_back("priority", std::string{to_string(priority)});
  if (repeat > 1) r.fields.emplace_back("repeat", std::to_string(repeat));
  for (const auto& zone : zones) {
    // A zone whose device is gone logged the item as device_failure: say so, not "waiting".
    const auto holder = m_engine.now_playing(zone);
    r.fields.emplace_back("zone." + zone, m_engine.zone_offline(zone)               ? "no-device"
                                          : holder && holder->occurrence_key == key ? "playing"
                                                                                    : "waiting");
  }
  return r;
}

Response CommandHandlers::stop(const Request& request) {
  std::optional<Response> refusal;
  const auto zones = zones_of(request, 0, refusal);
  if (refusal) return *refusal;
  // What holds each zone before anything stops: a live ends in every zone it holds at once.
  std::vector<std::optional<ZoneNowPlaying>> holders;
  for (const auto& zone : zones) holders.push_back(m_engine.now_playing(zone));
  std::vector<std::string> stopped;
  std::vector<std::string> idle;
  std::vector<RequestId> lives;
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const auto& holder = holders[i];
    bool done = false;
    if (holder && holder->live) {
      done = std::find(lives.begin(), lives.end(), holder->request) != lives.end() ||
             m_engine.stop_live(holder->request);
      if (done) lives.push_back(holder->request);
    } else if (holder) {
      done = m_engine.end_in_zone(zones[i], content::AsRunOutcome::interrupted,
                                  "dừng bởi người vận hành / stopped by the operator");
    }
    (done ? stopped : idle).push_back(zones[i]);
  }
  Response r;
  r.fields.emplace_back("stopped", joined(stopped));
  r.fields.emplace_back("idle", joined(idle));
  for (const auto& zone : stopped)
    if (const auto next = m_engine.now_playing(zone))
      r.fields.emplace_back("zone." + zone, "tiếp theo / next: " + next->title);
  return r;
}

Response CommandHandlers::skip(const Request& request) {
  std::optional<Response> refusal;
  const auto zones = zones_of(request, 0, refusal);
  if (refusal) return *refusal;
  std::vector<std::string> skipped;
  std::vector<std::string> idle;
  for (const auto& zone : zones) (m_engine.skip(zone) ? skipped : idle).push_back(zone);
  Response r;
  r.fields.emplace_back("skipped", joined(skipped));
  r.fields.emplace_back("idle", joined(idle));
  return r;
}

Response CommandHandlers::live(const Request& request) {
  LiveRequest live;
  live.source = request.arguments.at(0);
  std::vector<std::string> names{request.arguments.begin() + 1, request.arguments.end()};
  Request zones_only{request.command, {}};
  for (const auto& arg : names) {
    if (arg.rfind("for=", 0) == 0) {
      const auto length = config::parse_duration(arg.substr(4));
      if (!length || *length <= std::chrono::milliseconds::zero())
        return Response::fail(AckCode::bad_arguments, request.command,
                              fmt::format("thời lượng không hợp lệ / not a duration: \"{}\" "
                                          "(for=30min)",
                                          arg.substr(4)));
      live.length = *length;
    } else {
      zones_only.arguments.push_back(arg);
    }
  }
  if (zones_only.arguments.empty())
    return Response::fail(AckCode::bad_arguments, request.command,
                          "cần ít nhất một vùng loa / name at least one zone");
  std::optional<Response> refusal;
  live.zones = zones_of(zones_only, 0, refusal);
  if (refusal) return *refusal;
  live.label = "tinxa live";
  try {
    const RequestId id = m_engine.start_live(live);
    Response r;
    r.fields.emplace_back("live", std::to_string(id));
    r.fields.emplace_back("source", live.source);
    r.fields.emplace_back("zones", joined(live.zones));
    return r;
  } catch (const std::exception& e) {
    return Response::fail(AckCode::failed, request.command,
                          fmt::format("không phát trực tiếp được / cannot go live: {}", e.what()));
  }
}

Response CommandHandlers::reload() {
  return reload_response(m_programme.reload(m_engine, m_clock.now()));
}

Response CommandHandlers::reload_response(const ScheduleReloader::Outcome& outcome) const {
  Response r;
  for (const auto& e : outcome.errors) r.fields.emplace_back("error", e);
  for (const auto& w : outcome.warnings) r.fields.emplace_back("warning", w);
  r.fields.emplace_back("schedule", m_programme.schedule_file().string());
  r.fields.emplace_back("slots", std::to_string(outcome.slots));
  if (!outcome.applied) {
    r.error = AckCode::failed;
    r.command = "reload";
    r.message = fmt::format(
        "lịch mới có {0} lỗi, vẫn chạy lịch cũ / the new schedule has {0} errors; the old one "
        "keeps running: {1}",
        outcome.errors.size(), outcome.errors.empty() ? std::string{} : outcome.errors.front());
    return r;
  }
  if (const Occurrence* next = m_engine.next_occurrence()) {
    r.fields.emplace_back("next", local_text(next->start));
    r.fields.emplace_back("next.title", play_title(next->play, m_programme.bundle()));
  }
  return r;
}

}  // namespace tinxa::broadcast
