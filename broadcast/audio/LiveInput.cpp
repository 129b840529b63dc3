#include "broadcast/audio/LiveInput.hpp"

#include <algorithm>

#include <portaudio.h>

#include "broadcast/audio/AudioError.hpp"

namespace tinxa::broadcast {

struct LiveInputCallbacks {
  static int process(const void* input, void* /*output*/, unsigned long frames,
                     const PaStreamCallbackTimeInfo* /*time*/, PaStreamCallbackFlags /*status*/,
                     void* self) noexcept {
    auto* live = static_cast<LiveInput*>(self);
    const auto* samples = static_cast<const float*>(input);
    const std::size_t count = frames * live->m_channels;
    std::size_t pushed = 0;
    if (samples != nullptr) {
      // Whole frames only, so the reader never sees a frame split across channels.
      while (pushed < count && live->m_ring.size() + live->m_channels <= LiveInput::kRingSamples) {
        for (std::size_t c = 0; c < live->m_channels; ++c)
          (void)live->m_ring.try_push(samples[pushed + c]);
        pushed += live->m_channels;
      }
    }
    live->m_captured.fetch_add(frames, std::memory_order_relaxed);
    if (pushed < count)
      live->m_overflow.fetch_add((count - pushed) / live->m_channels, std::memory_order_relaxed);
    return paContinue;
  }
  static void finished(void* self) noexcept {
    auto* live = static_cast<LiveInput*>(self);
    if (!live->m_closing.load(std::memory_order_acquire))
      live->m_finished_unasked.store(true, std::memory_order_release);
  }
};

void LiveInput::StreamCloser::operator()(void* stream) const noexcept {
  Pa_AbortStream(stream);
  Pa_CloseStream(stream);
}

LiveInput::LiveInput(const std::string& device, int sample_rate_hz, std::size_t channels,
                     double latency_seconds)
    : m_device{device}, m_channels{std::max<std::size_t>(channels, 1)} {
  const OpenedStream opened =
      open_stream(StreamDirection::input, device, sample_rate_hz, m_channels, latency_seconds,
                  &LiveInputCallbacks::process, this);
  PaStream* stream = opened.stream;
  m_stream.reset(stream);
  (void)Pa_SetStreamFinishedCallback(stream, &LiveInputCallbacks::finished);
  if (const PaError error = Pa_StartStream(stream); error != paNoError)
    throw AudioError("không chạy được thiết bị vào '" + device + "' / cannot start input device '" +
                         device + "': " + Pa_GetErrorText(error),
                     error);
}

LiveInput::~LiveInput() {
  m_closing.store(true, std::memory_order_release);
  m_stream.reset();
}

std::size_t LiveInput::read(std::span<float> out) noexcept {
  const std::size_t wanted = out.size() / m_channels * m_channels;
  const std::size_t available = m_ring.size() / m_channels * m_channels;
  const std::size_t count = std::min(wanted, available);
  for (std::size_t i = 0; i < count; ++i) (void)m_ring.try_pop(out[i]);
  return count / m_channels;
}

void LiveInput::discard() noexcept {
  float sample = 0.0F;
  std::size_t count = m_ring.size() / m_channels * m_channels;
  while (count-- > 0) (void)m_ring.try_pop(sample);
}

std::optional<std::string> LiveInput::poll_fault() {
  if (m_fault_reported || !m_finished_unasked.load(std::memory_order_acquire)) return std::nullopt;
  m_fault_reported = true;
  return "thiết bị vào '" + m_device + "' tự dừng (bị mất) / input device '" + m_device +
         "' stopped on its own (lost)";
}

}  // namespace tinxa::broadcast
