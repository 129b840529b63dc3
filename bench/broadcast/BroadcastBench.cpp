// broadcast_bench: the real-time broadcast figures of issue 3 item 11, measured at the output
// (run by broadcast_bench.sh, which starts jackd, the recorder jack_rec and points ALSA at
// alsa/asound-jack-rec.conf; not a test). Three modes, each appending to an events file that
// the analysis reads after the recorder has stopped:
//
//   broadcast_bench --tinxa N EVENTS DIR [--lead-ms L] [--latency-ms S]
//       The real Engine on a SystemClock, its zone on PortAudioSink("out"), driven by the loop
//       tinxa-broadcastd runs (feed, poll, sleep until the next due item, 20 ms while anything
//       plays, 200 ms otherwise). Phase "start": N announcements scheduled at instants 0.6-1.0 s
//       ahead. Phase "inject": while a normal item plays (left channel only), an emergency (right
//       channel only) is injected as the operator's `alert` would (Engine::inject) when the loop
//       wakes at the request's instant; the reference is that instant. Phase "sched": the same
//       emergency scheduled at an instant while the normal item plays; the reference is that
//       instant. --lead-ms L sets EngineOptions::lead (occurrences fire L ms before their start);
//       default 200 ms, what tinxa-broadcastd uses; 0 fires them at their instant. --latency-ms S
//       is the PortAudioSink's suggested latency (default: the device's low latency, as the
//       daemon).
//   broadcast_bench --naive N EVENTS DIR PLAYER
//       The alternative a commune would otherwise use: a timer that sleeps until each instant
//       (clock_nanosleep on CLOCK_REALTIME, more precise than cron) and fork/execs PLAYER ("aplay"
//       = `aplay -q -D out FILE`, "play" = sox's `play -q FILE` with AUDIODEV=out) on the same
//       announcements at the same spacing; CPU is the children's (wait4).
//   broadcast_bench --analyse CAPTURE.wav EVENTS
//       Finds each onset in jack_rec's capture (first sample above 0.01 on the event's channel
//       after 50 ms of quiet), prints every figure, then FIGURE lines for broadcast_bench.sh.
//
// CPU lines: the tinxa process's own CPU over the "start" phase (RUSAGE_SELF: engine loop,
// decode, mixer, PortAudio and the ALSA/JACK client thread), against the naive players' CPU
// (RUSAGE_CHILDREN of the same announcements). The recorder and jackd count for neither.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sndfile.h>

#include "bench/broadcast/ThreadCpu.hpp"
#include "broadcast/audio/LoudnessCache.hpp"
#include "broadcast/audio/PortAudioSink.hpp"
#include "broadcast/engine/Engine.hpp"
#include "broadcast/schedule/Occurrence.hpp"
#include "broadcast/schedule/Schedule.hpp"
#include "content/media/AudioProbe.hpp"
#include "content/model/Bundle.hpp"
#include "content/store/AsRunLog.hpp"
#include "content/store/Database.hpp"
#include "content/time/Clock.hpp"

