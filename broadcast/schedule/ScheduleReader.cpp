#include "broadcast/schedule/ScheduleReader.hpp"

#include "broadcast/schedule/Readers.hpp"
#include "config/reader/Document.hpp"
#include "config/reader/MapReader.hpp"
#include "config/reader/Read.hpp"
#include "config/reader/Suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace tinxa::broadcast {

namespace reader {

using config::Message;
using config::TimeOfDay;
using config::Value;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

bool read_time(const Value& value, TimeOfDay& out) { return config::read_value(value, out); }

bool read_date(const Value& value, std::chrono::year_month_day& out) {
  return config::read_value(value, out);
}

bool read_text(const Value& value, std::string& out) {
  std::string text;
  if (!config::read_value(value, text)) return false;
  if (text.find_first_not_of(" \t") == std::string::npos) {
    value.error(Message{"chữ bị bỏ trống", "the text is empty"}, Message{"một tên", "a name"});
    return false;
  }
  out = std::move(text);
  return true;
}

// An id that is a key of a map (zones, slots): reported at the entry when it is not an id.
bool check_key_id(const std::string& id, const Value& entry) {
  if (config::is_valid_id(id)) return true;
  entry.diagnostics().error(entry.position(), entry.key_path(),
                            Message{"mã không hợp lệ", "not a valid id"}, fmt::format("\"{}\"", id),
                            Message{"chữ thường không dấu, số và dấu '-', ví dụ ap-2",
                                    "lowercase ASCII letters, digits and '-', for example ap-2"});
  return false;
}

}  // namespace reader

namespace {

using config::MapReader;
using config::Message;
using config::Presence;
using config::TimeOfDay;
using config::Value;
using reader::check_key_id;
using reader::join;
using reader::read_one_or_many;
using reader::read_text;
using reader::read_time;

bool read_channels(const Value& value, std::vector<int>& out) {
  std::vector<int> channels;
  if (!read_one_or_many(value, channels,
                        [](const Value& v, int& c) { return config::read_in_range(v, c, 1, 64); }))
    return false;
  auto sorted = channels;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    value.error(Message{"một kênh được ghi hai lần", "a channel is listed twice"},
                Message{"mỗi kênh một lần", "each channel once"});
    return false;
  }
  out = std::move(channels);
  return true;
}

std::optional<Zone> read_zone(const std::string& id, const Value& value,
                              const std::filesystem::path& folder) {
  MapReader map(value);
  if (!map.valid()) return std::nullopt;
  Zone zone;
  zone.id = id;
  zone.position = value.position();
  bool ok = map.read_with("name", Presence::required,
                          [&](const Value& v) { return read_text(v, zone.name); });
  ok = map.read_with("device", Presence::required, [&](const Value& v) {
    return read_text(v, zone.device);
  }) && ok;
  ok = map.read_with("channels", Presence::required, [&](const Value& v) {
    return read_channels(v, zone.channels);
  }) && ok;
  ok = map.read_with("gain_db", Presence::optional, [&](const Value& v) {
    return config::read_in_range(v, zone.gain_db, -60.0, 12.0);
  }) && ok;
  ok = map.read_with("off_air", Presence::optional, [&](const Value& v) {
    std::string text;
    if (!read_text(v, text)) return false;
    std::filesystem::path path{text};
    zone.off_air = path.is_relative() ? (folder / path).lexically_normal() : path;
    return true;
  }) && ok;
  map.finish();
  if (!ok) return std::nullopt;
  return zone;
}

void read_zones(const Value& value, const std::filesystem::path& folder, Schedule& out) {
  MapReader map(value);
  if (!map.valid()) return;
  const auto entries = map.entries();
  if (entries.empty()) {
    value.error(Message{"chưa khai báo vùng loa nào", "no loudspeaker zone is declared"},
                Message{"ít nhất một vùng", "at least one zone"});
    return;
  }
  for (const auto& [id, entry] : entries) {
    if (!check_key_id(id, entry)) continue;
    auto zone = read_zone(id, entry, folder);
    if (!zone) continue;
    // Two zones on the same channel would each hear what is meant for the other.
    for (const Zone& other : out.zones) {
      if (other.device != zone->device) continue;
      for (int channel : zone->channels) {
        if (std::find(other.channels.begin(), other.channels.end(), channel) ==
            other.channels.end())
          continue;
        const Value channels = entry.child(entry.node()["channels"], "channels");
        channels.error(
            Message{fmt::format("kênh {} của thiết bị \"{}\" đã thuộc vùng \"{}\"", channel,
                                zone->device, other.id),
                    fmt::format("channel {} of device \"{}\" already belongs to zone \"{}\"",
                                channel, zone->device, other.id)},
            Message{"mỗi kênh của một thiết bị chỉ thuộc một vùng",
                    "each channel of a device in one zone only"});
        zone.reset();
        break;
      }
      if (!zone) break;
    }
    if (zone) out.zones.push_back(std::move(*zone));
  }
}

