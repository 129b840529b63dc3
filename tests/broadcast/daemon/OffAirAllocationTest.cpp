// The device callback's off-air path allocates and frees nothing: DeviceRouter rendering a zone
// into its OffAirTap, through a full ring (drops) and back. Its own executable: it replaces the
// global operator new (CountingAllocator.hpp).
#include <catch2/catch.hpp>

#include <vector>

#include "broadcast/daemon/DeviceRouter.hpp"
#include "broadcast/daemon/OffAirTap.hpp"
#include "tests/broadcast/rt/CountingAllocator.hpp"

namespace tinxa::broadcast {
namespace {

struct Ramp final : Renderer {
  float value = 0.0F;
  void render(std::span<float> out, std::size_t) noexcept override {
    for (auto& s : out) s = value += 1e-4F;
  }
};

TEST_CASE("rendering a recorded zone allocates nothing, also when the ring overflows",
          "[daemon][off-air][rt]") {
  Ramp a, b;
  OffAirTap tap{2};
  DeviceRouter router;
  router.add_zone(a, {1, 2}, &tap);
  router.add_zone(b, {3});
  std::vector<float> out(256 * 3);
  OffAirTap::Block block{};
  alloc_test::g_allocations = 0;
  alloc_test::g_frees = 0;
  alloc_test::g_armed = true;
  // 4096 callbacks of 256 frames: twice what the ring holds, so blocks are dropped.
  for (int i = 0; i < 4096; ++i) router.render(out, 3);
  const auto dropped = tap.dropped_frames();
  std::size_t popped = 0;
  while (tap.pop(block)) ++popped;
  for (int i = 0; i < 8; ++i) router.render(out, 3);
  alloc_test::g_armed = false;
  CHECK(alloc_test::g_allocations == 0);
  CHECK(alloc_test::g_frees == 0);
  CHECK(popped == OffAirTap::kRingBlocks);
  CHECK(dropped == 4096 * 256 - static_cast<std::int64_t>(OffAirTap::kRingBlocks * 512));
  CHECK(tap.frames_written() == 4104 * 256);
}

}  // namespace
}  // namespace tinxa::broadcast
