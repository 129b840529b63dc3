#include "kiosk/ui/SearchScreen.hpp"

#include "content/text/Fold.hpp"
#include "kiosk/ui/KeyGrid.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace tinxa::kiosk::ui {
namespace {

constexpr int kColumns = 10;

int code_points(std::string_view s) {
  return static_cast<int>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u; }));
}

}  // namespace

SearchScreen::SearchScreen(const Theme& theme, Navigator& navigator,
                           std::vector<const content::Page*> pages, std::string language)
    : m_theme(theme),
      m_navigator(navigator),
      m_language(std::move(language)),
      m_index(pages),
      m_scroller(theme) {
  m_scroller.set_language(m_language);
  using K = Key::Kind;
  const std::array<const char*, 29> letters{"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g",
                                            "h", "i", "k", "l", "m", "n", "o", "ô", "ơ", "p",
                                            "q", "r", "s", "t", "u", "ư", "v", "x", "y"};
  for (const char* l : letters) m_keys.push_back({K::letter, l, Tone::none, {}, {}});
  m_keys.push_back({K::erase, words(UiText::key_erase), Tone::none, {}, {}});
  const std::array<std::pair<const char*, Tone>, 5> tones{{{"à", Tone::grave},
                                                           {"á", Tone::acute},
                                                           {"ả", Tone::hook},
                                                           {"ã", Tone::tilde},
                                                           {"ạ", Tone::dot}}};
  for (const auto& [label, tone] : tones) m_keys.push_back({K::tone, label, tone, {}, {}});
  m_keys.push_back({K::space, words(UiText::key_space), Tone::none, {}, {}});
  m_keys.push_back({K::clear, words(UiText::key_clear), Tone::none, {}, {}});
  set_query({});
}

std::string SearchScreen::words(UiText key) const { return std::string(ui_text(key, m_language)); }

void SearchScreen::set_query(std::string query) {
  const bool changed = query != m_query;
  m_query = std::move(query);
  m_hits = m_index.find(m_query);
  if (m_measurer == nullptr) return;
  // A new text is a new list: it starts at its best result.
  if (changed) m_scroller.jump_to(0.0);
  layout_results();
}

std::string SearchScreen::unanswered_query() const {
  if (!m_hits.empty()) return {};
  try {
    return content::fold_for_search(m_query);
  } catch (const std::invalid_argument&) {
    return {};
  }
}

void SearchScreen::layout(const Rect& area, Measurer& measurer) {
  m_area = area;
  m_measurer = &measurer;
  const Theme& t = m_theme;
  const int margin = t.margin_px();
  const int gap = t.gap_px();
  const int inner_w = area.width - 2 * margin;

  // The keyboard: ten columns, four rows, at the bottom, centred; keys no wider than 26 mm.
  const int key_w = std::min(t.mm(26.0), (inner_w - (kColumns - 1) * gap) / kColumns);
  const int key_h = t.target_px();
  const int kb_w = kColumns * key_w + (kColumns - 1) * gap;
  const int kb_h = 4 * key_h + 3 * gap;
  const int kb_x = area.x + (area.width - kb_w) / 2;
  const int kb_y = area.bottom() - gap - kb_h;
  auto cell = [&](int row, int col, int span) {
    return grid_cell({kb_x, kb_y}, {key_w, key_h}, gap, col, row, span);
  };
  std::size_t i = 0;
  for (int n = 0; n < 30; ++n, ++i) m_keys[i].rect = cell(n / kColumns, n % kColumns, 1);
  m_tone_caption = cell(3, 0, 1);
  for (int n = 0; n < 5; ++n, ++i) m_keys[i].rect = cell(3, 1 + n, 1);
  m_keys[i++].rect = cell(3, 6, 2);
  m_keys[i++].rect = cell(3, 8, 2);

  m_field = {area.x + margin, area.y + gap, inner_w, key_h};
  m_results = {area.x + margin, m_field.bottom() + gap, inner_w,
               kb_y - gap - (m_field.bottom() + gap)};
  layout_results();
}

void SearchScreen::layout_results() {
  const int gap = m_theme.gap_px();
  const int column = Scroller::column_width(m_theme);
  const double fraction = m_scroller.fraction();
  int height = lay_out_list(m_results.width);
  const bool fits = height <= m_results.height;
  // The Up/Down column only when there is more to see, where the page screen has it (the right
  // edge, a margin from the text), from the top of the list to above the keyboard.
  if (!fits) height = lay_out_list(m_results.width - column - m_theme.margin_px());
  m_viewport = {m_results.x, m_results.y,
                fits ? m_results.width : m_results.width - column - m_theme.margin_px(),
                m_results.height};
  m_scroller.layout_column({m_results.right() - column, m_results.y, column, m_results.height});
  m_scroller.set_extent(fits ? 0 : height + gap - m_results.height, m_results.height);
  m_scroller.jump_to(fraction * m_scroller.max_offset());
}

