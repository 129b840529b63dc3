#include "broadcast/engine/SilenceDetector.hpp"

#include <cmath>

namespace tinxa::broadcast {

SilenceDetector::SilenceDetector(double threshold_dbfs, std::int64_t limit_frames) noexcept
    : m_threshold{static_cast<float>(std::pow(10.0, threshold_dbfs / 20.0))},
      m_limit{limit_frames} {}

std::optional<std::size_t> SilenceDetector::feed(std::span<const float> interleaved,
                                                 std::size_t channels) noexcept {
  if (m_limit <= 0 || m_tripped || channels == 0) return std::nullopt;
  const std::size_t frames = interleaved.size() / channels;
  for (std::size_t f = 0; f < frames; ++f) {
    bool silent = true;
    for (std::size_t c = 0; c < channels; ++c)
      if (std::abs(interleaved[f * channels + c]) >= m_threshold) silent = false;
    m_run = silent ? m_run + 1 : 0;
    if (m_run >= m_limit) {
      m_tripped = true;
      return f + 1;
    }
  }
  return std::nullopt;
}

void SilenceDetector::reset() noexcept {
  m_run = 0;
  m_tripped = false;
}

}  // namespace tinxa::broadcast
