#include "kiosk/app/KioskApp.hpp"

#include "config/reader/DiagnosticFormat.hpp"
#include "config/reader/Scalars.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/store/Database.hpp"
#include "content/store/StoreFiles.hpp"
#include "content/store/UsageCounts.hpp"
#include "content/time/TimeError.hpp"
#include "content/time/Validity.hpp"
#include "kiosk/render/FontCache.hpp"
#include "kiosk/render/Screenshot.hpp"
#include "kiosk/render/SdlPainter.hpp"
#include "kiosk/sdl/EventLoop.hpp"
#include "kiosk/sdl/KioskWindow.hpp"
#include "kiosk/sdl/SdlContext.hpp"
#include "kiosk/ui/Catalog.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/SearchScreen.hpp"

#include <iostream>
#include <optional>
#include <string>

namespace tinxa::kiosk::app {
namespace {

// The bold face beside the configured regular one: "NotoSans-Regular.ttf" -> "NotoSans-Bold.ttf".
std::filesystem::path bold_face(const std::filesystem::path& regular) {
  std::string name = regular.filename().string();
  if (const auto at = name.find("Regular"); at != std::string::npos) {
    name.replace(at, 7, "Bold");
    const auto bold = regular.parent_path() / name;
    if (std::filesystem::exists(bold)) return bold;
  }
  return regular;
}

std::unique_ptr<content::Clock> make_clock(const std::optional<std::string>& at,
                                           const content::TimeZone& zone) {
  if (!at) return std::make_unique<content::SystemClock>();
  const std::string& s = *at;
  const auto day = s.size() == 16 && s[10] == 'T' && s[13] == ':'
                       ? config::parse_iso_date(s.substr(0, 10))
                       : std::nullopt;
  int hours = -1;
  int minutes = -1;
  if (day) {
    try {
      hours = std::stoi(s.substr(11, 2));
      minutes = std::stoi(s.substr(14, 2));
    } catch (const std::exception&) {
    }
  }
  if (!day || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
    throw StartupError("--at: \"" + s + "\" is not a local time written YYYY-MM-DDTHH:MM");
  }
  const content::LocalDateTime local{*day,
                                     std::chrono::hours{hours} + std::chrono::minutes{minutes}};
  return std::make_unique<content::VirtualClock>(zone.from_local(local));
}

// Lets the UI settle: finishes every animation as if `seconds` passed in 16 ms frames.
void settle(ui::KioskUi& ui, int frames) {
  for (int i = 0; i < frames && ui.animating(); ++i) ui.update(std::chrono::milliseconds{16});
}

}  // namespace

KioskApp::KioskApp(KioskOptions options) : m_options(std::move(options)) {
  if (m_options.config_dir) {
    config::Diagnostics diagnostics;
    m_settings = config::load_settings(*m_options.config_dir, diagnostics);
    diagnostics.sort();
    for (const auto& d : diagnostics.items()) std::cerr << config::format_diagnostic(d);
    if (diagnostics.has_errors()) {
      std::cerr << "tinxa-kiosk: the settings have errors; the defaults are used for those keys\n";
    }
  } else {
    m_settings = config::default_settings();
  }
  try {
    m_zone =
        std::make_unique<content::TimeZone>(content::TimeZone::load(m_settings.site.time_zone));
  } catch (const content::TimeError& e) {
    throw StartupError(std::string("site.yaml: time_zone: ") + e.what());
  }
  m_clock = make_clock(m_options.at, *m_zone);
  const auto content_dir = m_options.content_dir.value_or(m_settings.site.content_dir);
  m_content = content::load_bundle(content_dir);
  if (!m_content.ok()) {
    std::string message = "the content in " + content_dir.string() + " has errors:\n";
    for (const auto& d : m_content.diagnostics.items()) message += config::format_diagnostic(d);
    message += "Run `tinxa check --content " + content_dir.string() + "` after fixing them.";
    throw StartupError(message);
  }
}

KioskApp::~KioskApp() = default;

int KioskApp::run() {
  const auto& display = m_settings.kiosk.display;
  config::KioskSettings::Display shown = display;
  if (m_options.size) shown.fullscreen = false;
  const ui::Size panel = m_options.size.value_or(ui::Size{display.width_px, display.height_px});
  sdl::SdlContext sdl_context(sdl::VideoMode::display);
  sdl::KioskWindow window(shown, panel, sdl::KioskWindow::Renderer::accelerated);
  render::FontCache fonts(m_settings.kiosk.font, bold_face(m_settings.kiosk.font));
  render::SdlPainter painter(window.renderer(), fonts);
  auto metrics = ui::DisplayMetrics::from_settings(display, window.panel_size());
  ui::KioskUi kiosk(m_content.bundle, m_settings.site, *m_clock, *m_zone, ui::Theme(metrics),
                    painter, m_settings.kiosk.idle);
  // Anonymous usage counts, where the installation has its data directory (never created here).
  std::optional<content::Database> usage_db;
  std::optional<content::UsageCounts> usage;
  const auto& data_dir = m_settings.site.data_dir;
  std::error_code ec;
  if (std::filesystem::is_directory(data_dir, ec)) {
    try {
      usage_db.emplace(content::Database::open(content::usage_path(data_dir)));
      usage.emplace(*usage_db);
    } catch (const std::exception& e) {
      usage.reset();
      usage_db.reset();
      std::cerr << "tinxa-kiosk: usage counts off: " << e.what() << '\n';
    }
  }
  if (usage) {
    kiosk.set_usage_sink([&](ui::UsageEvent event, const std::string& subject) {
      const auto day = m_zone->to_local(m_clock->now()).date;
      switch (event) {
        case ui::UsageEvent::page_view:
          usage->add(day, content::UsageKind::page_view, subject);
          break;
        case ui::UsageEvent::search_no_result:
          usage->add(day, content::UsageKind::search_no_result, subject);
          break;
        case ui::UsageEvent::listen:
          usage->add(day, content::UsageKind::listen, subject);
          break;
      }
    });
  }
  sdl::EventLoop loop(window, painter, kiosk, *m_clock, ui::Theme(metrics).slop_px());
  loop.run();
  return 0;
}

std::vector<std::filesystem::path> KioskApp::screenshot_tour(const std::filesystem::path& dir) {
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

  std::vector<std::filesystem::path> written;
  auto shoot = [&](const std::string& name) {
    window.begin_frame();
    kiosk.render(painter);
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
  if (longest) {
    // The idle warning, over the page a resident left open.
    kiosk.go_home();
    kiosk.open_category(longest->category);
    kiosk.open_page(longest->id);
    kiosk.update(m_settings.kiosk.idle.warn_after);
    shoot("40-canh-bao-khong-cham");
    (void)kiosk.input(ui::Action::make(ui::ActionKind::back));
  }
  return written;
}

}  // namespace tinxa::kiosk::app
