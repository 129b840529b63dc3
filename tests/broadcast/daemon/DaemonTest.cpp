// The real-time daemon's parts on a virtual clock: the control handlers, schedule reload, channel
// routing on a shared device and device loss (DaemonFixture.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "broadcast/audio/AudioError.hpp"
#include "broadcast/audio/ToneSource.hpp"
#include "broadcast/daemon/DeviceRouter.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/broadcast/daemon/DaemonFixture.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using content::AsRunOutcome;
using test::DaemonSite;
using test::field;
using test::kOrigin;
using test::kRate;

// Frames of channel `channel` (0-based) of `wav` louder than -60 dBFS within [from, to) seconds.
// A sine's samples near its zero crossings count as silent (an eighth of a 500 Hz tone at 8 kHz).
std::int64_t audible_frames(const test::Wav& wav, int channel, double from, double to) {
  std::int64_t n = 0;
  const auto channels = static_cast<std::size_t>(wav.channels);
  const std::size_t frames = wav.samples.size() / channels;
  const auto first = static_cast<std::size_t>(from * wav.sample_rate_hz);
  const auto last = std::min(frames, static_cast<std::size_t>(to * wav.sample_rate_hz));
  for (std::size_t f = first; f < last; ++f)
    if (std::abs(wav.samples[f * channels + static_cast<std::size_t>(channel)]) > 1e-3F) ++n;
  return n;
}

std::vector<content::AsRunRecord> records_of(DaemonSite& site, const std::string& slot) {
  std::vector<content::AsRunRecord> out;
  for (auto& r : site.log.between(kOrigin - 1h, kOrigin + 2h))
    if (r.slot_id == slot) out.push_back(r);
  return out;
}

TEST_CASE("status names each zone's state, what holds it and the next occurrence",
          "[daemon][handlers]") {
  DaemonSite site{"status"};
  auto status = site.send("status");
  CHECK_FALSE(status.error);
  CHECK(field(status, "state") == "running");
  CHECK(field(status, "time") == "2026-11-30T06:00:00+07:00");
  CHECK(field(status, "zones") == "z1 z2 z3");
  CHECK(field(status, "zone.z1") == "idle");
  CHECK(field(status, "zone.z1.device") == "dev-a");
  CHECK(field(status, "next") == "2026-11-30T06:00:10+07:00");
  CHECK(field(status, "next.title") == "Bản tin");
  CHECK(field(status, "next.slot") == "sang");
  CHECK(field(status, "next.zones") == "z1");
  CHECK(field(status, "device.dev-b") == "open");

  site.run_until(kOrigin + 11s);
  status = site.send("status");
  CHECK(field(status, "zone.z1") == "playing");
  CHECK(field(status, "zone.z1.title") == "Bản tin");
  CHECK(field(status, "zone.z1.item") == "Thông báo A");
  CHECK(field(status, "zone.z1.priority") == "normal");
  CHECK(field(status, "zone.z1.key") == "sang@2026-11-30T06:00:10");
  CHECK(field(status, "zone.z2") == "idle");
  // Tomorrow's bulletin is next now.
  CHECK(field(status, "next") == "2026-12-01T06:00:10+07:00");
}

TEST_CASE("zones sharing a device are heard only on their own channels", "[daemon][routing]") {
  DaemonSite site{"routing"};
  const auto played = site.send("play", {"a", "z2"});
  REQUIRE_FALSE(played.error);
  CHECK(field(played, "zone.z2") == "playing");
  CHECK(field(played, "zone.z1") == "(none)");
  site.run_until(kOrigin + 14s);  // then the scheduled bulletin in z1 from 06:00:10
  site.devices.reset();           // finishes dev-a.wav
  const auto wav = test::read_wav(site.dir / "dev-a.wav");
  REQUIRE(wav.channels == 2);
  REQUIRE(wav.sample_rate_hz == kRate);
  // z2 (channel 2): announcement a, 1 s, from now.
  CHECK(audible_frames(wav, 1, 0.0, 1.0) > kRate * 8 / 10);
  CHECK(audible_frames(wav, 1, 1.1, 14.0) == 0);
  // z1 (channel 1): silent until its bulletin at 10 s, then a (1 s) and b (1.5 s).
  CHECK(audible_frames(wav, 0, 0.0, 9.99) == 0);
  CHECK(audible_frames(wav, 0, 10.0, 12.5) > kRate * 2);

  const auto play = records_of(site, "operator-play");
  REQUIRE(play.size() == 1);
  CHECK(play[0].zones == std::vector<std::string>{"z2"});
  CHECK(play[0].outcome == AsRunOutcome::played);
  CHECK(play[0].priority == "priority");
}

