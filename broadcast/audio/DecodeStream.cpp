#include "broadcast/audio/DecodeStream.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace tinxa::broadcast {

DecodeStream::DecodeStream(const std::filesystem::path& path, DeviceFormat device, float gain,
                           Resampler::Quality quality)
    : DecodeStream{content::SoundFile::open(path), device, gain, quality} {}

DecodeStream::DecodeStream(content::SoundFile file, DeviceFormat device, float gain,
                           Resampler::Quality quality)
    : m_file{std::move(file)},
      m_device{device},
      m_gain{gain},
      m_file_channels{static_cast<std::size_t>(m_file.channels())},
      m_work_channels{std::min(m_file_channels, device.channels)} {
  if (device.channels == 0 || device.sample_rate_hz <= 0) {
    throw std::invalid_argument("DecodeStream: the device needs a rate and channels");
  }
  m_decoded.resize(kChunkFrames * m_file_channels);
  if (m_file_channels != m_work_channels) {
    m_work.resize(kChunkFrames * m_work_channels);
  }
  if (m_file.sample_rate_hz() != device.sample_rate_hz) {
    m_resampler.emplace(m_work_channels, m_file.sample_rate_hz(), device.sample_rate_hz, quality);
    const auto out_frames =
        static_cast<std::size_t>(std::ceil(kChunkFrames * m_resampler->ratio())) + 64;
    m_resampled.resize(out_frames * m_work_channels);
  }
}

void DecodeStream::skip(std::int64_t device_frames, bool allow_seek) {
  if (device_frames <= 0) return;
  auto file_frames = static_cast<std::int64_t>(std::llround(
      static_cast<double>(device_frames) * m_file.sample_rate_hz() / m_device.sample_rate_hz));
  if (allow_seek && m_file.seek(file_frames)) file_frames = 0;
  while (file_frames > 0) {
    const auto want = static_cast<std::size_t>(
        std::min<std::int64_t>(file_frames, static_cast<std::int64_t>(kChunkFrames)));
    const std::size_t got = m_file.read(std::span<float>{m_decoded}.first(want * m_file_channels));
    if (got == 0) break;
    file_frames -= static_cast<std::int64_t>(got);
  }
  m_delivered = device_frames;
}

std::size_t DecodeStream::read_chunk() {
  const std::size_t frames = m_file.read(m_decoded);
  if (m_file_channels == m_work_channels) {
    return frames;
  }
  // More file channels than device channels: keep the first ones, or average them for mono.
  for (std::size_t f = 0; f < frames; ++f) {
    const float* in = &m_decoded[f * m_file_channels];
    float* out = &m_work[f * m_work_channels];
    if (m_work_channels == 1) {
      float sum = 0.0F;
      for (std::size_t c = 0; c < m_file_channels; ++c) {
        sum += in[c];
      }
      out[0] = sum / static_cast<float>(m_file_channels);
    } else {
      std::copy_n(in, m_work_channels, out);
    }
  }
  return frames;
}

void DecodeStream::produce() {
  const std::vector<float>& work = m_file_channels == m_work_channels ? m_decoded : m_work;
  m_out_pos = 0;
  m_out = {};
  if (!m_resampler) {
    const std::size_t frames = read_chunk();
    if (frames == 0) {
      m_finished = true;
      return;
    }
    m_out = std::span<const float>{work}.first(frames * m_work_channels);
    return;
  }
  if (m_in_pos == m_in_count && !m_input_ended) {
    m_in_count = read_chunk();
    m_in_pos = 0;
    m_input_ended = m_in_count == 0;
  }
  const auto input = std::span<const float>{work}.subspan(
      m_in_pos * m_work_channels, (m_in_count - m_in_pos) * m_work_channels);
  const auto result = m_resampler->process(
      input, m_resampled, m_input_ended ? Resampler::EndOfInput::yes : Resampler::EndOfInput::no);
  m_in_pos += result.frames_used;
  m_out = std::span<const float>{m_resampled}.first(result.frames_generated * m_work_channels);
  if (m_input_ended && result.frames_generated == 0) {
    m_finished = true;
  }
}

bool DecodeStream::fill(AudioBlock& block) {
  if (block.channels != m_device.channels) {
    throw std::invalid_argument(
        "DecodeStream::fill: the block's channels differ from the device's");
  }
  const std::size_t channels = m_device.channels;
  std::size_t frames = 0;
  while (frames < block.capacity_frames) {
    if (m_out_pos == m_out.size()) {
      if (m_finished) {
        break;
      }
      produce();
      continue;
    }
    const std::size_t available = (m_out.size() - m_out_pos) / m_work_channels;
    const std::size_t count = std::min<std::size_t>(available, block.capacity_frames - frames);
    const float* in = m_out.data() + m_out_pos;
    float* out = block.samples + frames * channels;
    if (m_work_channels == channels) {
      for (std::size_t i = 0; i < count * channels; ++i) {
        out[i] = in[i] * m_gain;
      }
    } else {
      for (std::size_t f = 0; f < count; ++f) {
        for (std::size_t c = 0; c < channels; ++c) {
          out[f * channels + c] = in[f * m_work_channels + c % m_work_channels] * m_gain;
        }
      }
    }
    m_out_pos += count * m_work_channels;
    frames += count;
  }
  block.frames = static_cast<std::uint32_t>(frames);
  block.end_of_stream = finished();
  m_delivered += static_cast<std::int64_t>(frames);
  return !block.end_of_stream;
}

}  // namespace tinxa::broadcast
