// The decode worker and the sinks together. PortAudio runs through ALSA's `file` plugin into WAV
// files (tests/broadcast/audio/alsa/asound-file.conf, shared recipe 1(a)): not paced, so these
// tests count frames and never wait on wall time.

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "broadcast/audio/AudioError.hpp"
#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/DecodeWorker.hpp"
#include "broadcast/audio/LiveInput.hpp"
#include "broadcast/audio/NullSink.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "broadcast/audio/PortAudio.hpp"
#include "broadcast/audio/PortAudioSink.hpp"
#include "broadcast/audio/WavFileSink.hpp"
#include "broadcast/rt/Mixer.hpp"
#include "content/media/MediaError.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {
namespace {

using test::read_wav;
using test::tone_energy_ratio;
using test::write_tone;

// Points PortAudio (and the libjack it loads) at this folder's ALSA config, capturing to `dir`.
// Must run before the first PortAudioSession of the process.
void use_test_alsa(const std::filesystem::path& capture_dir) {
  ::setenv("JACK_NO_START_SERVER", "1", 1);
  ::setenv("ALSA_CONFIG_PATH", TINXA_SOURCE_DIR "/tests/broadcast/audio/alsa/asound-file.conf", 1);
  ::setenv("CAPTURE_DIR", capture_dir.c_str(), 1);
}

// Waits, without sleeping, until `done` holds; fails the test after a generous deadline so a bug
// cannot hang CI.
template <class Predicate>
bool spin_until(Predicate done, std::chrono::seconds deadline = std::chrono::seconds{30}) {
  const auto give_up = std::chrono::steady_clock::now() + deadline;
  while (!done()) {
    if (std::chrono::steady_clock::now() > give_up) {
      return false;
    }
    std::this_thread::yield();
  }
  return true;
}

TEST_CASE("The decode worker streams a file to the mixer and reports a missing one as failed",
          "[audio][worker]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "tone.wav", {1000.0, 0.5, 44100, 2, 44100});
  BlockPool pool{64, 1024, 2};
  Mixer mixer{48000};
  // A target above the clip's 47 blocks: the worker decodes all of it before the mixer starts.
  DecodeWorker worker{nullptr,
                      {.queue_target_blocks = 60, .refill_period = std::chrono::milliseconds{10}}};
  worker.attach(pool, mixer.spent());
  auto good = std::make_shared<PlaybackStream>(1, dir / "tone.wav", pool, DeviceFormat{48000, 2},
                                               std::nullopt);
  auto bad = std::make_shared<PlaybackStream>(2, dir / "missing.wav", pool, DeviceFormat{48000, 2},
                                              std::nullopt);
  worker.add(good);
  worker.add(bad);
  REQUIRE(spin_until([&] { return good->state() == PlaybackStream::State::decoded; }));
  REQUIRE(spin_until([&] { return bad->state() == PlaybackStream::State::failed; }));
  CHECK_THROWS_AS(std::rethrow_exception(bad->error()), content::MediaError);

  REQUIRE(mixer.post(MixerCommand::start(1, &good->queue(), 0, 1.0F, 0)));
  REQUIRE(mixer.post(MixerCommand::start(2, &bad->queue(), 0, 1.0F, 0)));
  NullSink sink;
  sink.open("", 48000, 2, mixer);
  sink.start();
  sink.pull(48000 + 1024);
  std::vector<MixerEvent> ended;
  MixerEvent event;
  while (mixer.next_event(event)) {
    if (event.kind == MixerEvent::Kind::ended) {
      ended.push_back(event);
    }
  }
  REQUIRE(ended.size() == 2);
  CHECK(ended[0] == MixerEvent{MixerEvent::Kind::ended, 2, 0});  // nothing to play
  CHECK(std::abs(ended[1].frame - 48000) <= 2);
  CHECK(mixer.underruns() == 0);
  sink.close();
  good.reset();
  bad.reset();
  REQUIRE(spin_until([&] { return worker.active() == 0 && pool.in_use() == 0; }));
}

TEST_CASE("A WAV file sink records exactly the frames pulled", "[audio][sink]") {
  const tinxa::test::TempDir dir;
  write_tone(dir / "tone.wav", {750.0, 0.5, 48000, 2, 30000});
  BlockPool pool{64, 1024, 2};
  Mixer mixer{48000};
  PlaybackStream stream{1, dir / "tone.wav", pool, {48000, 2}, std::nullopt};
  REQUIRE_FALSE(stream.top_up(nullptr, 64));  // the whole file fits in the queue
  REQUIRE(mixer.post(MixerCommand::start(1, &stream.queue(), 1000, 1.0F, 0)));
  WavFileSink sink;
  sink.open((dir / "air.wav").string(), 48000, 2, mixer);
  sink.start();
  sink.pull(40000);
  CHECK(sink.frames_pulled() == 40000);
  sink.close();
  pool.reclaim(mixer.spent());
  CHECK_FALSE(sink.poll_fault().has_value());
  const auto wav = read_wav(dir / "air.wav");
  CHECK(wav.sample_rate_hz == 48000);
  REQUIRE(wav.frames() == 40000);
  const auto left = wav.channel(0);
  CHECK(left[999] == 0.0F);
  CHECK(left[1000] == 0.0F);  // sin(0)
  CHECK(left[1001] != 0.0F);
  CHECK(tone_energy_ratio({left.begin() + 1000, left.begin() + 31000}, 750.0, 48000) > 0.49);
}

TEST_CASE("A sink's timing maps an instant to the output frame that plays then", "[audio][sink]") {
  Mixer mixer{48000};
  NullSink sink;
  CHECK_FALSE(sink.timing().known());
  sink.open("", 48000, 2, mixer);
  const content::TimePoint origin{std::chrono::seconds{1'800'000'000}};
  sink.set_origin(origin);
  const DacTiming timing = sink.timing();
  REQUIRE(timing.known());
  CHECK(timing.frame_at(origin) == 0);
  CHECK(timing.frame_at(origin + std::chrono::milliseconds{1500}) == 72000);
  CHECK(timing.frame_at(origin - std::chrono::milliseconds{10}) == -480);
  CHECK(ramp_frames(48000) == 240);
}

TEST_CASE("A WAV file sink that cannot create its file says which", "[audio][sink]") {
  const tinxa::test::TempDir dir;
  Mixer mixer{48000};
  WavFileSink sink;
  CHECK_THROWS_WITH(sink.open((dir / "no" / "such" / "dir.wav").string(), 48000, 2, mixer),
                    Catch::Contains("dir.wav"));
}

TEST_CASE("PortAudio lists the ALSA test devices by name", "[audio][portaudio]") {
  const tinxa::test::TempDir dir;
  use_test_alsa(dir.path());
  const PortAudioSession session;
  std::vector<std::string> names;
  for (const auto& device : list_output_devices()) {
    names.push_back(device.name);
  }
  CHECK(std::find(names.begin(), names.end(), "zone1") != names.end());
  CHECK(std::find(names.begin(), names.end(), "zone2") != names.end());
  CHECK(find_output_device("zone2") >= 0);
  // What an operator reads: Vietnamese, then English, then the devices that exist.
  CHECK_THROWS_WITH(find_output_device("zone9"),
                    Catch::Contains("không có thiết bị ra tên 'zone9' / no output device named "
                                    "'zone9'") &&
                        Catch::Contains("zone1"));
}

TEST_CASE(
    "A PortAudio device that cannot be opened says why in Vietnamese and English, then in "
    "PortAudio's words",
    "[audio][portaudio]") {
  const tinxa::test::TempDir dir;
  use_test_alsa(dir.path());
  Mixer mixer{48000};
  PortAudioSink sink;
  // No ALSA device takes 200 channels.
  CHECK_THROWS_WITH(
      sink.open("zone1", 48000, 200, mixer),
      Catch::StartsWith("không mở được thiết bị ra 'zone1' 48000 Hz, 200 kênh / "
                        "cannot open output device 'zone1' 48000 Hz, 200 channels: ") &&
          Catch::EndsWith("Invalid number of channels"));
  CHECK_THROWS_WITH(LiveInput("no-such-input", 48000),
                    Catch::Contains("không có thiết bị vào tên 'no-such-input' / no input device "
                                    "named 'no-such-input'"));
}

TEST_CASE("Two PortAudio zones each carry their own tone and not the other's", "[audio][e2e]") {
  const tinxa::test::TempDir dir;
  use_test_alsa(dir.path());
  // Different source rates, so the decode path resamples one of them.
  write_tone(dir / "a.wav", {1000.0, 0.5, 44100, 2, 44100});
  write_tone(dir / "b.wav", {1500.0, 0.5, 48000, 1, 48000});
  constexpr std::int64_t kFrames = 48000;

  struct Zone {
    BlockPool pool{80, 1024, 2};
    Mixer mixer{48000};
    PortAudioSink sink;
    std::shared_ptr<PlaybackStream> stream;
    std::int64_t ended_at = -1;
  };
  Zone zones[2];
  const char* files[2] = {"a.wav", "b.wav"};
  const char* devices[2] = {"zone1", "zone2"};
  for (std::size_t z = 0; z < 2; ++z) {
    Zone& zone = zones[z];
    zone.stream = std::make_shared<PlaybackStream>(z + 1, dir / files[z], zone.pool,
                                                   DeviceFormat{48000, 2}, std::nullopt);
    // An unpaced device would outrun any decoder: queue the whole clip before the stream starts.
    REQUIRE_FALSE(zone.stream->top_up(nullptr, BlockQueue::capacity()));
    REQUIRE(zone.mixer.post(MixerCommand::start(z + 1, &zone.stream->queue(), 0, 1.0F, 0)));
    zone.sink.open(devices[z], 48000, 2, zone.mixer);
  }
  for (auto& zone : zones) {
    zone.sink.start();
  }
  for (auto& zone : zones) {
    REQUIRE(spin_until([&zone] {
      MixerEvent event;
      while (zone.mixer.next_event(event)) {
        if (event.kind == MixerEvent::Kind::ended) {
          zone.ended_at = event.frame;
        }
      }
      return zone.ended_at >= 0 && zone.sink.frames_played() > zone.ended_at + 4800;
    }));
    CHECK(zone.sink.timing().known());
    CHECK_FALSE(zone.sink.poll_fault().has_value());
  }
  for (auto& zone : zones) {
    zone.sink.close();
    zone.pool.reclaim(zone.mixer.spent());
    CHECK(std::abs(zone.ended_at - kFrames) <= 2);
  }

  const auto zone1 = read_wav(dir / "zone1.wav");
  const auto zone2 = read_wav(dir / "zone2.wav");
  CHECK(zone1.sample_rate_hz == 48000);  // no ALSA resampling in the capture path
  REQUIRE(zone1.frames() >= kFrames);
  REQUIRE(zone2.frames() >= kFrames);
  // The second quarter of a second of the tone, wherever PortAudio's lead-in puts it.
  auto window = [](const test::Wav& wav) {
    const auto left = wav.channel(0);
    const auto onset = std::find_if(left.begin(), left.end(), [](float s) { return s != 0.0F; });
    REQUIRE(onset - left.begin() < 4800);
    return std::vector<float>(onset + 12000, onset + 24000);
  };
  const auto w1 = window(zone1);
  const auto w2 = window(zone2);
  CHECK(tone_energy_ratio(w1, 1000.0, 48000) > 0.45);
  CHECK(tone_energy_ratio(w1, 1500.0, 48000) < 0.001);
  CHECK(tone_energy_ratio(w2, 1500.0, 48000) > 0.45);
  CHECK(tone_energy_ratio(w2, 1000.0, 48000) < 0.001);
}

}  // namespace
TEST_CASE("A PortAudio line input hands what the device captured to the engine's thread",
          "[audio][portaudio][live]") {
  const tinxa::test::TempDir dir;
  use_test_alsa(dir.path());
  {
    // What the "line_in" device captures: 2 s of a 440 Hz tone, raw S16_LE stereo at 48 kHz.
    std::ofstream raw{dir / "line-in.raw", std::ios::binary};
    for (int i = 0; i < 96000; ++i) {
      const auto v = static_cast<std::int16_t>(8000.0 * std::sin(2.0 * M_PI * 440.0 * i / 48000));
      raw.write(reinterpret_cast<const char*>(&v), sizeof v);
      raw.write(reinterpret_cast<const char*>(&v), sizeof v);
    }
  }
  CHECK_THROWS_WITH(LiveInput("no-such-input", 48000), Catch::Contains("line_in"));
  LiveInput input{"line_in", 48000, 1};
  CHECK(input.channels() == 1);
  // The ALSA file device is not paced: the ring fills at once and the callback drops the rest.
  REQUIRE(spin_until([&input] { return input.captured_frames() >= 48000; }));
  std::vector<float> captured(48000);
  const std::size_t frames = input.read(captured);
  REQUIRE(frames >= 24000);
  // The tone's level arrives intact. (Its pitch does not: ALSA's file plugin skips pieces of its
  // infile when the reader uses mmap, as PortAudio does, so only the level is checked.)
  float peak = 0.0F;
  std::size_t audible = 0;
  for (std::size_t i = 0; i < frames; ++i) {
    peak = std::max(peak, std::abs(captured[i]));
    if (std::abs(captured[i]) > 0.01F) ++audible;
  }
  CHECK(peak == Approx(8000.0 / 32768.0).epsilon(0.01));
  CHECK(audible > frames * 9 / 10);
  CHECK_FALSE(input.poll_fault().has_value());
  input.discard();  // drops what is captured, without blocking the callback
}

}  // namespace tinxa::broadcast
