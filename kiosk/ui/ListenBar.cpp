#include "kiosk/ui/ListenBar.hpp"

#include "content/speech/Narrator.hpp"
#include "content/speech/SpokenText.hpp"
#include "kiosk/ui/KeyGrid.hpp"

#include <algorithm>
#include <cmath>
#include <system_error>

namespace tinxa::kiosk::ui {
namespace {

constexpr int kVolumeSteps = 5;

// The narration `tinxa narrate` rendered for `page` in `language`: the file of the default voice
// for the current text, else the newest "<page>.<language>-*.ogg" (another voice or speed).
std::optional<std::filesystem::path> cached_narration(const content::Page& page,
                                                      std::string_view language,
                                                      const std::filesystem::path& folder) {
  if (folder.empty()) return std::nullopt;
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) return std::nullopt;
  const std::string key = content::narration_key(page.id, language);
  const content::Voice voice{language == content::kVietnamese ? "vi" : std::string(language), 140};
  const auto exact =
      content::NarrationCache(folder, voice).path_for(key, content::spoken_text(page, language));
  if (std::filesystem::is_regular_file(exact, ec)) return exact;
  std::optional<std::filesystem::path> newest;
  std::filesystem::file_time_type newest_time{};
  const std::string prefix = key + "-";
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || entry.path().extension() != ".ogg") continue;
    const auto time = entry.last_write_time(ec);
    if (!newest || time > newest_time) {
      newest = entry.path();
      newest_time = time;
    }
  }
  return newest;
}

std::string clock(std::chrono::milliseconds t) {
  const auto s = std::chrono::duration_cast<std::chrono::seconds>(t).count();
  const auto secs = s % 60;
  return std::to_string(s / 60) + (secs < 10 ? ":0" : ":") + std::to_string(secs);
}

}  // namespace

std::optional<ListenSource> page_listen_source(const content::Page& page, std::string_view language,
                                               const std::filesystem::path& narration_folder) {
  const bool vietnamese = language == content::kVietnamese;
  const bool has_language =
      std::find(page.languages.begin(), page.languages.end(), language) != page.languages.end();
  std::optional<ListenSource> recorded;
  // A recording the loader found missing or broken is left out: the synthetic narration, if any.
  if (page.narration && page.narration->available())
    recorded = ListenSource{page.narration->path.absolute, page.id, true};
  if (recorded && (vietnamese || !has_language)) return recorded;
  if (!vietnamese && has_language) {
    if (auto file = cached_narration(page, language, narration_folder)) {
      return ListenSource{*file, page.id, false};
    }
  }
  if (recorded) return recorded;
  if (auto file = cached_narration(page, content::kVietnamese, narration_folder)) {
    return ListenSource{*file, page.id, false};
  }
  return std::nullopt;
}

void draw_play_symbol(Painter& painter, const Rect& box, bool pause, Color color) {
  if (pause) {
    const int bar = std::max(2, box.width / 3);
    const int space = std::max(2, box.width / 6);
    const int left = box.x + (box.width - 2 * bar - space) / 2;
    painter.fill_rect({left, box.y + box.height / 10, bar, box.height * 8 / 10}, color);
    painter.fill_rect({left + bar + space, box.y + box.height / 10, bar, box.height * 8 / 10},
                      color);
    return;
  }
  const int inset = box.width / 10;
  painter.fill_triangle({box.x + inset * 2, box.y + inset},
                        {box.x + inset * 2, box.bottom() - inset},
                        {box.right() - inset, box.y + box.height / 2}, color);
}

ListenBar::ListenBar(const Theme& theme, ListenContext context)
    : m_theme(theme), m_context(std::move(context)) {}

std::string ListenBar::words(UiText key) const {
  return std::string(ui_text(key, m_context.language));
}

void ListenBar::set_source(std::optional<ListenSource> source) { m_source = std::move(source); }

ListenBar::Mode ListenBar::mode() const noexcept {
  if (m_context.speaker == nullptr || !m_context.speaker->available()) return Mode::unavailable;
  if (!m_source) return Mode::no_source;
  return Mode::ready;
}

Speaker::State ListenBar::shown_state() const {
  if (mode() != Mode::ready || m_context.speaker->subject() != m_source->subject) {
    return Speaker::State::stopped;
  }
  return m_context.speaker->state();
}

std::string ListenBar::play_label() const {
  switch (shown_state()) {
    case Speaker::State::playing:
      return words(UiText::pause);
    case Speaker::State::paused:
      return words(UiText::resume);
    case Speaker::State::stopped:
      break;
  }
  return words(UiText::listen);
}

