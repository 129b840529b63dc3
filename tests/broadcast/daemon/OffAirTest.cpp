// Off-air recording in the real-time daemon's path (DeviceRouter -> OffAirTap -> OffAirRecorder),
// a lost device's items (device_failure, late start within the grace), and the broadcast.yaml
// keys for the silence fallback and off-air retention.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "broadcast/daemon/OffAirRecorder.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "config/settings/Settings.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/broadcast/daemon/DaemonFixture.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using content::AsRunOutcome;
using test::DaemonSite;
using test::kOrigin;
using test::kRate;

// Channel `channel` of `wav` in [from, to) seconds.
std::vector<float> window(const test::Wav& wav, double from, double to, int channel = 0) {
  std::vector<float> out;
  const auto channels = static_cast<std::size_t>(wav.channels);
  const std::size_t frames = wav.samples.size() / channels;
  const auto first = static_cast<std::size_t>(from * wav.sample_rate_hz);
  const auto last = std::min(frames, static_cast<std::size_t>(to * wav.sample_rate_hz));
  for (std::size_t f = first; f < last; ++f)
    out.push_back(wav.samples[f * channels + static_cast<std::size_t>(channel)]);
  return out;
}

float peak(const std::vector<float>& samples) {
  float p = 0.0F;
  for (const float s : samples) p = std::max(p, std::abs(s));
  return p;
}

// True when [from, to) holds a tone of `hz` (and is loud enough to be one).
bool holds(const test::Wav& wav, double hz, double from, double to) {
  const auto w = window(wav, from, to);
  return peak(w) > 0.05F && test::tone_energy_ratio(w, hz, wav.sample_rate_hz) > 0.4;
}

std::vector<content::AsRunRecord> records_of(DaemonSite& site, const std::string& slot,
                                             const std::string& zone) {
  std::vector<content::AsRunRecord> out;
  for (auto& r : site.log.between(kOrigin - 1h, kOrigin + 2h))
    if (r.slot_id == slot && r.zones == std::vector<std::string>{zone}) out.push_back(r);
  return out;
}

const std::string kOffAirSchedule = R"(zones:
  z1: {name: Zone 1, device: dev-a, channels: [1], off_air: off-air/z1.wav}
  z2: {name: Zone 2, device: dev-a, channels: [2], off_air: off-air/z2.flac}
  z3: {name: Zone 3, device: dev-b, channels: [1], off_air: off-air/z3.wav}
slots:
  sang:
    playlist: p
    at: "06:00:10"
    zones: [z1]
)";

TEST_CASE("each recorded zone's audio is in its own day file, at the time it played",
          "[daemon][off-air]") {
  DaemonSite site{"off-air", kOffAirSchedule};
  REQUIRE_FALSE(site.send("play", {"a", "z2"}).error);  // 500 Hz, 1 s, now (06:00:00)
  site.run_until(kOrigin + 14s);                        // sang in z1: a at 10 s, b (700 Hz) at 11 s
  site.finish();

  const auto z1_path = site.dir / "off-air/z1-2026-11-30-060000.wav";
  const auto z2_path = site.dir / "off-air/z2-2026-11-30-060000.flac";
  REQUIRE(std::filesystem::exists(z1_path));
  REQUIRE(std::filesystem::exists(z2_path));
  const auto z1 = test::read_wav(z1_path);
  const auto z2 = test::read_wav(z2_path);
  REQUIRE(z1.channels == 1);
  REQUIRE(z1.sample_rate_hz == kRate);
  // The whole 14 s, silence included.
  CHECK(static_cast<double>(z1.samples.size()) / kRate == Approx(14.0).margin(0.01));
  CHECK(peak(window(z1, 0.0, 9.98)) == 0.0F);
  CHECK(holds(z1, 500, 10.02, 10.98));
  CHECK(holds(z1, 700, 11.02, 12.48));
  CHECK_FALSE(holds(z1, 500, 11.02, 12.48));
  CHECK(peak(window(z1, 12.52, 14.0)) == 0.0F);
  // z2 heard only its own announcement, from the start.
  CHECK(holds(z2, 500, 0.02, 0.98));
  CHECK(peak(window(z2, 1.02, 14.0)) == 0.0F);

  // The file says where it went.
  const auto opened =
      std::count_if(site.off_air_events.begin(), site.off_air_events.end(),
                    [](const auto& e) { return e.kind == OffAirRecorder::Event::Kind::opened; });
  CHECK(opened == 3);
}