namespace {

namespace tb = tinxa::broadcast;
namespace tc = tinxa::content;
using namespace std::chrono_literals;

constexpr int kRate = 48000;
constexpr double kStartSeconds = 0.5;      // the announcement of the start phases
constexpr double kNormalSeconds = 4.0;     // the normal item an emergency interrupts
constexpr double kEmergencySeconds = 0.6;  // the emergency
constexpr double kSteadySeconds = 20.0;    // steady playback, for CPU while playing
constexpr double kIdleSeconds = 10.0;      // the stream open with nothing to play
constexpr float kThreshold = 0.01F;
constexpr double kQuietSeconds = 0.05;

double to_epoch(tc::TimePoint t) {
  return std::chrono::duration<double>(t.time_since_epoch()).count();
}

double cpu_seconds(int who) {
  rusage usage{};
  getrusage(who, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

// This thread's CPU: the engine's loop (poll, feed: decode, resample, loudness, as-run writes).
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// A tone on the chosen channels (mask bit 0 left, bit 1 right), starting at phase 0.
void write_tone(const std::filesystem::path& path, double seconds, double hz, int mask) {
  SF_INFO info{};
  info.samplerate = kRate;
  info.channels = 2;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(path.c_str(), SFM_WRITE, &info),
                                                         &sf_close};
  if (!file) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
  const auto frames = static_cast<std::size_t>(seconds * kRate);
  std::vector<float> samples(frames * 2);
  for (std::size_t f = 0; f < frames; ++f) {
    const auto v =
        static_cast<float>(0.5 * std::sin(2 * M_PI * hz * static_cast<double>(f) / kRate));
    samples[2 * f] = (mask & 1) != 0 ? v : 0.0F;
    samples[2 * f + 1] = (mask & 2) != 0 ? v : 0.0F;
  }
  sf_writef_float(file.get(), samples.data(), static_cast<sf_count_t>(frames));
}

struct Files {
  std::filesystem::path start, normal, emergency, programme;
};

Files write_files(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  Files f{dir / "start.wav", dir / "normal.wav", dir / "emergency.wav", dir / "programme.wav"};
  write_tone(f.start, kStartSeconds, 1000.0, 3);
  write_tone(f.normal, kNormalSeconds, 440.0, 1);
  write_tone(f.emergency, kEmergencySeconds, 1000.0, 2);
  write_tone(f.programme, kSteadySeconds, 330.0, 3);
  return f;
}

// The instant of the i-th start, `after` the previous one ended: 0.6 to 1.0 s ahead, at an
// arbitrary phase of the device period.
std::chrono::system_clock::time_point start_instant(int i,
                                                    std::chrono::system_clock::time_point after) {
  return after + std::chrono::milliseconds{600 + 37 * (i % 11)};
}

class Events {
 public:
  explicit Events(const std::filesystem::path& path) : m_out{path, std::ios::app} {}
  // An onset to find: `phase`, `index`, the reference instant, the channel (0 left, 1 right).
  void onset(const std::string& phase, int index, double reference, int channel) {
    char line[160];
    std::snprintf(line, sizeof line, "onset %s %d %.6f %d\n", phase.c_str(), index, reference,
                  channel);
    m_out << line << std::flush;
  }
  // What the engine's as-run log says: started - scheduled, for comparison with the capture.
  void asrun(const std::string& phase, double scheduled, double started) {
    char line[160];
    std::snprintf(line, sizeof line, "asrun %s %.6f %.6f\n", phase.c_str(), scheduled, started);
    m_out << line << std::flush;
  }
  void value(const std::string& name, double v) {
    char line[160];
    std::snprintf(line, sizeof line, "value %s %.9g\n", name.c_str(), v);
    m_out << line << std::flush;
  }

 private:
  std::ofstream m_out;
};

// Which part of the rig a thread of this process belongs to, from when it appeared: the engine's
// loop is the main thread, the decode thread names itself "tinxa-decode", the threads that appear
// while PortAudio opens the ALSA PCM are the ALSA jack plugin's JACK client (libjack starts them
// when the plugin connects and activates), the one that appears when the stream starts is
// PortAudio's callback thread. Checked in a short run: see bench/README.md, "CPU by thread".
class ThreadRoles {
 public:
  // The roles, in the order they are printed, and what each one is.
  static constexpr std::array<std::pair<const char*, const char*>, 5> kRoles{{
      {"loop", "engine loop (main thread)"},
      {"decode", "decode thread"},
      {"callback", "PortAudio callback (mixer)"},
      {"jack", "ALSA jack plugin: JACK client"},
      {"other", "other"},
  }};

  void before_open() { m_before_open = tinxa::bench::thread_ids(); }
  void after_open() { m_after_open = tinxa::bench::thread_ids(); }
  void after_start() { m_after_start = tinxa::bench::thread_ids(); }

  [[nodiscard]] std::string role_of(pid_t tid, const tinxa::bench::ThreadCpu& thread) const {
    if (tid == getpid()) return "loop";
    if (thread.name == "tinxa-decode") return "decode";
    if (!m_before_open.contains(tid) && m_after_open.contains(tid)) return "jack";
    if (!m_after_open.contains(tid) && m_after_start.contains(tid)) return "callback";
    return "other";
  }

 private:
  std::set<pid_t> m_before_open, m_after_open, m_after_start;
};

// CPU by thread over a window: each thread's CPU between two tinxa::bench::thread_cpu() samples
// (a thread born in the window counts from 0), as % of one core over `wall` seconds, printed one
// line per thread to stderr (tid, name, scheduling policy, role) and summed per role into `events`
// as `prefix`_<role>_pct.
void record_threads(const ThreadRoles& roles, const std::map<pid_t, tinxa::bench::ThreadCpu>& from,
                    const std::map<pid_t, tinxa::bench::ThreadCpu>& to, double wall,
                    const std::string& prefix, Events& events) {
  std::map<std::string, double> per_role;
  for (const auto& [tid, thread] : to) {
    const auto before = from.find(tid);
    const double cpu =
        thread.cpu_seconds - (before == from.end() ? 0.0 : before->second.cpu_seconds);
    const std::string role = roles.role_of(tid, thread);
    per_role[role] += cpu;
    // "tinxa:" so that broadcast_bench.sh shows these lines.
    std::fprintf(stderr, "tinxa: %s: thread %d %-16s %-8s %-9s %.3f %% of a core\n", prefix.c_str(),
                 static_cast<int>(tid), thread.name.c_str(), thread.policy.c_str(), role.c_str(),
                 100.0 * cpu / wall);
  }
  for (const auto& [role, what] : ThreadRoles::kRoles)
    events.value(prefix + "_" + role + "_pct", 100.0 * per_role[role] / wall);
}

tc::AudioClip clip(const std::filesystem::path& path) {
  return {{path.filename().string(), path, {}}, tc::probe_audio(path)};
}

tb::Occurrence occurrence(const std::string& slot, int index, tc::TimePoint start,
                          const std::string& announcement, tb::Priority priority,
                          tb::OnPreempt on_preempt) {
  tb::Occurrence o;
  o.slot_id = slot;
  o.start = start;
  o.priority = priority;
  o.zones = {"z"};
  o.play = {tb::PlayKind::announcement, announcement, {}, {}};
  o.on_preempt = on_preempt;
  o.key = slot + "#" + std::to_string(index);
  return o;
}

int run_tinxa(int count, const std::filesystem::path& events_path, const std::filesystem::path& dir,
              std::chrono::milliseconds lead, double latency_ms) {
  const Files files = write_files(dir);
  tc::Bundle bundle;
  for (const auto& [id, path] :
       {std::pair{"start", files.start}, std::pair{"normal", files.normal},
        std::pair{"emergency", files.emergency}, std::pair{"programme", files.programme}}) {
    tc::Announcement a;
    a.id = id;
    a.title = tc::LocalizedText{std::string{"Thông báo "} + id};
    a.audio = clip(path);
    a.category = "bench";
    bundle.announcements.push_back(a);
  }
  tb::Schedule schedule;
  tb::Zone zone;
  zone.id = "z";
  zone.name = "z";
  zone.device = "out";
  zone.channels = {1, 2};
  schedule.zones.push_back(zone);
  tc::Database database = tc::Database::open_memory();
  tc::AsRunLog log{database};
  tb::LoudnessCache cache{tc::Database::open_memory()};
  const tc::SystemClock clock;
  tb::EngineOptions options;
  options.sample_rate_hz = kRate;
  options.lead = lead;
  options.decode_thread = true;  // as the daemon: the loop never decodes
  tb::Engine engine{clock, log, schedule, bundle, options, &cache};
  tb::ZoneOutput& output = *engine.output("z");
  tb::PortAudioSink sink{latency_ms / 1000.0};
  ThreadRoles roles;
  roles.before_open();
  sink.open("out", kRate, 2, output.mixer());
  roles.after_open();
  sink.start();
  roles.after_start();
  output.attach(&sink);
  while (!sink.timing().known()) std::this_thread::sleep_for(5ms);
  std::fprintf(stderr, "tinxa: PortAudio output latency %.1f ms, engine lead %lld ms\n",
               sink.output_latency_seconds() * 1000.0, static_cast<long long>(lead.count()));
  Events events{events_path};
  events.value("tinxa_latency_ms", sink.output_latency_seconds() * 1000.0);
  events.value("tinxa_lead_ms", static_cast<double>(lead.count()));

  // The daemon's loop (broadcast/daemon/Daemon.hpp): feed and poll, then sleep until the next
  // due item (its start minus the engine's lead) or 20 ms while anything plays, 200 ms otherwise.
  // `hook` runs after each poll with the wall time; it may inject.
  auto loop = [&](std::chrono::system_clock::time_point until,
                  const std::function<void(std::chrono::system_clock::time_point)>& hook,
                  std::optional<std::chrono::system_clock::time_point> wake_at) {
    for (;;) {
      engine.feed();
      engine.poll();
      const auto now = std::chrono::system_clock::now();
      if (hook) hook(now);
      if (now >= until && !engine.busy()) return;
      auto wake = now + (engine.busy() ? 20ms : 200ms);
      if (const auto due = engine.next_due()) wake = std::min(wake, *due);
      if (wake_at && *wake_at > now) wake = std::min(wake, *wake_at);
      std::this_thread::sleep_until(wake);
    }
  };

  // Phase "start": scheduled starts through the engine.
  const double cpu_before = cpu_seconds(RUSAGE_SELF);
  const double thread_before = thread_cpu_seconds();
  const auto phase_begin = std::chrono::system_clock::now();
  auto after = phase_begin;
  for (int i = 0; i < count; ++i) {
    const auto at = start_instant(i, after);
    engine.schedule(
        {occurrence("start", i, at, "start", tb::Priority::normal, tb::OnPreempt::drop)});
    events.onset("tinxa-start", i, to_epoch(at), 0);
    loop(at + 10ms, nullptr, std::nullopt);
    after = std::chrono::system_clock::now();
  }
  std::this_thread::sleep_for(300ms);
  const double phase_wall =
      std::chrono::duration<double>(std::chrono::system_clock::now() - phase_begin).count();
  events.value("tinxa_start_cpu_s", cpu_seconds(RUSAGE_SELF) - cpu_before);
  events.value("tinxa_start_loop_cpu_s", thread_cpu_seconds() - thread_before);
  events.value("tinxa_start_wall_s", phase_wall);
  events.value("tinxa_start_count", count);
  events.value("tinxa_start_mixer_underruns", static_cast<double>(output.mixer().underruns()));
  std::fprintf(stderr, "tinxa: %d scheduled starts done\n", count);

  // CPU with the stream open and nothing to play, then while one 48 kHz file plays.
  for (const bool playing : {false, true}) {
    const double before = cpu_seconds(RUSAGE_SELF);
    const auto threads_before = tinxa::bench::thread_cpu();
    const auto begin = std::chrono::system_clock::now();
    if (playing) {
      engine.schedule({occurrence("programme", 0, begin + 100ms, "programme", tb::Priority::normal,
                                  tb::OnPreempt::drop)});
      loop(begin + 200ms, nullptr, std::nullopt);
    } else {
      loop(begin + std::chrono::milliseconds{static_cast<int>(kIdleSeconds * 1000)}, nullptr,
           std::nullopt);
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::system_clock::now() - begin).count();
    events.value(playing ? "tinxa_steady_cpu_pct" : "tinxa_idle_cpu_pct",
                 100.0 * (cpu_seconds(RUSAGE_SELF) - before) / wall);
    record_threads(roles, threads_before, tinxa::bench::thread_cpu(), wall,
                   playing ? "tinxa_steady_thread" : "tinxa_idle_thread", events);
    events.value(playing ? "tinxa_steady_mixer_underruns" : "tinxa_idle_mixer_underruns",
                 static_cast<double>(output.mixer().underruns()));
  }
  std::this_thread::sleep_for(300ms);

  // Phases "inject" and "sched": an emergency while a normal item plays.
  double inject_delay_ms = 0.0;
  for (const bool injected : {true, false}) {
    for (int i = 0; i < count; ++i) {
      const auto t0 = std::chrono::system_clock::now() + 300ms;
      const auto te = t0 + std::chrono::milliseconds{1000 + 37 * (i % 11)};
      const std::string tag = injected ? "inject" : "sched";
      std::vector<tb::Occurrence> batch{
          occurrence("normal-" + tag, i, t0, "normal", tb::Priority::normal, tb::OnPreempt::drop)};
      if (!injected)
        batch.push_back(occurrence("alert-" + tag, i, te, "emergency", tb::Priority::emergency,
                                   tb::OnPreempt::drop));
      engine.schedule(std::move(batch));
      bool done = !injected;
      loop(
          te + 50ms,
          [&](std::chrono::system_clock::time_point now) {
            if (done || now < te) return;
            done = true;
            const auto at = std::chrono::system_clock::now();
            engine.inject(occurrence("alert-" + tag, i, at, "emergency", tb::Priority::emergency,
                                     tb::OnPreempt::drop));
            // The reference is the instant the request arrives (te, when the loop is woken, as
            // the control socket would wake it), so the loop's own wake-up delay counts.
            events.onset("tinxa-inject", i, to_epoch(te), 1);
            inject_delay_ms = std::max(inject_delay_ms,
                                       std::chrono::duration<double, std::milli>(at - te).count());
          },
          injected ? std::optional{te} : std::nullopt);
      if (!injected) events.onset("tinxa-sched", i, to_epoch(te), 1);
      std::this_thread::sleep_for(300ms);
    }
    std::fprintf(stderr, "tinxa: %d %s emergencies done\n", count,
                 injected ? "injected" : "scheduled");
    // Cumulative: where in the run the mixer found a stream without decoded audio.
    events.value(injected ? "tinxa_inject_mixer_underruns" : "tinxa_sched_mixer_underruns",
                 static_cast<double>(output.mixer().underruns()));
  }
  events.value("tinxa_inject_call_delay_max_ms", inject_delay_ms);
  for (const auto& r : log.between(tc::TimePoint{}, std::chrono::system_clock::now() + 24h)) {
    if (!r.started) continue;
    const std::string phase = r.slot_id == "start"                    ? "tinxa-start"
                              : r.slot_id.starts_with("alert-inject") ? "tinxa-inject"
                              : r.slot_id.starts_with("alert-sched")  ? "tinxa-sched"
                                                                      : "";
    if (!phase.empty()) events.asrun(phase, to_epoch(r.scheduled), to_epoch(*r.started));
  }
  events.value("tinxa_underflows", static_cast<double>(sink.output_underflows()));
  events.value("tinxa_mixer_underruns", static_cast<double>(output.mixer().underruns()));
  events.value("tinxa_loudness_measurements", static_cast<double>(cache.measurements()));
  engine.shutdown();
  output.attach(nullptr);
  sink.close();
  return 0;
}

int run_naive(int count, const std::filesystem::path& events_path, const std::filesystem::path& dir,
              const std::string& player) {
  const Files files = write_files(dir);
  Events events{events_path};
  double children_cpu = 0.0;
  const double self_before = cpu_seconds(RUSAGE_SELF);
  const auto phase_begin = std::chrono::system_clock::now();
  auto after = phase_begin;
  for (int i = 0; i < count; ++i) {
    const auto at = start_instant(i, after);
    const auto since = at.time_since_epoch();
    timespec when{};
    when.tv_sec = std::chrono::duration_cast<std::chrono::seconds>(since).count();
    when.tv_nsec =
        std::chrono::duration_cast<std::chrono::nanoseconds>(since % std::chrono::seconds{1})
            .count();
    while (clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &when, nullptr) == EINTR) {
    }
    const pid_t child = fork();
    if (child == 0) {
      if (player == "play") {
        setenv("AUDIODEV", "out", 1);
        execlp("play", "play", "-q", files.start.c_str(), nullptr);
      } else {
        execlp("aplay", "aplay", "-q", "-D", "out", files.start.c_str(), nullptr);
      }
      _exit(127);
    }
    events.onset("naive-" + player, i, to_epoch(at), 0);
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "naive: %s failed (status %d)\n", player.c_str(), status);
      return 1;
    }
    children_cpu += static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
    after = std::chrono::system_clock::now();
  }
  std::this_thread::sleep_for(300ms);
  const double wall =
      std::chrono::duration<double>(std::chrono::system_clock::now() - phase_begin).count();
  {
    // The same player on the 20 s file: its CPU while it plays (start-up included).
    const auto begin = std::chrono::system_clock::now();
    const pid_t child = fork();
    if (child == 0) {
      if (player == "play") {
        setenv("AUDIODEV", "out", 1);
        execlp("play", "play", "-q", files.programme.c_str(), nullptr);
      } else {
        execlp("aplay", "aplay", "-q", "-D", "out", files.programme.c_str(), nullptr);
      }
      _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
    const double steady_wall =
        std::chrono::duration<double>(std::chrono::system_clock::now() - begin).count();
    events.value("naive_" + player + "_steady_cpu_pct", 100.0 * cpu / steady_wall);
  }
  events.value("naive_" + player + "_cpu_s", children_cpu + cpu_seconds(RUSAGE_SELF) - self_before);
  events.value("naive_" + player + "_wall_s", wall);
  events.value("naive_" + player + "_count", count);
  std::fprintf(stderr, "naive: %d starts with %s done\n", count, player.c_str());
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Analysis

struct Stats {
  std::size_t found = 0, expected = 0;
  double median = NAN, worst = NAN, worst_abs = NAN, best = NAN;
};

Stats stats_of(std::vector<double> v, std::size_t expected) {
  Stats s;
  s.expected = expected;
  s.found = v.size();
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.median = v.size() % 2 == 1 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
  s.best = v.front();
  s.worst = v.back();
  s.worst_abs = std::max(std::abs(v.front()), std::abs(v.back()));
  return s;
}

void figure(const std::string& what, const std::string& value, const std::string& target,
            bool pass) {
  std::printf("FIGURE\t%s\t%s\t%s\t%s\n", what.c_str(), value.c_str(), target.c_str(),
              pass ? "pass" : "MISS");
}

void figure_info(const std::string& what, const std::string& value) {
  std::printf("FIGURE\t%s\t%s\t-\t-\n", what.c_str(), value.c_str());
}

std::string fmt_ms(double v) {
  char b[64];
  std::snprintf(b, sizeof b, "%+.1f ms", v);
  return b;
}

int analyse(const std::filesystem::path& capture, const std::filesystem::path& events_path) {
  double frame0 = 0.0;
  std::ifstream{capture.string() + ".tme"} >> frame0;
  SF_INFO info{};
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(capture.c_str(), SFM_READ, &info),
                                                         &sf_close};
  if (!file || frame0 <= 0.0 || info.channels != 2) {
    std::fprintf(stderr, "analyse: no timestamped stereo capture at %s\n", capture.c_str());
    return 1;
  }
  // Per-cycle stamps (jack_rec's OUT.wav.cycles): frame f reaches the output at the local
  // anchor + f / rate, the anchor being the least-late cycle within +-0.5 s, so neither a late
  // wake-up nor a driver that runs off the wall clock moves the figure.
  std::vector<std::pair<double, double>> cycles;  // frames before the cycle, wall time
  {
    std::ifstream in{capture.string() + ".cycles"};
    for (double f = 0, w = 0; in >> f >> w;) cycles.emplace_back(f, w);
  }
  std::vector<float> samples(static_cast<std::size_t>(info.frames) * 2);
  sf_readf_float(file.get(), samples.data(), info.frames);
  const double rate = info.samplerate;
  const std::int64_t frames = info.frames;
  const auto quiet = static_cast<std::int64_t>(kQuietSeconds * rate);

  // The first frame at or after `from` (capture frame) whose sample on `channel` is above the
  // threshold after at least `quiet` frames of quiet on that channel; -1 if none within 3 s.
  auto onset = [&](std::int64_t from, int channel) -> std::int64_t {
    std::int64_t run = quiet;  // the capture starts quiet
    const std::int64_t to = std::min(frames, from + static_cast<std::int64_t>(3 * rate));
    for (std::int64_t f = std::max<std::int64_t>(0, from - quiet); f < to; ++f) {
      const bool loud = std::abs(samples[static_cast<std::size_t>(f * 2 + channel)]) > kThreshold;
      if (loud && f >= from && run >= quiet) return f;
      run = loud ? 0 : run + 1;
    }
    return -1;
  };

  std::map<std::string, std::vector<double>> errors;  // phase -> onset - reference, ms
  std::map<std::string, std::size_t> expected;
  std::map<std::string, double> values;
  std::map<std::string, std::vector<double>> asrun;  // phase -> as-run started - scheduled, ms
  std::ifstream in{events_path};
  for (std::string line; std::getline(in, line);) {
    std::istringstream words{line};
    std::string kind;
    words >> kind;
    if (kind == "asrun") {
      std::string phase;
      double scheduled = 0, started = 0;
      words >> phase >> scheduled >> started;
      asrun[phase].push_back((started - scheduled) * 1000.0);
      continue;
    }
    if (kind == "value") {
      std::string name;
      double v = 0;
      words >> name >> v;
      values[name] = v;
      continue;
    }
    std::string phase;
    int index = 0;
    double reference = 0;
    int channel = 0;
    words >> phase >> index >> reference >> channel;
    ++expected[phase];
    double from_frame = (reference - frame0 - 0.2) * rate;
    if (!cycles.empty()) {
      const auto c = std::lower_bound(
          cycles.begin(), cycles.end(), reference - 0.2,
          [](const std::pair<double, double>& cycle, double wall) { return cycle.second < wall; });
      const auto& near = c == cycles.end() ? cycles.back() : *c;
      from_frame = near.first + (reference - 0.2 - near.second) * rate;
    }
    const auto from = static_cast<std::int64_t>(std::llround(from_frame));
    const std::int64_t f = onset(from, channel);
    if (f < 0) {
      std::printf("  %s %d: no onset found\n", phase.c_str(), index);
      continue;
    }
    // The first sample above the threshold is a sample or two after the tone's start.
    double anchor = frame0;
    if (!cycles.empty()) {
      const auto here =
          std::lower_bound(cycles.begin(), cycles.end(), std::pair{static_cast<double>(f), 0.0});
      const std::ptrdiff_t i = here - cycles.begin();
      const std::ptrdiff_t span = static_cast<std::ptrdiff_t>(0.5 * rate / 256);
      anchor = 1e300;
      for (std::ptrdiff_t j = std::max<std::ptrdiff_t>(0, i - span);
           j < std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(cycles.size()), i + span); ++j)
        anchor = std::min(anchor, cycles[static_cast<std::size_t>(j)].second -
                                      cycles[static_cast<std::size_t>(j)].first / rate);
    }
    const double at = anchor + (static_cast<double>(f) - 1.0) / rate;
    errors[phase].push_back((at - reference) * 1000.0);
  }

  std::printf("broadcast_bench: onsets in %s (%.0f s at %d Hz; frame 0 at the JACK cycle)\n",
              capture.c_str(), static_cast<double>(frames) / rate, info.samplerate);
  std::map<std::string, Stats> stats;
  for (const auto& [phase, list] : errors) {
    stats[phase] = stats_of(list, expected[phase]);
    const Stats& s = stats[phase];
    std::printf("  %-14s n=%zu/%zu  median %+7.2f ms  min %+7.2f  max %+7.2f  worst |e| %6.2f ms\n",
                phase.c_str(), s.found, s.expected, s.median, s.best, s.worst, s.worst_abs);
    std::printf("                 ");
    for (const double e : list) std::printf(" %+.1f", e);
    std::printf("\n");
  }
  for (const auto& [phase, n] : expected)
    if (!stats.contains(phase)) stats[phase] = stats_of({}, n);
  for (const auto& [phase, list] : asrun) {
    const Stats s = stats_of(list, list.size());
    std::printf(
        "  %-14s as-run log (DAC time PortAudio predicts): started - scheduled median "
        "%+.2f ms, min %+.2f, max %+.2f\n",
        phase.c_str(), s.median, s.best, s.worst);
  }
  for (const auto& [name, v] : values) std::printf("  %s = %g\n", name.c_str(), v);

  auto complete = [&](const std::string& phase) {
    return stats.contains(phase) && stats[phase].found == stats[phase].expected &&
           stats[phase].found > 0;
  };
  char b[256];
  const double lead = values.contains("tinxa_lead_ms") ? values["tinxa_lead_ms"] : 0.0;
  const std::string lead_note = " (engine lead " + std::to_string(static_cast<int>(lead)) + " ms)";
  if (stats.contains("tinxa-start")) {
    const Stats& s = stats["tinxa-start"];
    std::snprintf(b, sizeof b, "median %s, worst |e| %.1f ms (n=%zu/%zu)", fmt_ms(s.median).c_str(),
                  s.worst_abs, s.found, s.expected);
    figure("scheduled start at the output, engine + PortAudio, paced by jackd" + lead_note, b,
           "median <= 20 ms, worst <= 50 ms",
           complete("tinxa-start") && std::abs(s.median) <= 20 && s.worst_abs <= 50);
  }
  for (const auto& [phase, what] :
       {std::pair{"tinxa-inject", "preemption: emergency injected (alert) -> first sample"},
        std::pair{"tinxa-sched",
                  "preemption: emergency at its scheduled instant -> first sample"}}) {
    if (!stats.contains(phase)) continue;
    const Stats& s = stats[phase];
    std::snprintf(b, sizeof b, "median %.1f ms, worst %.1f ms (n=%zu/%zu)", s.median, s.worst,
                  s.found, s.expected);
    figure(std::string{what} + lead_note, b, "<= 100 ms", complete(phase) && s.worst <= 100);
  }
  if (values.contains("tinxa_start_cpu_s")) {
    const double cpu = values["tinxa_start_cpu_s"], wall = values["tinxa_start_wall_s"];
    std::snprintf(b, sizeof b, "%.2f %% of a core (%.0f ms CPU per announcement)", 100 * cpu / wall,
                  1000 * cpu / values["tinxa_start_count"]);
    figure_info("tinxa process CPU while paced (engine, PortAudio, ALSA->JACK client)", b);
    if (values.contains("tinxa_start_loop_cpu_s")) {
      const double loop = values["tinxa_start_loop_cpu_s"];
      std::snprintf(b, sizeof b, "engine thread %.2f %%, audio threads %.2f %% of a core",
                    100 * loop / wall, 100 * (cpu - loop) / wall);
      figure_info("  of which", b);
    }
    std::snprintf(b, sizeof b, "%.0f PortAudio output underflows, %.0f mixer underruns",
                  values["tinxa_underflows"], values["tinxa_mixer_underruns"]);
    figure_info("tinxa glitches over the whole run", b);
  }
  if (values.contains("tinxa_steady_cpu_pct")) {
    std::snprintf(b, sizeof b, "%.2f %% of a core while playing, %.2f %% idle",
                  values["tinxa_steady_cpu_pct"], values["tinxa_idle_cpu_pct"]);
    figure("CPU, one stereo 48 kHz zone, whole tinxa process through PortAudio (paced, this rig)",
           b, "<= 1 % of a core", values["tinxa_steady_cpu_pct"] <= 1.0);
  }
  // The same windows by thread. A real ALSA hw device has no JACK client in the process: what it
  // would cost is the engine loop, the decode thread and PortAudio's callback.
  if (values.contains("tinxa_steady_thread_loop_pct")) {
    const auto pct = [&](const char* window, const char* role) {
      return values[std::string{"tinxa_"} + window + "_thread_" + role + "_pct"];
    };
    for (const char* window : {"steady", "idle"}) {
      std::string parts;
      for (const auto& [role, what] : ThreadRoles::kRoles) {
        std::snprintf(b, sizeof b, "%s%s %.2f %%", parts.empty() ? "" : ", ", role,
                      pct(window, role));
        parts += b;
      }
      figure_info(
          std::string{"  by thread, "} + (window == std::string{"steady"} ? "playing" : "idle"),
          parts);
    }
    const auto own = [&](const char* window) {
      return pct(window, "loop") + pct(window, "decode") + pct(window, "callback");
    };
    std::snprintf(
        b, sizeof b,
        "%.2f %% of a core while playing, %.2f %% idle (JACK client %.2f / %.2f %% apart)",
        own("steady"), own("idle"), pct("steady", "jack"), pct("idle", "jack"));
    figure(
        "CPU, one stereo 48 kHz zone, tinxa's own threads (engine loop, decode, PortAudio "
        "callback: what an ALSA hw device would see)",
        b, "<= 1 % of a core", own("steady") <= 1.0);
  }
  for (const std::string player : {"aplay", "play"}) {
    const std::string phase = "naive-" + player;
    if (!stats.contains(phase)) continue;
    const Stats& n = stats[phase];
    std::snprintf(b, sizeof b, "median %s, worst |e| %.1f ms (n=%zu/%zu)", fmt_ms(n.median).c_str(),
                  n.worst_abs, n.found, n.expected);
    figure("naive timer + fork/exec " + player + ": start at the output", b,
           "median <= 20 ms, worst <= 50 ms",
           complete(phase) && std::abs(n.median) <= 20 && n.worst_abs <= 50);
    const std::string cpu_key = "naive_" + player + "_cpu_s";
    if (values.contains(cpu_key)) {
      const double per = 1000 * values[cpu_key] / values["naive_" + player + "_count"];
      std::snprintf(b, sizeof b, "%.0f ms CPU per announcement", per);
      figure_info("naive " + player + ": CPU", b);
    }
    const std::string steady_key = "naive_" + player + "_steady_cpu_pct";
    if (values.contains(steady_key)) {
      std::snprintf(b, sizeof b, "%.2f %% of a core while playing the same 20 s file",
                    values[steady_key]);
      figure_info("naive " + player + ": CPU while playing", b);
      if (values.contains("tinxa_steady_cpu_pct")) {
        std::snprintf(b, sizeof b, "%.2f : 1", values["tinxa_steady_cpu_pct"] / values[steady_key]);
        figure_info("ratio tinxa : naive " + player + ", CPU while playing", b);
      }
    }
    if (stats.contains("tinxa-start") && complete("tinxa-start")) {
      const Stats& t = stats["tinxa-start"];
      std::snprintf(b, sizeof b, "median |e| %.2f : 1, worst |e| %.2f : 1",
                    std::abs(t.median) / std::max(1e-3, std::abs(n.median)),
                    t.worst_abs / std::max(1e-3, n.worst_abs));
      figure_info("ratio tinxa : naive " + player + ", start error", b);
      if (values.contains(cpu_key) && values.contains("tinxa_start_cpu_s")) {
        const double tinxa_per = values["tinxa_start_cpu_s"] / values["tinxa_start_count"];
        const double naive_per = values[cpu_key] / values["naive_" + player + "_count"];
        std::snprintf(b, sizeof b, "%.2f : 1 (per announcement, same spacing)",
                      tinxa_per / naive_per);
        figure_info("ratio tinxa : naive " + player + ", CPU", b);
      }
    }
  }
  return 0;
}

