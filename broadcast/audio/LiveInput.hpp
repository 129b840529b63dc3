#pragma once

// A microphone or line input through PortAudio, as a LiveSource. The capture callback is a
// noexcept trampoline that only copies the captured frames into a lock-free single-producer
// single-consumer ring (STYLE.md's real-time rules: no allocation, lock, I/O or logging there);
// the engine's thread reads the ring. When the engine falls behind the ring fills and the callback
// drops what does not fit (counted in overflow_frames()).
//
// Device loss: poll_fault() reports it when the stream stopped without close() having been asked.
// Threading: construction, read(), discard(), poll_fault() and destruction on one control thread.

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "broadcast/audio/LiveSource.hpp"
#include "broadcast/audio/PortAudio.hpp"
#include "broadcast/rt/SpscRing.hpp"

namespace tinxa::broadcast {

class LiveInput final : public LiveSource {
 public:
  // Samples the ring holds: 2^17 floats, 1.4 s of stereo at 48 kHz.
  static constexpr std::size_t kRingSamples = std::size_t{1} << 17;

  // Opens and starts input device `device` (an exact PortAudio name, a case-insensitive
  // substring of "HostApi: name", or "default") with `channels` channels at `sample_rate_hz`.
  // `latency_seconds` <= 0 uses the device's default low input latency. Throws AudioError naming
  // the device and the input devices that exist.
  LiveInput(const std::string& device, int sample_rate_hz, std::size_t channels = 1,
            double latency_seconds = 0.0);
  ~LiveInput() override;

  [[nodiscard]] std::size_t channels() const noexcept override { return m_channels; }
  std::size_t read(std::span<float> out) noexcept override;
  void discard() noexcept override;
  [[nodiscard]] std::optional<std::string> poll_fault() override;

  [[nodiscard]] const std::string& device() const noexcept { return m_device; }
  // Frames the callback could not keep because the ring was full.
  [[nodiscard]] std::uint64_t overflow_frames() const noexcept {
    return m_overflow.load(std::memory_order_relaxed);
  }
  // Frames captured since the stream started.
  [[nodiscard]] std::uint64_t captured_frames() const noexcept {
    return m_captured.load(std::memory_order_relaxed);
  }

 private:
  friend struct LiveInputCallbacks;
  struct StreamCloser {
    void operator()(void* stream) const noexcept;
  };

  PortAudioSession m_session;
  std::string m_device;
  std::size_t m_channels;
  SpscRing<float, kRingSamples> m_ring;
  std::atomic<std::uint64_t> m_overflow{0};
  std::atomic<std::uint64_t> m_captured{0};
  std::atomic<bool> m_closing{false};
  std::atomic<bool> m_finished_unasked{false};
  bool m_fault_reported = false;
  std::unique_ptr<void, StreamCloser> m_stream;  // last: closed first
};

}  // namespace tinxa::broadcast
