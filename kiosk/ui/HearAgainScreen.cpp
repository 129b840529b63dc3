#include "kiosk/ui/HearAgainScreen.hpp"

#include "content/store/Database.hpp"
#include "content/store/StoreFiles.hpp"
#include "kiosk/ui/UiText.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <system_error>

namespace tinxa::kiosk::ui {
namespace {

// Whether the loudspeakers played (some of) the item: any other outcome (skipped, failed,
// missed, a silent live source) had nothing to hear again.
bool sounded(content::AsRunOutcome outcome) {
  using O = content::AsRunOutcome;
  return outcome == O::playing || outcome == O::played || outcome == O::preempted ||
         outcome == O::resumed || outcome == O::interrupted;
}

}  // namespace

std::vector<HeardBroadcast> heard_broadcasts(const std::vector<content::AsRunRecord>& records,
                                             const content::Bundle& bundle) {
  // One occurrence may have several records: one per zone, and more after a preemption.
  struct Occurrence {
    std::string item_id;
    content::TimePoint started;
    std::vector<std::string> zones;
  };
  std::map<std::string, Occurrence> occurrences;
  for (const content::AsRunRecord& r : records) {
    if (!sounded(r.outcome) || !r.started) continue;
    auto [it, fresh] =
        occurrences.try_emplace(r.occurrence_key, Occurrence{r.item_id, *r.started, {}});
    Occurrence& o = it->second;
    if (!fresh && *r.started < o.started) o.started = *r.started;
    for (const auto& zone : r.zones) {
      if (std::find(o.zones.begin(), o.zones.end(), zone) == o.zones.end()) o.zones.push_back(zone);
    }
  }
  std::vector<const Occurrence*> order;
  for (const auto& [key, o] : occurrences) order.push_back(&o);
  // Newest first; a bulletin's announcements stay in the order they were played.
  std::stable_sort(order.begin(), order.end(), [](const Occurrence* a, const Occurrence* b) {
    return a->started > b->started;
  });
  std::vector<HeardBroadcast> heard;
  for (const Occurrence* o : order) {
    // A recording the loader found missing or broken cannot be heard again: left out.
    if (const content::Announcement* a = bundle.find_announcement(o->item_id)) {
      if (a->audio.available()) heard.push_back({a, nullptr, o->started, o->zones});
    } else if (const content::Playlist* p = bundle.find_playlist(o->item_id)) {
      for (const std::string& id : p->items) {
        const content::Announcement* item = bundle.find_announcement(id);
        if (item != nullptr && item->audio.available()) {
          heard.push_back({item, p, o->started, o->zones});
        }
      }
    }
  }
  return heard;
}

std::vector<content::AsRunRecord> todays_as_run(const std::filesystem::path& data_dir,
                                                content::TimePoint now,
                                                const content::TimeZone& zone, std::ostream& log) {
  const auto path = content::as_run_path(data_dir);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    log << "tinxa-kiosk: chưa có nhật ký phát loa, danh sách nghe lại trống / no as-run log yet, "
           "nothing to hear again: "
        << path.string() << '\n';
    return {};
  }
  try {
    content::Database database = content::Database::open_read_only(path);
    content::AsRunLog log_reader(database);
    return log_reader.between(zone.start_of_day(zone.local_date(now)),
                              now + std::chrono::seconds{1});
  } catch (const std::exception& e) {
    log << "tinxa-kiosk: không đọc được nhật ký phát loa, danh sách nghe lại trống / as-run log "
           "not read, nothing to hear again: "
        << e.what() << '\n';
    return {};
  }
}

HearAgainScreen::HearAgainScreen(const Theme& theme, Navigator& navigator,
                                 std::vector<HeardBroadcast> heard, const content::TimeZone& zone,
                                 std::string language, ListenContext listen, ZoneNames zone_names)
    : DocumentScreen(theme, navigator),
      m_heard(std::move(heard)),
      m_zone(zone),
      m_language(std::move(language)),
      m_zone_names(std::move(zone_names)),
      m_bar(theme, std::move(listen)) {
  m_bar.set_empty_text(m_heard.empty() ? "" : choose_hint());
}

std::string HearAgainScreen::title() const {
  return std::string(ui_text(UiText::hear_again_title, m_language));
}

std::string HearAgainScreen::nothing_today() const {
  return std::string(ui_text(UiText::hear_again_nothing, m_language));
}

std::string HearAgainScreen::choose_hint() const {
  return std::string(ui_text(UiText::hear_again_choose, m_language));
}

std::string HearAgainScreen::subject_of(const HeardBroadcast& heard) {
  return "broadcast:" + heard.announcement->id;
}

