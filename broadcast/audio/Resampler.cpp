#include "broadcast/audio/Resampler.hpp"

#include <string>

#include <samplerate.h>

#include "broadcast/audio/AudioError.hpp"

namespace tinxa::broadcast {

void Resampler::Deleter::operator()(SRC_STATE_tag* state) const noexcept { src_delete(state); }

Resampler::Resampler(std::size_t channels, int input_rate_hz, int output_rate_hz, Quality quality)
    : m_channels{channels},
      m_ratio{static_cast<double>(output_rate_hz) / static_cast<double>(input_rate_hz)},
      m_quality{quality} {
  const int converter = quality == Quality::best     ? SRC_SINC_BEST_QUALITY
                        : quality == Quality::medium ? SRC_SINC_MEDIUM_QUALITY
                                                     : SRC_SINC_FASTEST;
  int error = 0;
  m_state.reset(src_new(converter, static_cast<int>(channels), &error));
  if (!m_state) {
    throw AudioError(std::string{"cannot create the resampler: "} + src_strerror(error), error);
  }
  if (src_is_valid_ratio(m_ratio) == 0) {
    throw AudioError("cannot resample from " + std::to_string(input_rate_hz) + " Hz to " +
                         std::to_string(output_rate_hz) + " Hz: ratio out of range",
                     0);
  }
}

std::string_view Resampler::name(Quality quality) noexcept {
  switch (quality) {
    case Quality::best:
      return "best";
    case Quality::medium:
      return "medium";
    case Quality::fastest:
      return "fastest";
  }
  return "?";
}

Resampler::Result Resampler::process(std::span<const float> input, std::span<float> output,
                                     EndOfInput end) {
  SRC_DATA data{};
  data.data_in = input.data();
  data.input_frames = static_cast<long>(input.size() / m_channels);
  data.data_out = output.data();
  data.output_frames = static_cast<long>(output.size() / m_channels);
  data.end_of_input = end == EndOfInput::yes ? 1 : 0;
  data.src_ratio = m_ratio;
  if (const int error = src_process(m_state.get(), &data); error != 0) {
    throw AudioError(std::string{"resampling failed: "} + src_strerror(error), error);
  }
  return {static_cast<std::size_t>(data.input_frames_used),
          static_cast<std::size_t>(data.output_frames_gen)};
}

}  // namespace tinxa::broadcast