TEST_CASE("a lost device's time is silence in its off-air file, so later audio keeps its place",
          "[daemon][off-air][devices]") {
  DaemonSite site{"off-air-gap", kOffAirSchedule};
  const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
  site.run_until(kOrigin + 2s);
  site.dev_b->lose_device = true;
  site.dev_b->missing = true;
  REQUIRE(site.devices->check(t0).size() == 1);
  site.run_until(kOrigin + 5s);
  site.dev_b->missing = false;
  const auto events = site.devices->check(t0 + 6s);  // back 6 s after the loss was seen
  REQUIRE(events.size() == 1);
  REQUIRE(events[0].kind == DeviceOutputs::Event::Kind::returned);
  REQUIRE_FALSE(site.send("play", {"alarm", "z3"}).error);  // 1000 Hz, 1 s
  site.run_until(kOrigin + 7s);
  site.finish();
  const auto z3 = test::read_wav(site.dir / "off-air/z3-2026-11-30-060000.wav");
  // 2 s before the loss, 6 s of gap as silence, then the alarm at 8 s.
  CHECK(peak(window(z3, 0.0, 7.98)) == 0.0F);
  CHECK(holds(z3, 1000, 8.02, 8.98));
}

TEST_CASE("a device that needs several retries leaves exactly its outage as silence off air",
          "[daemon][off-air][devices]") {
  // Retries every 5 s; the first `failing` of them find the device still missing. With 4 the
  // outage is 25 s: below the minute after which a new file starts, so it stays one file.
  const int failing = GENERATE(1, 3, 4);
  DaemonSite site{"off-air-retries-" + std::to_string(failing), kOffAirSchedule};
  // The steady clock runs with the virtual one: steady t0 is 06:00:02.
  const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
  REQUIRE_FALSE(site.send("play", {"alarm", "z3"}).error);  // 1000 Hz, 0 to 1 s
  site.run_until(kOrigin + 2s);
  site.dev_b->lose_device = true;
  site.dev_b->missing = true;
  REQUIRE(site.devices->check(t0).size() == 1);
  for (int retry = 1; retry <= failing; ++retry) {
    site.run_until(kOrigin + 2s + retry * 5s);
    CHECK(site.devices->check(t0 + retry * 5s).empty());  // still missing: reported once
  }
  const auto back = (failing + 1) * 5s;
  site.run_until(kOrigin + 2s + back);
  site.dev_b->missing = false;
  const auto events = site.devices->check(t0 + back);
  REQUIRE(events.size() == 1);
  REQUIRE(events[0].kind == DeviceOutputs::Event::Kind::returned);
  REQUIRE_FALSE(site.send("play", {"alarm", "z3"}).error);  // again, as the device returns
  site.run_until(kOrigin + 2s + back + 2s);
  site.finish();

  std::vector<std::string> z3_files;
  for (const auto& entry : std::filesystem::directory_iterator(site.dir / "off-air"))
    if (entry.path().filename().string().rfind("z3-", 0) == 0)
      z3_files.push_back(entry.path().filename().string());
  CHECK(z3_files == std::vector<std::string>{"z3-2026-11-30-060000.wav"});
  const auto z3 = test::read_wav(site.dir / "off-air/z3-2026-11-30-060000.wav");
  const double returned_at = 2.0 + std::chrono::duration<double>(back).count();
  // The file's timeline is the wall clock's: as long as the time it covers, the alarm before the
  // loss at 0 s, the outage (loss seen to the retry that worked) once as silence, then the
  // alarm again at the instant the device returned.
  CHECK(static_cast<double>(z3.samples.size()) / kRate == Approx(returned_at + 2.0).margin(0.01));
  CHECK(holds(z3, 1000, 0.02, 0.98));
  CHECK(peak(window(z3, 1.02, returned_at - 0.02)) == 0.0F);
  CHECK(holds(z3, 1000, returned_at + 0.02, returned_at + 0.98));
  CHECK(peak(window(z3, returned_at + 1.02, returned_at + 2.0)) == 0.0F);
}

