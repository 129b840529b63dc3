#include "broadcast/audio/ToneSource.hpp"

#include <cmath>
#include <numbers>

namespace tinxa::broadcast {

std::size_t ToneSource::read(std::span<float> out) noexcept {
  const std::size_t channels = m_options.channels == 0 ? 1 : m_options.channels;
  const std::size_t frames = out.size() / channels;
  const double step = 2.0 * std::numbers::pi * m_options.frequency_hz /
                      static_cast<double>(m_options.sample_rate_hz);
  for (std::size_t f = 0; f < frames; ++f, ++m_frame) {
    const bool sounding = m_options.sound_frames < 0 || m_frame < m_options.sound_frames;
    const float value = sounding
                            ? m_options.amplitude *
                                  static_cast<float>(std::sin(step * static_cast<double>(m_frame)))
                            : 0.0F;
    for (std::size_t c = 0; c < channels; ++c) out[f * channels + c] = value;
  }
  return frames;
}

}  // namespace tinxa::broadcast
