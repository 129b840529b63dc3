#include "broadcast/audio/PortAudioSink.hpp"

#include <chrono>
#include <span>
#include <stdexcept>
#include <string>

#include <pa_linux_alsa.h>
#include <portaudio.h>

#include "broadcast/audio/AudioError.hpp"

namespace tinxa::broadcast {
namespace {

// outputBufferDacTime - currentTime beyond this is a host API reporting nonsense (PortAudio on
// unconnected JACK ports reports 89478 s); the callback's own time is used then.
constexpr double kMaxPlausibleLeadSeconds = 10.0;

// `what` reads "<Vietnamese> / <English>"; PortAudio's own text follows as the detail.
[[noreturn]] void fail(const std::string& what, PaError error) {
  throw AudioError(what + ": " + Pa_GetErrorText(error), error);
}

}  // namespace

struct PortAudioCallbacks {
  static int process(const void* /*input*/, void* output, unsigned long frames,
                     const PaStreamCallbackTimeInfo* time, PaStreamCallbackFlags status,
                     void* self) noexcept {
    double lead = 0.0;
    if (time != nullptr && time->outputBufferDacTime > 0.0 && time->currentTime > 0.0) {
      lead = time->outputBufferDacTime - time->currentTime;
      if (lead < 0.0 || lead > kMaxPlausibleLeadSeconds) {
        lead = 0.0;
      }
    }
    return static_cast<PortAudioSink*>(self)->callback(static_cast<float*>(output), frames, lead,
                                                       (status & paOutputUnderflow) != 0);
  }