void usage() {
  std::fprintf(stderr,
               "usage: broadcast_bench --tinxa N EVENTS DIR [--lead-ms L] [--latency-ms S]\n"
               "       broadcast_bench --naive N EVENTS DIR aplay|play\n"
               "       broadcast_bench --analyse CAPTURE.wav EVENTS\n"
               "(run bench/broadcast_bench.sh BUILD_DIR, which sets up jackd and the recorder)\n");
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() >= 4 && args[0] == "--tinxa") {
      std::chrono::milliseconds lead{200};  // the daemon's kLead (broadcast/daemon/Daemon.cpp)
      double latency_ms = 0.0;              // the daemon's PortAudioSink() default
      for (std::size_t i = 4; i + 1 < args.size(); i += 2) {
        if (args[i] == "--lead-ms") {
          lead = std::chrono::milliseconds{std::atoi(args[i + 1].c_str())};
        } else if (args[i] == "--latency-ms") {
          latency_ms = std::atof(args[i + 1].c_str());
        } else {
          usage();
          return 2;
        }
      }
      return run_tinxa(std::atoi(args[1].c_str()), args[2], args[3], lead, latency_ms);
    }
    if (args.size() == 5 && args[0] == "--naive") {
      return run_naive(std::atoi(args[1].c_str()), args[2], args[3], args[4]);
    }
    if (args.size() == 3 && args[0] == "--analyse") {
      return analyse(args[1], args[2]);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "broadcast_bench: %s\n", e.what());
    return 1;
  }
  usage();
  return 2;
}
