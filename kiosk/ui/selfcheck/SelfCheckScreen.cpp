#include "kiosk/ui/selfcheck/SelfCheckScreen.hpp"

#include "content/eligibility/HouseholdQuestions.hpp"
#include "kiosk/ui/selfcheck/IncomeBands.hpp"
#include "kiosk/ui/selfcheck/QuestionPicture.hpp"

#include <algorithm>
#include <cmath>
#include <system_error>

namespace tinxa::kiosk::ui::selfcheck {

namespace {

using Kind = SelfCheckFlow::StepKind;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

SelfCheckScreen::SelfCheckScreen(const Theme& theme, Navigator& navigator, SelfCheckFlow flow,
                                 Sources sources)
    : m_theme(theme),
      m_navigator(navigator),
      m_flow(std::move(flow)),
      m_sources(std::move(sources)),
      m_next(theme, std::string(ui_text(UiText::next, m_sources.language)), Icon::forward,
             Button::Kind::navigation, [this] { m_pending = [this] { go_next(); }; }),
      m_unknown(theme, std::string(ui_text(UiText::unknown, m_sources.language)), Icon::none,
                Button::Kind::toggle,
                [this] { choose([this] { m_flow.set_indicator(content::AnswerUnknown{}); }); }),
      m_per_month(theme, std::string(ui_text(UiText::per_month, m_sources.language)), Icon::none,
                  Button::Kind::toggle,
                  [this] {
                    m_flow.set_income_period(content::IncomePeriod::month);
                    pad_changed();
                  }),
      m_per_year(theme, std::string(ui_text(UiText::per_year, m_sources.language)), Icon::none,
                 Button::Kind::toggle,
                 [this] {
                   m_flow.set_income_period(content::IncomePeriod::year);
                   pad_changed();
                 }),
      m_listen(theme, std::string(ui_text(UiText::listen, m_sources.language)), Icon::none,
               Button::Kind::navigation, [this] { listen(); }),
      m_type_amount(theme, std::string(ui_text(UiText::type_amount, m_sources.language)),
                    Icon::forward, Button::Kind::navigation,
                    [this] {
                      m_pending = [this] {
                        if (m_flow.income_band()) m_flow.clear_current();
                        m_typing = true;
                        rebuild();
                      };
                    }),
      m_bands_question(content::income_bands_question().text.get(m_sources.language)) {
  rebuild();
}

std::string SelfCheckScreen::name() const {
  return m_flow.at_result() ? std::string("self-check:result") : "self-check:" + m_flow.step().id;
}

std::string SelfCheckScreen::words(UiText key) const {
  return std::string(ui_text(key, m_sources.language));
}

const std::string& SelfCheckScreen::question_text() const {
  if (m_layout == Layout::bands) return m_bands_question;
  return m_flow.step().text->get(m_sources.language);
}

std::string SelfCheckScreen::narration_key() const {
  if (m_flow.at_result()) return {};
  if (m_layout == Layout::bands) {
    return content::question_narration_key(content::kHouseholdQuestionOwner,
                                           content::kIncomeBandsQuestion, "vi");
  }
  return m_flow.step().narration_key;
}

std::string SelfCheckScreen::progress_text() const {
  const std::size_t n = m_flow.steps().size();
  return ui_format(UiText::progress, m_sources.language,
                   {std::to_string(std::min(m_flow.position() + 1, n)), std::to_string(n)});
}

std::filesystem::path SelfCheckScreen::narration_file() const {
  if (m_flow.at_result() || m_sources.narrations.empty()) return {};
  const std::string prefix = narration_key() + "-";
  std::error_code ec;
  std::filesystem::directory_iterator it(m_sources.narrations, ec);
  if (ec) return {};
  std::filesystem::path found;
  std::filesystem::file_time_type newest{};
  for (const auto& entry : it) {
    const std::string file = entry.path().filename().string();
    if (!starts_with(file, prefix) || entry.path().extension() != ".ogg") continue;
    // The rest is the 16-digit hash of the voice and the text (NarrationCache::path_for).
    if (file.size() != prefix.size() + 16 + 4) continue;
    const auto time = entry.last_write_time(ec);
    if (found.empty() || (!ec && time > newest)) {
      found = entry.path();
      newest = time;
    }
  }
  return found;
}

void SelfCheckScreen::listen() {
  if (m_sources.speaker == nullptr || m_flow.at_result()) return;
  const auto file = narration_file();
  if (file.empty()) return;
  const std::string subject = m_layout == Layout::bands
                                  ? "question:" + std::string(content::kHouseholdQuestionOwner) +
                                        "." + std::string(content::kIncomeBandsQuestion)
                                  : m_flow.step().subject;
  (void)m_sources.speaker->play(file, subject);
}

bool SelfCheckScreen::show_unknown() const {
  if (m_flow.at_result() || m_flow.step().kind != Kind::indicator) return false;
  const auto k = m_flow.step().indicator->question.kind;
  return k == content::AnswerKind::count || k == content::AnswerKind::area_m2;
}

void SelfCheckScreen::choose(std::function<void()> record) {
  m_pending = [this, record = std::move(record)] {
    record();
    go_next();
  };
}

void SelfCheckScreen::go_next() {
  if (m_flow.next()) rebuild();
}

bool SelfCheckScreen::step_back() {
  if (m_layout == Layout::pad && !m_flow.at_result() && m_flow.step().kind == Kind::income) {
    // From the digit keys back to the bands (an amount typed stays until a band is chosen).
    m_typing = false;
    rebuild();
    return true;
  }
  if (!m_flow.back()) return false;
  rebuild();
  return true;
}

void SelfCheckScreen::rebuild() {
  if (m_sources.speaker != nullptr && starts_with(m_sources.speaker->subject(), "question:")) {
    m_sources.speaker->stop();
  }
  m_answers.clear();
  m_pad.reset();
  m_result.reset();
  if (m_flow.at_result()) {
    m_built_for = static_cast<std::size_t>(-1);
    m_result = std::make_unique<SelfCheckResult>(
        m_theme, m_navigator, m_flow.result(), m_sources.bundle,
        [this] {
          m_pending = [this] {
            m_flow.clear();
            m_counted = false;
            rebuild();
          };
        },
        m_sources.language);
    if (!m_counted) {
      m_counted = true;
      m_navigator.self_check_completed();
    }
    relayout();
    return;
  }
  const SelfCheckFlow::Step& step = m_flow.step();
  auto add = [&](std::string label, bool on, std::function<void()> record) {
    auto button =
        std::make_unique<Button>(m_theme, std::move(label), Icon::none, Button::Kind::toggle,
                                 [this, record] { choose(record); });
    button->set_on(on);
    m_answers.push_back(std::move(button));
  };
  m_layout = Layout::choices;
  if (m_built_for != m_flow.position()) {
    // Arriving at a question: the income shows its digit keys only when an amount was typed.
    m_built_for = m_flow.position();
    m_typing = m_flow.income().has_value();
  }
  switch (step.kind) {
    case Kind::area:
      add(words(UiText::rural), m_flow.area() == content::Area::rural,
          [this] { m_flow.set_area(content::Area::rural); });
      add(words(UiText::urban), m_flow.area() == content::Area::urban,
          [this] { m_flow.set_area(content::Area::urban); });
      break;
    case Kind::members:
      m_layout = Layout::pad;
      m_pad = std::make_unique<DigitPad>(
          m_theme, 3, false, [this] { pad_changed(); }, m_sources.language);
      if (m_flow.members()) m_pad->set_value(*m_flow.members());
      break;
    case Kind::income:
      if (!m_typing) {
        m_layout = Layout::bands;
        for (const IncomeBand& band : m_flow.income_bands()) {
          add(band_label(band, m_sources.language), m_flow.income_band() == band,
              [this, band] { m_flow.set_income_band(band); });
        }
        break;
      }
      m_layout = Layout::pad;
      m_pad = std::make_unique<DigitPad>(
          m_theme, 12, true, [this] { pad_changed(); }, m_sources.language);
      if (m_flow.income()) m_pad->set_value(*m_flow.income());
      break;
    case Kind::indicator: {
      const content::Question& q = step.indicator->question;
      const content::IndicatorAnswer* answer = m_flow.indicator_answer(step.id);
      const bool unknown =
          answer != nullptr && std::holds_alternative<content::AnswerUnknown>(*answer);
      switch (q.kind) {
        case content::AnswerKind::yes_no: {
          const auto* yn = answer == nullptr ? nullptr : std::get_if<content::YesNo>(answer);
          add(words(UiText::yes), yn != nullptr && *yn == content::YesNo::yes,
              [this] { m_flow.set_indicator(content::YesNo::yes); });
          add(words(UiText::no), yn != nullptr && *yn == content::YesNo::no,
              [this] { m_flow.set_indicator(content::YesNo::no); });
          add(words(UiText::unknown), unknown,
              [this] { m_flow.set_indicator(content::AnswerUnknown{}); });
          break;
        }
        case content::AnswerKind::choice: {
          const auto* chosen = answer == nullptr ? nullptr : std::get_if<std::string>(answer);
          for (const auto& option : q.options) {
            add(option.text.get(m_sources.language), chosen != nullptr && *chosen == option.id,
                [this, id = option.id] { m_flow.set_indicator(id); });
          }
          add(words(UiText::unknown), unknown,
              [this] { m_flow.set_indicator(content::AnswerUnknown{}); });
          break;
        }
        case content::AnswerKind::count: {
          m_layout = Layout::pad;
          m_pad = std::make_unique<DigitPad>(
              m_theme, 3, false, [this] { pad_changed(); }, m_sources.language);
          if (const auto* n = answer == nullptr ? nullptr : std::get_if<std::int64_t>(answer)) {
            m_pad->set_value(*n);
          }
          break;
        }
        case content::AnswerKind::area_m2: {
          m_layout = Layout::pad;
          m_pad = std::make_unique<DigitPad>(
              m_theme, 5, false, [this] { pad_changed(); }, m_sources.language);
          if (const auto* m2 = answer == nullptr ? nullptr : std::get_if<double>(answer)) {
            m_pad->set_value(static_cast<std::int64_t>(std::llround(*m2)));
          }
          break;
        }
      }
      m_unknown.set_on(unknown);
      break;
    }
  }
  m_next.set_enabled(m_flow.answered(m_flow.position()));
  m_listen.set_enabled(m_sources.speaker != nullptr && !narration_file().empty());
  m_per_month.set_on(m_flow.income_period() == content::IncomePeriod::month);
  m_per_year.set_on(m_flow.income_period() == content::IncomePeriod::year);
  relayout();
}

void SelfCheckScreen::pad_changed() {
  if (m_flow.at_result() || !m_pad) return;
  const auto value = m_pad->value();
  const SelfCheckFlow::Step& step = m_flow.step();
  if (!value) {
    m_flow.clear_current();
  } else {
    switch (step.kind) {
      case Kind::members:
        m_flow.set_members(static_cast<int>(std::min<std::int64_t>(*value, 100000)));
        break;
      case Kind::income:
        m_flow.set_income(*value, m_flow.income_period());
        break;
      case Kind::indicator:
        if (step.indicator->question.kind == content::AnswerKind::count) {
          m_flow.set_indicator(*value);
        } else {
          m_flow.set_indicator(static_cast<double>(*value));
        }
        break;
      case Kind::area:
        break;
    }
  }
  m_unknown.set_on(false);
  m_next.set_enabled(m_flow.answered(m_flow.position()));
  m_per_month.set_on(m_flow.income_period() == content::IncomePeriod::month);
  m_per_year.set_on(m_flow.income_period() == content::IncomePeriod::year);
}

std::string SelfCheckScreen::display_text() const {
  if (!m_pad || m_pad->digits().empty()) return {};
  const std::string number = group_thousands(m_pad->value().value_or(0));
  switch (m_flow.step().kind) {
    case Kind::members:
      return ui_format(UiText::people, m_sources.language, {number});
    case Kind::income:
      return ui_format(m_flow.income_period() == content::IncomePeriod::month ? UiText::money_month
                                                                              : UiText::money_year,
                       m_sources.language, {number});
    case Kind::indicator:
      return ui_format(m_flow.step().indicator->question.kind == content::AnswerKind::count
                           ? UiText::people
                           : UiText::square_metres,
                       m_sources.language, {number});
    case Kind::area:
      break;
  }
  return number;
}

std::string SelfCheckScreen::hint_text() const {
  if (!m_pad) return {};
  const auto value = m_pad->value();
  if (!value) return words(UiText::pad_hint);
  switch (m_flow.step().kind) {
    case Kind::members:
      if (!m_flow.members()) {
        return ui_format(UiText::members_range, m_sources.language,
                         {std::to_string(SelfCheckFlow::kMaxMembers)});
      }
      return {};
    case Kind::income:
      if (m_flow.members()) {
        const auto each =
            content::per_person_monthly(*value, m_flow.income_period(), *m_flow.members());
        return ui_format(UiText::per_person_about, m_sources.language,
                         {content::format_vnd(each, ui_language(m_sources.language)),
                          std::to_string(*m_flow.members())});
      }
      return {};
    case Kind::indicator:
      if (!m_flow.answered(m_flow.position()) && m_flow.members()) {
        return ui_format(UiText::at_most_members, m_sources.language,
                         {std::to_string(*m_flow.members())});
      }
      return {};
    case Kind::area:
      break;
  }
  return {};
}

void SelfCheckScreen::layout(const Rect& area, Measurer& measurer) {
  m_area = area;
  m_measurer = &measurer;
  relayout();
}

void SelfCheckScreen::relayout() {
  if (m_measurer == nullptr || m_area.empty()) return;
  if (m_result) {
    m_result->layout(m_area, *m_measurer);
    return;
  }
  const Theme& t = m_theme;
  Measurer& measurer = *m_measurer;
  const int margin = t.margin_px();
  const int gap = t.gap_px();
  const int left = m_area.x + margin;
  const int right = m_area.right() - margin;
  const int inner = right - left;
  const int h = t.target_px();

  // The top row: "Câu 3/15" over a progress bar, and "Nghe" at the right.
  const int listen_w =
      std::max(t.mm(40.0), measurer.measure_text(m_listen.label(), t.button(), 0).width +
                               t.mm(8.0 + 2.5 + 6.0 + 4.0));
  m_listen.set_rect({right - listen_w, m_area.y + gap, listen_w, h});
  m_progress_at = {left, m_area.y + gap};
  m_progress_bar = {left, m_area.y + gap + h - t.mm(4.0), right - listen_w - 2 * gap - left,
                    t.mm(4.0)};

  // The picture and the question.
  const int question_y = m_area.y + gap + h + gap * 2;
  const int side = t.mm(28.0);
  m_picture = {left, question_y, side, side};
  const int qx = left + side + gap * 2;
  const int qw = std::min(right - qx, t.mm(300.0));
  const Size qs = measurer.measure_text(question_text(), t.heading(), qw);
  m_question = {qx, question_y, qw, qs.height};
  const int top = std::max(m_question.bottom(), m_picture.bottom()) + gap * 2;
  const int bottom = m_area.bottom() - gap * 2;

  if (m_layout == Layout::bands) {
    // The bands in one column of wide buttons (two when the screen is too low), lowest income
    // first, and "Nhập số tiền" under them.
    const int n = static_cast<int>(m_answers.size());
    const int row_gap = gap;
    const int rows_one = n + 1;
    const int cols = top + rows_one * h + (rows_one - 1) * row_gap + gap <= bottom ? 1 : 2;
    const int w = cols == 1 ? std::min(inner, t.mm(200.0)) : (inner - gap * 2) / 2;
    const int rows = (n + cols - 1) / cols;
    const int total = rows * h + rows * row_gap + gap + h;
    const int y0 = std::max(top, bottom - total);
    for (int i = 0; i < n; ++i) {
      const int r = i / cols;
      const int c = i % cols;
      m_answers[static_cast<std::size_t>(i)]->set_rect(
          {left + c * (w + gap * 2), y0 + r * (h + row_gap), w, h});
    }
    const int type_w = std::min(
        w, std::max(t.mm(90.0), measurer.measure_text(m_type_amount.label(), t.button(), 0).width +
                                    t.mm(8.0 + 2.5 + 6.0 + 4.0)));
    m_type_amount.set_rect({left, y0 + rows * (h + row_gap) + gap, type_w, h});
    return;
  }

  if (m_layout == Layout::choices) {
    const int n = static_cast<int>(m_answers.size());
    if (n == 0) return;
    if (n <= 3) {
      // One row of large buttons along the bottom, within reach.
      const int w = std::min(t.mm(110.0), (inner - (n - 1) * gap * 2) / n);
      const int bh = h + t.mm(6.0);
      for (int i = 0; i < n; ++i) {
        m_answers[static_cast<std::size_t>(i)]->set_rect(
            {left + i * (w + gap * 2), std::max(top, bottom - bh), w, bh});
      }
      return;
    }
    int widest = 0;
    for (const auto& b : m_answers) {
      widest = std::max(widest, measurer.measure_text(b->label(), t.button(), 0).width);
    }
    const int half = (inner - gap * 2) / 2;
    const int cols = widest + t.mm(12.0) <= half ? 2 : 1;
    const int rows = (n + cols - 1) / cols;
    const int w = cols == 2 ? half : inner;
    const int y0 = std::max(top, bottom - rows * h - (rows - 1) * gap);
    for (int i = 0; i < n; ++i) {
      const int r = i / cols;
      const int c = i % cols;
      m_answers[static_cast<std::size_t>(i)]->set_rect(
          {left + c * (w + gap * 2), y0 + r * (h + gap), w, h});
    }
    return;
  }

  // Digit keys at the bottom left; the number, the period switch, "Không biết" and "Tiếp theo"
  // beside them.
  const Size ps = m_pad->size();
  const int pad_y = std::max(top, bottom - ps.height);
  m_pad->layout({left, pad_y});
  const int sx = left + ps.width + gap * 3;
  const int sw = std::min(t.mm(170.0), right - sx);
  m_display = {sx, pad_y, sw, h};
  int y = m_display.bottom() + gap * 2;
  if (m_flow.step().kind == Kind::income) {
    const int half = (sw - gap * 2) / 2;
    m_per_month.set_rect({sx, y, half, h});
    m_per_year.set_rect({sx + half + gap * 2, y, half, h});
    y += h + gap * 2;
  }
  const int next_h = h + t.mm(6.0);
  m_next.set_rect({sx, pad_y + ps.height - next_h, sw, next_h});
  if (show_unknown()) m_unknown.set_rect({sx, m_next.rect().y - gap * 2 - h, sw, h});
  (void)y;
  // What the number means (or what is wrong with it), in the free space above the keys.
  m_hint = {left, top, std::min(inner, t.mm(300.0)), std::max(0, pad_y - gap - top)};
}

bool SelfCheckScreen::input(const Action& action) {
  bool consumed = false;
  if (m_result) {
    consumed = m_result->input(action);
  } else {
    if (m_sources.speaker != nullptr) consumed = m_listen.input(action);
    if (m_layout != Layout::pad) {
      for (auto& b : m_answers) consumed = b->input(action) || consumed;
      if (m_layout == Layout::bands) consumed = m_type_amount.input(action) || consumed;
    } else {
      consumed = m_pad->input(action) || consumed;
      if (m_flow.step().kind == Kind::income) {
        consumed = m_per_month.input(action) || consumed;
        consumed = m_per_year.input(action) || consumed;
      }
      if (show_unknown()) consumed = m_unknown.input(action) || consumed;
      consumed = m_next.input(action) || consumed;
    }
  }
  if (m_pending) {
    auto pending = std::move(m_pending);
    m_pending = nullptr;
    pending();
  }
  return consumed;
}

void SelfCheckScreen::update(std::chrono::milliseconds dt) {
  if (m_result) m_result->update(dt);
}

bool SelfCheckScreen::animating() const { return m_result && m_result->animating(); }

void SelfCheckScreen::render(Painter& painter) const {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  if (m_result) {
    m_result->render(painter);
    return;
  }
  painter.fill_rect(m_area, p.background);
  painter.text(m_progress_at, progress_text(), t.body_bold(), 0);
  painter.fill_rounded_rect(m_progress_bar, m_progress_bar.height / 2, p.border);
  const auto n = static_cast<int>(m_flow.steps().size());
  const int done = m_progress_bar.width * static_cast<int>(m_flow.position() + 1) / std::max(1, n);
  painter.fill_rounded_rect({m_progress_bar.x, m_progress_bar.y, done, m_progress_bar.height},
                            m_progress_bar.height / 2, p.accent);
  if (m_sources.speaker != nullptr) m_listen.render(painter);

  draw_picture(painter, picture_for(m_flow.step()), m_picture, p.text, p.background);
  painter.text({m_question.x, m_question.y}, question_text(), t.heading(), m_question.width);

  if (m_layout != Layout::pad) {
    for (const auto& b : m_answers) b->render(painter);
    if (m_layout == Layout::bands) m_type_amount.render(painter);
    return;
  }
  m_pad->render(painter);
  const int border = std::max(2, t.mm(0.6));
  painter.fill_rounded_rect(m_display, t.radius_px(), p.border);
  painter.fill_rounded_rect(m_display.inset(border), t.radius_px(), p.surface);
  const std::string shown = display_text();
  TextStyle number = t.title();
  if (shown.empty()) number.color = p.muted_text;
  const std::string text = shown.empty() ? "…" : shown;
  const Size ns = painter.measure_text(text, number, 0);
  {
    ClipScope clip(painter, m_display.inset(border));
    painter.text({m_display.x + t.mm(3.0), m_display.y + (m_display.height - ns.height) / 2}, text,
                 number, 0);
  }
  if (const std::string hint = hint_text(); !hint.empty() && m_hint.height > 0) {
    ClipScope clip(painter, m_hint);
    painter.text({m_hint.x, m_hint.y}, hint, t.body(), m_hint.width);
  }
  if (m_flow.step().kind == Kind::income) {
    m_per_month.render(painter);
    m_per_year.render(painter);
  }
  if (show_unknown()) m_unknown.render(painter);
  m_next.render(painter);
}

std::unique_ptr<Screen> make_self_check_screen(const Theme& theme, Navigator& navigator,
                                               const std::vector<content::Standard>& standards,
                                               std::chrono::year_month_day date,
                                               const std::string& province,
                                               SelfCheckScreen::Sources sources) {
  content::StandardChoice choice = content::select_standards(standards, date, province);
  if (choice.candidates.empty()) return nullptr;
  return std::make_unique<SelfCheckScreen>(
      theme, navigator, SelfCheckFlow(std::move(choice), date, province), std::move(sources));
}

}  // namespace tinxa::kiosk::ui::selfcheck
