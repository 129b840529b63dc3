// SdlSpeaker on SDL's real audio path, with the `disk` driver: SDL paces the callback in real
// time and writes what it was given to a raw file, which these tests read back sample by sample.

#include "kiosk/audio/SdlSpeaker.hpp"
#include "tests/support/ToneFile.hpp"

#include <SDL.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>
#include <vector>

using namespace tinxa;
using namespace std::chrono_literals;
using kiosk::audio::SdlSpeaker;
using State = kiosk::ui::Speaker::State;

namespace {

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::path(TINXA_BINARY_DIR) / "kiosk-audio-test";
  std::filesystem::create_directories(dir);
  return dir / name;
}

// Routes SDL's audio to `raw` (float samples, the device's channels, interleaved).
void use_disk_driver(const std::filesystem::path& raw) {
  std::filesystem::remove(raw);
  setenv("SDL_AUDIODRIVER", "disk", 1);
  setenv("SDL_DISKAUDIOFILE", raw.c_str(), 1);
  unsetenv("SDL_DISKAUDIODELAY");  // paced in real time, as a sound card would
}

std::vector<float> read_raw(const std::filesystem::path& raw) {
  std::ifstream in(raw, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<float> samples(bytes.size() / sizeof(float));
  std::memcpy(samples.data(), bytes.data(), samples.size() * sizeof(float));
  return samples;
}

// Waits, in real time (the audio thread runs in real time), until the sound has played out.
bool wait_until_stopped(const SdlSpeaker& speaker, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (speaker.state() != State::stopped) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

}  // namespace

TEST_CASE("SdlSpeaker plays a 44.1 kHz mono file whole, resampled to the device, at the volume",
          "[kiosk][audio]") {
  const auto raw = scratch("tone.raw");
  use_disk_driver(raw);
  const auto file = scratch("tone-44k-mono.wav");
  test::ToneFile tone;
  tone.sample_rate_hz = 44100;
  tone.channels = 1;
  tone.frames = 44100 * 4 / 10;  // 0.4 s
  tone.amplitude = 0.5;
  tone.frequency_hz = 1000.0;
  test::write_tone(file, tone);

  int rate = 0;
  int channels = 0;
  {
    SdlSpeaker speaker;
    REQUIRE(speaker.available());
    CHECK(speaker.reason().empty());
    rate = speaker.device_rate_hz();
    channels = speaker.device_channels();
    REQUIRE(rate == 48000);
    REQUIRE(channels == 2);
    speaker.set_volume(0.5f);
    REQUIRE(speaker.play(file, "page:test"));
    CHECK(speaker.state() == State::playing);
    CHECK(speaker.subject() == "page:test");
    CHECK(speaker.duration() == 400ms);
    REQUIRE(wait_until_stopped(speaker, 5s));
    CHECK(speaker.subject().empty());
    CHECK(speaker.last_error().empty());
  }  // closes the device: the raw file is complete

  const std::vector<float> samples = read_raw(raw);
  const auto frames = samples.size() / 2;
  auto left = [&](std::size_t f) { return samples[f * 2]; };
  std::size_t first = frames;
  std::size_t last = 0;
  for (std::size_t f = 0; f < frames; ++f) {
    if (std::abs(left(f)) > 0.01f) {
      first = std::min(first, f);
      last = f;
    }
  }
  REQUIRE(first < last);
  // 0.4 s at the device rate (the resampler's edges may add or lose a few frames).
  const double length = double(last - first + 1);
  CHECK(length == Approx(0.4 * 48000).margin(48));

  float peak = 0.0f;
  int crossings = 0;
  std::size_t quiet_run = 0;
  std::size_t longest_quiet = 0;
  bool channels_equal = true;
  for (std::size_t f = first; f <= last; ++f) {
    peak = std::max(peak, std::abs(left(f)));
    if (f > first && (left(f - 1) < 0.0f) != (left(f) < 0.0f)) ++crossings;
    if (samples[f * 2] != samples[f * 2 + 1]) channels_equal = false;
    quiet_run = std::abs(left(f)) < 1e-3f ? quiet_run + 1 : 0;
    longest_quiet = std::max(longest_quiet, quiet_run);
  }
  CHECK(channels_equal);                      // mono copied to both channels
  CHECK(peak == Approx(0.25).epsilon(0.03));  // amplitude 0.5 at volume 0.5
  // 1000 Hz: two zero crossings per period, 400 periods.
  CHECK(crossings == Approx(800).margin(4));
  // No gap (an underrun) inside the sound: a 1 kHz sine is never near zero for 10 samples.
  CHECK(longest_quiet < 10);
}

TEST_CASE("SdlSpeaker pauses, resumes and stops, and reports where it is", "[kiosk][audio]") {
  use_disk_driver(scratch("controls.raw"));
  const auto file = scratch("tone-48k-stereo.ogg");
  test::ToneFile tone;
  tone.frames = 48000 * 3;  // 3 s: long enough to still be playing while the test acts
  tone.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
  test::write_tone(file, tone);

  SdlSpeaker speaker;
  REQUIRE(speaker.available());
  CHECK(speaker.state() == State::stopped);
  CHECK(speaker.volume() == Approx(0.8));
  speaker.set_volume(1.7f);
  CHECK(speaker.volume() == Approx(1.0));
  speaker.set_volume(-1.0f);
  CHECK(speaker.volume() == Approx(0.0));

  REQUIRE(speaker.play(file, "broadcast:x"));
  std::this_thread::sleep_for(200ms);
  CHECK(speaker.position() > 50ms);
  speaker.pause();
  CHECK(speaker.state() == State::paused);
  CHECK(speaker.subject() == "broadcast:x");
  const auto at = speaker.position();
  std::this_thread::sleep_for(100ms);
  CHECK(speaker.position() == at);  // paused: nothing more is played
  speaker.resume();
  CHECK(speaker.state() == State::playing);
  speaker.stop();
  CHECK(speaker.state() == State::stopped);
  CHECK(speaker.subject().empty());
  CHECK(speaker.position() == 0ms);

  // A second sound replaces the first at once.
  REQUIRE(speaker.play(file, "a"));
  REQUIRE(speaker.play(file, "b"));
  CHECK(speaker.subject() == "b");
}

TEST_CASE("SdlSpeaker refuses a file it cannot decode and stays stopped", "[kiosk][audio]") {
  use_disk_driver(scratch("bad.raw"));
  const auto bad = scratch("not-audio.wav");
  std::ofstream(bad) << "this is not a sound";
  SdlSpeaker speaker;
  REQUIRE(speaker.available());
  CHECK_FALSE(speaker.play(bad, "x"));
  CHECK_FALSE(speaker.play(scratch("missing.ogg"), "x"));
  CHECK(speaker.state() == State::stopped);
  CHECK(speaker.subject().empty());
}

TEST_CASE("With no audio device the speaker says it is unavailable and plays nothing",
          "[kiosk][audio]") {
  setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
  const auto file = scratch("tone-short.wav");
  test::write_tone(file, {});
  SdlSpeaker speaker;
  CHECK_FALSE(speaker.available());
  CHECK_FALSE(speaker.reason().empty());
  CHECK_FALSE(speaker.play(file, "x"));
  CHECK(speaker.state() == State::stopped);
  speaker.pause();
  speaker.resume();
  speaker.stop();
  speaker.set_volume(0.3f);
  CHECK(speaker.volume() == Approx(0.3));
}

// Figures, not a check (hidden; run with "[figures]"): how long play() holds the UI thread, and
// how fast the decoder thread feeds a device that never waits (SDL_DISKAUDIODELAY=0).
TEST_CASE("SdlSpeaker figures", "[.][figures]") {
  const auto raw = scratch("figures.raw");
  use_disk_driver(raw);
  setenv("SDL_DISKAUDIODELAY", "0", 1);
  for (const auto& [name, format] : {std::pair{"ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
                                     std::pair{"wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16},
                                     std::pair{"mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III}}) {
    const auto file = scratch(std::string("figures-44k.") + name);
    test::ToneFile tone;
    tone.sample_rate_hz = 44100;
    tone.frames = 44100 * 30;
    tone.format = format;
    test::write_tone(file, tone);
    SdlSpeaker speaker;
    REQUIRE(speaker.available());
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(speaker.play(file, "x"));
    const auto t1 = std::chrono::steady_clock::now();
    REQUIRE(wait_until_stopped(speaker, 120s));
    const auto t2 = std::chrono::steady_clock::now();
    using ms = std::chrono::duration<double, std::milli>;
    WARN(name << ": play() " << ms(t1 - t0).count() << " ms on the UI thread; 30 s of 44.1 kHz "
              << "stereo decoded, resampled to 48 kHz and played out in " << ms(t2 - t1).count()
              << " ms (" << 30000.0 / ms(t2 - t1).count() << "x real time)");
  }
}
