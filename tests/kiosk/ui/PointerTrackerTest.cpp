#include "kiosk/ui/PointerTracker.hpp"

#include <catch2/catch.hpp>

using namespace tinxa::kiosk::ui;
using namespace std::chrono_literals;

namespace {
std::vector<ActionKind> kinds(const std::vector<Action>& actions) {
  std::vector<ActionKind> out;
  for (const auto& a : actions) out.push_back(a.kind);
  return out;
}
}  // namespace

TEST_CASE("A finger that goes down presses, and only lifting it taps", "[kiosk][input]") {
  PointerTracker tracker(12);
  const PointerTracker::Clock::time_point t0{};
  CHECK(kinds(tracker.down({100, 100}, t0)) == std::vector{ActionKind::press});
  CHECK(tracker.move({105, 103}, t0 + 50ms).empty());  // within the slop: still a tap
  const auto up = tracker.up({105, 103}, t0 + 100ms);
  REQUIRE(kinds(up) == std::vector{ActionKind::tap});
  CHECK(up[0].at == Point{105, 103});
}

TEST_CASE("A finger that moves beyond the slop drags instead of tapping", "[kiosk][input]") {
  PointerTracker tracker(12);
  const PointerTracker::Clock::time_point t0{};
  (void)tracker.down({100, 500}, t0);
  CHECK(kinds(tracker.move({100, 450}, t0 + 20ms)) ==
        std::vector{ActionKind::cancel, ActionKind::drag});
  const auto drag = tracker.move({100, 400}, t0 + 40ms);
  REQUIRE(kinds(drag) == std::vector{ActionKind::drag});
  CHECK(drag[0].delta == Point{0, -50});
  const auto up = tracker.up({100, 380}, t0 + 50ms);
  REQUIRE(!up.empty());
  CHECK(up.back().kind == ActionKind::drag_end);
  CHECK(up.back().velocity_y < -1000.0);  // flung upwards
  CHECK_FALSE(tracker.is_down());
}

TEST_CASE("A finger that rests before lifting does not fling", "[kiosk][input]") {
  PointerTracker tracker(12);
  const PointerTracker::Clock::time_point t0{};
  (void)tracker.down({100, 500}, t0);
  (void)tracker.move({100, 300}, t0 + 20ms);
  const auto up = tracker.up({100, 300}, t0 + 500ms);
  REQUIRE(!up.empty());
  CHECK(up.back().velocity_y == 0.0);
}
