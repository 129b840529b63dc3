#pragma once

// One recorded zone's hand-off from the audio callback to the off-air writer: the device's
// DeviceRouter copies every frame it renders for the zone into a preallocated single-producer /
// single-consumer ring of fixed-size blocks; OffAirRecorder drains it into a file on its own
// thread (OffAirThread). The callback never touches a file, never allocates, never blocks.
//
// Frames are numbered from 0 in the order the zone is rendered. A block carries the number of
// its first frame, so the writer sees where frames are missing (an overflow, a device gap) and
// fills them with silence: a file's frame offset stays the time since its start.
// Overflow: when the ring is full (the writer stalled longer than the ring holds) the block
// is dropped and its frames counted in dropped_frames(); the callback goes on.
// Capacity: kRingBlocks x kBlockSamples samples = 1 Mi samples, about 10.9 s of stereo or
// 21.8 s of mono at 48 kHz (4 MiB per recorded zone).
//
// Threading: write() on the producer (the sink's real-time thread). flush() and skip() also act
// as the producer: call them on the control thread only while the device is stopped (after its
// sink's stop() or close() returned, before its next start()). pop() and dropped_frames() on the
// consumer (the recorder's thread).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "broadcast/rt/SpscRing.hpp"

namespace tinxa::broadcast {

class OffAirTap {
 public:
  static constexpr std::size_t kBlockSamples = 1024;
  static constexpr std::size_t kRingBlocks = 1024;

  struct Block {
    std::int64_t frame = 0;    // the zone frame of samples[0]
    std::uint32_t frames = 0;  // frames held (interleaved, channels() each)
    float samples[kBlockSamples];
  };

  // `channels`: the zone's channel count, 1 to kBlockSamples. Allocates the ring here, once.
  // Throws std::invalid_argument for a bad channel count.
  explicit OffAirTap(std::size_t channels);
  OffAirTap(const OffAirTap&) = delete;
  OffAirTap& operator=(const OffAirTap&) = delete;

  [[nodiscard]] std::size_t channels() const noexcept { return m_channels; }

  // Producer: appends interleaved frames (size a multiple of channels()). Full blocks go to the
  // ring; a block that does not fit is dropped and counted.
  void write(std::span<const float> interleaved) noexcept;

  // Producer (device stopped): hands the partly filled block to the ring.
  void flush() noexcept;

  // Producer (device stopped): the next frame written comes `frames` after the last one (the
  // writer fills the gap with silence). Flushes first.
  void skip(std::int64_t frames) noexcept;

  // Consumer: the oldest block into `out`; false if none.
  [[nodiscard]] bool pop(Block& out) noexcept { return m_ring->try_pop(out); }

  // Any thread: the number of the next frame the producer writes (frames written and skipped).
  [[nodiscard]] std::int64_t frames_written() const noexcept {
    return m_written.load(std::memory_order_acquire);
  }

  // Any thread: frames dropped because the ring was full, since construction.
  [[nodiscard]] std::int64_t dropped_frames() const noexcept {
    return m_dropped.load(std::memory_order_relaxed);
  }

 private:
  void push_pending() noexcept;

  std::size_t m_channels;
  std::size_t m_block_frames;
  std::unique_ptr<SpscRing<Block, kRingBlocks>> m_ring;
  Block m_pending{};                       // producer-private
  std::int64_t m_next_frame = 0;           // producer-private: the number of the next frame written
  std::atomic<std::int64_t> m_written{0};  // m_next_frame, published
  std::atomic<std::int64_t> m_dropped{0};
};

}  // namespace tinxa::broadcast
