#include "kiosk/app/KioskApp.hpp"

#include "kiosk/app/FontFaces.hpp"

#include "config/reader/DiagnosticFormat.hpp"
#include "config/reader/Scalars.hpp"
#include "config/settings/KioskSettingsReader.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/store/LastGoodBundle.hpp"
#include "content/time/TimeError.hpp"
#include "content/time/Validity.hpp"
#include "kiosk/app/ContentUpdater.hpp"
#include "kiosk/app/ContentWatcher.hpp"
#include "kiosk/app/NextBroadcast.hpp"
#include "kiosk/app/RendererChoice.hpp"
#include "kiosk/app/ScheduleZoneNames.hpp"
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
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace tinxa::kiosk::app {
namespace {

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

// The loader's messages, one line each (file:line:column ...), for the admin panel and the log.
std::vector<std::string> diagnostic_lines(const config::Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const auto& d : diagnostics.items()) {
    std::string line = config::format_diagnostic(d);
    while (!line.empty() && line.back() == '\n') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
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
  m_content_dir = content_dir;
  m_fingerprint = folder_fingerprint(content_dir);
  m_loaded_at = m_clock->now();
  m_content = content::load_bundle(content_dir, content::LoadOptions{.probes = m_probes.get()});
  m_shown_dir = content_dir;
  m_last_attempt = "chưa có / none yet";
  m_messages = diagnostic_lines(m_content.diagnostics);
  if (!m_content.usable()) {
    start_without_configured();
  }
  if (!m_shown_dir.empty()) {
    m_standards = ui::selfcheck::load_kiosk_standards(m_shown_dir, m_content.bundle, std::cerr);
  }
}

void KioskApp::start_without_configured() {
  std::cerr << "tinxa-kiosk: the content in " << m_content_dir.string() << " has errors:\n";
  for (const auto& m : m_messages) std::cerr << m << '\n';
  std::cerr << "tinxa-kiosk: run `tinxa check --content " << m_content_dir.string()
            << "` after fixing them; the folder is watched and a fixed bundle is shown at once\n";
  const std::string when = ui::format_date_time_vi(m_zone->to_local(m_loaded_at));
  const auto& data_dir = m_settings.site.data_dir;
  std::error_code ec;
  if (std::filesystem::is_directory(data_dir, ec)) {
    if (const auto copy = content::LastGoodBundle(data_dir).folder()) {
      auto loaded = content::load_bundle(*copy);
      if (loaded.usable()) {
        m_content = std::move(loaded);
        m_shown_dir = *copy;
        m_start_source = StartSource::last_good;
        m_last_attempt = when +
                         ": nội dung có lỗi, đang dùng bản tốt gần nhất / the content has errors; "
                         "the last good copy is shown";
        std::cerr << "tinxa-kiosk: showing the last good copy in " << copy->string() << '\n';
        return;
      }
      std::cerr << "tinxa-kiosk: the last good copy in " << copy->string() << " has errors too\n";
    }
  }
  m_content = content::LoadResult{};
  m_shown_dir.clear();
  m_start_source = StartSource::none;
  m_last_attempt = when +
                   ": nội dung có lỗi và chưa có bản tốt nào, đang hiện màn hình bảo trì / the "
                   "content has errors and there is no last good copy: the maintenance screen "
                   "is shown";
  std::cerr << "tinxa-kiosk: no usable content; the maintenance screen is shown until it is "
               "fixed\n";
}

ui::AdminInfo KioskApp::content_status() const {
  ui::AdminInfo info;
  if (m_shown_dir.empty()) {
    info.bundle =
        "không có nội dung dùng được / no usable content (" + m_content_dir.string() + ")";
  } else {
    info.bundle = m_content.bundle.info.id + " " + m_content.bundle.info.version + " (" +
                  m_shown_dir.string() + ")";
  }
  info.loaded_at = ui::format_date_time_vi(m_zone->to_local(m_loaded_at));
  info.last_attempt = m_last_attempt;
  info.messages = m_messages;
  return info;
}

KioskApp::~KioskApp() = default;

std::unique_ptr<ui::KioskUi> KioskApp::make_ui(ui::Theme theme, ui::Measurer& measurer,
                                               ui::Speaker* speaker) {
  auto kiosk = std::make_unique<ui::KioskUi>(m_content.bundle, m_settings.site, *m_clock, *m_zone,
                                             std::move(theme), measurer, m_settings.kiosk.idle);
  kiosk->set_speaker(speaker);
  // No usable content at all: the maintenance screen until a fixed bundle is swapped in.
  if (m_start_source == StartSource::none) {
    kiosk->set_maintenance([this](const ui::Theme& t, ui::Navigator&, const std::string&) {
      return std::make_unique<ui::MaintenanceScreen>(t, m_settings.site.commune_name, *m_clock,
                                                     *m_zone);
    });
  }
  if (!m_usage) {
    m_usage.emplace(m_settings.site.data_dir, *m_clock, *m_zone,
                    [](const std::string& line) { std::cerr << "tinxa-kiosk: " << line << '\n'; });
  }
  kiosk->set_usage_sink(m_usage->sink());
  return kiosk;
}

ui::AdminInfo KioskApp::admin_info() {
  ui::AdminInfo info = content_status();
  info.usage =
      m_usage ? m_usage->admin_lines() : std::vector<std::string>{"không đếm / not counted"};
  return info;
}

int KioskApp::run() {
  const auto& display = m_settings.kiosk.display;
  config::KioskSettings::Display shown = display;
  if (m_options.size) shown.fullscreen = false;
  const ui::Size panel = m_options.size.value_or(ui::Size{display.width_px, display.height_px});
  // Lock-down in the real kiosk (fullscreen); a window on a developer's screen may be closed.
  const bool lockdown = shown.fullscreen;
  // kiosk.yaml's video_driver, unless SDL_VIDEODRIVER is set (a normal-priority hint yields to
  // the environment variable).
  if (const auto driver = config::video_driver_name(m_settings.kiosk.video_driver);
      !driver.empty()) {
    SDL_SetHint(SDL_HINT_VIDEODRIVER, std::string(driver).c_str());
  }
  sdl::SdlContext sdl_context(sdl::VideoMode::display,
                              lockdown ? sdl::Lockdown::on : sdl::Lockdown::off);
  const bool gpu = has_gpu_device();
  const auto chosen = choose_renderer(m_settings.kiosk.renderer, gpu);
  const auto renderer = renderer_for_driver(chosen, SDL_GetCurrentVideoDriver());
  if (renderer != chosen) {
    std::cerr << "tinxa-kiosk: trên KMSDRM dùng renderer accelerated (software bị lỗi trên SDL "
                 "2.26) / on KMSDRM the accelerated renderer is used (software crashes in SDL "
                 "2.26)\n";
  }
  // SDL backs an X11 window's surface with an OpenGL texture by default, which loads Mesa
  // (about 95 MB more resident memory under Xvfb) even for the software renderer; X11 can show
  // the surface itself (XShm). Other drivers (Wayland, KMS/DRM) need the texture.
  if (renderer == sdl::KioskWindow::Renderer::software &&
      std::string_view(SDL_GetCurrentVideoDriver()) == "x11") {
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  }
  sdl::KioskWindow window(shown, panel, renderer);
  std::cerr << "tinxa-kiosk: " << SDL_GetCurrentVideoDriver() << ", renderer "
            << window.renderer_name() << ": " << describe_choice(m_settings.kiosk.renderer, gpu)
            << '\n';
  render::FontCache fonts(m_settings.kiosk.font, bold_face(m_settings.kiosk.font));
  render::SdlPainter painter(window.renderer(), fonts);
  auto metrics = ui::DisplayMetrics::from_settings(display, window.panel_size());
  // The "Nghe" output; with no sound device the bars say that listening is unavailable.
  audio::SdlSpeaker speaker;
  if (!speaker.available()) {
    std::cerr << "tinxa-kiosk: không có loa, tắt chức năng nghe / no audio output, listening off: "
              << speaker.reason() << '\n';
  }
  const std::unique_ptr<ui::KioskUi> kiosk_ui = make_ui(ui::Theme(metrics), painter, &speaker);
  ui::KioskUi& kiosk = *kiosk_ui;
  // The self-check wizard's "Nghe" plays through this speaker (null: no "Nghe" button).
  ui::Speaker* self_check_speaker = speaker.available() ? &speaker : nullptr;
  // The self-check's home tile exists while there are standards; after a content swap brought
  // new ones (or none), this runs again. The factory reads m_standards and the bundle by
  // reference, which the swap reassigns in place.
  auto install_self_check = [&] {
    if (m_standards.empty()) {
      kiosk.set_self_check({});
    } else {
      kiosk.set_self_check(ui::selfcheck::self_check_factory(
          m_standards, m_content.bundle, m_settings.site, *m_clock, *m_zone, self_check_speaker));
    }
  };
  install_self_check();
  // "Nghe lại loa hôm nay" names the loudspeaker zones as the schedule does.
  ScheduleZoneNames zone_names(m_settings.broadcast.schedule_file);
  kiosk.set_zone_names([&zone_names] { return zone_names.names(); });
  sdl::EventLoop loop(window, painter, kiosk, *m_clock, ui::Theme(metrics).slop_px());
  loop.set_lockdown(lockdown);
  // The slideshow needs content: it is switched on when the maintenance screen goes.
  if (!kiosk.in_maintenance()) kiosk.set_attract(m_settings.kiosk.attract);
  ui::NightSchedule night(m_settings.kiosk.screen_off, *m_zone);
  loop.set_night(&night);

  // Other threads wake the loop with an event of this type (SDL_PushEvent is thread-safe).
  const Uint32 wake_type = SDL_RegisterEvents(1);
  auto wake = [wake_type] {
    if (wake_type == static_cast<Uint32>(-1)) return;
    SDL_Event event{};
    event.type = wake_type;
    (void)SDL_PushEvent(&event);
  };
  // The last good copy of each bundle shown from the content folder, beside the usage counts.
  std::optional<content::LastGoodBundle> last_good;
  const auto& data_dir = m_settings.site.data_dir;
  std::error_code ec;
  if (std::filesystem::is_directory(data_dir, ec)) last_good.emplace(data_dir);
  ContentUpdater updater(
      ContentWatcher(m_content_dir, m_fingerprint, std::chrono::seconds{1}, m_probes), *m_clock,
      wake, last_good ? &*last_good : nullptr,
      [](const std::string& line) { std::cerr << "tinxa-kiosk: " << line << '\n'; });
  if (m_start_source == StartSource::configured) updater.accepted(m_fingerprint);
  NextBroadcastPoller next_broadcast(m_settings.broadcast.control_socket, *m_clock, *m_zone, wake);

  std::optional<ContentWatcher::Attempt> waiting;  // a good bundle, until the finger lifts
  auto when = [&](content::TimePoint t) { return ui::format_date_time_vi(m_zone->to_local(t)); };
  ui::AdminHooks hooks;
  hooks.info = [&] { return admin_info(); };
  hooks.reload = [&] { updater.force(); };
  hooks.exit = [&] { loop.request_quit(); };
  kiosk.set_admin(m_settings.kiosk.admin_pin, std::move(hooks));

  loop.set_tick([&]() -> std::chrono::milliseconds {
    if (auto attempt = updater.take()) {
      m_messages = diagnostic_lines(attempt->result->diagnostics);
      if (attempt->result->usable()) {
        m_last_attempt = when(attempt->at) + ": đã nạp / loaded";
        if (attempt->standards && !attempt->standards->ok()) {
          m_last_attempt = when(attempt->at) +
                           ": đã nạp, chuẩn nghèo có lỗi nên giữ chuẩn cũ / loaded; the standards "
                           "have errors, the old ones stay";
          // The messages say why; take_standards() adds them at the swap, and the log gets
          // them now.
          std::cerr << "tinxa-kiosk: the new poverty standards in " << m_content_dir.string()
                    << " have errors; the old ones stay\n";
          for (const auto& d : attempt->standards->diagnostics.items()) {
            std::cerr << config::format_diagnostic(d);
          }
        }
        waiting = std::move(attempt);
      } else {
        // The last good bundle (or the maintenance screen) stays; the admin panel says why.
        m_last_attempt = when(attempt->at) +
                         (kiosk.in_maintenance()
                              ? ": lỗi, vẫn màn hình bảo trì / errors, the maintenance screen stays"
                              : ": lỗi, giữ nội dung cũ / errors, the old content stays");
        std::cerr << "tinxa-kiosk: the new content in " << m_content_dir.string()
                  << " has errors; what is shown stays\n";
        for (const auto& m : m_messages) std::cerr << m << '\n';
      }
    }
    if (waiting && !kiosk.touching()) {
      // Between touches: the resident's screens are rebuilt from the new bundle.
      const bool was_maintenance = kiosk.in_maintenance();
      kiosk.replace_content([&] {
        m_content.bundle = std::move(waiting->result->bundle);
        // The standards go with their bundle; broken ones leave the last good set (and say why
        // in the admin panel). Every screen is closed here, so none holds the old ones.
        if (take_standards(waiting->standards.get(), m_standards, m_messages)) {
          install_self_check();
        }
        if (was_maintenance) kiosk.set_maintenance({});
      });
      if (was_maintenance) kiosk.set_attract(m_settings.kiosk.attract);
      m_loaded_at = waiting->at;
      m_shown_dir = m_content_dir;
      // Not offered again, and copied as the last good bundle (on the updater's thread).
      updater.accepted(waiting->fingerprint);
      waiting.reset();
    }
    kiosk.set_next_broadcast(next_broadcast.latest());
    return std::chrono::minutes{1};
  });
  loop.run();
  return 0;
}

}  // namespace tinxa::kiosk::app
