#pragma once

// A bounded, lock-free queue between exactly two threads: one producer, one consumer. This is the
// only way data crosses into or out of the real-time audio thread (commands in, events out, audio
// blocks in, spent blocks back).
//
// Threading: try_push() is called by the one producer thread, try_pop() by the one consumer
// thread; which thread plays which role may change only across a happens-before edge (for
// example after the old consumer reported, through another ring, that it stopped). size() may be
// called from either side and is exact only there. Nothing allocates after construction; every
// member function is noexcept and wait-free.
// Memory order: the producer publishes a slot with a release store of the tail index, the consumer
// reads it after an acquire load, and the other way round for freeing slots; the indices sit on
// separate cache lines so the two threads do not share a line on every operation.

#include <array>
#include <atomic>
#include <cstddef>
#include <type_traits>

namespace tinxa::broadcast {

// Cache-line size assumed for padding (x86-64 and the common ARM cores). A constant rather than
// std::hardware_destructive_interference_size, which g++ warns is not ABI-stable.
inline constexpr std::size_t kCacheLineBytes = 64;

template <class T, std::size_t N>
requires std::is_trivially_copyable_v<T> &&(N >= 2) && ((N & (N - 1)) == 0) class SpscRing {
 public:
  SpscRing() noexcept = default;
  SpscRing(const SpscRing&) = delete;
  SpscRing& operator=(const SpscRing&) = delete;

  [[nodiscard]] static constexpr std::size_t capacity() noexcept { return N; }

  // Producer: appends a copy of `value`; false (and nothing changes) if the ring is full.
  [[nodiscard]] bool try_push(const T& value) noexcept {
    const std::size_t tail = m_tail.load(std::memory_order_relaxed);
    if (tail - m_head_cache == N) {
      m_head_cache = m_head.load(std::memory_order_acquire);
      if (tail - m_head_cache == N) {
        return false;
      }
    }
    m_slots[tail & kMask] = value;
    m_tail.store(tail + 1, std::memory_order_release);
    return true;
  }

  // Consumer: moves the oldest value into `out`; false (and `out` untouched) if the ring is empty.
  [[nodiscard]] bool try_pop(T& out) noexcept {
    const std::size_t head = m_head.load(std::memory_order_relaxed);
    if (head == m_tail_cache) {
      m_tail_cache = m_tail.load(std::memory_order_acquire);
      if (head == m_tail_cache) {
        return false;
      }
    }
    out = m_slots[head & kMask];
    m_head.store(head + 1, std::memory_order_release);
    return true;
  }

  // Consumer: the oldest value without removing it, or nullptr if the ring is empty. The pointer
  // is valid until the consumer's next try_pop().
  [[nodiscard]] const T* front() noexcept {
    const std::size_t head = m_head.load(std::memory_order_relaxed);
    if (head == m_tail_cache) {
      m_tail_cache = m_tail.load(std::memory_order_acquire);
      if (head == m_tail_cache) {
        return nullptr;
      }
    }
    return &m_slots[head & kMask];
  }

  // Values in the ring: exact on either side for that side's own operations, a snapshot otherwise.
  [[nodiscard]] std::size_t size() const noexcept {
    const std::size_t tail = m_tail.load(std::memory_order_acquire);
    const std::size_t head = m_head.load(std::memory_order_acquire);
    return tail - head;
  }

  [[nodiscard]] bool empty() const noexcept { return size() == 0; }

 private:
  static constexpr std::size_t kMask = N - 1;

  // Written by the consumer; the producer's cached copy lives on the producer's line.
  alignas(kCacheLineBytes) std::atomic<std::size_t> m_head{0};
  std::size_t m_tail_cache = 0;  // consumer-private
  alignas(kCacheLineBytes) std::atomic<std::size_t> m_tail{0};
  std::size_t m_head_cache = 0;  // producer-private
  alignas(kCacheLineBytes) std::array<T, N> m_slots{};
};

}  // namespace tinxa::broadcast
