#pragma once

// One PortAudio output stream on one device, paced by the device: the callback is a noexcept
// trampoline into Renderer::render(). Each callback also publishes which output frame reaches the
// DAC when (PortAudio's outputBufferDacTime, mapped onto the system clock), so the engine can
// start a clip on the exact frame for an instant.
//
// Device loss: poll_fault() reports device_lost when the stream stopped without stop() having
// been asked (the host API's callback thread hit an error), or when it has not asked for audio
// for kStallTimeout although it is running (the host API is blocked on a device that went away:
// what PortAudio's ALSA host API does when the JACK server behind an ALSA jack PCM dies; it never
// reports that itself). The engine calls poll_fault() from a periodic timer, logs the fault,
// close()s the sink (a stalled stream is aborted, not drained) and open()s it again after a retry
// delay; open() throws while the device is still missing. PortAudio enumerates devices only when
// its last session ends, and each sink holds one session while open, so a device that comes back
// is found once every sink on the process has been closed and reopened.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "broadcast/audio/AudioSink.hpp"
#include "broadcast/audio/PortAudio.hpp"

namespace tinxa::broadcast {

class PortAudioSink final : public AudioSink {
 public:
  // A running stream that has not called back for this long has lost its device.
  static constexpr std::chrono::milliseconds kStallTimeout{1000};

  // `latency_seconds`: the suggested output latency; <= 0 uses the device's default low latency.
  explicit PortAudioSink(double latency_seconds = 0.0) noexcept;
  ~PortAudioSink() override;

  // Also initialises PortAudio (a session per open sink). Throws AudioError naming the device.
  void open(const std::string& device, int sample_rate_hz, std::size_t channels,
            Renderer& renderer) override;
  void start() override;
  void stop() noexcept override;
  void close() noexcept override;
  [[nodiscard]] DacTiming timing() const noexcept override;
  [[nodiscard]] std::optional<SinkFault> poll_fault() override;

  // The name the device was opened by, and the output latency PortAudio granted, in seconds.
  [[nodiscard]] const std::string& device() const noexcept { return m_device; }
  [[nodiscard]] double output_latency_seconds() const noexcept { return m_latency_granted; }
  // Callbacks in which the host reported an output underflow (any thread).
  [[nodiscard]] std::uint64_t output_underflows() const noexcept {
    return m_underflows.load(std::memory_order_relaxed);
  }
  // Frames the device has been given since construction (see AudioSink: frames).
  [[nodiscard]] std::int64_t frames_played() const noexcept {
    return m_frames_published.load(std::memory_order_acquire);
  }

 private:
  struct StreamCloser {
    void operator()(void* stream) const noexcept;
  };

  // The noexcept trampolines PortAudio calls, defined with PortAudio's exact signatures in the
  // .cpp so this header does not include <portaudio.h>.
  friend struct PortAudioCallbacks;

  int callback(float* output, unsigned long frames, double dac_minus_now_seconds,
               bool underflow) noexcept;

  double m_latency_suggested;
  double m_latency_granted = 0.0;
  std::string m_device;
  std::optional<PortAudioSession> m_session;
  std::unique_ptr<void, StreamCloser> m_stream;
  Renderer* m_renderer = nullptr;
  std::size_t m_channels = 0;
  int m_sample_rate_hz = 0;
  bool m_started = false;
  bool m_lost_reported = false;
  bool m_stalled = false;
  std::int64_t m_watch_frames = -1;  // frames_played() at the last poll_fault()
  std::chrono::steady_clock::time_point m_watch_since{};

  std::int64_t m_frame = 0;  // callback thread's own count
  std::atomic<std::int64_t> m_frames_published{0};
  // Seqlock over the timing pair, written by the callback, read by timing().
  std::atomic<std::uint32_t> m_timing_sequence{0};
  std::atomic<std::int64_t> m_timing_frame{0};
  std::atomic<std::int64_t> m_timing_dac_ns{0};
  std::atomic<bool> m_stopping{false};
  std::atomic<bool> m_finished_unasked{false};
  std::atomic<std::uint64_t> m_underflows{0};
};

}  // namespace tinxa::broadcast