TEST_CASE("the router adds each zone into its channels and leaves other channels silent",
          "[daemon][routing]") {
  struct Constant final : Renderer {
    float value;
    explicit Constant(float v) : value{v} {}
    void render(std::span<float> out, std::size_t) noexcept override {
      std::fill(out.begin(), out.end(), value);
    }
  };
  Constant a{0.25F}, b{0.5F};
  DeviceRouter router;
  router.add_zone(a, {1, 3});
  router.add_zone(b, {3});
  REQUIRE(router.channels() == 3);
  // Longer than one chunk, so the chunked path is exercised.
  std::vector<float> out((DeviceRouter::kChunkFrames + 100) * 4, 9.0F);
  router.render(out, 4);
  for (std::size_t f = 0; f < out.size() / 4; ++f) {
    REQUIRE(out[f * 4 + 0] == 0.25F);
    REQUIRE(out[f * 4 + 1] == 0.0F);
    REQUIRE(out[f * 4 + 2] == 0.75F);
    REQUIRE(out[f * 4 + 3] == 0.0F);
  }
}

TEST_CASE("an alert takes every zone, repeats, and what it interrupted resumes",
          "[daemon][handlers]") {
  DaemonSite site{"alert"};
  site.run_until(kOrigin + 10500ms);  // the bulletin plays in z1
  const auto alert = site.send("alert", {"alarm", "repeat=2"});
  REQUIRE_FALSE(alert.error);
  CHECK(field(alert, "priority") == "emergency");
  CHECK(field(alert, "repeat") == "2");
  for (const char* z : {"zone.z1", "zone.z2", "zone.z3"}) CHECK(field(alert, z) == "playing");
  site.run_until(kOrigin + 11s);
  CHECK(field(site.send("status"), "zone.z1.priority") == "emergency");
  site.run_until(kOrigin + 30s);

  const auto alerts = records_of(site, "operator-alert");
  REQUIRE(alerts.size() == 3);  // one per zone
  for (const auto& r : alerts) {
    CHECK(r.outcome == AsRunOutcome::played);
    CHECK(r.priority == "emergency");
    // Twice the 1 s alarm.
    CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(*r.ended - *r.started).count() ==
          Approx(2000).margin(30));
  }
  const auto bulletin = records_of(site, "sang");
  REQUIRE(bulletin.size() == 2);
  CHECK(bulletin[0].outcome == AsRunOutcome::preempted);
  CHECK(bulletin[1].outcome == AsRunOutcome::resumed);
}

TEST_CASE("stop ends what plays in a zone, logged as stopped by the operator",
          "[daemon][handlers]") {
  DaemonSite site{"stop"};
  REQUIRE_FALSE(site.send("play", {"p", "z1", "z2"}).error);
  site.run_until(kOrigin + 500ms);
  const auto stopped = site.send("stop", {"z2"});
  REQUIRE_FALSE(stopped.error);
  CHECK(field(stopped, "stopped") == "z2");
  site.run_until(kOrigin + 600ms);
  auto status = site.send("status");
  CHECK(field(status, "zone.z2") == "idle");
  CHECK(field(status, "zone.z1") == "playing");
  CHECK(field(site.send("stop"), "stopped") == "z1");
  CHECK(field(site.send("stop"), "idle") == "z1 z2 z3");
  site.run_until(kOrigin + 1s);
  const auto records = records_of(site, "operator-play");
  REQUIRE(records.size() == 2);
  for (const auto& r : records) {
    CHECK(r.outcome == AsRunOutcome::interrupted);
    CHECK(r.detail.find("stopped by the operator") != std::string::npos);
  }
}

TEST_CASE("skip moves a zone's playlist on to its next item", "[daemon][handlers]") {
  DaemonSite site{"skip"};
  REQUIRE_FALSE(site.send("play", {"p", "z1"}).error);
  site.run_until(kOrigin + 300ms);
  CHECK(field(site.send("status"), "zone.z1.item") == "Thông báo A");
  const auto skipped = site.send("skip", {"z1"});
  CHECK(field(skipped, "skipped") == "z1");
  site.run_until(kOrigin + 400ms);
  CHECK(field(site.send("status"), "zone.z1.item") == "Thông báo B");
  site.run_until(kOrigin + 3s);
  const auto records = records_of(site, "operator-play");
  REQUIRE(records.size() == 1);
  CHECK(records[0].outcome == AsRunOutcome::played);
  // a was cut after 0.3 s, then b played its 1.5 s.
  CHECK(
      std::chrono::duration_cast<std::chrono::milliseconds>(*records[0].ended - *records[0].started)
          .count() == Approx(1800).margin(40));
}

TEST_CASE("an unknown item or zone is refused with a suggestion", "[daemon][handlers]") {
  DaemonSite site{"unknown"};
  auto r = site.send("play", {"alrm"});
  REQUIRE(r.error == AckCode::not_found);
  CHECK(r.message.find("did you mean \"alarm\"") != std::string::npos);
  r = site.send("alert", {"alarm", "z4"});
  REQUIRE(r.error == AckCode::not_found);
  CHECK(r.message.find("there is no zone \"z4\"") != std::string::npos);
  r = site.send("alert", {"alarm", "repeat=99"});
  REQUIRE(r.error == AckCode::bad_arguments);
  CHECK(site.log.between(kOrigin - 1h, kOrigin + 1h).empty());
}