int SearchScreen::lay_out_list(int width) {
  const Theme& t = m_theme;
  Measurer& measurer = *m_measurer;
  const int gap = t.gap_px();
  const int pad = t.mm(3.0);
  m_rows.clear();
  m_hint.clear();
  const bool none = m_query.empty() || m_hits.empty();
  if (none) {
    m_message = m_query.empty() ? words(UiText::search_start)
                                : ui_format(UiText::search_not_found, m_language, {m_query});
    m_hint = words(m_query.empty() ? UiText::search_no_accents : UiText::search_try_fewer);
  } else {
    m_message = ui_format(UiText::search_found, m_language, {std::to_string(m_hits.size())});
  }
  m_message_style = !m_query.empty() && m_hits.empty() ? t.heading() : t.body();
  int y = measurer.measure_text(m_message, m_message_style, width).height + t.mm(2.0);
  if (!none) {
    const TextStyle title = t.tile_title();
    const int text_w = width - 2 * pad - t.mm(10.0);
    const std::size_t shown = std::min(m_hits.size(), kMaxRows);
    for (std::size_t k = 0; k < shown; ++k) {
      const int title_h =
          measurer.measure_text(m_hits[k].page->title.get(m_language), title, text_w).height;
      const int row_h = std::max(t.target_px(), title_h + 2 * pad);
      m_rows.push_back({m_hits[k].page, {0, y, width, row_h}, {}});
      y += row_h + gap;
    }
    if (shown < m_hits.size()) {
      m_hint = ui_format(UiText::search_more, m_language, {std::to_string(m_hits.size() - shown)});
    }
  }
  m_hint_y = y;
  if (!m_hint.empty()) y += measurer.measure_text(m_hint, t.body(), width).height;
  return y;
}

Rect SearchScreen::on_screen(const Row& row) const noexcept {
  return row.rect.translated(m_viewport.x, m_viewport.y - m_scroller.offset());
}

Rect SearchScreen::touch_rect(const Row& row) const noexcept {
  const Rect shown = on_screen(row).intersection(m_viewport);
  if (m_theme.to_mm(shown.height) < Theme::kMinTargetMm) return {};
  return shown;
}

void SearchScreen::update(std::chrono::milliseconds dt) { m_scroller.update(dt); }

bool SearchScreen::animating() const { return m_scroller.animating(); }

bool SearchScreen::input(const Action& action) {
  if (action.kind == ActionKind::text) {
    std::string q = m_query;
    try {
      std::size_t pos = 0;
      const std::string& s = action.text;
      while (pos < s.size()) {
        // One code point at a time through Telex; SDL sends UTF-8.
        const auto lead = static_cast<unsigned char>(s[pos]);
        const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const std::string one = s.substr(pos, n);
        pos += n;
        if (n == 1) {
          q = telex_type(q, static_cast<char32_t>(lead));
        } else {
          q = type_letter(q, one);
        }
      }
    } catch (const std::invalid_argument&) {
      return true;  // not UTF-8: ignored
    }
    if (static_cast<std::size_t>(code_points(q)) <= kMaxLength) set_query(std::move(q));
    return true;
  }
  if (action.kind == ActionKind::erase) {
    if (m_query.empty()) return false;
    set_query(erase_last(m_query));
    return true;
  }
  if (action.kind == ActionKind::scroll_up || action.kind == ActionKind::scroll_down) {
    if (m_scroller.overflows()) m_scroller.step(action.kind == ActionKind::scroll_up ? -1 : +1);
    return true;
  }
  // Whether this finger scrolls the list is decided where it went down.
  if (action.kind == ActionKind::press) m_list_pressed = m_viewport.contains(action.at);
  if (m_scroller.overflows() && m_scroller.input_buttons(action)) return true;
  const bool typed = offer_taps(m_keys, action, [this](const Key& key) {
    std::string q = m_query;
    switch (key.kind) {
      case Key::Kind::letter:
        q = type_letter(q, key.label);
        break;
      case Key::Kind::tone:
        q = apply_tone(q, key.tone);
        break;
      case Key::Kind::erase:
        q = erase_last(q);
        break;
      case Key::Kind::space:
        if (!q.empty() && q.back() != ' ') q += ' ';
        break;
      case Key::Kind::clear:
        q.clear();
        break;
    }
    if (static_cast<std::size_t>(code_points(q)) <= kMaxLength) set_query(std::move(q));
  });
  // Rows may have been rebuilt by the key above; their taps only matter when no key took it.
  if (typed) return true;
  // The list: a drag that started on it scrolls it (a finger that went down on the keyboard
  // scrolls nothing); a tap on a row opens it.
  bool consumed = false;
  switch (action.kind) {
    case ActionKind::press:
      if (m_list_pressed) m_scroller.press();
      consumed = m_list_pressed;
      break;
    case ActionKind::drag:
      if (m_list_pressed) m_scroller.drag(action.delta.y);
      consumed = m_list_pressed;
      break;
    case ActionKind::drag_end:
      if (m_list_pressed) m_scroller.fling(action.velocity_y);
      consumed = m_list_pressed;
      m_list_pressed = false;
      break;
    case ActionKind::tap:
      m_list_pressed = false;
      break;
    default:
      break;
  }
  for (Row& row : m_rows) {
    consumed = offer_tap(row.tap, action, touch_rect(row), true,
                         [&] { m_navigator.open_page(row.page->id); }) ||
               consumed;
  }
  return consumed;
}