std::string ListenBar::status_text() const {
  switch (mode()) {
    case Mode::unavailable:
      return words(UiText::no_speaker);
    case Mode::no_source:
      return m_empty_text ? *m_empty_text : words(UiText::no_narration);
    case Mode::ready:
      break;
  }
  const Speaker& speaker = *m_context.speaker;
  const auto state = shown_state();
  std::string text;
  if (state == Speaker::State::stopped) {
    return words(m_source->recorded ? UiText::recorded : UiText::synthetic_voice);
  }
  text = words(state == Speaker::State::playing ? UiText::playing : UiText::paused);
  if (speaker.duration() > std::chrono::milliseconds{0}) {
    text += " " + clock(speaker.position()) + " / " + clock(speaker.duration());
  }
  return text;
}

ListenBar::Widths ListenBar::widths(Measurer& measurer) const {
  const Theme& t = m_theme;
  const TextStyle style = t.button();
  auto label = [&](UiText key) {
    return measurer.measure_text(ui_text(key, m_context.language), style, 0).width;
  };
  // Icon, gap and padding as the controls draw them.
  const int chrome = t.mm(8.0 + 2.5 + 8.0);
  Widths w;
  w.play = std::max(
      t.mm(50.0),
      std::max({label(UiText::listen), label(UiText::pause), label(UiText::resume)}) + chrome);
  w.stop = std::max(t.mm(36.0), label(UiText::stop) + chrome);
  w.volume_button =
      std::max(t.mm(28.0), std::max(label(UiText::quieter), label(UiText::louder)) + chrome);
  w.meter = t.mm(24.0);
  return w;
}

int ListenBar::height_for(int width, Measurer& measurer) const {
  const Theme& t = m_theme;
  const int row = t.target_px() + 2 * t.gap_px();
  // Without a source the buttons are still laid out: a source given later (a row tapped on the
  // hear-again screen) shows them without moving anything.
  if (mode() == Mode::unavailable) return row;
  const Widths w = widths(measurer);
  const int space = t.gap_px() * 2;
  const int one_row =
      2 * t.margin_px() + w.play + w.stop + 2 * w.volume_button + w.meter + 4 * space;
  return one_row <= width ? row : 2 * t.target_px() + 3 * t.gap_px();
}

void ListenBar::layout(const Rect& rect, Measurer& measurer) {
  m_rect = rect;
  const Theme& t = m_theme;
  const int gap = t.gap_px();
  const int space = gap * 2;
  const int h = t.target_px();
  const int margin = t.margin_px();
  m_message = {rect.x + margin, rect.y, rect.width - 2 * margin, rect.height};
  if (mode() == Mode::unavailable) {
    for (Control* c : {&m_play, &m_stop, &m_quieter, &m_louder}) c->rect = {};
    m_meter = {};
    return;
  }
  const Widths w = widths(measurer);
  const bool two_rows = rect.height >= 2 * h + 2 * gap;
  const int y1 = rect.y + (two_rows ? gap : (rect.height - h) / 2);
  m_play.rect = {rect.x + margin, y1, w.play, h};
  m_stop.rect = {m_play.rect.right() + space, y1, w.stop, h};
  const int y2 = two_rows ? y1 + h + gap : y1;
  const int volume_w = 2 * w.volume_button + w.meter + 2 * space;
  const int volume_x = two_rows ? rect.x + margin : rect.right() - margin - volume_w;
  m_quieter.rect = {volume_x, y2, w.volume_button, h};
  m_meter = {m_quieter.rect.right() + space, y2, w.meter, h};
  m_louder.rect = {m_meter.right() + space, y2, w.volume_button, h};
  const int status_x = m_stop.rect.right() + space;
  const int status_right = two_rows ? rect.right() - margin : m_quieter.rect.x - space;
  m_status = {status_x, y1, std::max(0, status_right - status_x), h};
}

bool ListenBar::enabled(const Control& control) const {
  if (mode() != Mode::ready) return false;
  if (&control == &m_stop) return shown_state() != Speaker::State::stopped;
  const float volume = m_context.speaker->volume();
  if (&control == &m_quieter) return volume > kMinVolume + 0.01f;
  if (&control == &m_louder) return volume < 1.0f - 0.01f;
  return true;
}

bool ListenBar::play(const ListenSource& source) {
  m_source = source;
  if (mode() != Mode::ready) return false;
  if (!m_context.speaker->play(source.file, source.subject)) return false;
  if (m_context.listened) m_context.listened(source.subject);
  return true;
}

void ListenBar::toggle_play() {
  switch (shown_state()) {
    case Speaker::State::playing:
      m_context.speaker->pause();
      break;
    case Speaker::State::paused:
      m_context.speaker->resume();
      break;
    case Speaker::State::stopped:
      (void)play(*m_source);
      break;
  }
}

