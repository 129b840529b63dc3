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
    : m_theme(theme), m_navigator(navigator), m_language(std::move(language)), m_index(pages) {
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
  m_query = std::move(query);
  m_hits = m_index.find(m_query);
  if (m_measurer != nullptr) layout_results();
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
  const Theme& t = m_theme;
  Measurer& measurer = *m_measurer;
  const int gap = t.gap_px();
  const int pad = t.mm(3.0);
  m_rows.clear();
  m_hint.clear();
  if (m_query.empty() || m_hits.empty()) {
    m_message = m_query.empty() ? words(UiText::search_start)
                                : ui_format(UiText::search_not_found, m_language, {m_query});
    m_hint = words(m_query.empty() ? UiText::search_no_accents : UiText::search_try_fewer);
    return;
  }
  m_message = ui_format(UiText::search_found, m_language, {std::to_string(m_hits.size())});
  const int message_h = measurer.measure_text(m_message, t.body(), m_results.width).height;
  int y = m_results.y + message_h + t.mm(2.0);
  const TextStyle title = t.tile_title();
  const int text_w = m_results.width - 2 * pad - t.mm(10.0);
  const std::string more_probe = ui_format(UiText::search_more, m_language, {"999"});
  const int more_h = measurer.measure_text(more_probe, t.body(), m_results.width).height;
  for (std::size_t k = 0; k < m_hits.size(); ++k) {
    const int title_h =
        measurer.measure_text(m_hits[k].page->title.get(m_language), title, text_w).height;
    const int row_h = std::max(t.target_px(), title_h + 2 * pad);
    const bool last = k + 1 == m_hits.size();
    const int needed = row_h + (last ? 0 : gap + more_h);
    if (y + needed > m_results.bottom()) break;
    m_rows.push_back({m_hits[k].page, {m_results.x, y, m_results.width, row_h}, {}});
    y += row_h + gap;
  }
  if (m_rows.size() < m_hits.size()) {
    m_hint =
        ui_format(UiText::search_more, m_language, {std::to_string(m_hits.size() - m_rows.size())});
  }
}

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
  return offer_taps(m_rows, action,
                    [this](const Row& row) { m_navigator.open_page(row.page->id); });
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

  // The results, or why there are none (clipped: at large text a long hint must not run into
  // the keyboard).
  {
    ClipScope results_clip(painter, m_results);
    TextStyle message = t.body();
    if (!m_query.empty() && m_hits.empty()) message = t.heading();
    int y = m_results.y;
    y += painter.text({m_results.x, y}, m_message, message, m_results.width).height + t.mm(2.0);
    const int row_pad = t.mm(3.0);
    const int text_w = m_results.width - 2 * row_pad - t.mm(10.0);
    for (const Row& row : m_rows) {
      painter.fill_rounded_rect(row.rect, t.radius_px(), p.border);
      painter.fill_rounded_rect(row.rect.inset(std::max(2, t.mm(0.5))), t.radius_px(),
                                row.tap.pressed() ? p.surface_pressed : p.surface);
      painter.touch_target(row.rect);
      const TextStyle title = t.tile_title();
      const std::string& heading = row.page->title.get(m_language);
      const Size ts = painter.measure_text(heading, title, text_w);
      painter.text({row.rect.x + row_pad, row.rect.y + (row.rect.height - ts.height) / 2}, heading,
                   title, text_w);
      TextStyle arrow = t.title();
      const Size as = painter.measure_text("›", arrow, 0);
      painter.text(
          {row.rect.right() - row_pad - as.width, row.rect.y + (row.rect.height - as.height) / 2},
          "›", arrow, 0);
      y = row.rect.bottom() + t.gap_px();
    }
    if (!m_hint.empty()) {
      TextStyle hint = t.body();
      hint.color = p.muted_text;
      painter.text({m_results.x, y}, m_hint, hint, m_results.width);
    }
  }

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