std::string HearAgainScreen::detail_line(const HeardBroadcast& heard) const {
  const auto local = m_zone.to_local(heard.started);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local.time_of_day).count();
  const auto two = [](long long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  std::string line = two(minutes / 60) + ":" + two(minutes % 60);
  if (heard.playlist != nullptr) line += " · " + heard.playlist->title.get(m_language);
  if (!heard.zones.empty()) {
    line += ui_text(UiText::hear_again_zones, m_language);
    for (std::size_t i = 0; i < heard.zones.size(); ++i) {
      const auto named = m_zone_names.find(heard.zones[i]);
      const bool has_name = named != m_zone_names.end() && !named->second.empty();
      line += (i == 0 ? "" : ", ") + (has_name ? named->second : heard.zones[i]);
    }
  }
  return line;
}

void HearAgainScreen::build(DisplayList& list, int width, Measurer& measurer) {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  const int gap = t.gap_px();
  int y = t.mm(4.0);
  const std::string heading = title();
  const Size title_size = measurer.measure_text(heading, t.title(), width);
  list.add_text({0, y, title_size.width, title_size.height}, heading, t.title(), width);
  y += title_size.height + gap * 2;
  m_buttons.clear();
  if (m_heard.empty()) {
    const std::string nothing = nothing_today();
    const Size s = measurer.measure_text(nothing, t.body(), width);
    list.add_text({0, y, s.width, s.height}, nothing, t.body(), width);
    return;
  }
  const int pad = t.mm(3.0);
  const int border = std::max(2, t.mm(0.5));
  const int button = t.target_px();
  const int text_x = pad + button + t.mm(4.0);
  const int text_w = width - text_x - pad;
  TextStyle detail = t.body();
  detail.color = p.muted_text;
  for (const HeardBroadcast& heard : m_heard) {
    const std::string name = heard.announcement->title.get(m_language);
    const std::string line = detail_line(heard);
    const Size ts = measurer.measure_text(name, t.tile_title(), text_w);
    const Size ds = measurer.measure_text(line, detail, text_w);
    const int content_h = ts.height + t.mm(1.5) + ds.height;
    const int row_h = std::max(button + 2 * pad, content_h + 2 * pad);
    const Rect row{0, y, width, row_h};
    const int link = list.add_link(row);
    list.add_rounded_rect(row, t.radius_px(), p.border);
    list.add_rounded_rect(row.inset(border), t.radius_px(), p.surface, link);
    const Rect play{pad, y + (row_h - button) / 2, button, button};
    list.add_rounded_rect(play, t.radius_px(), p.accent);
    m_buttons.push_back(play);
    const int top = y + (row_h - content_h) / 2;
    list.add_text({text_x, top, ts.width, ts.height}, name, t.tile_title(), text_w);
    list.add_text({text_x, top + ts.height + t.mm(1.5), ds.width, ds.height}, line, detail, text_w);
    y += row_h + gap;
  }
}

void HearAgainScreen::activate_link(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= m_heard.size()) return;
  const HeardBroadcast& heard = m_heard[static_cast<std::size_t>(index)];
  const ListenSource source{heard.announcement->audio.path.absolute, subject_of(heard), true};
  // Tapping the row that is playing pauses it, as the bar's button would.
  if (m_bar.source() && m_bar.source()->subject == source.subject &&
      m_bar.shown_state() != Speaker::State::stopped) {
    const Rect r = m_bar.play_rect();
    (void)m_bar.input(Action::make_press({r.x + 1, r.y + 1}));
    (void)m_bar.input(Action::make_tap({r.x + 1, r.y + 1}));
    return;
  }
  (void)m_bar.play(source);
}

int HearAgainScreen::footer_height(int width, Measurer& measurer) {
  return m_bar.height_for(width, measurer);
}

void HearAgainScreen::layout_footer(const Rect& rect, Measurer& measurer) {
  m_bar.layout(rect, measurer);
}

bool HearAgainScreen::input(const Action& action) {
  if (m_bar.input(action)) return true;
  return DocumentScreen::input(action);
}

Rect HearAgainScreen::play_button(std::size_t index) const {
  if (index >= m_buttons.size()) return {};
  const Rect& r = m_buttons[index];
  return {viewport().x + r.x, viewport().y + r.y - scroll_offset(), r.width, r.height};
}

void HearAgainScreen::render(Painter& painter) const {
  DocumentScreen::render(painter);
  {
    ClipScope clip(painter, viewport());
    const Palette& p = m_theme.palette();
    const std::string playing = m_bar.shown_state() == Speaker::State::playing && m_bar.source()
                                    ? m_bar.source()->subject
                                    : std::string{};
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
      const Rect r = play_button(i);
      if (r.bottom() < viewport().y || r.y > viewport().bottom()) continue;
      const int icon = m_theme.mm(9.0);
      const Rect box{r.x + (r.width - icon) / 2, r.y + (r.height - icon) / 2, icon, icon};
      draw_play_symbol(painter, box, subject_of(m_heard[i]) == playing, p.accent_text);
    }
  }
  m_bar.render(painter);
}

}  // namespace tinxa::kiosk::ui
