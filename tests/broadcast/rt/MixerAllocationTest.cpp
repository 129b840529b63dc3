// Proves that Mixer::render() neither allocates nor frees: this executable replaces the global
// operator new and delete with counting versions (CountingAllocator.hpp), armed only around
// render() calls.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

#include <catch2/catch.hpp>

#include "broadcast/rt/Mixer.hpp"
#include "tests/broadcast/rt/BlockFixture.hpp"
#include "tests/broadcast/rt/CountingAllocator.hpp"

namespace tinxa::broadcast {
namespace {

using alloc_test::g_allocations;
using alloc_test::g_armed;
using alloc_test::g_frees;
using test::BlockFixture;

constexpr std::size_t kChannels = 2;

TEST_CASE("The counting allocator sees an allocation made while armed", "[rt][alloc]") {
  const auto before = g_allocations.load();
  g_armed = true;
  auto* probe = new std::vector<int>(100);
  g_armed = false;
  CHECK(g_allocations.load() - before >= 1);
  delete probe;
}

TEST_CASE(
    "render() allocates and frees nothing through starts, late starts, stops, fades, ducking, "
    "underruns and ends",
    "[rt][alloc]") {
  Mixer mixer{48000};
  constexpr std::size_t kStreams = 6;
  std::vector<BlockQueue> queues(kStreams);
  std::vector<BlockFixture> sources;
  sources.reserve(kStreams);  // the fixtures hold the blocks: they must not move
  for (std::size_t i = 0; i < kStreams; ++i) {
    sources.emplace_back(i + 1, kChannels, 480, [](std::int64_t frame, std::size_t) {
      return static_cast<float>((frame % 100) - 50) / 100.0F;
    });
    sources[i].feed(queues[i], 40, i % 2 == 0 ? 9600 : -1);  // some end, some run dry
  }
  // A start whose blocks come late, and one that waits until it is stopped at a frame.
  BlockQueue late_queue;
  BlockQueue waiting_queue;
  BlockFixture late{10, kChannels, 480, [](std::int64_t, std::size_t) { return 0.25F; }};
  std::vector<float> buffer(256 * kChannels);
  std::vector<MixerEvent> events;
  events.reserve(4096);
  std::uint64_t allocations = 0;
  std::uint64_t frees = 0;
  for (std::size_t callback = 0; callback < 3000; ++callback) {
    const std::int64_t now = mixer.frames_rendered();
    if (callback < kStreams * 10 && callback % 10 == 0) {
      const std::size_t i = callback / 10;
      REQUIRE(mixer.post(MixerCommand::start(i + 1, &queues[i], now + 100, 0.8F, 240)));
    }
    if (callback == 0) {
      REQUIRE(mixer.post(MixerCommand::start(10, &late_queue, now + 100, 0.8F, 240)));
      REQUIRE(mixer.post(MixerCommand::start(11, &waiting_queue, now + 100, 0.8F, 240)));
      REQUIRE(mixer.post(MixerCommand::stop_at(11, now + 2000, 240)));
    }
    if (callback == 30) {
      late.feed(late_queue, 40, 4800);
    }
    if (callback == 200 || callback == 400) {
      REQUIRE(mixer.post(MixerCommand::set_gain(2, 0.2F, 240)));
      REQUIRE(mixer.post(MixerCommand::set_gain(4, 1.0F, 480)));
    }
    if (callback == 500) {
      REQUIRE(mixer.post(MixerCommand::stop(4, 240)));
      REQUIRE(mixer.post(MixerCommand::stop(77, 240)));  // unknown: rejected
    }
    g_armed = true;
    const auto before_allocations = g_allocations.load();
    const auto before_frees = g_frees.load();
    mixer.render(buffer, kChannels);
    allocations += g_allocations.load() - before_allocations;
    frees += g_frees.load() - before_frees;
    g_armed = false;
    MixerEvent event;
    while (mixer.next_event(event)) {
      events.push_back(event);
    }
  }
  CHECK(allocations == 0);
  CHECK(frees == 0);
  // The run went through every path the test is about.
  auto count = [&events](MixerEvent::Kind kind) {
    return std::count_if(events.begin(), events.end(),
                         [kind](const MixerEvent& e) { return e.kind == kind; });
  };
  CHECK(count(MixerEvent::Kind::started) == kStreams + 1);
  CHECK(count(MixerEvent::Kind::ended) == 4);
  CHECK(count(MixerEvent::Kind::stopped) == 2);
  CHECK(count(MixerEvent::Kind::underrun) == 3);
  CHECK(count(MixerEvent::Kind::rejected) == 1);
  CHECK(mixer.underruns() > 0);
}

}  // namespace
}  // namespace tinxa::broadcast