TEST_CASE("a broken schedule edit is rejected where it is wrong and the old schedule plays on",
          "[daemon][reload]") {
  DaemonSite site{"reload-broken"};
  test::write_text(site.dir / "schedule.yaml",
                   test::kSchedule + "  chieu:\n    playlist: q\n    at: \"06:00:20\"\n");
  REQUIRE(site.programme->changed());
  const auto r = site.handlers->reload();
  REQUIRE(r.error == AckCode::failed);
  CHECK(r.message.find("the old one keeps running") != std::string::npos);
  CHECK(r.message.find("schedule.yaml:11:15:") != std::string::npos);
  CHECK(field(r, "error").find("schedule.yaml:11:15:") != std::string::npos);
  CHECK_FALSE(site.programme->changed());  // rejected once, not again every second
  site.run_until(kOrigin + 30s);
  REQUIRE(records_of(site, "sang").size() == 1);
  CHECK(records_of(site, "sang")[0].outcome == AsRunOutcome::played);
}

TEST_CASE("a valid edit replaces what is pending and replays nothing", "[daemon][reload]") {
  DaemonSite site{"reload-valid"};
  site.run_until(kOrigin + 11s);  // sang fired at 06:00:10 and plays
  // sang moves to 06:00:40 (a new key), chieu is added; the played one must not come back.
  test::write_text(site.dir / "schedule.yaml",
                   test::kSchedule +
                       "  chieu:\n    announcement: b\n    at: \"06:00:20\"\n"
                       "    zones: [z2]\n");
  auto r = site.handlers->reload();
  REQUIRE_FALSE(r.error);
  CHECK(field(r, "slots") == "2");
  CHECK(field(r, "next") == "2026-11-30T06:00:20+07:00");
  // Reloading the same file again changes nothing.
  REQUIRE_FALSE(site.handlers->reload().error);
  site.run_until(kOrigin + 60s);
  CHECK(records_of(site, "sang").size() == 1);
  const auto chieu = records_of(site, "chieu");
  REQUIRE(chieu.size() == 1);
  CHECK(chieu[0].zones == std::vector<std::string>{"z2"});
  CHECK(chieu[0].outcome == AsRunOutcome::played);
}

TEST_CASE("a lost device logs device_failure for what played, and is reopened when it returns",
          "[daemon][devices]") {
  DaemonSite site{"device-loss"};
  REQUIRE_FALSE(site.send("play", {"p", "z3"}).error);
  site.run_until(kOrigin + 500ms);
  const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
  site.dev_b->lose_device = true;
  site.dev_b->missing = true;
  auto events = site.devices->check(t0);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == DeviceOutputs::Event::Kind::lost);
  CHECK(events[0].zones == std::vector<std::string>{"z3"});
  CHECK(field(site.send("status"), "state") == "degraded");
  CHECK(field(site.send("status"), "zone.z3") == "no-device");
  const auto records = records_of(site, "operator-play");
  REQUIRE(records.size() == 1);
  CHECK(records[0].outcome == AsRunOutcome::device_failure);
  CHECK(records[0].detail.find("test: unplugged") != std::string::npos);

  CHECK(site.devices->check(t0 + 6s).empty());  // still missing: retried quietly
  site.dev_b->missing = false;
  CHECK(site.devices->check(t0 + 8s).empty());  // not yet time to retry
  events = site.devices->check(t0 + 11s);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == DeviceOutputs::Event::Kind::returned);
  CHECK(field(site.send("status"), "state") == "running");
  // And it plays again.
  REQUIRE_FALSE(site.send("play", {"a", "z3"}).error);
  site.run_until(kOrigin + 3s);
  CHECK(records_of(site, "operator-play").back().outcome == AsRunOutcome::played);
}

TEST_CASE("live goes on air in the named zones and stop takes it off", "[daemon][handlers]") {
  DaemonSite site{"live"};
  site.engine->set_live_sources(
      [](const std::string& device, int rate) -> std::unique_ptr<LiveSource> {
        if (device != "mic") throw AudioError("no input device " + device, -1);
        ToneSource::Options o;
        o.sample_rate_hz = rate;
        return std::make_unique<ToneSource>(o);
      });
  auto r = site.send("live", {"mic", "z1", "z3"});
  REQUIRE_FALSE(r.error);
  CHECK(field(r, "zones") == "z1 z3");
  site.run_until(kOrigin + 1s);
  auto status = site.send("status");
  CHECK(field(status, "zone.z1") == "live");
  CHECK(field(status, "zone.z2") == "idle");
  CHECK(field(site.send("stop"), "stopped") == "z1 z3");
  site.run_until(kOrigin + 2s);
  CHECK(field(site.send("status"), "zone.z1") == "idle");

  r = site.send("live", {"khong-co", "z1"});
  REQUIRE(r.error == AckCode::failed);
  CHECK(r.message.find("cannot go live") != std::string::npos);
  r = site.send("live", {"mic", "for=abc"});
  REQUIRE(r.error == AckCode::bad_arguments);
}

}  // namespace
}  // namespace tinxa::broadcast
