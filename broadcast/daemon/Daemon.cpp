#include "broadcast/daemon/Daemon.hpp"

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <memory>
#include <system_error>
#include <vector>

#include "broadcast/audio/LiveInput.hpp"
#include "broadcast/audio/LoudnessPrefill.hpp"
#include "broadcast/audio/PortAudio.hpp"
#include "broadcast/audio/PortAudioSink.hpp"
#include "broadcast/control/ControlServer.hpp"
#include "broadcast/control/UniqueFd.hpp"
#include "broadcast/daemon/BackgroundReload.hpp"
#include "broadcast/daemon/CommandHandlers.hpp"
#include "broadcast/daemon/DeviceCatchUp.hpp"
#include "broadcast/daemon/LastGoodProgramme.hpp"
#include "broadcast/daemon/OffAirRecorder.hpp"
#include "broadcast/daemon/OffAirThread.hpp"
#include "broadcast/daemon/ProgrammeStart.hpp"
#include "broadcast/daemon/ResampleQuality.hpp"
#include "broadcast/daemon/ScheduleReloader.hpp"
#include "broadcast/daemon/SystemdNotify.hpp"
#include "broadcast/engine/Engine.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "config/settings/Settings.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/media/ProbeCache.hpp"
#include "content/store/AsRunLog.hpp"
#include "content/store/StoreFiles.hpp"
#include "content/time/TimeZone.hpp"

