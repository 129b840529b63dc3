#pragma once

// An installation on disk for the real-time daemon's parts (handlers, reload, routing), run on a
// virtual clock: a content bundle with tone announcements at 8 kHz, a schedule.yaml with three
// zones (z1 and z2 on channels 1 and 2 of device "dev-a", z3 on "dev-b"), an in-memory as-run
// log, the Engine, and DeviceOutputs whose sinks are WAV files (dev-a.wav, dev-b.wav) pulled up to
// the clock's frame as the simulator does. A device can be made to fail (FaultySink). Zones with
// `off_air` are recorded by an OffAirRecorder drained at every step; DeviceCatchUp (grace
// `grace`) takes the engine's device misses at every step.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "broadcast/audio/AudioError.hpp"
#include "broadcast/audio/WavFileSink.hpp"
#include "broadcast/daemon/CommandHandlers.hpp"
#include "broadcast/daemon/DeviceCatchUp.hpp"
#include "broadcast/daemon/DeviceOutputs.hpp"
#include "broadcast/daemon/ScheduleReloader.hpp"
#include "broadcast/engine/Engine.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "content/store/AsRunLog.hpp"
#include "content/store/Database.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "tests/support/ToneFile.hpp"

namespace tinxa::broadcast::test {

inline constexpr int kRate = 8000;
// 2026-11-30 06:00 in Asia/Ho_Chi_Minh (UTC+7), a Monday.
inline const content::TimePoint kOrigin =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 29} + std::chrono::hours{23};

// A sink that renders into nothing, can lose its device, and refuses to open while "unplugged".
class FaultySink final : public PulledSink {
 public:
  bool missing = false;      // open() throws while set
  bool lose_device = false;  // poll_fault() reports device_lost once, when set

  [[nodiscard]] std::optional<SinkFault> poll_fault() override {
    if (!lose_device) return std::nullopt;
    lose_device = false;
    return SinkFault{SinkFault::Kind::device_lost, "test: unplugged"};
  }

 protected:
  void open_target(const std::string& device) override {
    if (missing) throw AudioError("test: no device " + device, -1);
  }
  void consume(std::span<const float> /*interleaved*/) override {}
  void close_target() noexcept override {}
};

// A WAV file sink that writes device D to FOLDER/D.wav.
class FolderWavSink final : public AudioSink {
 public:
  explicit FolderWavSink(std::filesystem::path folder) : m_folder{std::move(folder)} {}
  void open(const std::string& device, int rate, std::size_t channels, Renderer& r) override {
    m_wav.open((m_folder / (device + ".wav")).string(), rate, channels, r);
  }
  void start() override { m_wav.start(); }
  void stop() noexcept override { m_wav.stop(); }
  void close() noexcept override { m_wav.close(); }
  [[nodiscard]] DacTiming timing() const noexcept override { return m_wav.timing(); }
  [[nodiscard]] std::optional<SinkFault> poll_fault() override { return m_wav.poll_fault(); }
  WavFileSink& wav() noexcept { return m_wav; }

 private:
  std::filesystem::path m_folder;
  WavFileSink m_wav;
};

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream{path} << text;
}

inline void write_tone_file(const std::filesystem::path& path, double seconds, double hz) {
  tinxa::test::ToneFile tone;
  tone.frequency_hz = hz;
  tone.sample_rate_hz = kRate;
  tone.channels = 1;
  tone.frames = static_cast<std::int64_t>(seconds * kRate);
  std::filesystem::create_directories(path.parent_path());
  tinxa::test::write_tone(path, tone);
}

// The schedule the fixture starts with: slot "sang" plays playlist "p" in z1 at 06:00:10.
inline const std::string kSchedule = R"(zones:
  z1: {name: Zone 1, device: dev-a, channels: [1]}
  z2: {name: Zone 2, device: dev-a, channels: [2]}
  z3: {name: Zone 3, device: dev-b, channels: [1]}
slots:
  sang:
    playlist: p
    at: "06:00:10"
    zones: [z1]
)";

struct DaemonSite {
  std::filesystem::path dir;
  content::Database database = content::Database::open_memory();
  content::AsRunLog log{database};
  content::VirtualClock clock{kOrigin};
  std::optional<ScheduleReloader> programme;
  content::TimeZone time_zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  std::unique_ptr<Engine> engine;
  std::unique_ptr<OffAirRecorder> recorder;
  std::vector<OffAirRecorder::Event> off_air_events;
  std::unique_ptr<DeviceOutputs> devices;
  std::unique_ptr<DeviceCatchUp> late_starts;
  std::unique_ptr<CommandHandlers> handlers;
  WavFileSink* dev_a = nullptr;
  FaultySink* dev_b = nullptr;
  content::TimePoint origin[2] = {kOrigin, kOrigin};  // frame 0 of dev-a, dev-b
  bool was_open[2] = {true, true};