TEST_CASE("the recorder starts a new file at local midnight and drops old days",
          "[daemon][off-air]") {
  const auto dir = std::filesystem::path{TINXA_BINARY_DIR} / "test-daemon" / "off-air-midnight";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  // Files of the same zone: 40 days old (deleted), 10 days old (kept), another zone (kept).
  for (const char* name : {"z-2026-10-21-000000.wav", "z-2026-11-20-000000.wav",
                           "zz-2026-10-01-000000.wav", "z-notes.txt"})
    std::ofstream{dir / name} << "x";
  Zone zone;
  zone.id = "z";
  zone.channels = {1};
  zone.off_air = dir / "z.wav";
  const auto time_zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  // 23:59:59.5 local on 2026-11-30.
  content::VirtualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 11 / 30} + 16h +
                              59min + 59s + 500ms};
  OffAirRecorder recorder{{zone}, kRate, clock, time_zone, 31};
  OffAirTap& tap = *recorder.tap("z");
  std::vector<float> second(kRate);
  for (std::size_t i = 0; i < second.size(); ++i)
    second[i] =
        0.5F * static_cast<float>(std::sin(2.0 * M_PI * 440.0 * static_cast<double>(i) / kRate));
  tap.write(second);  // 23:59:59.5 to 00:00:00.5
  clock.advance(1s);
  auto events = recorder.drain();
  tap.flush();
  auto closing = recorder.close();
  events.insert(events.end(), closing.begin(), closing.end());

  const auto before = test::read_wav(dir / "z-2026-11-30-235959.wav");
  const auto after = test::read_wav(dir / "z-2026-12-01-000000.wav");
  CHECK(before.samples.size() == static_cast<std::size_t>(kRate / 2));
  CHECK(after.samples.size() == static_cast<std::size_t>(kRate / 2));
  CHECK(holds(after, 440, 0.0, 0.5));
  CHECK_FALSE(std::filesystem::exists(dir / "z-2026-10-21-000000.wav"));
  CHECK(std::filesystem::exists(dir / "z-2026-11-20-000000.wav"));
  CHECK(std::filesystem::exists(dir / "zz-2026-10-01-000000.wav"));
  CHECK(std::filesystem::exists(dir / "z-notes.txt"));
  CHECK(std::none_of(events.begin(), events.end(),
                     [](const auto& e) { return e.kind == OffAirRecorder::Event::Kind::failed; }));
}

TEST_CASE("a full ring drops and counts blocks without blocking, and the file keeps its timing",
          "[daemon][off-air]") {
  const auto dir = std::filesystem::path{TINXA_BINARY_DIR} / "test-daemon" / "off-air-overflow";
  std::filesystem::remove_all(dir);
  Zone zone;
  zone.id = "z";
  zone.channels = {1, 2};
  zone.off_air = dir / "z.wav";
  const auto time_zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock{kOrigin};
  OffAirRecorder recorder{{zone}, kRate, clock, time_zone, 0};
  OffAirTap& tap = *recorder.tap("z");
  const std::size_t block_frames = OffAirTap::kBlockSamples / 2;
  // One block more than the ring holds, all silent, then one block of a constant.
  std::vector<float> silent(block_frames * 2, 0.0F);
  for (std::size_t i = 0; i < OffAirTap::kRingBlocks + 1; ++i) tap.write(silent);
  CHECK(tap.dropped_frames() == static_cast<std::int64_t>(block_frames));
  const auto dropped_at = static_cast<std::int64_t>(OffAirTap::kRingBlocks * block_frames);
  clock.advance(65600ms);          // the 1025 blocks of 512 frames took 65.6 s to render
  auto events = recorder.drain();  // the ring is empty again
  tap.write(std::vector<float>(block_frames * 2, 0.25F));
  tap.flush();
  auto more = recorder.close();
  events.insert(events.end(), more.begin(), more.end());
  const auto overflow = std::find_if(events.begin(), events.end(), [](const auto& e) {
    return e.kind == OffAirRecorder::Event::Kind::overflow;
  });
  REQUIRE(overflow != events.end());
  CHECK(overflow->frames == static_cast<std::int64_t>(block_frames));
  // The dropped block is silence in the file, and the constant comes right after it.
  const auto wav = test::read_wav(dir / "z-2026-11-30-060000.wav");
  REQUIRE(wav.channels == 2);
  const auto frames = static_cast<std::int64_t>(wav.samples.size() / 2);
  CHECK(frames == dropped_at + 2 * static_cast<std::int64_t>(block_frames));
  const auto constant_at = static_cast<std::size_t>(dropped_at) + block_frames;
  CHECK(wav.samples[2 * constant_at] == Approx(0.25).margin(1e-3));
  CHECK(wav.samples[2 * constant_at - 2] == 0.0F);
}