  static void finished(void* self) noexcept {
    auto* sink = static_cast<PortAudioSink*>(self);
    if (!sink->m_stopping.load(std::memory_order_acquire)) {
      sink->m_finished_unasked.store(true, std::memory_order_release);
    }
  }
};

void PortAudioSink::StreamCloser::operator()(void* stream) const noexcept {
  Pa_CloseStream(stream);
}

PortAudioSink::PortAudioSink(double latency_seconds) noexcept
    : m_latency_suggested{latency_seconds} {}

PortAudioSink::~PortAudioSink() { close(); }

void PortAudioSink::open(const std::string& device, int sample_rate_hz, std::size_t channels,
                         Renderer& renderer) {
  if (m_stream) {
    throw std::logic_error("PortAudioSink: already open on " + m_device);
  }
  m_session.emplace();
  try {
    const OpenedStream opened =
        open_stream(StreamDirection::output, device, sample_rate_hz, channels, m_latency_suggested,
                    &PortAudioCallbacks::process, this);
    PaStream* stream = opened.stream;
    const PaDeviceInfo* info = Pa_GetDeviceInfo(opened.device);
    m_stream.reset(stream);
    // The ALSA host API runs the callback at normal priority unless asked: under load that
    // underflows and starts land late (bench/README.md measured it). Asked for SCHED_FIFO, it
    // falls back to normal priority where the process may not raise it (no RLIMIT_RTPRIO; the
    // unit file grants it).
    if (const PaHostApiInfo* host = Pa_GetHostApiInfo(info->hostApi);
        host != nullptr && host->type == paALSA) {
      PaAlsa_EnableRealtimeScheduling(stream, 1);
    }
    if (const PaError finished =
            Pa_SetStreamFinishedCallback(stream, &PortAudioCallbacks::finished);
        finished != paNoError) {
      m_stream.reset();
      fail("không theo dõi được thiết bị ra '" + device + "' / cannot watch output device '" +
               device + "'",
           finished);
    }
    const PaStreamInfo* stream_info = Pa_GetStreamInfo(stream);
    m_latency_granted = stream_info != nullptr ? stream_info->outputLatency : 0.0;
  } catch (...) {
    m_session.reset();
    throw;
  }
  m_device = device;
  m_renderer = &renderer;
  m_channels = channels;
  m_sample_rate_hz = sample_rate_hz;
  m_timing_dac_ns.store(0, std::memory_order_relaxed);
  m_finished_unasked.store(false, std::memory_order_release);
  m_lost_reported = false;
}

void PortAudioSink::start() {
  if (!m_stream) {
    throw std::logic_error("PortAudioSink: not open");
  }
  if (m_started) {
    return;
  }
  m_stopping.store(false, std::memory_order_release);
  m_stalled = false;
  m_watch_frames = -1;
  if (const PaError error = Pa_StartStream(m_stream.get()); error != paNoError) {
    fail("không chạy được thiết bị ra '" + m_device + "' / cannot start output device '" +
             m_device + "'",
         error);
  }
  m_started = true;
}

void PortAudioSink::stop() noexcept {
  if (!m_stream || !m_started) {
    return;
  }
  m_stopping.store(true, std::memory_order_release);
  if (m_stalled) {
    // The callback thread is blocked on a lost device: cancel it rather than wait for a drain.
    Pa_AbortStream(m_stream.get());
  } else {
    // Plays what is buffered and returns after the last callback.
    Pa_StopStream(m_stream.get());
  }
  m_started = false;
}

void PortAudioSink::close() noexcept {
  stop();
  m_stream.reset();
  m_session.reset();
  m_renderer = nullptr;
}

DacTiming PortAudioSink::timing() const noexcept {
  for (;;) {
    const std::uint32_t before = m_timing_sequence.load(std::memory_order_acquire);
    if ((before & 1U) != 0) {
      continue;
    }
    const std::int64_t frame = m_timing_frame.load(std::memory_order_relaxed);
    const std::int64_t dac_ns = m_timing_dac_ns.load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (m_timing_sequence.load(std::memory_order_relaxed) == before) {
      if (dac_ns == 0) {
        return {};
      }
      const content::TimePoint dac{std::chrono::duration_cast<content::TimePoint::duration>(
          std::chrono::nanoseconds{dac_ns})};
      return {frame, dac, m_sample_rate_hz};
    }
  }
}

std::optional<SinkFault> PortAudioSink::poll_fault() {
  if (!m_stream || !m_started || m_lost_reported) {
    return std::nullopt;
  }
  const bool finished = m_finished_unasked.load(std::memory_order_acquire);
  if (finished || Pa_IsStreamActive(m_stream.get()) != 1) {
    m_lost_reported = true;
    return SinkFault{SinkFault::Kind::device_lost,
                     "thiết bị ra '" + m_device + "' đã dừng: bị mất hoặc hỏng / output device '" +
                         m_device + "' stopped: the device was lost or failed"};
  }
  const auto now = std::chrono::steady_clock::now();
  const std::int64_t frames = frames_played();
  if (frames != m_watch_frames) {
    m_watch_frames = frames;
    m_watch_since = now;
    return std::nullopt;
  }
  if (now - m_watch_since < kStallTimeout) {
    return std::nullopt;
  }
  m_lost_reported = true;
  m_stalled = true;
  const std::string ms = std::to_string(kStallTimeout.count()) + " ms";
  return SinkFault{SinkFault::Kind::device_lost,
                   "thiết bị ra '" + m_device + "' bị treo: không đòi âm thanh trong " + ms +
                       " / output device '" + m_device + "' stalled: no audio asked for in " + ms};
}

int PortAudioSink::callback(float* output, unsigned long frames, double dac_minus_now_seconds,
                            bool underflow) noexcept {
  // clock_gettime(CLOCK_REALTIME) is served by the vDSO: no system call, no lock.
  const auto now = std::chrono::system_clock::now();
  const auto dac = now + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                             std::chrono::duration<double>(dac_minus_now_seconds));
  const std::uint32_t sequence = m_timing_sequence.load(std::memory_order_relaxed);
  m_timing_sequence.store(sequence + 1, std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_release);
  m_timing_frame.store(m_frame, std::memory_order_relaxed);
  m_timing_dac_ns.store(
      std::chrono::duration_cast<std::chrono::nanoseconds>(dac.time_since_epoch()).count(),
      std::memory_order_relaxed);
  m_timing_sequence.store(sequence + 2, std::memory_order_release);

  if (underflow) {
    m_underflows.fetch_add(1, std::memory_order_relaxed);
  }
  m_renderer->render(std::span<float>{output, frames * m_channels}, m_channels);
  m_frame += static_cast<std::int64_t>(frames);
  m_frames_published.store(m_frame, std::memory_order_release);
  return paContinue;
}

}  // namespace tinxa::broadcast