bool read_quiet_hours(const Value& value, std::optional<QuietHours>& out) {
  MapReader map(value);
  if (!map.valid()) return false;
  QuietHours quiet{};
  bool ok = map.read_with("from", Presence::required,
                          [&](const Value& v) { return read_time(v, quiet.from); });
  ok = map.read_with("until", Presence::required, [&](const Value& v) {
    if (!read_time(v, quiet.until)) return false;
    if (ok && quiet.until == quiet.from) {
      v.error(Message{"giờ kết thúc trùng giờ bắt đầu", "the end is the same as the start"},
              Message{"một giờ khác from", "a time other than from"});
      return false;
    }
    return true;
  }) && ok;
  map.finish();
  if (ok) out = quiet;
  return ok;
}

void read_exceptions(const Value& value, Schedule& out) {
  if (!value.is_sequence()) {
    value.error(Message{"sai kiểu giá trị", "wrong kind of value"},
                Message{"một danh sách các ngày nghỉ (\"- name: ...\")",
                        "a list of holidays (\"- name: ...\")"});
    return;
  }
  for (const Value& element : value.elements()) {
    MapReader map(element);
    if (!map.valid()) continue;
    Exception exception;
    exception.position = element.position();
    bool ok = map.read_with("name", Presence::optional,
                            [&](const Value& v) { return read_text(v, exception.name); });
    ok = reader::read_day_filter(map, exception.days) && ok;
    map.finish();
    if (ok && !exception.days.restricts()) {
      element.error(
          Message{"ngày nghỉ không nói ngày nào", "the exception names no day"},
          Message{"dates, from/until, yearly hoặc days", "dates, from/until, yearly or days"});
      ok = false;
    }
    if (ok) out.exceptions.push_back(std::move(exception));
  }
}

}  // namespace

Schedule read_schedule(const Value& root, const std::filesystem::path& folder) {
  Schedule schedule;
  schedule.file = root.file();
  MapReader map(root);
  if (!map.valid()) return schedule;
  const std::size_t errors_before = root.diagnostics().error_count();
  map.read_with("zones", Presence::required, [&](const Value& v) {
    read_zones(v, folder, schedule);
    return true;
  });
  const bool zones_ok = root.diagnostics().error_count() == errors_before;
  map.read_with("quiet_hours", Presence::optional,
                [&](const Value& v) { return read_quiet_hours(v, schedule.quiet_hours); });
  map.read_with("exceptions", Presence::optional, [&](const Value& v) {
    read_exceptions(v, schedule);
    return true;
  });
  map.read_with("slots", Presence::required, [&](const Value& v) {
    MapReader slots(v);
    for (const auto& [id, entry] : slots.entries()) {
      if (!check_key_id(id, entry)) continue;
      if (auto slot = reader::read_slot(id, entry, schedule, zones_ok))
        schedule.slots.push_back(std::move(*slot));
    }
    return true;
  });
  map.finish();
  return schedule;
}

std::optional<Schedule> load_schedule(const std::filesystem::path& path, std::string display_name,
                                      config::Diagnostics& diagnostics) {
  auto document = config::Document::load(path, std::move(display_name), diagnostics);
  if (!document) return std::nullopt;
  return read_schedule(document->root(), path.parent_path());
}

std::optional<Schedule> load_checked_schedule(const std::filesystem::path& path,
                                              std::string display_name,
                                              const content::Bundle& bundle,
                                              config::Diagnostics& diagnostics) {
  config::Diagnostics found;
  auto schedule = load_schedule(path, std::move(display_name), found);
  if (schedule) check_references(*schedule, bundle, found);
  const bool ok = schedule && !found.has_errors();
  found.sort();
  diagnostics.merge(std::move(found));
  if (!ok) return std::nullopt;
  return schedule;
}

void check_references(const Schedule& schedule, const content::Bundle& bundle,
                      config::Diagnostics& diagnostics) {
  std::vector<std::string> playlists;
  for (const auto& p : bundle.playlists) playlists.push_back(p.id);
  std::vector<std::string> announcements;
  for (const auto& a : bundle.announcements) announcements.push_back(a.id);
  for (const Slot& slot : schedule.slots) {
    if (slot.play.kind == PlayKind::relay) continue;
    const bool is_playlist = slot.play.kind == PlayKind::playlist;
    const auto& known = is_playlist ? playlists : announcements;
    if (std::find(known.begin(), known.end(), slot.play.id) != known.end()) continue;
    const Message what =
        is_playlist ? Message{"danh sách phát", "playlist"} : Message{"thông báo", "announcement"};
    diagnostics.error(
        slot.play_position, "slots." + slot.id + (is_playlist ? ".playlist" : ".announcement"),
        Message{fmt::format("gói nội dung không có {} \"{}\"", what.vi, slot.play.id),
                fmt::format("the content bundle has no {} \"{}\"", what.en, slot.play.id)},
        fmt::format("\"{}\"", slot.play.id),
        Message{fmt::format("một {} trong gói nội dung: {}", what.vi, join(known)),
                fmt::format("a {} of the content bundle: {}", what.en, join(known))},
        config::closest_match(slot.play.id, known));
  }
}

}  // namespace tinxa::broadcast