namespace tinxa::broadcast {

namespace {

using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

constexpr std::chrono::milliseconds kBusyPeriod{20};
constexpr std::chrono::milliseconds kIdlePeriod{200};
constexpr std::chrono::milliseconds kFileWatchPeriod{1000};
// Occurrences fire this long before their start, so their first sample is placed on the exact
// output frame: more than the output latency plus one busy period.
constexpr std::chrono::milliseconds kLead{200};

template <typename... Args>
void say(fmt::format_string<Args...> format, Args&&... args) {
  fmt::print(stderr, "tinxa-broadcastd: {}\n", fmt::format(format, std::forward<Args>(args)...));
  std::fflush(stderr);
}

// Prints every diagnostic; true when one of them stops the daemon. Media problems (a missing or
// broken recording) do not: the engine skips those items when they fall due. `stops`: false
// when the caller goes on another way (the last good copy), so "start again" is not said.
bool report(config::Diagnostics& diagnostics, bool stops = true) {
  diagnostics.sort();
  for (const auto& d : diagnostics.items()) fmt::print(stderr, "{}", config::format_diagnostic(d));
  if (diagnostics.media_error_count() != 0)
    say("{0} tệp âm thanh hoặc ảnh thiếu hay hỏng; các mục đó sẽ bị bỏ qua / {0} media problems; "
        "those items are skipped (tinxa check)",
        diagnostics.media_error_count());
  if (!diagnostics.has_structural_errors()) return false;
  if (stops)
    say("{0} lỗi; sửa rồi chạy lại (tinxa check) / {0} errors; fix them and start again (tinxa "
        "check)",
        diagnostics.error_count());
  else
    say("{0} lỗi trong lịch hoặc gói nội dung (tinxa check) / {0} errors in the schedule or the "
        "content bundle (tinxa check)",
        diagnostics.error_count());
  return true;
}

// The first load (ProgrammeStart.hpp), printed; false when the daemon must stop.
bool start_on(ScheduleReloader& programme, LastGoodProgramme& last_good,
              std::optional<ReloadCandidate::Origin>& keep) {
  ProgrammeStart start = start_programme(programme, &last_good);
  using Source = ProgrammeStart::Source;
  const bool fall_back = start.source == Source::last_good;
  report(start.configured, !fall_back);
  if (start.copy && !fall_back) {
    say("bản tốt gần nhất {} cũng có lỗi / the last good copy {} has errors too:",
        start.copy->string(), start.copy->string());
    report(start.copy_diagnostics);
  }
  if (fall_back) {
    report(start.copy_diagnostics, false);
    say("đang chạy bản tốt gần nhất {0}; sửa lịch/nội dung rồi `tinxa reload` / running the last "
        "good copy {0}; fix the files, then `tinxa reload` (or SIGHUP)",
        start.copy->string());
  }
  keep = std::move(start.keep);
  return start.source != Source::none;
}

// An eventfd the reload worker writes to wake the loop.
UniqueFd event_fd() {
  UniqueFd fd{::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)};
  if (!fd.valid()) throw std::system_error(errno, std::generic_category(), "eventfd");
  return fd;
}

std::string text_of(const Request& request) { return format_request(request); }

std::string text_of(const Response& response) {
  if (!response.error) return "OK";
  return fmt::format("ACK [{}] {}", static_cast<int>(*response.error), response.message);
}

void log_reload(const Response& response, std::string_view why) {
  for (const auto& [key, value] : response.fields)
    if (key == "error" || key == "warning") say("{}: {}", key, value);
  if (response.error)
    say("đọc lại lịch ({}) bị từ chối, vẫn chạy lịch cũ / reload ({}) rejected; the old schedule "
        "keeps running",
        why, why);
  else
    say("đã đọc lại lịch ({}) / schedule reloaded ({})", why, why);
}

void log_devices(const std::vector<DeviceOutputs::Event>& events) {
  using Kind = DeviceOutputs::Event::Kind;
  for (const auto& e : events) {
    const auto zones = fmt::format("{}", fmt::join(e.zones, " "));
    switch (e.kind) {
      case Kind::opened:
        say("thiết bị ra \"{}\" đã mở / output device \"{}\" open (zones: {})", e.device, e.device,
            zones);
        break;
      case Kind::failed_to_open:
        say("không mở được thiết bị ra / cannot open output device \"{}\" (zones: {}): {}; thử "
            "lại sau / retrying",
            e.device, zones, e.message);
        break;
      case Kind::lost:
        say("mất thiết bị ra / output device lost \"{}\" (zones: {}): {}; thử lại sau / retrying",
            e.device, zones, e.message);
        break;
      case Kind::returned:
        say("thiết bị ra \"{}\" đã trở lại / output device \"{}\" is back (zones: {})", e.device,
            e.device, zones);
        break;
    }
  }
}

void log_off_air(const std::vector<OffAirRecorder::Event>& events,
                 const content::TimeZone& time_zone) {
  using Kind = OffAirRecorder::Event::Kind;
  for (const auto& e : events) {
    switch (e.kind) {
      case Kind::opened: {
        const auto local = time_zone.to_local(e.start).time_of_day.count();
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(e.start.time_since_epoch())
                .count() %
            1000;
        say("ghi âm phát sóng vùng {} vào / off-air recording of zone {} into {} (first frame at "
            "{:02}:{:02}:{:02}.{:03})",
            e.zone, e.zone, e.path.string(), local / 3600, local / 60 % 60, local % 60, ms);
        break;
      }
      case Kind::failed:
        say("không ghi được âm phát sóng vùng {} / cannot record zone {} off air ({}): {}; thử "
            "lại sau 10 s / retrying in 10 s",
            e.zone, e.zone, e.path.string(), e.message);
        break;
      case Kind::overflow:
        say("bản ghi phát sóng vùng {} mất {} khung (vòng đệm đầy) / off-air recording of zone {} "
            "lost {} frames (ring full); they are silence in {}",
            e.zone, e.frames, e.zone, e.frames, e.path.string());
        break;
    }
  }
}

// A signalfd for SIGHUP, SIGTERM and SIGINT, which are blocked in this thread (and so in every
// thread started after it).
UniqueFd signal_fd() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  if (const int e = pthread_sigmask(SIG_BLOCK, &set, nullptr); e != 0)
    throw std::system_error(e, std::generic_category(), "pthread_sigmask");
  UniqueFd fd{::signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC)};
  if (!fd.valid()) throw std::system_error(errno, std::generic_category(), "signalfd");
  return fd;
}

// PortAudio 19.6 aborts in Pa_Terminate (pa_jack.c:820) once a JACK server it met at
// Pa_Initialize has died: with JACK behind the devices (the ALSA jack plugin, the tests' paced
// recipe) a lost device would crash the daemon when its sink's session ends. So when PortAudio
// lists JACK devices, one session is held for the process's life and never terminated (the
// process's exit releases it). Otherwise sessions end with the sinks, so that PortAudio lists
// the devices again and a USB device plugged back in is found.
void keep_portaudio_if_jack() {
  auto session = std::make_unique<PortAudioSession>();
  const auto devices = list_output_devices();
  if (std::none_of(devices.begin(), devices.end(),
                   [](const OutputDevice& d) { return d.host_api.rfind("JACK", 0) == 0; }))
    return;
  static PortAudioSession* held = nullptr;
  if (held == nullptr) held = session.release();
}

int milliseconds_until(std::chrono::nanoseconds left) {
  if (left <= 0ns) return 0;
  // Rounded up, so the loop does not wake just before what it waits for.
  return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(left).count());
}

}  // namespace