TEST_CASE("after a gap of more than a minute the recording goes on in a new file",
          "[daemon][off-air]") {
  const auto dir = std::filesystem::path{TINXA_BINARY_DIR} / "test-daemon" / "off-air-long-gap";
  std::filesystem::remove_all(dir);
  Zone zone;
  zone.id = "z";
  zone.channels = {1};
  zone.off_air = dir / "z.flac";
  const auto time_zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock{kOrigin};
  OffAirRecorder recorder{{zone}, kRate, clock, time_zone, 0};
  OffAirTap& tap = *recorder.tap("z");
  const std::vector<float> second(kRate, 0.25F);
  tap.write(second);
  tap.flush();
  clock.advance(1s);
  (void)recorder.drain();
  tap.skip(std::int64_t{kRate} * 120);  // the device is gone for two minutes
  tap.write(second);
  tap.flush();
  clock.advance(121s);
  (void)recorder.drain();
  (void)recorder.close();
  const auto first = test::read_wav(dir / "z-2026-11-30-060000.flac");
  const auto second_file = test::read_wav(dir / "z-2026-11-30-060201.flac");
  CHECK(first.samples.size() == static_cast<std::size_t>(kRate));
  CHECK(second_file.samples.size() == static_cast<std::size_t>(kRate));
}

// z1 on dev-a; z3 on dev-b, which the tests unplug.
const std::string kLossSchedule = R"(zones:
  z1: {name: Zone 1, device: dev-a, channels: [1]}
  z2: {name: Zone 2, device: dev-a, channels: [2]}
  z3: {name: Zone 3, device: dev-b, channels: [1]}
slots:
  sang:
    playlist: p
    at: "06:00:10"
    zones: [z1, z3]
)";

TEST_CASE(
    "an item due while its zone's device is gone is logged device_failure and plays late "
    "only within the grace, once",
    "[daemon][devices]") {
  const auto grace = GENERATE(5s, 60s);
  DaemonSite site{"device-miss", kLossSchedule, grace};
  const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
  site.run_until(kOrigin + 5s);
  site.dev_b->lose_device = true;
  site.dev_b->missing = true;
  REQUIRE(site.devices->check(t0).size() == 1);
  site.run_until(kOrigin + 11s);  // sang falls due at 10 s

  // z1 plays; z3 has a device_failure at the scheduled start, with the reason.
  auto z3 = records_of(site, "sang", "z3");
  REQUIRE(z3.size() == 1);
  CHECK(z3[0].outcome == AsRunOutcome::device_failure);
  CHECK(z3[0].detail.find("test: unplugged") != std::string::npos);
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(*z3[0].started - z3[0].scheduled)
            .count() == Approx(0).margin(30));
  CHECK(test::field(site.send("status"), "zone.z3") == "no-device");
  // The operator is told at once that a zone without its device will not hear a play.
  const auto reply = site.send("play", {"p", "z3"});
  REQUIRE_FALSE(reply.error);
  CHECK(test::field(reply, "zone.z3") == "no-device");

  // The device is back at 06:00:30: 20 s after the item's start.
  site.run_until(kOrigin + 30s);
  site.dev_b->missing = false;
  const auto events = site.devices->check(t0 + 25s);
  REQUIRE(events.size() == 1);
  REQUIRE(events[0].kind == DeviceOutputs::Event::Kind::returned);
  const auto started = site.late_starts->returned(events[0].zones);
  site.run_until(kOrigin + 40s);
  // And it is lost and back once more: nothing plays again.
  site.dev_b->lose_device = true;
  REQUIRE(site.devices->check(t0 + 40s).size() == 1);
  REQUIRE(site.devices->check(t0 + 46s).size() == 1);
  (void)site.late_starts->returned({"z3"});
  site.run_until(kOrigin + 50s);

  z3 = records_of(site, "sang", "z3");
  const auto z1 = records_of(site, "sang", "z1");
  REQUIRE(z1.size() == 1);
  CHECK(z1[0].outcome == AsRunOutcome::played);
  if (grace == 5s) {
    // 20 s late is beyond the grace: it stays a device failure.
    CHECK(started.empty());
    REQUIRE(z3.size() == 1);
    CHECK(z3[0].outcome == AsRunOutcome::device_failure);
  } else {
    REQUIRE(started.size() == 1);
    CHECK(started[0].zone == "z3");
    REQUIRE(z3.size() == 2);
    CHECK(z3[1].outcome == AsRunOutcome::played);
    CHECK(z3[1].scheduled == z3[0].scheduled);
    CHECK(std::chrono::duration_cast<std::chrono::seconds>(*z3[1].started - z3[1].scheduled)
              .count() == Approx(20).margin(1));
  }
}

