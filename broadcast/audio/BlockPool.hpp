#pragma once

// The preallocated audio blocks of one output device: all the memory decoded audio ever occupies
// on its way to that device, so resident memory does not grow with file length.
//
// Threading: every member may be called from any thread EXCEPT the real-time one (they lock a
// mutex); the real-time thread only reads blocks and returns them through the mixer's spent ring,
// which reclaim() drains. Ownership: the pool owns the blocks and their samples; a block handed
// out by acquire() belongs to the caller until it is released, reclaimed, or pushed to a queue
// (then it belongs to that queue's consumer). The pool must outlive every block in flight.

#include <cstddef>
#include <mutex>
#include <vector>

#include "broadcast/rt/AudioBlock.hpp"

namespace tinxa::broadcast {

class BlockPool {
 public:
  // Allocates `block_count` blocks of `frames_per_block` frames x `channels` floats. Throws
  // std::invalid_argument if any is 0 or block_count exceeds kSpentRingCapacity (the mixer could
  // not give them all back), std::bad_alloc if memory runs out.
  BlockPool(std::size_t block_count, std::size_t frames_per_block, std::size_t channels);
  BlockPool(const BlockPool&) = delete;
  BlockPool& operator=(const BlockPool&) = delete;

  // A free block, emptied (0 frames, no end mark, stream 0), or nullptr if all are in use.
  [[nodiscard]] AudioBlock* acquire() noexcept;

  // Gives a block back. Precondition: it came from this pool and is not already free.
  void release(AudioBlock* block) noexcept;

  // Drains `spent` (one thread at a time may drain a given ring: this lock guarantees it for
  // callers of this pool) and releases what it held. Returns how many blocks came back.
  std::size_t reclaim(SpentRing& spent) noexcept;

  [[nodiscard]] std::size_t size() const noexcept { return m_blocks.size(); }
  [[nodiscard]] std::size_t frames_per_block() const noexcept { return m_frames_per_block; }
  [[nodiscard]] std::size_t channels() const noexcept { return m_channels; }
  [[nodiscard]] std::size_t in_use() const;
  // The most blocks ever out at once.
  [[nodiscard]] std::size_t high_water() const;

 private:
  std::size_t m_frames_per_block;
  std::size_t m_channels;
  std::vector<float> m_samples;
  std::vector<AudioBlock> m_blocks;
  mutable std::mutex m_mutex;
  std::vector<AudioBlock*> m_free;  // capacity reserved for every block: push_back never allocates
  std::size_t m_high_water = 0;
};

}  // namespace tinxa::broadcast