int run_daemon(const DaemonRequest& request) {
  UniqueFd signals = signal_fd();

  config::Diagnostics diagnostics;
  const config::Settings settings = config::load_settings(request.config_dir, diagnostics);
  if (report(diagnostics)) return 1;
  const auto& broadcast = settings.broadcast;
  // One probe cache for the daemon's life: a reload decodes only the recordings that changed.
  content::ProbeCache probes;
  ScheduleReloader programme{
      broadcast.schedule_file, request.content_dir.value_or(settings.site.content_dir),
      content::TimeZone::load(settings.site.time_zone),
      [&probes](const std::filesystem::path& root) {
        return content::load_bundle(root, content::LoadOptions{.probes = &probes});
      }};
  LastGoodProgramme last_good{settings.site.data_dir};
  std::optional<ReloadCandidate::Origin> keep_first;
  if (!start_on(programme, last_good, keep_first)) return 1;

  std::filesystem::create_directories(settings.site.data_dir);
  content::Database database =
      content::Database::open(content::as_run_path(settings.site.data_dir));
  content::AsRunLog log{database};
  // Every file the bundle can play is measured ahead on a thread of its own (its own connection
  // to the cache), at start and after each reload, so a first play never waits for a measurement.
  // A file it cannot measure is logged at once (it is skipped when due). Opened first: its
  // connection brings the cache's schema up to date.
  LoudnessPrefill prefill{std::make_unique<LoudnessCache>(
                              content::Database::open(settings.site.data_dir / "loudness.sqlite")),
                          [](const std::string& line) { say("{}", line); }};
  // The decode thread's connection never waits for the prefill's write lock (busy timeout 0): a
  // store that finds it busy is dropped, a lookup that does is a miss; refills go on.
  auto cache = std::make_unique<LoudnessCache>(content::Database::open(
      settings.site.data_dir / "loudness.sqlite", std::chrono::milliseconds{0}));
  const auto prefill_loudness = [&] { prefill.request(audio_files(programme.bundle())); };
  prefill_loudness();
  content::SystemClock clock;

  EngineOptions options;
  options.sample_rate_hz = broadcast.sample_rate_hz;
  options.target_lufs = broadcast.loudness_target_lufs;
  options.catch_up_grace = broadcast.catch_up_grace;
  options.silence_fallback = broadcast.silence_fallback;
  options.silence_threshold_dbfs = broadcast.silence_threshold_dbfs;
  options.resample_quality = resampler_quality(broadcast.resample_quality);
  options.lead = kLead;
  options.decode_thread = true;  // the loop never decodes, resamples or measures loudness
  Engine engine{clock, log, programme.schedule(), programme.bundle(), options, cache.get()};
  engine.set_live_sources([](const std::string& device, int rate) -> std::unique_ptr<LiveSource> {
    return std::make_unique<LiveInput>(device, rate);
  });

  auto make_sink = request.make_sink;
  if (!make_sink) {
    make_sink = [](const std::string&) -> std::unique_ptr<AudioSink> {
      return std::make_unique<PortAudioSink>();
    };
    keep_portaudio_if_jack();
  }
  // Off-air recordings, written on their own thread (never on this loop): declared before the
  // devices, so its files are finished after they stop.
  const auto time_zone = content::TimeZone::load(settings.site.time_zone);
  std::vector<Zone> zones;
  for (const auto& output : engine.outputs()) zones.push_back(output->zone());
  OffAirRecorder recorder{zones, broadcast.sample_rate_hz, clock, time_zone,
                          broadcast.off_air_days};
  OffAirThread recorder_thread{recorder};
  DeviceOutputs devices{engine, broadcast.sample_rate_hz, make_sink, broadcast.device_retry,
                        &recorder};
  DeviceCatchUp late_starts{engine, clock, broadcast.catch_up_grace};
  log_devices(devices.open_all(Steady::now()));

  programme.start(engine, clock.now());
  if (const auto missed = engine.catch_up(); missed > 0)
    say("{0} mục bị lỡ khi đài không chạy (ghi là missed) / {0} items were missed while the "
        "daemon was down (logged as missed)",
        missed);

  CommandHandlers handlers{engine, programme, clock, &devices};
  // Reloads load and check on a worker thread; the loop is woken through `wakeup` and applies.
  UniqueFd wakeup = event_fd();
  BackgroundReload reloads{
      programme,
      engine,
      handlers,
      clock,
      load_files_of(programme),
      [&last_good](const ReloadCandidate::Origin& origin) { return last_good.save(origin); },
      [fd = wakeup.get()] {
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto n = ::write(fd, &one, sizeof one);  // full: already awake
      }};
  if (keep_first) reloads.keep(std::move(*keep_first));
  if (const auto folder = broadcast.control_socket.parent_path(); !folder.empty())
    std::filesystem::create_directories(folder);
  // `reload` is answered when its load is done (ControlServer::defer); everything else at once.
  ControlServer server{broadcast.control_socket, broadcast.operators_group, [&](const Request& r) {
                         if (r.command == "reload") {
                           say("{} -> đang tải / loading", text_of(r));
                           reloads.request("reload", server.defer());
                           return Response{};
                         }
                         Response response = handlers.handle(r);
                         if (r.command != "status") say("{} -> {}", text_of(r), text_of(response));
                         return response;
                       }};
  const auto finish_reloads = [&] {
    for (auto& done : reloads.collect()) {
      log_reload(done.response, done.why);
      for (const auto waiter : done.waiters) {
        say("reload -> {}", text_of(done.response));
        server.answer(waiter, done.response);
      }
      if (done.applied) prefill_loudness();
    }
    for (const auto& note : reloads.take_notes()) say("{}", note);
  };

  SystemdNotify notify;
  const auto next = engine.next_occurrence();
  const std::string ready =
      fmt::format("{} vùng loa / zones, {} slots; next: {}", engine.outputs().size(),
                  programme.schedule().slots.size(),
                  next != nullptr ? handlers.local_text(next->start) : std::string{"-"});
  notify.ready(ready);
  say("sẵn sàng / ready: {}; control socket {}", ready, broadcast.control_socket.string());

  const auto watchdog_period = notify.watchdog_interval();
  auto next_watchdog = Steady::now();
  auto next_file_check = Steady::now() + kFileWatchPeriod;
  bool running = true;
  std::vector<pollfd> fds;
  while (running) {
    const auto steady_now = Steady::now();
    std::chrono::nanoseconds wait = engine.busy() ? kBusyPeriod : kIdlePeriod;
    if (const auto due = engine.next_due())
      wait = std::min<std::chrono::nanoseconds>(wait, *due - clock.now());
    wait = std::min<std::chrono::nanoseconds>(wait, next_file_check - steady_now);
    if (watchdog_period)
      wait = std::min<std::chrono::nanoseconds>(wait, next_watchdog - steady_now);

    fds.clear();
    fds.push_back(pollfd{signals.get(), POLLIN, 0});
    fds.push_back(pollfd{wakeup.get(), POLLIN, 0});
    server.add_poll_fds(fds);
    if (::poll(fds.data(), fds.size(), milliseconds_until(wait)) < 0 && errno != EINTR)
      throw std::system_error(errno, std::generic_category(), "poll");

    if (fds.front().revents & POLLIN) {
      signalfd_siginfo info{};
      while (::read(signals.get(), &info, sizeof(info)) == static_cast<ssize_t>(sizeof(info))) {
        if (info.ssi_signo == SIGHUP) {
          reloads.request("SIGHUP");
        } else {
          say("nhận {}, đang dừng / got {}, stopping", strsignal(static_cast<int>(info.ssi_signo)),
              strsignal(static_cast<int>(info.ssi_signo)));
          running = false;
        }
      }
    }
    if (fds[1].revents & POLLIN) {
      std::uint64_t count = 0;
      [[maybe_unused]] const auto n = ::read(wakeup.get(), &count, sizeof count);
      finish_reloads();
    }
    server.on_ready(fds);
    engine.poll();
    engine.feed();

    const auto after = Steady::now();
    const auto device_events = devices.check(after);
    log_devices(device_events);
    late_starts.collect();
    for (const auto& e : device_events)
      if (e.kind == DeviceOutputs::Event::Kind::returned)
        for (const auto& started : late_starts.returned(e.zones))
          say("thiết bị trở lại trong thời gian ân hạn: phát muộn {} ở vùng {} / the device came "
              "back within catch_up_grace: {} plays late in zone {}",
              started.occurrence_key, started.zone, started.occurrence_key, started.zone);
    log_off_air(recorder_thread.take_events(), time_zone);
    if (after >= next_file_check) {
      next_file_check = after + kFileWatchPeriod;
      reloads.check_file();
    }
    programme.extend(engine, clock.now());
    if (watchdog_period && after >= next_watchdog) {
      notify.watchdog();
      next_watchdog = after + *watchdog_period;
    }
  }

  notify.stopping();
  engine.shutdown();
  devices.close_all();
  log_off_air(recorder_thread.stop(), time_zone);  // the taps' last frames, the files finished
  say("đã dừng / stopped");
  return 0;
}

}  // namespace tinxa::broadcast
