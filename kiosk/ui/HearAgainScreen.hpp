#pragma once

#include "content/model/Bundle.hpp"
#include "content/store/AsRunLog.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/DocumentScreen.hpp"
#include "kiosk/ui/ListenBar.hpp"

#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui {

// Loudspeaker zone id -> the name residents know it by ("ap-2" -> "Ấp 2"), from the schedule's
// zones. A zone missing here is shown by its id.
using ZoneNames = std::map<std::string, std::string>;

// One announcement the loudspeakers played, as a resident can hear it again.
struct HeardBroadcast {
  const content::Announcement* announcement = nullptr;  // in the bundle; has its audio
  const content::Playlist* playlist = nullptr;          // the bulletin it was part of, or null
  content::TimePoint started;                           // when it started, in any zone
  std::vector<std::string> zones;                       // every zone that played it
};

// What `records` (the as-run log) says the loudspeakers played, newest first: one entry per
// occurrence (its zones together), a playlist becoming its announcements in order. Only what
// actually sounded (played, resumed, preempted, interrupted, or still playing) counts; relays and
// items no longer in `bundle` are left out.
[[nodiscard]] std::vector<HeardBroadcast> heard_broadcasts(
    const std::vector<content::AsRunRecord>& records, const content::Bundle& bundle);

// The as-run records of the local day of `now` up to `now`, from the as-run database in
// `data_dir` (content::as_run_path), opened read-only (content::Database::open_read_only): the
// kiosk never creates, migrates or locks the broadcaster's database. A missing database, one the
// daemon holds locked past the short read-only busy timeout, or one that cannot be read gives an
// empty list, and the reason is written to `log` (bilingual, one line). Never throws except
// std::bad_alloc.
[[nodiscard]] std::vector<content::AsRunRecord> todays_as_run(const std::filesystem::path& data_dir,
                                                              content::TimePoint now,
                                                              const content::TimeZone& zone,
                                                              std::ostream& log = std::cerr);

// "Nghe lại loa hôm nay": today's loudspeaker announcements, newest first, each a row with its
// title, the time it started, its bulletin and zones (by their names in `zone_names`), and a
// large play button; the "Nghe" bar along the bottom pauses, stops and sets the volume. With
// nothing played today, it says so. Its fixed words follow `language` (the kiosk's words,
// ui::ui_text, Vietnamese where a language has none). The bundle's announcements must outlive the
// screen.
class HearAgainScreen final : public DocumentScreen {
 public:
  HearAgainScreen(const Theme& theme, Navigator& navigator, std::vector<HeardBroadcast> heard,
                  const content::TimeZone& zone, std::string language = "vi",
                  ListenContext listen = {}, ZoneNames zone_names = {});

  [[nodiscard]] std::string name() const override { return "hear-again"; }
  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;

  [[nodiscard]] const std::vector<HeardBroadcast>& heard() const noexcept { return m_heard; }
  [[nodiscard]] const ListenBar& listen_bar() const noexcept { return m_bar; }
  // The screen rectangle of row `index`'s play button now (scrolled), for tests and the tour.
  [[nodiscard]] Rect play_button(std::size_t index) const;
  // "06:30 · Bản tin buổi sáng · Cụm loa: Ấp 1, Ấp 2"
  [[nodiscard]] std::string detail_line(const HeardBroadcast& heard) const;
  // The screen's fixed words in its language: the title, the empty-day line, the bar's hint.
  [[nodiscard]] std::string title() const;
  [[nodiscard]] std::string nothing_today() const;
  [[nodiscard]] std::string choose_hint() const;
  [[nodiscard]] static std::string subject_of(const HeardBroadcast& heard);

 protected:
  void build(DisplayList& list, int width, Measurer& measurer) override;
  void activate_link(int index) override;
  [[nodiscard]] int footer_height(int width, Measurer& measurer) override;
  void layout_footer(const Rect& rect, Measurer& measurer) override;

 private:
  std::vector<HeardBroadcast> m_heard;
  const content::TimeZone& m_zone;
  std::string m_language;
  ZoneNames m_zone_names;
  ListenBar m_bar;
  std::vector<Rect> m_buttons;  // document coordinates, one per row
};

}  // namespace tinxa::kiosk::ui
