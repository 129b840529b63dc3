#include "broadcast/schedule/Agenda.hpp"

#include "ScheduleText.hpp"
#include "broadcast/schedule/Expand.hpp"

#include <libical/ical.h>
#include <catch2/catch.hpp>

#include <memory>

namespace tinxa::broadcast {

namespace {

using std::chrono::milliseconds;
using std::chrono::sys_days;
using std::chrono::year;

content::AudioClip clip(milliseconds length) {
  content::AudioClip c;
  c.info.duration = length;
  return c;
}

content::Bundle bundle() {
  content::Bundle b;
  for (auto [id, title, ms] :
       {std::tuple{"ra-soat", "Rà soát hộ nghèo, hộ cận nghèo; hằng năm", 30'000},
        std::tuple{"hoc-nghe", "Đăng ký học nghề", 20'500}}) {
    content::Announcement a;
    a.id = id;
    a.title = content::LocalizedText{title};
    a.audio = clip(milliseconds{ms});
    b.announcements.push_back(a);
  }
  content::Playlist p;
  p.id = "sang";
  p.title = content::LocalizedText{"Bản tin buổi sáng"};
  p.chime_before = clip(milliseconds{2'000});
  p.chime_after = clip(milliseconds{1'500});
  p.items = {"ra-soat", "hoc-nghe"};
  b.playlists.push_back(p);
  return b;
}

std::vector<AgendaEntry> sample_agenda() {
  auto read = test::read_text(test::kZones + R"(slots:
  sang: {playlist: sang, at: "06:30", days: [Thứ Hai]}
  bao: {announcement: ra-soat, at: "09:00", dates: [2026-11-17], priority: emergency, repeat: 2, zones: [ap-2]}
  vov: {relay: {input: Line In, for: 1h30min}, at: "05:00", days: [Chủ nhật]}
)");
  REQUIRE_FALSE(read.diagnostics.has_errors());
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  return build_agenda(expand(read.schedule, zone, zone.start_of_day(year{2026} / 11 / 15),
                             zone.start_of_day(year{2026} / 11 / 18)),
                      bundle());
}

struct ComponentFree {
  void operator()(icalcomponent* c) const noexcept { icalcomponent_free(c); }
};

}  // namespace

TEST_CASE("A playlist plays its chimes and every announcement", "[schedule][agenda]") {
  const auto b = bundle();
  CHECK(play_length(PlayItem{PlayKind::playlist, "sang", "", {}}, b) == milliseconds{54'000});
  CHECK(play_length(PlayItem{PlayKind::announcement, "hoc-nghe", "", {}}, b) ==
        milliseconds{20'500});
  CHECK(play_length(PlayItem{PlayKind::relay, "", "Line In", milliseconds{60'000}}, b) ==
        milliseconds{60'000});
  CHECK(play_length(PlayItem{PlayKind::playlist, "khong-co", "", {}}, b) == milliseconds{0});
}

TEST_CASE("The agenda table names weekday, time, priority, zones, length and title",
          "[schedule][agenda]") {
  const auto entries = sample_agenda();
  REQUIRE(entries.size() == 3);
  const std::string text = format_agenda(entries, "Lịch phát / agenda");
  CHECK(text ==
        "Lịch phát / agenda\n"
        "Ngày / date          Giờ / time  Ưu tiên / priority    Vùng / zones     Dài / length  "
        "Nội dung / item\n"
        "Chủ nhật 15/11/2026  05:00       thường / normal       trung-tam, ap-2  1:30:00       "
        "Tiếp sóng / relay: Line In\n"
        "Thứ Hai 16/11/2026   06:30       thường / normal       trung-tam, ap-2  0:54          "
        "Bản tin buổi sáng [sang]\n"
        "Thứ Ba 17/11/2026    09:00       khẩn cấp / emergency  ap-2             0:30          "
        "Rà soát hộ nghèo, hộ cận nghèo; hằng năm [ra-soat] ×2\n"
        "3 lần phát / broadcasts\n");
  CHECK(format_agenda({}, "H") == "H\nKhông có gì được phát / nothing is scheduled\n");
}

TEST_CASE("The iCalendar export parses back with libical, one event per occurrence",
          "[schedule][agenda][ics]") {
  const auto entries = sample_agenda();
  const auto stamp = sys_days{year{2026} / 11 / 14} + std::chrono::hours{3};
  const std::string ics = format_icalendar(entries, stamp);
  for (std::size_t at = ics.find("\r\n"); at != std::string::npos; at = ics.find("\r\n", at + 2)) {
    const auto line_start = ics.rfind("\r\n", at == 0 ? 0 : at - 1);
    CHECK(at - (line_start == std::string::npos ? 0 : line_start + 2) <= 75);
  }
  std::unique_ptr<icalcomponent, ComponentFree> calendar{icalparser_parse_string(ics.c_str())};
  REQUIRE(calendar);
  REQUIRE(icalcomponent_isa(calendar.get()) == ICAL_VCALENDAR_COMPONENT);
  CHECK(icalcomponent_count_errors(calendar.get()) == 0);
  std::vector<icalcomponent*> events;
  for (auto* e = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
       e != nullptr; e = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT))
    events.push_back(e);
  REQUIRE(events.size() == entries.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Occurrence& o = entries[i].occurrence;
    CHECK(std::string{icalcomponent_get_uid(events[i])} == o.key);
    CHECK(std::string{icalcomponent_get_summary(events[i])} == entries[i].title);
    const icaltimetype start = icalcomponent_get_dtstart(events[i]);
    CHECK(icaltime_is_utc(start));
    CHECK(icaltime_as_timet(start) == std::chrono::system_clock::to_time_t(o.start));
    const icaldurationtype duration = icalcomponent_get_duration(events[i]);
    CHECK(icaldurationtype_as_int(duration) ==
          std::chrono::ceil<std::chrono::seconds>(entries[i].length).count());
  }
  CHECK(std::string{icalcomponent_get_uid(events[0])} == "vov@2026-11-15T05:00");
  CHECK(ics.find("DTSTART:20261114T220000Z\r\n") != std::string::npos);
  CHECK(ics.find("DURATION:PT1H30M\r\n") != std::string::npos);
  CHECK(ics.find("SUMMARY:Rà soát hộ nghèo\\, hộ cận nghèo\\; hằng năm\r\n") != std::string::npos);
}

}  // namespace tinxa::broadcast