void SearchScreen::render(Painter& painter) const {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  painter.fill_rect(m_area, p.background);

  // The box with the typed text and a cursor; a long text shows its end.
  const int border = std::max(2, t.mm(0.6));
  painter.fill_rounded_rect(m_field, t.radius_px(), p.text);
  painter.fill_rounded_rect(m_field.inset(border), t.radius_px(), p.surface);
  const int icon = t.mm(10.0);
  const int pad = t.mm(3.0);
  draw_icon(painter, Icon::search,
            {m_field.x + pad, m_field.y + (m_field.height - icon) / 2, icon, icon}, p.text,
            p.surface);
  const Rect text_box{m_field.x + pad * 2 + icon, m_field.y, m_field.width - pad * 3 - icon,
                      m_field.height};
  {
    ClipScope clip(painter, text_box);
    const TextStyle style = t.title();
    if (m_query.empty()) {
      TextStyle placeholder = t.body();
      placeholder.color = p.muted_text;
      const std::string prompt = words(UiText::search_prompt);
      const Size s = painter.measure_text(prompt, placeholder, 0);
      painter.text({text_box.x + t.mm(2.0), text_box.y + (text_box.height - s.height) / 2}, prompt,
                   placeholder, 0);
    }
    const Size s = painter.measure_text(m_query, style, 0);
    const int cursor_w = std::max(3, t.mm(0.8));
    const int x = std::min(text_box.x, text_box.right() - s.width - cursor_w * 3);
    const int y = text_box.y + (text_box.height - s.height) / 2;
    if (!m_query.empty()) painter.text({x, y}, m_query, style, 0);
    painter.fill_rect(
        {x + s.width + cursor_w, text_box.y + t.mm(3.0), cursor_w, text_box.height - t.mm(6.0)},
        p.text);
  }

  // The results, or why there are none, scrolled in their window.
  {
    ClipScope results_clip(painter, m_viewport);
    const int top = m_viewport.y - m_scroller.offset();
    const int width = m_viewport.width;
    painter.text({m_viewport.x, top}, m_message, m_message_style, width);
    const int row_pad = t.mm(3.0);
    const int text_w = width - 2 * row_pad - t.mm(10.0);
    for (const Row& row : m_rows) {
      const Rect r = on_screen(row);
      if (!r.intersects(m_viewport)) continue;
      painter.fill_rounded_rect(r, t.radius_px(), p.border);
      painter.fill_rounded_rect(r.inset(std::max(2, t.mm(0.5))), t.radius_px(),
                                row.tap.pressed() ? p.surface_pressed : p.surface);
      if (const Rect touch = touch_rect(row); !touch.empty()) painter.touch_target(touch);
      const TextStyle title = t.tile_title();
      const std::string& heading = row.page->title.get(m_language);
      const Size ts = painter.measure_text(heading, title, text_w);
      painter.text({r.x + row_pad, r.y + (r.height - ts.height) / 2}, heading, title, text_w);
      TextStyle arrow = t.title();
      const Size as = painter.measure_text("›", arrow, 0);
      painter.text({r.right() - row_pad - as.width, r.y + (r.height - as.height) / 2}, "›", arrow,
                   0);
    }
    if (!m_hint.empty()) {
      TextStyle hint = t.body();
      hint.color = p.muted_text;
      painter.text({m_viewport.x, top + m_hint_y}, m_hint, hint, width);
    }
  }
  if (m_scroller.overflows()) m_scroller.render_column(painter);

  // The keyboard.
  TextStyle caption = t.small();
  caption.weight = FontWeight::bold;
  const std::string tones = words(UiText::tone_caption);
  const Size cs = painter.measure_text(tones, caption, 0);
  painter.text({m_tone_caption.x + (m_tone_caption.width - cs.width) / 2,
                m_tone_caption.y + (m_tone_caption.height - cs.height) / 2},
               tones, caption, 0);
  for (const Key& key : m_keys) {
    const KeyLook look = key.kind == Key::Kind::letter ? KeyLook::plain
                         : key.kind == Key::Kind::tone ? KeyLook::tinted
                                                       : KeyLook::accent;
    draw_key(painter, t, key.rect, key.label, look, key.tap.pressed(), look != KeyLook::accent);
  }
}

}  // namespace tinxa::kiosk::ui
