#include "broadcast/rt/SpscRing.hpp"

#include <cstdint>
#include <thread>

#include <catch2/catch.hpp>

namespace tinxa::broadcast {
namespace {

TEST_CASE("A ring hands values over in order and refuses a push when full", "[rt][ring]") {
  SpscRing<int, 4> ring;
  CHECK(ring.empty());
  for (int i = 0; i < 4; ++i) {
    CHECK(ring.try_push(i));
  }
  CHECK_FALSE(ring.try_push(99));
  CHECK(ring.size() == 4);
  REQUIRE(ring.front() != nullptr);
  CHECK(*ring.front() == 0);
  for (int i = 0; i < 4; ++i) {
    int value = -1;
    CHECK(ring.try_pop(value));
    CHECK(value == i);
  }
  int untouched = 7;
  CHECK_FALSE(ring.try_pop(untouched));
  CHECK(untouched == 7);
  CHECK(ring.front() == nullptr);
}

TEST_CASE("A ring keeps its order across many wrap-arounds", "[rt][ring]") {
  SpscRing<std::uint32_t, 8> ring;
  std::uint32_t next_in = 0;
  std::uint32_t next_out = 0;
  for (int round = 0; round < 1000; ++round) {
    const int pushes = 1 + round % 8;
    for (int i = 0; i < pushes && ring.try_push(next_in); ++i) {
      ++next_in;
    }
    std::uint32_t value = 0;
    for (int i = 0; i < 1 + round % 5 && ring.try_pop(value); ++i) {
      REQUIRE(value == next_out);
      ++next_out;
    }
    REQUIRE(ring.size() == next_in - next_out);
  }
}

TEST_CASE("A ring passes a million values between two threads without loss or reordering",
          "[rt][ring][threads]") {
  struct Message {
    std::uint64_t sequence;
    std::uint64_t check;
  };
  constexpr std::uint64_t kCount = 1'000'000;
  SpscRing<Message, 256> ring;
  std::thread producer{[&ring] {
    for (std::uint64_t i = 0; i < kCount;) {
      if (ring.try_push(Message{i, i * 2654435761U})) {
        ++i;
      } else {
        std::this_thread::yield();
      }
    }
  }};
  std::uint64_t expected = 0;
  std::uint64_t bad = 0;
  while (expected < kCount) {
    Message message{};
    if (ring.try_pop(message)) {
      bad += (message.sequence != expected || message.check != expected * 2654435761U) ? 1U : 0U;
      ++expected;
    } else {
      std::this_thread::yield();
    }
  }
  producer.join();
  CHECK(bad == 0);
  CHECK(ring.empty());
}

}  // namespace
}  // namespace tinxa::broadcast