void ListenBar::activate(const Control& control) {
  Speaker& speaker = *m_context.speaker;
  if (&control == &m_play) {
    toggle_play();
  } else if (&control == &m_stop) {
    speaker.stop();
  } else {
    const float steps = std::round(speaker.volume() / kVolumeStep);
    const float next = (steps + (&control == &m_louder ? 1.0f : -1.0f)) * kVolumeStep;
    speaker.set_volume(std::clamp(next, kMinVolume, 1.0f));
  }
}

bool ListenBar::input(const Action& action) {
  if (mode() != Mode::ready) return false;
  bool consumed = false;
  for (Control* control : {&m_play, &m_stop, &m_quieter, &m_louder}) {
    consumed = offer_tap(control->tap, action, control->rect, enabled(*control),
                         [&] { activate(*control); }) ||
               consumed;
  }
  return consumed;
}

void ListenBar::render_control(Painter& painter, const Control& control, const std::string& label,
                               Glyph glyph) const {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  const bool on = enabled(control);
  Color bg = on ? (control.tap.pressed() ? p.accent_pressed : p.accent) : p.disabled;
  const Color fg = on ? p.accent_text : p.disabled_text;
  if (on) {
    painter.fill_rounded_rect(control.rect, t.radius_px(), fg);
    painter.fill_rounded_rect(control.rect.inset(t.mm(0.6)), t.radius_px(), bg);
    painter.touch_target(control.rect);
  } else {
    painter.fill_rounded_rect(control.rect, t.radius_px(), bg);
  }
  TextStyle style = t.button();
  style.color = fg;
  const int icon = t.mm(8.0);
  const int gap = t.mm(2.5);
  const Size ls = painter.measure_text(label, style, 0);
  const int left = control.rect.x + (control.rect.width - icon - gap - ls.width) / 2;
  const Rect box{left, control.rect.y + (control.rect.height - icon) / 2, icon, icon};
  const int thick = std::max(3, icon / 5);
  switch (glyph) {
    case Glyph::play:
    case Glyph::pause:
      draw_play_symbol(painter, box, glyph == Glyph::pause, fg);
      break;
    case Glyph::stop:
      painter.fill_rect(box.inset(icon / 8), fg);
      break;
    case Glyph::plus:
      painter.fill_rect({box.x + (icon - thick) / 2, box.y, thick, icon}, fg);
      [[fallthrough]];
    case Glyph::minus:
      painter.fill_rect({box.x, box.y + (icon - thick) / 2, icon, thick}, fg);
      break;
  }
  painter.text({left + icon + gap, control.rect.y + (control.rect.height - ls.height) / 2}, label,
               style, 0);
}

void ListenBar::render_meter(Painter& painter) const {
  const Palette& p = m_theme.palette();
  const int lit = static_cast<int>(std::lround(m_context.speaker->volume() / kVolumeStep));
  const int space = std::max(2, m_theme.mm(1.5));
  const int bar_w = (m_meter.width - (kVolumeSteps - 1) * space) / kVolumeSteps;
  for (int i = 0; i < kVolumeSteps; ++i) {
    const int bar_h = m_meter.height * (i + 2) / (kVolumeSteps + 2);
    const Rect bar{m_meter.x + i * (bar_w + space), m_meter.bottom() - bar_h, bar_w, bar_h};
    painter.fill_rect(bar, i < lit ? p.accent : p.border);
  }
}

void ListenBar::render(Painter& painter) const {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  painter.fill_rect(m_rect, p.surface);
  painter.fill_rect({m_rect.x, m_rect.y, m_rect.width, std::max(2, t.mm(0.5))}, p.border);
  TextStyle status = t.body();
  if (mode() != Mode::ready) {
    const Size s = painter.measure_text(status_text(), status, m_message.width);
    painter.text({m_message.x, m_message.y + (m_message.height - s.height) / 2}, status_text(),
                 status, m_message.width);
    return;
  }
  const bool pause = shown_state() == Speaker::State::playing;
  render_control(painter, m_play, play_label(), pause ? Glyph::pause : Glyph::play);
  render_control(painter, m_stop, words(UiText::stop), Glyph::stop);
  render_control(painter, m_quieter, words(UiText::quieter), Glyph::minus);
  render_control(painter, m_louder, words(UiText::louder), Glyph::plus);
  render_meter(painter);
  const std::string text = status_text();
  const Size s = painter.measure_text(text, status, 0);
  if (s.width <= m_status.width) {
    painter.text({m_status.x, m_status.y + (m_status.height - s.height) / 2}, text, status, 0);
  }
}

}  // namespace tinxa::kiosk::ui
