#include "kiosk/ui/KioskUi.hpp"

#include "kiosk/ui/Catalog.hpp"
#include "kiosk/ui/CategoryScreen.hpp"
#include "kiosk/ui/HearAgainScreen.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/PageScreen.hpp"
#include "kiosk/ui/SearchScreen.hpp"
#include "kiosk/ui/UiText.hpp"

#include "content/speech/Narrator.hpp"
#include "content/time/Validity.hpp"

#include <iostream>

#include <algorithm>
#include <utility>

namespace tinxa::kiosk::ui {
namespace {

std::string vietnamese(UiText key) { return std::string(ui_text(key, content::kVietnamese)); }

}  // namespace

KioskUi::KioskUi(const content::Bundle& bundle, const config::SiteSettings& site,
                 const content::Clock& clock, const content::TimeZone& zone, Theme theme,
                 Measurer& measurer, config::KioskSettings::Idle idle)
    : m_bundle(bundle),
      m_site(site),
      m_clock(clock),
      m_zone(zone),
      m_theme(theme),
      m_measurer(measurer),
      m_idle_settings(idle),
      m_back(m_theme, vietnamese(UiText::back), Icon::back, Button::Kind::navigation,
             [this] { go_back(); }),
      m_home(m_theme, vietnamese(UiText::home), Icon::home, Button::Kind::navigation,
             [this] { go_home(); }),
      m_search(m_theme, vietnamese(UiText::search_short), Icon::search, Button::Kind::navigation,
               [this] { open_search(); }),
      m_still_here(m_theme, vietnamese(UiText::still_here), Icon::none, Button::Kind::navigation,
                   {}) {
  rebuild_home();
  m_clock_text = clock_text();
  m_day = m_zone.to_local(m_clock.now()).date;
}

void KioskUi::rebuild_home() {
  m_ticker.set_items(ticker_items(m_bundle, m_clock.now(), m_zone, m_language));
  set_next_broadcast(m_next_broadcast);
  if (m_maintenance) {
    if (auto screen = m_maintenance(m_theme, *this, m_language)) {
      m_stack.replace(std::move(screen));
      apply_language();
      m_layout_dirty = true;
      return;
    }
  }
  m_stack.replace(std::make_unique<HomeScreen>(m_theme, *this, m_bundle.info.title.get(m_language),
                                               visible_categories(m_bundle, m_clock.now(), m_zone),
                                               &m_ticker));
  if (m_self_check) {
    if (auto* home = dynamic_cast<HomeScreen*>(&m_stack.top())) home->show_self_check_tile();
  }
  if (auto* home = dynamic_cast<HomeScreen*>(&m_stack.top())) {
    if (m_speaker != nullptr) home->show_hear_again_tile();
    home->set_languages(m_bundle.info.languages, m_language);
  }
  apply_language();
  m_layout_dirty = true;
}

void KioskUi::apply_language() {
  const auto words = [this](UiText key) { return std::string(ui_text(key, m_language)); };
  m_back.set_label(words(UiText::back));
  m_home.set_label(words(UiText::home));
  m_search.set_label(words(UiText::search_short));
  m_still_here.set_label(words(UiText::still_here));
  m_clock_text = clock_text();
  if (m_warning) m_countdown = countdown_text();
}

std::string KioskUi::idle_message(std::chrono::milliseconds left) const {
  const auto seconds = std::chrono::ceil<std::chrono::seconds>(left).count();
  return ui_format(UiText::idle_message, m_language, {std::to_string(seconds)});
}

std::string KioskUi::clock_text() const {
  const auto local = m_zone.to_local(m_clock.now());
  std::string text = format_date_time_vi(local);
  if (ui_language(m_language) == content::kVietnamese) return text;
  // The same date and time, with the weekday in the resident's language.
  const auto day = std::chrono::weekday{std::chrono::sys_days{local.date}}.c_encoding();
  const auto key = static_cast<UiText>(static_cast<std::size_t>(UiText::sunday) + day);
  return std::string(ui_text(key, m_language)) + text.substr(text.find(','));
}

Rect KioskUi::content_area() const noexcept {
  const Size s = m_theme.screen();
  const int bar = m_theme.bar_height_px();
  return {0, bar, s.width, s.height - bar};
}

void KioskUi::layout_bar() {
  const Size s = m_theme.screen();
  const int gap = m_theme.gap_px();
  const int margin = m_theme.margin_px();
  m_bar = {0, 0, s.width, m_theme.bar_height_px()};
  const int h = m_theme.target_px();
  auto width_of = [&](const Button& b) {
    const Size label = m_measurer.measure_text(b.label(), m_theme.button(), 0);
    // Icon, gap and padding as Button lays them out, plus room so the label never stacks.
    return std::max(m_theme.mm(36.0), label.width + m_theme.mm(8.0 + 2.5 + 6.0 + 4.0));
  };
  const int w = std::max(width_of(m_back), width_of(m_home));
  m_back.set_rect({margin, gap, w, h});
  m_home.set_rect({margin + w + gap * 2, gap, w, h});
  m_search.set_rect({m_home.rect().right() + gap * 2, gap, width_of(m_search), h});
  const bool root = m_stack.size() <= 1;
  m_back.set_enabled(!root);
  m_home.set_enabled(!root);
  m_search.set_enabled(!m_maintenance && m_stack.top().name() != "search");
  const int name_x = m_search.rect().right() + margin;
  m_name_rect = {name_x, 0, s.width - name_x - margin, m_bar.height};

  // The idle warning: a card in the middle with the question, the countdown and one big button.
  const int card_w = std::min(s.width - 2 * margin, m_theme.mm(220.0));
  const int inner = card_w - 2 * margin;
  const int title_h =
      m_measurer.measure_text(ui_text(UiText::idle_question, m_language), m_theme.title(), inner)
          .height;
  const int body_h =
      m_measurer.measure_text(idle_message(m_idle_settings.warning_length), m_theme.body(), inner)
          .height;
  const int button_h = m_theme.target_px() + m_theme.mm(6.0);
  const int card_h = margin + title_h + gap + body_h + gap * 2 + button_h + margin;
  m_card = {(s.width - card_w) / 2, (s.height - card_h) / 2, card_w, card_h};
  const int button_w = std::min(
      inner, std::max(m_theme.mm(90.0),
                      m_measurer.measure_text(m_still_here.label(), m_theme.button(), 0).width +
                          m_theme.mm(16.0)));
  m_still_here.set_rect({m_card.x + (card_w - button_w) / 2, m_card.bottom() - margin - button_h,
                         button_w, button_h});
}

void KioskUi::ensure_layout() {
  const Screen* top = &m_stack.top();
  if (!m_layout_dirty && top == m_laid_out && m_laid_out_generation == m_theme.generation()) {
    return;
  }
  layout_bar();
  m_stack.top().layout(content_area(), m_measurer);
  m_laid_out = top;
  m_laid_out_generation = m_theme.generation();
  m_layout_dirty = false;
}

void KioskUi::request(std::function<void()> change) {
  if (m_in_input) {
    m_pending.push_back(std::move(change));
  } else {
    change();
    m_layout_dirty = true;
    m_dirty = true;
  }
}

bool KioskUi::input(const Action& action) {
  ensure_layout();
  m_idle = std::chrono::milliseconds{0};
  m_home_idle = std::chrono::milliseconds{0};
  if (action.kind == ActionKind::press) {
    m_touching = true;
    if (m_admin_lock.enabled() && m_name_rect.contains(action.at)) m_long_press.press();
  } else if (action.kind != ActionKind::text) {
    if (action.kind == ActionKind::tap || action.kind == ActionKind::drag_end) m_touching = false;
    m_long_press.release();
  }
  if (m_attract.active()) {
    // The touch that ends the slideshow does nothing else: its tap finds nothing pressed.
    m_attract.stop();
    m_dirty = true;
    return true;
  }
  if (m_warning) {
    // The warning is modal: its button lights up under the finger, and any tap (on it or
    // anywhere) or key says the resident is still there.
    (void)m_still_here.input(action);
    if (action.kind == ActionKind::tap || action.kind == ActionKind::back ||
        action.kind == ActionKind::home || action.kind == ActionKind::scroll_up ||
        action.kind == ActionKind::scroll_down || action.kind == ActionKind::text ||
        action.kind == ActionKind::erase) {
      m_warning = false;
    }
    m_dirty = true;
    return true;
  }
  m_in_input = true;
  bool consumed = false;
  if (action.kind == ActionKind::back) {
    go_back();
    consumed = true;
  } else if (action.kind == ActionKind::erase) {
    consumed = m_stack.input(action);
    if (!consumed) {
      go_back();
      consumed = true;
    }
  } else if (action.kind == ActionKind::home) {
    go_home();
    consumed = true;
  } else {
    // Every target sees taps and cancels (to drop a pressed look); the first to consume wins.
    consumed = m_back.input(action);
    consumed = m_home.input(action) || consumed;
    consumed = m_search.input(action) || consumed;
    if (!consumed) consumed = m_stack.input(action);
  }
  m_in_input = false;
  if (consumed || !m_pending.empty()) m_dirty = true;
  auto pending = std::move(m_pending);
  m_pending.clear();
  for (auto& change : pending) change();
  if (!pending.empty()) m_layout_dirty = true;
  return consumed;
}

bool KioskUi::session_open() const noexcept {
  return m_stack.size() > 1 || m_language != content::kVietnamese ||
         m_theme.text_scale() != TextScale::normal || m_theme.contrast() != ContrastMode::normal;
}

std::string KioskUi::countdown_text() const {
  return idle_message(m_idle_settings.warn_after + m_idle_settings.warning_length - m_idle);
}

void KioskUi::reset_session() {
  m_warning = false;
  m_idle = std::chrono::milliseconds{0};
  m_theme.set_text_scale(TextScale::normal);
  m_theme.set_contrast(ContrastMode::normal);
  leaving_top();
  m_language = std::string(content::kVietnamese);
  if (m_speaker != nullptr) m_speaker->set_volume(ListenBar::kDefaultVolume);
  m_stack.pop_to_root();
  rebuild_home();
  m_dirty = true;
}

std::chrono::milliseconds KioskUi::idle_wakeup() const noexcept {
  using std::chrono::milliseconds;
  milliseconds other{std::chrono::hours{1}};
  // While a sound plays, the "Nghe" bar's time and its end are shown within a quarter second.
  if (m_speaker != nullptr && m_speaker->state() == Speaker::State::playing) {
    other = milliseconds{250};
  }
  if (m_long_press.held()) other = std::min(other, m_long_press.remaining());
  if (m_attract.active()) {
    other = std::min(other, m_attract.until_next());
  } else if (m_stack.size() == 1) {
    other = std::min(other, m_ticker.until_next());
    if (m_attract_settings.after > milliseconds{0} && !session_open()) {
      other = std::min(other, std::max(milliseconds{1}, m_attract_settings.after - m_home_idle));
    }
  }
  if (!session_open()) return other;
  if (!m_warning)
    return std::min(other, std::max(milliseconds{1}, m_idle_settings.warn_after - m_idle));
  const auto into_second = (m_idle - m_idle_settings.warn_after) % std::chrono::seconds{1};
  return std::min(other, std::max(milliseconds{1}, milliseconds{1000} - into_second));
}

void KioskUi::update(std::chrono::milliseconds dt) {
  ensure_layout();
  if (m_speaker != nullptr) {
    // The bar shows the speaker's state and time: redraw when either changes. Listening is not
    // idleness: no warning interrupts a resident who listens without touching.
    const auto state = m_speaker->state();
    const auto second = std::chrono::duration_cast<std::chrono::seconds>(m_speaker->position());
    if (state != m_heard_state || second != m_heard_second) {
      m_heard_state = state;
      m_heard_second = second;
      m_dirty = true;
    }
    if (state == Speaker::State::playing) m_idle = std::chrono::milliseconds{0};
  }
  if (!session_open()) {
    m_idle = std::chrono::milliseconds{0};
  } else {
    m_idle += dt;
    if (m_idle >= m_idle_settings.warn_after + m_idle_settings.warning_length) {
      reset_session();
    } else if (m_idle >= m_idle_settings.warn_after) {
      std::string countdown = countdown_text();
      if (!m_warning || countdown != m_countdown) {
        m_warning = true;
        m_countdown = std::move(countdown);
        m_dirty = true;
      }
    }
  }
  const bool moving = m_stack.top().animating();
  m_stack.top().update(dt);
  if (moving || m_was_animating) m_dirty = true;
  m_was_animating = m_stack.top().animating();
  std::string now = clock_text();
  if (now != m_clock_text) {
    m_clock_text = std::move(now);
    m_dirty = true;
  }
  // A long press on the commune's name: the admin PIN pad.
  if (m_long_press.advance(dt)) open_admin();
  // Midnight: pages that expired yesterday go, pages valid from today come.
  if (const auto day = m_zone.to_local(m_clock.now()).date; day != m_day && !m_touching) {
    m_day = day;
    refresh_visible();
  }
  if (m_attract.active()) {
    if (m_attract.advance(dt)) m_dirty = true;
  } else if (m_stack.size() == 1 && !m_warning) {
    if (!m_was_home) m_ticker.restart();  // back home: the notice shown gets its full time
    if (m_ticker.advance(dt)) m_dirty = true;
    if (m_attract_settings.after > std::chrono::milliseconds{0} && !session_open()) {
      m_home_idle += dt;
      if (m_home_idle >= m_attract_settings.after) start_attract();
    }
  }
  m_was_home = m_stack.size() == 1;
}

void KioskUi::start_attract() {
  m_home_idle = std::chrono::milliseconds{0};
  m_attract = Attract(m_attract_settings.slide > std::chrono::milliseconds{0}
                          ? m_attract_settings.slide
                          : std::chrono::milliseconds{std::chrono::seconds{10}});
  m_attract.start(attract_pages(m_bundle, m_clock.now(), m_zone), m_bundle);
  m_dirty = true;
}

void KioskUi::set_next_broadcast(std::string next) {
  m_next_broadcast = std::move(next);
  const std::string line = m_next_broadcast.empty()
                               ? std::string{}
                               : ui_format(UiText::next_broadcast, m_language, {m_next_broadcast});
  if (m_ticker.set_next_broadcast(line)) {
    m_layout_dirty = true;
    m_dirty = true;
  }
}

void KioskUi::set_admin(std::string pin, AdminHooks hooks) {
  m_admin_lock = AdminPinLock(std::move(pin));
  m_admin = std::move(hooks);
}

void KioskUi::open_admin() {
  if (!m_admin_lock.enabled()) return;
  request([this] {
    if (m_stack.top().name() == "admin-pin" || m_stack.top().name() == "admin") return;
    leaving_top();
    m_stack.push(std::make_unique<AdminPinScreen>(
        m_theme, m_admin_lock.length(), [this](const std::string& typed) {
          const auto result = m_admin_lock.check(typed, m_clock.now());
          if (result == AdminPinLock::Result::accepted) {
            request([this] {
              m_stack.replace(
                  std::make_unique<AdminPanelScreen>(m_theme, m_admin, [this] { go_home(); }));
            });
          }
          return result;
        }));
  });
}

void KioskUi::replace_content(const std::function<void()>& swap) { rebuild_stack(swap); }

void KioskUi::refresh_visible() { rebuild_stack({}); }

void KioskUi::rebuild_stack(const std::function<void()>& swap) {
  // What the resident walked through, top first, by name (and the search text).
  std::vector<std::string> names;
  std::string query;
  const bool attract = m_attract.active();
  m_attract.stop();
  m_long_press.release();
  while (m_stack.size() > 1) {
    names.push_back(m_stack.top().name());
    if (const auto* search = dynamic_cast<const SearchScreen*>(&m_stack.top())) {
      query = search->query();
    }
    (void)m_stack.pop();
  }
  if (swap) swap();
  rebuild_home();
  const auto now = m_clock.now();
  bool lost = false;
  for (auto it = names.rbegin(); it != names.rend() && !lost; ++it) {
    const std::string& name = *it;
    if (name.rfind("category:", 0) == 0) {
      const std::string id = name.substr(9);
      const content::Category* category = m_bundle.find_category(id);
      auto pages = visible_pages(m_bundle, id, now, m_zone);
      if (category == nullptr || pages.empty()) {
        lost = true;
      } else {
        auto screen = std::make_unique<CategoryScreen>(m_theme, *this, *category, std::move(pages),
                                                       m_language);
        screen->set_controls_language(m_language);
        m_stack.push(std::move(screen));
      }
    } else if (name.rfind("page:", 0) == 0) {
      const content::Page* page = m_bundle.find_page(name.substr(5));
      if (page == nullptr || !content::visible_at(page->validity, now, m_zone)) {
        lost = true;
      } else {
        m_stack.push(make_page(*page));
      }
    } else if (name == "hear-again") {
      m_stack.push(make_hear_again());
    } else if (name == "search") {
      std::vector<const content::Page*> pages;
      for (const content::Category* c : visible_categories(m_bundle, now, m_zone)) {
        for (const content::Page* p : visible_pages(m_bundle, c->id, now, m_zone)) {
          pages.push_back(p);
        }
      }
      auto search = std::make_unique<SearchScreen>(m_theme, *this, std::move(pages), m_language);
      search->set_query(query);
      m_stack.push(std::move(search));
    } else if (name == "admin") {
      m_stack.push(std::make_unique<AdminPanelScreen>(m_theme, m_admin, [this] { go_home(); }));
    } else {
      lost = true;  // a screen this cannot rebuild (or the PIN pad): start again from home
    }
  }
  if (lost) m_stack.pop_to_root();
  if (attract && m_stack.size() == 1) start_attract();
  m_layout_dirty = true;
  m_dirty = true;
}

bool KioskUi::animating() const { return m_stack.top().animating(); }

void KioskUi::render(Painter& painter) {
  ensure_layout();
  if (m_attract.active()) {
    m_attract.render(painter, m_theme);
    m_dirty = false;
    return;
  }
  const Palette& p = m_theme.palette();
  painter.fill_rect(m_bar, p.accent);
  m_back.render(painter);
  m_home.render(painter);
  if (!m_maintenance) m_search.render(painter);
  const TextStyle bar = m_theme.bar();
  const int right = m_name_rect.right();
  // The clock right of the buttons, as much of it as fits there (a narrow portrait panel):
  // "Thứ Bảy, 28/11/2026 14:30", else "28/11/2026 14:30", else "14:30", else nothing.
  const std::string_view full = m_clock_text;
  const auto comma = full.find(", ");
  const auto space = full.rfind(' ');
  const std::string_view shorter[] = {
      full, comma == std::string_view::npos ? full : full.substr(comma + 2),
      space == std::string_view::npos ? full : full.substr(space + 1)};
  std::string_view clock_text;
  Size clock{};
  for (const std::string_view candidate : shorter) {
    clock = painter.measure_text(candidate, bar, 0);
    if (clock.width <= m_name_rect.width) {
      clock_text = candidate;
      break;
    }
  }
  if (clock_text.empty()) clock = {};
  if (!clock_text.empty()) {
    painter.text({right - clock.width, m_bar.y + (m_bar.height - clock.height) / 2}, clock_text,
                 bar, 0);
  }
  const Size name = painter.measure_text(m_site.commune_name, bar, 0);
  if (m_name_rect.x + name.width + m_theme.margin_px() < right - clock.width) {
    painter.text({m_name_rect.x, m_bar.y + (m_bar.height - name.height) / 2}, m_site.commune_name,
                 bar, 0);
  }
  m_stack.top().render(painter);
  if (m_warning) render_warning(painter);
  m_dirty = false;
}

void KioskUi::render_warning(Painter& painter) const {
  const Palette& p = m_theme.palette();
  const Size s = m_theme.screen();
  painter.fill_rect({0, 0, s.width, s.height}, Color{0, 0, 0, 170});
  const int border = std::max(2, m_theme.mm(0.8));
  painter.fill_rounded_rect(m_card, m_theme.radius_px(), p.border);
  painter.fill_rounded_rect(m_card.inset(border), m_theme.radius_px(), p.surface);
  const int margin = m_theme.margin_px();
  const int inner = m_card.width - 2 * margin;
  int y = m_card.y + margin;
  y += painter
           .text({m_card.x + margin, y}, ui_text(UiText::idle_question, m_language),
                 m_theme.title(), inner)
           .height;
  y += m_theme.gap_px();
  painter.text({m_card.x + margin, y}, m_countdown, m_theme.body(), inner);
  m_still_here.render(painter);
}

void KioskUi::open_category(const std::string& category_id) {
  request([this, category_id] {
    const content::Category* category = m_bundle.find_category(category_id);
    if (category == nullptr) return;
    auto screen = std::make_unique<CategoryScreen>(
        m_theme, *this, *category, visible_pages(m_bundle, category_id, m_clock.now(), m_zone),
        m_language);
    screen->set_controls_language(m_language);
    m_stack.push(std::move(screen));
  });
}

void KioskUi::open_page(const std::string& page_id) {
  request([this, page_id] {
    const content::Page* page = m_bundle.find_page(page_id);
    if (page == nullptr) return;
    m_stack.push(make_page(*page));
    report(UsageEvent::page_view, page->id);
  });
}

void KioskUi::open_search() {
  request([this] {
    // Search sits right above home, like a category: back from a page found goes to the
    // results, and the stack never grows past home, search (or a category), page. An open
    // search is returned to with its text.
    if (m_maintenance) return;  // nothing to search
    if (m_speaker != nullptr) m_speaker->stop();
    while (m_stack.size() > 1 && m_stack.top().name() != "search") (void)m_stack.pop();
    if (m_stack.top().name() == "search") return;
    // Every page visible now, category by category in display order.
    std::vector<const content::Page*> pages;
    const auto now = m_clock.now();
    for (const content::Category* c : visible_categories(m_bundle, now, m_zone)) {
      for (const content::Page* p : visible_pages(m_bundle, c->id, now, m_zone)) {
        pages.push_back(p);
      }
    }
    m_stack.push(std::make_unique<SearchScreen>(m_theme, *this, std::move(pages), m_language));
  });
}

void KioskUi::leaving_top() {
  // A sound belongs to the screen it was started on.
  if (m_speaker != nullptr) m_speaker->stop();
  if (const auto* search = dynamic_cast<const SearchScreen*>(&m_stack.top())) {
    if (std::string q = search->unanswered_query(); !q.empty()) {
      report(UsageEvent::search_no_result, q);
    }
  }
}

void KioskUi::set_speaker(Speaker* speaker) {
  m_speaker = speaker;
  if (m_speaker != nullptr) m_speaker->set_volume(ListenBar::kDefaultVolume);
  if (m_stack.size() == 1) rebuild_home();
  m_dirty = true;
}

ListenContext KioskUi::listen_context() {
  return {m_speaker, [this](const std::string& subject) { report(UsageEvent::listen, subject); },
          m_language};
}

std::unique_ptr<Screen> KioskUi::make_page(const content::Page& page) {
  auto screen =
      std::make_unique<PageScreen>(m_theme, *this, page, m_language, listen_context(),
                                   content::narration_folder(m_site.data_dir, m_bundle.info.id));
  screen->set_controls_language(m_language);
  return screen;
}

std::unique_ptr<Screen> KioskUi::make_hear_again() {
  const auto records = todays_as_run(m_site.data_dir, m_clock.now(), m_zone);
  auto screen = std::make_unique<HearAgainScreen>(
      m_theme, *this, heard_broadcasts(records, m_bundle), m_zone, m_language, listen_context(),
      m_zone_names ? m_zone_names() : ZoneNames{});
  screen->set_controls_language(m_language);
  return screen;
}

void KioskUi::open_hear_again() {
  request([this] {
    leaving_top();
    m_stack.pop_to_root();
    m_stack.push(make_hear_again());
  });
}

void KioskUi::choose_language(const std::string& language) {
  request([this, language] {
    if (language == m_language) return;
    m_language = language;
    // The language is chosen at home; every screen opened from now on uses it.
    m_stack.pop_to_root();
    rebuild_home();
  });
}

void KioskUi::report(UsageEvent event, const std::string& subject) {
  if (!m_usage) return;
  try {
    m_usage(event, subject);
  } catch (const std::exception& e) {
    // A count is never worth a broken screen.
    std::cerr << "tinxa-kiosk: không lưu được lượt dùng / usage count not saved: " << e.what()
              << '\n';
  }
}

void KioskUi::go_home() {
  request([this] {
    leaving_top();
    m_stack.pop_to_root();
    // The day may have changed since home was built: rebuild it with what is visible now.
    rebuild_home();
  });
}

void KioskUi::go_back() {
  request([this] {
    // A wizard goes back to its previous question first.
    if (auto* steps = dynamic_cast<StepsBack*>(&m_stack.top()); steps && steps->step_back()) {
      return;
    }
    leaving_top();
    m_stack.pop();
  });
}

void KioskUi::toggle_large_text() {
  request([this] {
    m_theme.set_text_scale(m_theme.text_scale() == TextScale::large ? TextScale::normal
                                                                    : TextScale::large);
  });
}

void KioskUi::toggle_high_contrast() {
  request([this] {
    m_theme.set_contrast(m_theme.contrast() == ContrastMode::high ? ContrastMode::normal
                                                                  : ContrastMode::high);
  });
}

void KioskUi::set_self_check(ScreenFactory factory) {
  m_self_check = std::move(factory);
  if (m_stack.size() == 1) rebuild_home();
}

void KioskUi::set_maintenance(ScreenFactory factory) {
  m_maintenance = std::move(factory);
  if (m_stack.size() == 1) rebuild_home();
  m_layout_dirty = true;
  m_dirty = true;
}

void KioskUi::open_self_check() {
  request([this] {
    if (!m_self_check) return;
    auto screen = m_self_check(m_theme, *this, m_language);
    if (!screen) return;
    leaving_top();
    m_stack.pop_to_root();
    m_stack.push(std::move(screen));
  });
}

void KioskUi::self_check_completed() { report(UsageEvent::self_check_done, {}); }

}  // namespace tinxa::kiosk::ui
