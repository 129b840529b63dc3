#include "content/time/Clock.hpp"

#include <array>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/content/time/TimeTestSupport.hpp"

namespace tinxa::content {
namespace {

using test::hms;
using test::utc;
using test::ymd;

TEST_CASE("A virtual clock reads the instant it was set to until it is moved", "[time]") {
  const auto start = utc(ymd(2026, 11, 28), hms(0, 30, 0));
  VirtualClock clock{start};
  CHECK(clock.now() == start);
  CHECK(clock.now() == start);

  clock.advance(std::chrono::hours{25});
  CHECK(clock.now() == utc(ymd(2026, 11, 29), hms(1, 30, 0)));

  clock.advance(-std::chrono::minutes{90});
  CHECK(clock.now() == utc(ymd(2026, 11, 29), hms(0, 0, 0)));

  clock.set(start);
  CHECK(clock.now() == start);
}

TEST_CASE("A virtual clock keeps sub-second steps", "[time]") {
  VirtualClock clock{utc(ymd(2026, 1, 1), hms(0, 0, 0))};
  clock.advance(std::chrono::milliseconds{1500});
  CHECK(clock.now() - utc(ymd(2026, 1, 1), hms(0, 0, 0)) == std::chrono::milliseconds{1500});
}

TEST_CASE("Concurrent advances of a virtual clock all count", "[time]") {
  const auto start = utc(ymd(2026, 1, 1), hms(0, 0, 0));
  VirtualClock clock{start};
  constexpr int kThreads = 4;
  constexpr int kSteps = 10'000;
  // Catch assertions are not thread-safe: each thread records whether its readings ever went
  // backwards, and the main thread checks after joining.
  std::array<bool, kThreads> monotonic{};
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < monotonic.size(); ++i) {
      threads.emplace_back([&clock, &ok = monotonic[i]] {
        ok = true;
        auto previous = clock.now();
        for (int step = 0; step < kSteps; ++step) {
          clock.advance(std::chrono::seconds{1});
          const auto reading = clock.now();
          ok = ok && previous < reading;
          previous = reading;
        }
      });
    }
  }
  CHECK(clock.now() == start + std::chrono::seconds{kThreads * kSteps});
  CHECK(monotonic == std::array<bool, kThreads>{true, true, true, true});
}

TEST_CASE("The system clock reads the operating system's time", "[time]") {
  const SystemClock clock;
  const Clock& as_interface = clock;
  const auto before = std::chrono::system_clock::now();
  const auto reading = as_interface.now();
  const auto after = std::chrono::system_clock::now();
  CHECK(before <= reading);
  CHECK(reading <= after);
}

}  // namespace
}  // namespace tinxa::content
