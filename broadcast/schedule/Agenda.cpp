#include "broadcast/schedule/Agenda.hpp"

#include "content/time/Date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace tinxa::broadcast {

namespace {

using std::chrono::milliseconds;

// Code points in UTF-8 `text`: the columns it takes in a terminal for NFC Vietnamese.
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

std::string pad(const std::string& text, std::size_t columns) {
  const std::size_t w = width(text);
  return w >= columns ? text : text + std::string(columns - w, ' ');
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string minutes_seconds(milliseconds length) {
  const auto s = std::chrono::ceil<std::chrono::seconds>(length).count();
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string hhmm(std::chrono::seconds time_of_day) {
  const auto s = time_of_day.count();
  return fmt::format("{:02}:{:02}", s / 3600, s / 60 % 60);
}

// RFC 5545 TEXT escaping.
std::string ics_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// One content line, folded after at most 75 octets without splitting a UTF-8 sequence.
void ics_line(std::string& out, const std::string& line) {
  std::size_t begin = 0;
  std::size_t limit = 75;
  while (line.size() - begin > limit) {
    std::size_t cut = begin + limit;
    while (cut > begin && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) --cut;
    out += line.substr(begin, cut - begin);
    out += "\r\n ";
    begin = cut;
    limit = 74;  // the leading space counts
  }
  out += line.substr(begin);
  out += "\r\n";
}

std::string ics_utc(content::TimePoint instant) {
  const auto s = std::chrono::floor<std::chrono::seconds>(instant);
  const auto day = std::chrono::floor<std::chrono::days>(s);
  const std::chrono::year_month_day date{day};
  const auto t = (s - day).count();
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     t / 3600, t / 60 % 60, t % 60);
}

std::string ics_duration(milliseconds length) {
  auto s = std::chrono::ceil<std::chrono::seconds>(length).count();
  if (s <= 0) return "PT0S";
  std::string out = "PT";
  if (s >= 3600) out += fmt::format("{}H", s / 3600);
  if (s / 60 % 60 != 0) out += fmt::format("{}M", s / 60 % 60);
  if (s % 60 != 0) out += fmt::format("{}S", s % 60);
  return out;
}

}  // namespace

milliseconds play_length(const PlayItem& item, const content::Bundle& bundle) {
  switch (item.kind) {
    case PlayKind::relay:
      return item.length;
    case PlayKind::announcement: {
      const auto* a = bundle.find_announcement(item.id);
      return a == nullptr ? milliseconds{0} : a->audio.info.duration;
    }
    case PlayKind::playlist: {
      const auto* p = bundle.find_playlist(item.id);
      if (p == nullptr) return milliseconds{0};
      milliseconds total{0};
      if (p->chime_before) total += p->chime_before->info.duration;
      for (const auto& id : p->items)
        if (const auto* a = bundle.find_announcement(id)) total += a->audio.info.duration;
      if (p->chime_after) total += p->chime_after->info.duration;
      return total;
    }
  }
  return milliseconds{0};
}

std::vector<AgendaEntry> build_agenda(std::vector<Occurrence> occurrences,
                                      const content::Bundle& bundle) {
  std::vector<AgendaEntry> out;
  out.reserve(occurrences.size());
  for (auto& occurrence : occurrences) {
    const PlayItem& item = occurrence.play;
    std::string title = item.id;
    if (item.kind == PlayKind::relay) {
      title = "Tiếp sóng / relay: " + item.input;
    } else if (item.kind == PlayKind::playlist) {
      if (const auto* p = bundle.find_playlist(item.id)) title = p->title.get();
    } else if (const auto* a = bundle.find_announcement(item.id)) {
      title = a->title.get();
    }
    const milliseconds length = play_length(item, bundle);
    out.push_back(AgendaEntry{std::move(occurrence), std::move(title), length});
  }
  return out;
}

std::string format_agenda(const std::vector<AgendaEntry>& entries, const std::string& heading) {
  const std::array<std::string, 6> headings{"Ngày / date",  "Giờ / time",   "Ưu tiên / priority",
                                            "Vùng / zones", "Dài / length", "Nội dung / item"};
  std::vector<std::array<std::string, 6>> rows;
  rows.reserve(entries.size());
  for (const auto& e : entries) {
    const Occurrence& o = e.occurrence;
    std::string item = e.title;
    if (o.play.kind != PlayKind::relay) item += fmt::format(" [{}]", o.play.id);
    if (o.repeat > 1) item += fmt::format(" ×{}", o.repeat);
    rows.push_back(
        {fmt::format("{} {}", content::weekday_vi(o.local.date), content::format_vi(o.local.date)),
         hhmm(o.local.time_of_day),
         fmt::format("{} / {}", to_string_vi(o.priority), to_string(o.priority)), join(o.zones),
         minutes_seconds(e.length), std::move(item)});
  }
  std::array<std::size_t, 6> widths{};
  for (std::size_t c = 0; c < widths.size(); ++c) {
    widths[c] = width(headings[c]);
    for (const auto& row : rows) widths[c] = std::max(widths[c], width(row[c]));
  }
  const auto line = [&](const std::array<std::string, 6>& cells) {
    std::string text;
    for (std::size_t c = 0; c < cells.size(); ++c)
      text += c + 1 == cells.size() ? cells[c] : pad(cells[c], widths[c] + 2);
    return text + "\n";
  };
  std::string out = heading + "\n";
  if (rows.empty()) return out + "Không có gì được phát / nothing is scheduled\n";
  out += line(headings);
  for (const auto& row : rows) out += line(row);
  out += fmt::format("{} lần phát / broadcasts\n", rows.size());
  return out;
}

std::string format_icalendar(const std::vector<AgendaEntry>& entries, content::TimePoint stamp) {
  std::string out;
  ics_line(out, "BEGIN:VCALENDAR");
  ics_line(out, "VERSION:2.0");
  ics_line(out, "PRODID:-//tinxa//tinxa agenda//VI");
  ics_line(out, "CALSCALE:GREGORIAN");
  const std::string dtstamp = ics_utc(stamp);
  for (const auto& e : entries) {
    const Occurrence& o = e.occurrence;
    ics_line(out, "BEGIN:VEVENT");
    ics_line(out, "UID:" + ics_text(o.key));
    ics_line(out, "DTSTAMP:" + dtstamp);
    ics_line(out, "DTSTART:" + ics_utc(o.start));
    ics_line(out, "DURATION:" + ics_duration(e.length));
    ics_line(out, "SUMMARY:" + ics_text(e.title));
    ics_line(out,
             "DESCRIPTION:" + ics_text(fmt::format("Ưu tiên / priority: {} / {}\nVùng / zones: {}\n"
                                                   "Khung giờ / slot: {}",
                                                   to_string_vi(o.priority), to_string(o.priority),
                                                   join(o.zones), o.slot_id)));
    ics_line(out, "END:VEVENT");
  }
  ics_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace tinxa::broadcast
