#include "broadcast/audio/LoudnessMeter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <ebur128.h>

#include "broadcast/audio/AudioError.hpp"

namespace tinxa::broadcast {
namespace {

void check(int result, const char* what) {
  if (result != EBUR128_SUCCESS) {
    throw AudioError(std::string{"loudness measurement failed: "} + what + " (libebur128 error " +
                         std::to_string(result) + ")",
                     result);
  }
}

template <class Owner>
ebur128_state* native(const Owner& state) {
  return static_cast<ebur128_state*>(state.get());
}

}  // namespace

void LoudnessMeter::Destroyer::operator()(void* state) const noexcept {
  auto* native_state = static_cast<ebur128_state*>(state);
  ebur128_destroy(&native_state);
}

LoudnessMeter::LoudnessMeter(std::size_t channels, int sample_rate_hz) : m_channels{channels} {
  m_state.reset(ebur128_init(static_cast<unsigned>(channels),
                             static_cast<unsigned long>(sample_rate_hz),
                             EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_HISTOGRAM));
  if (!m_state) {
    throw AudioError("cannot create a loudness meter for " + std::to_string(channels) +
                         " channels at " + std::to_string(sample_rate_hz) + " Hz",
                     0);
  }
  if (channels == 1) {
    check(ebur128_set_channel(native(m_state), 0, EBUR128_DUAL_MONO), "set dual mono");
  }
}

void LoudnessMeter::add(std::span<const float> interleaved) {
  check(ebur128_add_frames_float(native(m_state), interleaved.data(),
                                 interleaved.size() / m_channels),
        "add frames");
}

Loudness LoudnessMeter::result() const {
  Loudness loudness;
  check(ebur128_loudness_global(native(m_state), &loudness.integrated_lufs), "integrated loudness");
  double peak = 0.0;
  for (std::size_t channel = 0; channel < m_channels; ++channel) {
    double channel_peak = 0.0;
    check(ebur128_true_peak(native(m_state), static_cast<unsigned>(channel), &channel_peak),
          "true peak");
    peak = std::max(peak, channel_peak);
  }
  loudness.true_peak_dbtp =
      peak > 0.0 ? 20.0 * std::log10(peak) : -std::numeric_limits<double>::infinity();
  return loudness;
}

}  // namespace tinxa::broadcast
