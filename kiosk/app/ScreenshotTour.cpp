// KioskApp::screenshot_tour: the scripted tour of every screen, rendered to PNG without a display.
#include "kiosk/app/KioskApp.hpp"

#include "kiosk/app/FontFaces.hpp"

#include "config/reader/DiagnosticFormat.hpp"
#include "config/reader/Scalars.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/TimeError.hpp"
#include "content/time/Validity.hpp"
#include "kiosk/app/ContentWatcher.hpp"
#include "kiosk/app/NextBroadcast.hpp"
#include "kiosk/audio/SdlSpeaker.hpp"
#include "kiosk/audio/SilentSpeaker.hpp"
#include "kiosk/render/FontCache.hpp"
#include "kiosk/render/Screenshot.hpp"
#include "kiosk/render/SdlPainter.hpp"
#include "kiosk/sdl/EventLoop.hpp"
#include "kiosk/sdl/KioskWindow.hpp"
#include "kiosk/sdl/SdlContext.hpp"
#include "kiosk/ui/Catalog.hpp"
#include "kiosk/ui/HearAgainScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/MaintenanceScreen.hpp"
#include "kiosk/ui/PageScreen.hpp"
#include "kiosk/ui/SearchScreen.hpp"
#include "kiosk/ui/selfcheck/SelfCheckScreen.hpp"
#include "kiosk/ui/selfcheck/SelfCheckSetup.hpp"

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace tinxa::kiosk::app {
namespace {

// Answers the self-check by taps, as a rural household of 4 with an income in the lowest band
// (6.000.000 đồng a month or less) whose deprivations are employment, health insurance and the
// toilet (poor under every 2022–2026 line); calls `before_next` with each question's id just
// before moving on from it, and with "thu-nhap-so-tien" on the digit keys of the income (opened
// by "Nhập số tiền", 6.000.000 typed, then left by Back for the bands). The Xvfb test taps the
// same answers (tests/kiosk/XvfbSelfCheck.sh).
void walk_self_check(ui::KioskUi& kiosk,
                     const std::function<void(const std::string&)>& before_next) {
  using Flow = ui::selfcheck::SelfCheckFlow;
  auto tap = [&](const ui::Rect& r) {
    (void)kiosk.input(ui::Action::make_press(r.center()));
    (void)kiosk.input(ui::Action::make_tap(r.center()));
    kiosk.update(std::chrono::milliseconds{0});
  };
  for (int guard = 0; guard < 64; ++guard) {
    kiosk.update(std::chrono::milliseconds{0});
    const auto* wizard = dynamic_cast<const ui::selfcheck::SelfCheckScreen*>(&kiosk.top());
    if (wizard == nullptr || wizard->flow().at_result()) return;
    const Flow::Step& step = wizard->flow().step();
    auto type = [&](const std::string& digits) {
      for (const char c : digits) {
        for (const auto& key : wizard->pad()->keys()) {
          if (key.label == std::string(1, c)) tap(key.rect);
        }
      }
    };
    auto answer = [&](std::size_t index) {
      const auto& buttons = wizard->answer_buttons();
      before_next(step.id);
      tap(buttons.at(std::min(index, buttons.size() - 1))->rect());
    };
    if (step.kind == Flow::StepKind::area) {
      answer(0);
    } else if (step.kind == Flow::StepKind::members) {
      type("4");
      before_next(step.id);
      tap(wizard->next_button().rect());
    } else if (step.kind == Flow::StepKind::income) {
      before_next(step.id);
      tap(wizard->type_amount_button().rect());
      type("6000000");
      before_next("thu-nhap-so-tien");
      (void)kiosk.input(ui::Action::make(ui::ActionKind::back));
      kiosk.update(std::chrono::milliseconds{0});
      tap(wizard->answer_buttons().front()->rect());
    } else {
      const content::Question& q = step.indicator->question;
      const bool deprive =
          step.id == "viec-lam" || step.id == "bao-hiem-y-te" || step.id == "nha-tieu";
      if (q.kind == content::AnswerKind::yes_no) {
        answer(deprive == q.deprived_if_yes ? 0 : 1);  // "Có" or "Không"
      } else if (q.kind == content::AnswerKind::choice) {
        std::size_t index = 0;
        for (std::size_t i = 0; i < q.options.size(); ++i) {
          if (q.options[i].deprived == deprive) {
            index = i;
            break;
          }
        }
        answer(index);
      } else {
        type(q.kind == content::AnswerKind::count ? "0" : "100");
        before_next(step.id);
        tap(wizard->next_button().rect());
      }
    }
  }
}

// What the tour types for a search whose results overflow the screen (the sample content has
// more than SearchScreen::kMaxRows pages with it).
constexpr const char* kManyResults = "ho";

// Lets the UI settle: finishes every animation as if `seconds` passed in 16 ms frames.
void settle(ui::KioskUi& ui, int frames) {
  for (int i = 0; i < frames && ui.animating(); ++i) ui.update(std::chrono::milliseconds{16});
}

}  // namespace

std::vector<std::filesystem::path> KioskApp::screenshot_tour(const std::filesystem::path& dir) {
  if (m_start_source != StartSource::configured) {
    // The tour previews the configured content: its errors must be fixed first.
    std::string message = "the content in " + m_content_dir.string() + " has errors:\n";
    for (const auto& m : content_status().messages) message += m + '\n';
    message += "Run `tinxa check --content " + m_content_dir.string() + "` after fixing them.";
    throw StartupError(message);
  }
  std::filesystem::create_directories(dir);
  const auto& display = m_settings.kiosk.display;
  const ui::Size panel = m_options.size.value_or(ui::Size{display.width_px, display.height_px});
  const auto metrics = ui::DisplayMetrics::from_settings(display, panel);
  // The tour shows the upright picture the residents see, whatever the panel's rotation.
  config::KioskSettings::Display upright = display;
  upright.rotation = config::Rotation::none;
  upright.fullscreen = false;

  sdl::SdlContext sdl_context(sdl::VideoMode::headless);
  sdl::KioskWindow window(upright, metrics.logical, sdl::KioskWindow::Renderer::software);
  render::FontCache fonts(m_settings.kiosk.font, bold_face(m_settings.kiosk.font));
  render::SdlPainter painter(window.renderer(), fonts);
  ui::KioskUi kiosk(m_content.bundle, m_settings.site, *m_clock, *m_zone, ui::Theme(metrics),
                    painter);
  // The pictures must not depend on the machine's sound card: a speaker that plays nothing.
  audio::SilentSpeaker speaker;
  kiosk.set_speaker(&speaker);
  if (!m_standards.empty()) {
    kiosk.set_self_check(ui::selfcheck::self_check_factory(
        m_standards, m_content.bundle, m_settings.site, *m_clock, *m_zone, &speaker));
  }

  std::vector<std::filesystem::path> written;
  ui::KioskUi* shown = &kiosk;
  auto shoot = [&](const std::string& name) {
    window.begin_frame();
    shown->render(painter);
    window.end_frame(false);
    const auto file = dir / (name + ".png");
    render::save_png(window.renderer(), file);
    written.push_back(file);
    std::cout << file.string() << '\n';
  };

  const auto& bundle = m_content.bundle;
  shoot("01-trang-chu");
  kiosk.toggle_large_text();
  shoot("02-trang-chu-chu-to");
  kiosk.toggle_large_text();
  kiosk.toggle_high_contrast();
  shoot("03-trang-chu-tuong-phan-cao");
  kiosk.toggle_high_contrast();

  int n = 10;
  for (const auto* category : ui::visible_categories(bundle, m_clock->now(), *m_zone)) {
    kiosk.go_home();
    kiosk.open_category(category->id);
    shoot(std::to_string(n++) + "-muc-" + category->id);
  }

  // Pages: the first with a table, the first with an unverified notice (else any notice), and
  // the longest one, at its top and scrolled twice.
  auto visible = [&](const content::Page& p) {
    return content::visible_at(p.validity, m_clock->now(), *m_zone);
  };
  const content::Page* with_table = nullptr;
  const content::Page* with_notice = nullptr;
  const content::Page* with_unverified = nullptr;
  const content::Page* longest = nullptr;
  for (const auto& page : bundle.pages) {
    if (!visible(page)) continue;
    for (const auto& block : page.body) {
      if (std::holds_alternative<content::Table>(block) && !with_table) with_table = &page;
      if (const auto* notice = std::get_if<content::Notice>(&block)) {
        if (!with_notice) with_notice = &page;
        if (notice->kind == content::NoticeKind::unverified && !with_unverified) {
          with_unverified = &page;
        }
      }
    }
    if (!longest || page.body.size() > longest->body.size()) longest = &page;
  }
  if (with_unverified) with_notice = with_unverified;
  if (with_notice == with_table) {
    // One page with both shows both; look for another notice so the tour covers more.
    for (const auto& page : bundle.pages) {
      if (&page == with_table || !visible(page)) continue;
      for (const auto& block : page.body) {
        if (std::holds_alternative<content::Notice>(block)) with_notice = &page;
      }
      if (with_notice != with_table) break;
    }
    if (with_notice == with_table) with_notice = nullptr;
  }

  // Search: the empty keyboard, a search typed on the keys with its results, and one that finds
  // nothing.
  auto type_on_keys = [&](std::string_view text) {
    kiosk.update(std::chrono::milliseconds{0});  // lays the keyboard out before the first tap
    const auto* search = dynamic_cast<const ui::SearchScreen*>(&kiosk.top());
    if (search == nullptr) return;
    for (std::size_t i = 0; i < text.size();) {
      const auto lead = static_cast<unsigned char>(text[i]);
      const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      const std::string letter(text.substr(i, len));
      i += len;
      for (const auto& key : search->keys()) {
        if (key.label == letter ||
            (letter == " " && key.kind == ui::SearchScreen::Key::Kind::space)) {
          const ui::Point at{key.rect.x + key.rect.width / 2, key.rect.y + key.rect.height / 2};
          (void)kiosk.input(ui::Action::make_press(at));
          (void)kiosk.input(ui::Action::make_tap(at));
          break;
        }
      }
    }
  };
  kiosk.go_home();
  kiosk.open_search();
  shoot("20-tim-kiem");
  type_on_keys("bao hiem");
  shoot("21-tim-kiem-bao-hiem");
  kiosk.go_home();
  kiosk.open_search();
  type_on_keys("karaoke");
  shoot("22-tim-kiem-khong-thay");
  // A short word that most pages contain: more results than fit above the keyboard, scrolled
  // (Page Down) to the end of the list: the Up/Down column, and how many more pages there are
  // beyond the rows listed.
  kiosk.go_home();
  kiosk.open_search();
  type_on_keys(kManyResults);
  kiosk.update(std::chrono::milliseconds{0});
  for (int i = 0; i < 40; ++i) {
    (void)kiosk.input(ui::Action::make(ui::ActionKind::scroll_down));
    settle(kiosk, 600);
  }
  shoot(std::string("23-tim-kiem-") + kManyResults + "-cuon-xuong");

  n = 30;
  for (const content::Page* page : {with_table, with_notice}) {
    if (!page) continue;
    kiosk.go_home();
    kiosk.open_category(page->category);
    kiosk.open_page(page->id);
    shoot(std::to_string(n++) + "-trang-" + page->id);
  }
  if (longest) {
    kiosk.go_home();
    kiosk.open_category(longest->category);
    kiosk.open_page(longest->id);
    shoot(std::to_string(n++) + "-trang-" + longest->id);
    for (int i = 0; i < 2; ++i) {
      (void)kiosk.input(ui::Action::make(ui::ActionKind::scroll_down));
      settle(kiosk, 600);
    }
    shoot(std::to_string(n++) + "-trang-" + longest->id + "-cuon-xuong");
  }
  if (const content::Page* marked = with_unverified ? with_unverified : with_notice) {
    // A page with a notice again, for a resident who switched on high contrast.
    kiosk.go_home();
    kiosk.toggle_high_contrast();
    kiosk.open_category(marked->category);
    kiosk.open_page(marked->id);
    shoot(std::to_string(n++) + "-trang-" + marked->id + "-tuong-phan-cao");
    kiosk.toggle_high_contrast();
  }
  // The first page with a link, scrolled to its end: the QR code of its source.
  for (const auto& page : bundle.pages) {
    if (page.link.empty() || !visible(page)) continue;
    kiosk.go_home();
    kiosk.open_category(page.category);
    kiosk.open_page(page.id);
    for (int i = 0; i < 40; ++i) {
      (void)kiosk.input(ui::Action::make(ui::ActionKind::scroll_down));
      settle(kiosk, 600);
    }
    shoot(std::to_string(n++) + "-trang-" + page.id + "-ma-qr");
    break;
  }
  // Listening: a page with its "Nghe" bar, started if the page has a recording or a narration
  // (`tinxa narrate`); today's loudspeaker announcements to hear again; the home screen and a
  // page in English.
  if (with_table) {
    kiosk.go_home();
    kiosk.open_category(with_table->category);
    kiosk.open_page(with_table->id);
    kiosk.update(std::chrono::milliseconds{0});
    if (const auto* page = dynamic_cast<const ui::PageScreen*>(&kiosk.top())) {
      const ui::Rect r = page->listen_bar().play_rect();
      const ui::Point at{r.x + r.width / 2, r.y + r.height / 2};
      if (page->listen_bar().mode() == ui::ListenBar::Mode::ready) {
        (void)kiosk.input(ui::Action::make_press(at));
        (void)kiosk.input(ui::Action::make_tap(at));
      }
    }
    shoot("36-trang-" + with_table->id + "-nghe");
  }
  kiosk.go_home();
  kiosk.open_hear_again();
  shoot("37-nghe-lai-loa-hom-nay");
  if (bundle.info.languages.size() > 1) {
    const std::string other = bundle.info.languages[1];
    kiosk.go_home();
    kiosk.choose_language(other);
    shoot("04-trang-chu-" + other);
    for (const auto& page : bundle.pages) {
      if (!visible(page) ||
          std::find(page.languages.begin(), page.languages.end(), other) == page.languages.end()) {
        continue;
      }
      kiosk.open_category(page.category);
      kiosk.open_page(page.id);
      shoot("38-trang-" + page.id + "-" + other);
      break;
    }
    kiosk.go_home();
    kiosk.choose_language("vi");
  }
  if (longest) {
    // The idle warning, over the page a resident left open.
    kiosk.go_home();
    kiosk.open_category(longest->category);
    kiosk.open_page(longest->id);
    kiosk.update(m_settings.kiosk.idle.warn_after);
    shoot("40-canh-bao-khong-cham");
    (void)kiosk.input(ui::Action::make(ui::ActionKind::back));
  }

  // The home screen's ticker on its next notice, when it has more than one.
  kiosk.go_home();
  settle(kiosk, 1);
  if (kiosk.ticker().items().size() > 1) {
    kiosk.update(kiosk.ticker().until_next());
    shoot("05-trang-chu-thong-bao");
  }

  // The admin PIN pad (two digits typed) and the panel, with the installation's PIN or, where
  // none is set, a PIN for the tour only.
  const std::string pin =
      m_settings.kiosk.admin_pin.empty() ? std::string("2468") : m_settings.kiosk.admin_pin;
  ui::AdminHooks hooks;
  hooks.info = [&] {
    ui::AdminInfo info;
    info.bundle = bundle.info.id + " " + bundle.info.version;
    info.loaded_at = ui::format_date_time_vi(m_zone->to_local(m_loaded_at));
    info.last_attempt = "chưa có / none yet";
    info.usage.push_back("không đếm khi chụp màn hình / not counted in screenshots");
    return info;
  };
  kiosk.set_admin(pin, std::move(hooks));
  kiosk.go_home();
  kiosk.open_admin();
  auto type_digit = [&](char digit) {
    kiosk.update(std::chrono::milliseconds{0});
    const auto* pad = dynamic_cast<const ui::AdminPinScreen*>(&kiosk.top());
    if (pad == nullptr) return;
    for (const auto& key : pad->keys()) {
      if (key.label == std::string(1, digit)) {
        const ui::Point at{key.rect.x + key.rect.width / 2, key.rect.y + key.rect.height / 2};
        (void)kiosk.input(ui::Action::make_press(at));
        (void)kiosk.input(ui::Action::make_tap(at));
        break;
      }
    }
  };
  type_digit(pin[0]);
  type_digit(pin[1]);
  shoot("41-quan-tri-ma-pin");
  for (std::size_t i = 2; i < pin.size(); ++i) type_digit(pin[i]);
  if (kiosk.top().name() == "admin") shoot("42-quan-tri");

  // Attract mode: the first slide of the slideshow.
  kiosk.go_home();
  kiosk.start_attract();
  if (kiosk.attract().active()) shoot("43-man-hinh-cho");
  if (!m_standards.empty()) {
    // The self-check (issue 5): its first question, the income bands, the income on the digit
    // keys, and the result, for a rural household of 4 in the lowest income band (6.000.000 đồng
    // a month or less) with three deprivations.
    (void)kiosk.input(ui::Action::make_cancel());  // a touch ends the slideshow, if it runs
    kiosk.go_home();
    kiosk.open_self_check();
    kiosk.update(std::chrono::milliseconds{0});
    shoot("50-tu-kiem-tra-cau-hoi");
    walk_self_check(kiosk, [&](const std::string& step) {
      if (step == "thu-nhap") shoot("51-tu-kiem-tra-thu-nhap");
      if (step == "thu-nhap-so-tien") shoot("53-tu-kiem-tra-nhap-so-tien");
    });
    shoot("52-tu-kiem-tra-ket-qua");
    kiosk.go_home();
  }
  // The maintenance screen, as a kiosk with no usable content and no last good copy shows it.
  const content::Bundle no_content;
  ui::KioskUi maintenance(no_content, m_settings.site, *m_clock, *m_zone, ui::Theme(metrics),
                          painter);
  maintenance.set_maintenance([this](const ui::Theme& theme, ui::Navigator&, const std::string&) {
    return std::make_unique<ui::MaintenanceScreen>(theme, m_settings.site.commune_name, *m_clock,
                                                   *m_zone);
  });
  shown = &maintenance;
  shoot("60-bao-tri");
  return written;
}

}  // namespace tinxa::kiosk::app