  explicit DaemonSite(const std::string& name, const std::string& schedule = kSchedule,
                      std::chrono::milliseconds grace = std::chrono::minutes{10})
      : dir{std::filesystem::path{TINXA_BINARY_DIR} / "test-daemon" / name} {
    std::filesystem::remove_all(dir);
    const auto content = dir / "content";
    write_text(content / "bundle.yaml",
               "id: daemon-test\ntitle: {vi: Thử, en: Test}\nversion: \"1\"\n"
               "published: 2026-11-01\npublisher: Tổ kiểm thử\nlanguages: [vi]\n");
    write_text(content / "categories.yaml", "categories:\n  tin:\n    title: Tin tức\n");
    write_text(
        content / "announcements.yaml",
        "announcements:\n"
        "  a: {title: Thông báo A, transcript: A, audio: media/a.wav, category: tin}\n"
        "  b: {title: Thông báo B, transcript: B, audio: media/b.wav, category: tin}\n"
        "  alarm: {title: Báo động, transcript: C, audio: media/alarm.wav, category: tin}\n");
    write_text(
        content / "pages/tin.yaml",
        "category: tin\ntitle: Tin\nsummary: Tin\nupdated: 2026-11-01\nvalid_from: 2026-01-01\n"
        "sources:\n  - document: Thử\nbody:\n  - paragraph: Tin.\n");
    write_text(content / "playlists.yaml",
               "playlists:\n  p:\n    title: Bản tin\n    items: [a, b]\n");
    write_tone_file(content / "media/a.wav", 1.0, 500);
    write_tone_file(content / "media/b.wav", 1.5, 700);
    write_tone_file(content / "media/alarm.wav", 1.0, 1000);
    write_text(dir / "schedule.yaml", schedule);

    programme.emplace(dir / "schedule.yaml", content, content::TimeZone::load("Asia/Ho_Chi_Minh"));
    config::Diagnostics diagnostics;
    if (!programme->load(diagnostics)) {
      std::string text;
      for (const auto& d : diagnostics.items()) text += config::format_diagnostic(d);
      throw std::runtime_error("fixture does not load: " + text);
    }
    EngineOptions options;
    options.sample_rate_hz = kRate;
    options.target_lufs = std::nullopt;
    engine =
        std::make_unique<Engine>(clock, log, programme->schedule(), programme->bundle(), options);
    recorder =
        std::make_unique<OffAirRecorder>(programme->schedule().zones, kRate, clock, time_zone, 31);
    late_starts = std::make_unique<DeviceCatchUp>(*engine, clock, grace);
    devices = std::make_unique<DeviceOutputs>(
        *engine, kRate,
        [this](const std::string& device) -> std::unique_ptr<AudioSink> {
          if (device == "dev-b") {
            auto sink = std::make_unique<FaultySink>();
            dev_b = sink.get();
            return sink;
          }
          auto sink = std::make_unique<FolderWavSink>(dir);
          dev_a = &sink->wav();
          return sink;
        },
        std::chrono::seconds{5}, recorder.get());
    open_devices();
    programme->start(*engine, clock.now());
    engine->catch_up();
    handlers = std::make_unique<CommandHandlers>(*engine, *programme, clock, devices.get());
  }

  ~DaemonSite() {
    handlers.reset();
    devices.reset();
    recorder.reset();
    engine.reset();
  }

  // Stops the devices and finishes the off-air files (the site can only be inspected after).
  void finish() {
    devices->close_all();
    auto events = recorder->close();
    off_air_events.insert(off_air_events.end(), events.begin(), events.end());
  }

  void open_devices() {
    for (const auto& e : devices->open_all(std::chrono::steady_clock::time_point{}))
      if (e.kind != DeviceOutputs::Event::Kind::opened)
        throw std::runtime_error("fixture device does not open: " + e.message);
    dev_a->set_origin(kOrigin);
    dev_b->set_origin(kOrigin);
  }

  // Moves the clock to `instant` as the simulator does: decode, render every open device up to
  // the instant's frame, then let the engine handle events and fire what is due.
  // A device that comes back goes on from its frame count at the instant it returns, as a real
  // one does (its sink's frames stand for later times from then on).
  void step_to(content::TimePoint instant) {
    engine->feed();
    const auto states = devices->states();  // dev-a, dev-b: in zone order
    PulledSink* sinks[] = {dev_a, dev_b};
    for (std::size_t i = 0; i < 2; ++i) {
      if (!states[i].open) {
        was_open[i] = false;
        continue;
      }
      if (!was_open[i]) {
        origin[i] = clock.now() -
                    std::chrono::round<content::TimePoint::duration>(std::chrono::duration<double>(
                        static_cast<double>(sinks[i]->frames_pulled()) / kRate));
        sinks[i]->set_origin(origin[i]);
        was_open[i] = true;
      }
      const auto seconds = std::chrono::duration<double>(instant - origin[i]).count();
      const auto target = static_cast<std::int64_t>(std::llround(seconds * kRate));
      if (target > sinks[i]->frames_pulled()) sinks[i]->pull(target - sinks[i]->frames_pulled());
    }
    clock.set(instant);
    engine->poll();
    late_starts->collect();
    auto events = recorder->drain();
    off_air_events.insert(off_air_events.end(), events.begin(), events.end());
  }

  void run_until(content::TimePoint end) {
    engine->poll();
    while (clock.now() < end) step_to(std::min(end, clock.now() + std::chrono::milliseconds{20}));
  }

  Response send(std::string command, std::vector<std::string> arguments = {}) {
    return handlers->handle(Request{std::move(command), std::move(arguments)});
  }
};

inline std::string field(const Response& r, const std::string& key) {
  for (const auto& [k, v] : r.fields)
    if (k == key) return v;
  return "(none)";
}

}  // namespace tinxa::broadcast::test
