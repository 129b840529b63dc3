#pragma once

// One playing stream inside the Mixer: where it is in its blocks and its gain ramp. Real-time
// thread only; plain data, no allocation. Used by Mixer, not by other code.

#include <cstddef>
#include <cstdint>
#include <span>

#include "broadcast/rt/AudioBlock.hpp"

namespace tinxa::broadcast {

struct Voice {
  enum class State : std::uint8_t { idle, pending, playing, stopping };

  // What mix() stopped on.
  enum class Outcome : std::uint8_t {
    more,      // played all frames asked for (or is still pending)
    underrun,  // ran out of blocks at the returned frame
    ended,     // reached the end of the stream at the returned frame
    stopped,   // finished its fade-out at the returned frame
  };

  struct Result {
    Outcome outcome = Outcome::more;
    std::size_t frame = 0;  // offset in the buffer where it happened
  };

  State state = State::idle;
  StreamId stream = 0;
  BlockQueue* queue = nullptr;
  AudioBlock* block = nullptr;  // the block being played, popped from `queue`
  std::uint32_t position = 0;   // next frame of `block`
  bool in_underrun = false;
  std::int64_t start_frame = 0;      // pending: the output frame to start at (or after it, when
                                     // its first block comes later)
  std::uint32_t fade_in_frames = 0;  // pending: the ramp from silence when it starts
  std::int64_t stop_frame = -1;      // a stop due at this output frame (-1: none)
  std::uint32_t stop_ramp = 0;       // the fade that ends on stop_frame

  float gain = 0.0F;         // current linear gain
  float target_gain = 0.0F;  // where the ramp goes
  float gain_step = 0.0F;    // per frame
  std::uint32_t ramp_left = 0;

  // Starts a linear ramp from the current gain to `target` over `frames` (0: jump).
  void ramp_to(float target, std::uint32_t frames) noexcept;

  // Pending: makes sure the stream's first block is at hand, taking it from `queue` if it is
  // there (stale blocks of an older stream and empty blocks before it go to `spent`). True if a
  // block is ready (an empty end mark counts: the stream starts and ends at once).
  bool prime(SpentRing& spent) noexcept;

  // Adds up to out.size() / channels frames of this voice into `out` from buffer offset `from`,
  // applying the gain ramp. Spent blocks go to `spent`. Stale blocks of an older stream found in
  // the queue are dropped into `spent` too.
  Result mix(std::span<float> out, std::size_t channels, std::size_t from,
             SpentRing& spent) noexcept;

  // Gives the current block back (if any) and forgets the stream.
  void release(SpentRing& spent) noexcept;
};

}  // namespace tinxa::broadcast
