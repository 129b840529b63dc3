#include "broadcast/audio/PulledSink.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace tinxa::broadcast {

void PulledSink::open(const std::string& device, int sample_rate_hz, std::size_t channels,
                      Renderer& renderer) {
  if (m_renderer != nullptr) {
    throw std::logic_error("sink is already open");
  }
  if (sample_rate_hz <= 0 || channels == 0) {
    throw std::invalid_argument("sink: the rate and channel count must be positive");
  }
  m_buffer.assign(kPeriodFrames * channels, 0.0F);
  m_sample_rate_hz = sample_rate_hz;
  m_channels = channels;
  open_target(device);
  m_renderer = &renderer;
}

void PulledSink::start() {
  if (m_renderer == nullptr) {
    throw std::logic_error("sink is not open");
  }
  m_started = true;
}

void PulledSink::stop() noexcept { m_started = false; }

void PulledSink::close() noexcept {
  if (m_renderer == nullptr) {
    return;
  }
  stop();
  close_target();
  m_renderer = nullptr;
}

DacTiming PulledSink::timing() const noexcept {
  return {0, m_origin, m_renderer != nullptr ? m_sample_rate_hz : 0};
}

std::optional<SinkFault> PulledSink::poll_fault() { return std::exchange(m_fault, std::nullopt); }

void PulledSink::pull(std::int64_t frames) {
  if (!m_started) {
    throw std::logic_error("sink is not started");
  }
  while (frames > 0) {
    const auto period = static_cast<std::size_t>(
        std::min<std::int64_t>(frames, static_cast<std::int64_t>(kPeriodFrames)));
    const std::span<float> buffer = std::span{m_buffer}.first(period * m_channels);
    m_renderer->render(buffer, m_channels);
    consume(buffer);
    frames -= static_cast<std::int64_t>(period);
    m_frames += static_cast<std::int64_t>(period);
  }
}

}  // namespace tinxa::broadcast
