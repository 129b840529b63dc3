// The off-air recorder's own thread (OffAirThread): the event loop never does the file work, and
// stopping writes everything the taps hold.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <latch>
#include <thread>

#include "broadcast/daemon/OffAirThread.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/broadcast/daemon/DaemonFixture.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using test::kOrigin;
using test::kRate;

// A virtual clock that stands for a slow card: the recorder asks the time inside drain() as it
// opens a file, and the first such call from a thread other than the test's (the event loop
// here) waits until the test opens the gate. A call from the test's thread is noted, never held.
class GateClock final : public content::Clock {
 public:
  explicit GateClock(content::TimePoint start) : m_clock{start} {}

  [[nodiscard]] content::TimePoint now() const noexcept override {
    if (std::this_thread::get_id() == m_loop) {
      m_asked_on_loop = true;
    } else if (!m_held.exchange(true)) {
      m_entered.count_down();
      m_gate.wait();
    }
    return m_clock.now();
  }

  // Blocks until the recorder is held in drain().
  void wait_entered() const { m_entered.wait(); }
  // Once; later calls do nothing.
  void open_gate() const {
    if (!m_opened.exchange(true)) m_gate.count_down();
  }
  [[nodiscard]] bool asked_on_loop() const noexcept { return m_asked_on_loop; }

 private:
  content::VirtualClock m_clock;
  std::thread::id m_loop = std::this_thread::get_id();
  mutable std::atomic<bool> m_asked_on_loop{false};
  mutable std::atomic<bool> m_held{false};
  mutable std::atomic<bool> m_opened{false};
  mutable std::latch m_entered{1};
  mutable std::latch m_gate{1};
};

Zone recorded_zone(const std::filesystem::path& off_air) {
  Zone zone;
  zone.id = "z";
  zone.channels = {1};
  zone.off_air = off_air;
  return zone;
}

std::filesystem::path opened_file(const std::vector<OffAirRecorder::Event>& events) {
  const auto opened = std::find_if(events.begin(), events.end(), [](const auto& e) {
    return e.kind == OffAirRecorder::Event::Kind::opened;
  });
  return opened == events.end() ? std::filesystem::path{} : opened->path;
}

bool any_failed(const std::vector<OffAirRecorder::Event>& events) {
  return std::any_of(events.begin(), events.end(),
                     [](const auto& e) { return e.kind == OffAirRecorder::Event::Kind::failed; });
}

TEST_CASE(
    "the off-air files are written on the recorder's own thread, so a slow card never "
    "holds the event loop",
    "[daemon][off-air]") {
  const auto dir = std::filesystem::path{TINXA_BINARY_DIR} / "test-daemon" / "off-air-thread";
  std::filesystem::remove_all(dir);
  const auto time_zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  GateClock clock{kOrigin};  // this thread is the event loop
  OffAirRecorder recorder{{recorded_zone(dir / "z.wav")}, kRate, clock, time_zone, 0};
  OffAirTap& tap = *recorder.tap("z");
  const std::vector<float> second(kRate, 0.25F);
  std::vector<OffAirRecorder::Event> events;
  {
    OffAirThread writer{recorder, 1ms};
    // Whatever happens below, the writer is let go before it is joined.
    const struct GateOpener {
      const GateClock& clock;
      ~GateOpener() { clock.open_gate(); }
    } opener{clock};
    tap.write(second);
    // What the loop does every turn: it takes the events; the file work is not its own.
    auto taken = writer.take_events();
    REQUIRE_FALSE(clock.asked_on_loop());
    clock.wait_entered();  // the recorder's thread is held in drain(), opening the file
    // The loop goes on meanwhile, and so does the device.
    taken = writer.take_events();
    CHECK(taken.empty());
    tap.write(second);
    taken = writer.take_events();
    CHECK(taken.empty());
    CHECK_FALSE(clock.asked_on_loop());
    clock.open_gate();
    tap.flush();  // the device stops
    events = writer.stop();
  }
  CHECK_FALSE(clock.asked_on_loop());
  CHECK_FALSE(any_failed(events));
  const auto path = opened_file(events);
  REQUIRE_FALSE(path.empty());
  // Both seconds, none lost while the writer was held.
  const auto wav = test::read_wav(path);
  REQUIRE(wav.samples.size() == static_cast<std::size_t>(2 * kRate));
  CHECK(std::all_of(wav.samples.begin(), wav.samples.end(),
                    [](float s) { return std::abs(s - 0.25F) < 1e-3F; }));
}

TEST_CASE("stopping the recorder's thread writes what the taps still hold and finishes the files",
          "[daemon][off-air]") {
  const auto dir = std::filesystem::path{TINXA_BINARY_DIR} / "test-daemon" / "off-air-stop";
  std::filesystem::remove_all(dir);
  const auto time_zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock{kOrigin};
  OffAirRecorder recorder{{recorded_zone(dir / "z.flac")}, kRate, clock, time_zone, 0};
  OffAirTap& tap = *recorder.tap("z");
  OffAirThread writer{recorder, 1h};  // it never drains on its own in this test
  // A second and a half: whole blocks in the ring and a part block the device's stop flushes.
  tap.write(std::vector<float>(kRate * 3 / 2, 0.25F));
  tap.flush();
  const auto events = writer.stop();
  CHECK(writer.stop().empty());  // once
  CHECK_FALSE(any_failed(events));
  const auto path = opened_file(events);
  REQUIRE(path == dir / "z-2026-11-30-055958.flac");  // its first frame 1.5 s before now
  CHECK(recorder.current_file("z").empty());          // finished
  const auto flac = test::read_wav(path);
  REQUIRE(flac.samples.size() == static_cast<std::size_t>(kRate * 3 / 2));
  CHECK(std::abs(flac.samples.back() - 0.25F) < 1e-3F);
}

}  // namespace
}  // namespace tinxa::broadcast
