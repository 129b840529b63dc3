#include "broadcast/audio/WavFileSink.hpp"

#include <sndfile.h>

#include "broadcast/audio/AudioError.hpp"

namespace tinxa::broadcast {

void WavFileSink::Closer::operator()(sf_private_tag* file) const noexcept { sf_close(file); }

void WavFileSink::open_target(const std::string& device) {
  SF_INFO info{};
  info.samplerate = sample_rate_hz();
  info.channels = static_cast<int>(channels());
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  m_file.reset(sf_open(device.c_str(), SFM_WRITE, &info));
  if (!m_file) {
    const int code = sf_error(nullptr);
    throw AudioError(device + ": cannot create the recording: " + sf_strerror(nullptr), code);
  }
  // A loud mix beyond full scale is clipped, not wrapped around to the opposite sign.
  sf_command(m_file.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
  m_path = device;
}

void WavFileSink::consume(std::span<const float> interleaved) {
  const auto frames = static_cast<sf_count_t>(interleaved.size() / channels());
  if (sf_writef_float(m_file.get(), interleaved.data(), frames) != frames) {
    const std::string message =
        m_path + ": cannot write the recording: " + sf_strerror(m_file.get());
    report({SinkFault::Kind::write_failed, message});
    throw AudioError(message, sf_error(m_file.get()));
  }
}

void WavFileSink::close_target() noexcept { m_file.reset(); }

}  // namespace tinxa::broadcast
