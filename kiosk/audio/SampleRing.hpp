#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <span>
#include <vector>

namespace tinxa::kiosk::audio {

// A single-producer single-consumer ring of float samples, allocated once. The producer (the
// decoder thread) writes, the consumer (the audio callback) reads; neither blocks nor allocates.
// reset() may only be called while neither side is using the ring.
class SampleRing {
 public:
  explicit SampleRing(std::size_t capacity) : m_buffer(capacity) {}

  [[nodiscard]] std::size_t capacity() const noexcept { return m_buffer.size(); }

  // Samples the consumer can read now.
  [[nodiscard]] std::size_t readable() const noexcept {
    return m_write.load(std::memory_order_acquire) - m_read.load(std::memory_order_acquire);
  }
  // Samples the producer can write now.
  [[nodiscard]] std::size_t writable() const noexcept { return capacity() - readable(); }

  // Producer: copies as many of `samples` as fit; returns how many.
  std::size_t write(std::span<const float> samples) noexcept {
    const std::size_t w = m_write.load(std::memory_order_relaxed);
    const std::size_t r = m_read.load(std::memory_order_acquire);
    const std::size_t n = std::min(samples.size(), capacity() - (w - r));
    for (std::size_t i = 0; i < n; ++i) m_buffer[(w + i) % capacity()] = samples[i];
    m_write.store(w + n, std::memory_order_release);
    return n;
  }

  // Consumer: moves up to `out.size()` samples into `out`; returns how many.
  std::size_t read(std::span<float> out) noexcept {
    const std::size_t r = m_read.load(std::memory_order_relaxed);
    const std::size_t w = m_write.load(std::memory_order_acquire);
    const std::size_t n = std::min(out.size(), w - r);
    for (std::size_t i = 0; i < n; ++i) out[i] = m_buffer[(r + i) % capacity()];
    m_read.store(r + n, std::memory_order_release);
    return n;
  }

  void reset() noexcept {
    m_read.store(0, std::memory_order_relaxed);
    m_write.store(0, std::memory_order_release);
  }

 private:
  std::vector<float> m_buffer;
  std::atomic<std::size_t> m_read{0};
  std::atomic<std::size_t> m_write{0};
};

}  // namespace tinxa::kiosk::audio
