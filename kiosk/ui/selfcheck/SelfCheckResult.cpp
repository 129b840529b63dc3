#include "kiosk/ui/selfcheck/SelfCheckResult.hpp"

#include "content/eligibility/Eligibility.hpp"
#include "kiosk/ui/QrCode.hpp"
#include "kiosk/ui/UiText.hpp"
#include "kiosk/ui/selfcheck/IncomeBands.hpp"

#include <algorithm>
#include <cmath>

namespace tinxa::kiosk::ui::selfcheck {

namespace {

// "hộ cận nghèo" -> "Hộ cận nghèo" (every category name starts with an ASCII letter, in Vietnamese
// and in English).
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string basis_line(const content::LegalBasis& b, std::string_view language) {
  return b.article.empty() ? ui_format(UiText::article_unverified, language, {b.document})
                           : b.document + ", " + b.article;
}

std::string role_words(content::StandardRole role, std::string_view language) {
  switch (role) {
    case content::StandardRole::applies:
      return "";
    case content::StandardRole::provincial_uncertain:
      return std::string(ui_text(UiText::role_uncertain, language));
    case content::StandardRole::national_if_lapsed:
      return std::string(ui_text(UiText::role_lapsed, language));
  }
  return "";
}

std::string possible_words(const content::StandardOutcome& o, std::string_view language) {
  std::string out;
  for (std::size_t i = 0; i < o.possible.size(); ++i) {
    if (i > 0) out += i + 1 == o.possible.size() ? ui_text(UiText::list_or, language) : ", ";
    out += content::category_name(o.possible[i]).get(language);
  }
  return out;
}

}  // namespace

SelfCheckResult::SelfCheckResult(const Theme& theme, Navigator& navigator,
                                 content::EligibilityResult result, const content::Bundle* bundle,
                                 std::function<void()> restart, std::string language)
    : DocumentScreen(theme, navigator),
      m_result(std::move(result)),
      m_bundle(bundle),
      m_restart(std::move(restart)),
      m_language(std::move(language)) {
  set_controls_language(m_language);
  auto add_page = [&](const std::string& id) {
    if (std::find(m_pages.begin(), m_pages.end(), id) == m_pages.end()) m_pages.push_back(id);
  };
  // The policies of every category the household may be in, most likely standard first.
  for (const auto& o : m_result.outcomes) {
    for (const auto category : o.possible) {
      for (const auto& ref : content::policies_for(*o.standard, category)) add_page(ref.page);
    }
  }
  for (const auto& o : m_result.outcomes) {
    for (const auto& id : o.standard->where_to_apply_pages) add_page(id);
  }
}

std::string SelfCheckResult::headline() const {
  if (m_result.category) {
    return capitalised(content::category_name(*m_result.category).get(m_language));
  }
  return std::string(ui_text(UiText::undecided, m_language));
}

void SelfCheckResult::build(DisplayList& list, int width, Measurer& measurer) {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  const int reading = std::min(width, t.mm(300.0));
  const int gap = t.gap_px();
  int y = t.mm(3.0);
  m_targets.clear();
  auto text = [&](const std::string& s, const TextStyle& style, int x, int w) {
    const Size size = measurer.measure_text(s, style, w);
    list.add_text({x, y, size.width, size.height}, s, style, w);
    return size.height;
  };
  auto paragraph = [&](const std::string& s, const TextStyle& style, int after) {
    y += text(s, style, 0, reading) + after;
  };
  const std::string& lang = m_language;
  const std::string_view money = ui_language(lang);  // "2.500.000 đồng" or "VND 2,500,000"
  auto words = [&](UiText key) { return std::string(ui_text(key, lang)); };
  // A box with a thick left edge, in the colours of the page notices.
  auto notice = [&](const std::string& s, Color background, Color stripe) {
    const int pad = t.mm(3.0);
    const int edge = t.mm(2.0);
    const int inner = reading - 2 * pad - edge;
    const Size size = measurer.measure_text(s, t.body(), inner);
    const int h = size.height + 2 * pad;
    list.add_rect({0, y, reading, h}, background);
    list.add_rect({0, y, edge, h}, stripe);
    list.add_text({edge + pad, y + pad, size.width, size.height}, s, t.body(), inner);
    y += h + gap;
  };
  auto link_row = [&](const std::string& title, const std::string& note, const std::string& target,
                      bool accent) {
    const int pad = t.mm(3.0);
    const int border = std::max(2, t.mm(0.6));
    TextStyle title_style = t.body_bold();
    TextStyle note_style = t.small();
    if (accent) {
      title_style.color = p.accent_text;
      note_style.color = p.accent_text;
    }
    const int inner = reading - 2 * pad - t.mm(8.0);
    const Size ts = measurer.measure_text(title, title_style, inner);
    const Size ns = note.empty() ? Size{} : measurer.measure_text(note, note_style, inner);
    const int content_h = ts.height + (note.empty() ? 0 : t.mm(1.0) + ns.height);
    const int h = std::max(t.target_px(), content_h + 2 * pad);
    const Rect row{0, y, reading, h};
    const int link = list.add_link(row);
    m_targets.push_back(target);
    list.add_rounded_rect(row, t.radius_px(), accent ? p.accent_text : p.border);
    list.add_rounded_rect(row.inset(border), t.radius_px(), accent ? p.accent : p.surface, link);
    const int top = y + (h - content_h) / 2;
    list.add_text({pad, top, ts.width, ts.height}, title, title_style, inner);
    if (!note.empty()) {
      list.add_text({pad, top + ts.height + t.mm(1.0), ns.width, ns.height}, note, note_style,
                    inner);
    }
    TextStyle arrow = t.title();
    arrow.color = title_style.color;
    const Size as = measurer.measure_text("›", arrow, 0);
    list.add_text({reading - pad - as.width, y + (h - as.height) / 2, as.width, as.height}, "›",
                  arrow, 0);
    y += h + gap;
  };

  TextStyle label = t.body_bold();
  label.color = p.muted_text;
  paragraph(words(UiText::result_label), label, t.mm(1.5));
  TextStyle big = t.title();
  big.size_px = t.title().size_px * 3 / 2;
  paragraph(headline(), big, gap);
  if (!m_result.category || m_result.outcomes.size() > 1) {
    for (const auto& o : m_result.outcomes) {
      paragraph(ui_format(UiText::under_standard, lang,
                          {o.standard->title.get(lang), role_words(o.role, lang),
                           possible_words(o, lang)}),
                t.body(), t.mm(1.5));
    }
    y += gap;
  }
  if (!m_result.caveats.empty()) {
    notice(m_result.caveats.front().text.get(lang), p.info_background, p.accent);
  }

  const auto& first = m_result.outcomes.front();
  paragraph(ui_format(UiText::standard_used, lang,
                      {first.standard->title.get(lang),
                       basis_line(first.standard->classification_basis, lang)}),
            t.body(), t.mm(1.5));
  for (std::size_t i = 1; i < m_result.outcomes.size(); ++i) {
    const auto& o = m_result.outcomes[i];
    paragraph(ui_format(UiText::also_standard, lang,
                        {o.standard->title.get(lang),
                         basis_line(o.standard->classification_basis, lang)}),
              t.body(), t.mm(1.5));
  }
  // The range the resident chose (a band), or the one amount typed.
  const std::string income =
      per_person_range_text(m_result.per_person_low, m_result.per_person_high, lang);
  paragraph(ui_format(UiText::per_person_income, lang, {income, std::to_string(m_result.members)}),
            t.body_bold(), t.mm(1.5));
  for (const auto& o : m_result.outcomes) {
    paragraph(ui_format(UiText::poverty_line, lang,
                        {o.standard->title.get(lang), content::format_vnd(o.poverty_line, money)}),
              t.body(), t.mm(1.5));
  }
  y += gap;

  paragraph(ui_format(UiText::deprived_heading, lang, {std::to_string(first.deprived)}),
            t.heading(), t.mm(2.0));
  bool any = false;
  for (const auto& f : first.indicators) {
    if (f.state != content::IndicatorState::deprived) continue;
    any = true;
    std::string line = "• " + f.indicator->name.get(lang);
    if (f.indicator->status == content::FactStatus::unverified) {
      line += words(UiText::criterion_unverified);
    }
    paragraph(line, t.body(), t.mm(1.5));
  }
  if (!any) paragraph(words(UiText::no_deprivation), t.body(), t.mm(1.5));
  y += gap;

  for (std::size_t i = 1; i < m_result.caveats.size(); ++i) {
    notice(m_result.caveats[i].text.get(lang), p.unverified_background, p.unverified_stripe);
  }

  if (!m_pages.empty()) {
    y += gap;
    paragraph(words(UiText::support_pages), t.heading(), t.mm(2.0));
  }
  // The note a standard gives a policy page (the first outcome that lists it).
  auto note_for = [&](const std::string& id) -> std::string {
    for (const auto& o : m_result.outcomes) {
      for (const auto category : o.possible) {
        for (const auto& ref : content::policies_for(*o.standard, category)) {
          if (ref.page == id && !ref.note.empty()) return ref.note.get(lang);
        }
      }
    }
    return {};
  };
  m_qr_text = ui_format(UiText::qr_summary, lang, {headline()});
  for (const auto& id : m_pages) {
    const content::Page* page = m_bundle == nullptr ? nullptr : m_bundle->find_page(id);
    if (page == nullptr) continue;
    link_row(page->title.get(lang), note_for(id), id, false);
    m_qr_text += "\n- " + page->title.get(lang);
    if (!page->link.empty()) m_qr_text += " " + page->link;
  }
  if (!first.standard->where_to_apply.empty()) {
    paragraph(first.standard->where_to_apply.get(lang), t.body(), gap);
    m_qr_text += "\n" + first.standard->where_to_apply.get(lang);
  }

  if (const auto code = encode_qr(m_qr_text)) {
    const Color white{255, 255, 255, 255};
    const Color black{0, 0, 0, 255};
    const int module = std::max(2, static_cast<int>(std::ceil(t.metrics().px_per_mm * 1.2)));
    const int side = (code->size + 2 * QrMatrix::kQuietZone) * module;
    y += gap;
    const Rect quiet{0, y, side, side};
    list.add_rect(quiet, white);
    for (int qy = 0; qy < code->size; ++qy) {
      for (int qx = 0; qx < code->size; ++qx) {
        if (!code->at(qx, qy)) continue;
        list.add_rect({quiet.x + (QrMatrix::kQuietZone + qx) * module,
                       quiet.y + (QrMatrix::kQuietZone + qy) * module, module, module},
                      black);
      }
    }
    const int cx = side + gap * 2;
    const int cw = std::max(t.mm(40.0), reading - cx);
    int cy = y + t.mm(2.0);
    const std::string caption = words(UiText::qr_caption);
    const Size s1 = measurer.measure_text(caption, t.body_bold(), cw);
    list.add_text({cx, cy, s1.width, s1.height}, caption, t.body_bold(), cw);
    cy += s1.height + t.mm(1.0);
    const std::string note = words(UiText::answers_not_kept);
    const Size s2 = measurer.measure_text(note, t.small(), cw);
    list.add_text({cx, cy, s2.width, s2.height}, note, t.small(), cw);
    y += side + gap * 2;
  } else {
    m_qr_text.clear();
  }
  link_row(words(UiText::restart), "", "", true);
  y += t.mm(4.0);
  list.add_rect({0, y, 1, 1}, p.background);
}

void SelfCheckResult::activate_link(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= m_targets.size()) return;
  const std::string& target = m_targets[static_cast<std::size_t>(index)];
  if (target.empty()) {
    if (m_restart) m_restart();
  } else {
    m_navigator.open_page(target);
  }
}

}  // namespace tinxa::kiosk::ui::selfcheck