TEST_CASE(
    "what waited in a zone when its device was lost is logged device_failure, and what "
    "had sounded is not replayed",
    "[daemon][devices]") {
  DaemonSite site{"device-miss-waiting", kLossSchedule};
  const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
  // The operator's play (class `priority`) holds z3 from 9 s, so the scheduled sang (normal)
  // waits there from 10 s; the device goes at 10.5 s.
  REQUIRE_FALSE(site.send("play", {"b", "z3"}).error);
  site.run_until(kOrigin + 9s);
  REQUIRE_FALSE(site.send("play", {"p", "z3"}).error);
  site.run_until(kOrigin + 10500ms);
  REQUIRE(test::field(site.send("status"), "zone.z3.key").rfind("operator-play", 0) == 0);
  site.dev_b->lose_device = true;
  site.dev_b->missing = true;
  REQUIRE(site.devices->check(t0).size() == 1);
  site.run_until(kOrigin + 12s);
  site.dev_b->missing = false;
  const auto events = site.devices->check(t0 + 6s);
  REQUIRE(events.size() == 1);
  CHECK(site.late_starts->returned(events[0].zones).size() == 1);  // sang: never sounded in z3
  site.run_until(kOrigin + 20s);
  const auto sang = records_of(site, "sang", "z3");
  REQUIRE(sang.size() == 2);
  CHECK(sang[0].outcome == AsRunOutcome::device_failure);
  CHECK(sang[1].outcome == AsRunOutcome::played);
  // The operator's play that was cut is not replayed.
  std::size_t operator_played = 0;
  for (const auto& r : site.log.between(kOrigin - 1h, kOrigin + 2h))
    if (r.slot_id == "operator-play" && r.outcome == AsRunOutcome::played) ++operator_played;
  CHECK(operator_played == 1);  // the first one (b), before the loss
}

// Reads broadcast.yaml `text` from a fresh folder.
config::Settings settings_from(const std::string& name, const std::string& text,
                               config::Diagnostics& diagnostics) {
  const auto dir = std::filesystem::path{TINXA_BINARY_DIR} / "test-daemon" / name;
  std::filesystem::remove_all(dir);
  test::write_text(dir / "broadcast.yaml", text);
  return config::load_settings(dir, diagnostics);
}

TEST_CASE("broadcast.yaml sets the silence fallback, its threshold and off-air retention",
          "[daemon][settings]") {
  config::Diagnostics diagnostics;
  auto settings = settings_from("settings-defaults", "device_retry: 5s\n", diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(settings.broadcast.silence_fallback == 30s);
  CHECK(settings.broadcast.silence_threshold_dbfs == -50.0);
  CHECK(settings.broadcast.off_air_days == 31);

  settings = settings_from("settings-set",
                           "silence_fallback: 2min\nsilence_threshold_dbfs: -40\noff_air_days: 0\n",
                           diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(settings.broadcast.silence_fallback == 2min);
  CHECK(settings.broadcast.silence_threshold_dbfs == -40.0);
  CHECK(settings.broadcast.off_air_days == 0);
  settings = settings_from("settings-never", "silence_fallback: 0s\n", diagnostics);
  CHECK(settings.broadcast.silence_fallback == 0s);

  // The shipped config/defaults/broadcast.yaml says the built-in values.
  const auto shipped = config::load_settings(
      std::filesystem::path{TINXA_SOURCE_DIR} / "config/defaults", diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  const config::BroadcastSettings built_in;
  CHECK(shipped.broadcast.silence_fallback == built_in.silence_fallback);
  CHECK(shipped.broadcast.silence_threshold_dbfs == built_in.silence_threshold_dbfs);
  CHECK(shipped.broadcast.off_air_days == built_in.off_air_days);
}

TEST_CASE("bad silence and off-air values are rejected at file, line and column",
          "[daemon][settings]") {
  config::Diagnostics diagnostics;
  const auto settings = settings_from(
      "settings-bad",
      "device_retry: 5s\nsilence_fallback: 2h\nsilence_threshold_dbfs: 3\noff_air_days: "
      "many\nsilence_fallbak: 10s\n",
      diagnostics);
  diagnostics.sort();
  std::string text;
  for (const auto& d : diagnostics.items()) text += config::format_diagnostic(d);
  INFO(text);
  CHECK(diagnostics.error_count() == 4);
  CHECK(text.find("broadcast.yaml:2:19:") != std::string::npos);
  CHECK(text.find("from 0s (never) to 1h") != std::string::npos);
  CHECK(text.find("broadcast.yaml:3:25:") != std::string::npos);
  CHECK(text.find("broadcast.yaml:4:15:") != std::string::npos);
  CHECK(text.find("broadcast.yaml:5:1:") != std::string::npos);
  CHECK(text.find("silence_fallback") != std::string::npos);  // the suggestion for the typo
  // A rejected value leaves the default.
  CHECK(settings.broadcast.silence_fallback == 30s);
  CHECK(settings.broadcast.silence_threshold_dbfs == -50.0);
  CHECK(settings.broadcast.off_air_days == 31);
}

}  // namespace
}  // namespace tinxa::broadcast
