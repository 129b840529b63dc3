#pragma once

// A fixed-size piece of decoded audio at the device's rate and channel count, handed to the
// real-time thread whole (by pointer, through a BlockQueue) and given back whole (through the
// mixer's spent ring). The samples are owned by a BlockPool (broadcast/audio); the real-time
// thread only reads them and never frees them.

#include <cstddef>
#include <cstdint>

#include "broadcast/rt/SpscRing.hpp"

namespace tinxa::broadcast {

// Identifies one playback of one clip or live stream; given out by the engine, never reused
// while the process runs. 0 means "none".
using StreamId = std::uint64_t;

struct AudioBlock {
  float* samples = nullptr;           // interleaved; capacity_frames * channels floats
  std::uint32_t capacity_frames = 0;  // fixed by the pool
  std::uint32_t channels = 0;         // fixed by the pool: the device's channel count
  std::uint32_t frames = 0;           // valid frames, <= capacity_frames
  bool end_of_stream = false;         // the last block of its stream (may hold 0 frames)
  StreamId stream = 0;
};

// Blocks of one stream, in order: decode thread (producer) -> real-time thread (consumer).
// 64 blocks of 2048 frames is 2.7 s at 48 kHz, far more than the decoder needs to stay ahead.
inline constexpr std::size_t kBlockQueueCapacity = 64;
using BlockQueue = SpscRing<AudioBlock*, kBlockQueueCapacity>;

// Played blocks on their way back from the real-time thread to the pool. Its capacity bounds the
// size of any pool wired to a mixer (BlockPool checks it), so a push never fails.
inline constexpr std::size_t kSpentRingCapacity = 1024;
using SpentRing = SpscRing<AudioBlock*, kSpentRingCapacity>;

}  // namespace tinxa::broadcast
