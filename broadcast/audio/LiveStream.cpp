#include "broadcast/audio/LiveStream.hpp"

#include <algorithm>

namespace tinxa::broadcast {

LiveStream::LiveStream(StreamId id, BlockPool& pool, float gain) noexcept
    : m_id{id}, m_pool{pool}, m_gain{gain} {}

LiveStream::~LiveStream() {
  AudioBlock* block = nullptr;
  while (m_queue.try_pop(block)) m_pool.release(block);
}

std::size_t LiveStream::push(std::span<const float> interleaved,
                             std::size_t source_channels) noexcept {
  if (source_channels == 0) return 0;
  const std::size_t frames = interleaved.size() / source_channels;
  std::size_t done = 0;
  while (done < frames) {
    if (m_queue.size() == BlockQueue::capacity()) break;
    AudioBlock* block = m_pool.acquire();
    if (block == nullptr) break;
    const std::size_t channels = block->channels;
    const std::size_t count = std::min<std::size_t>(frames - done, block->capacity_frames);
    const float* in = interleaved.data() + done * source_channels;
    for (std::size_t f = 0; f < count; ++f) {
      float* out = block->samples + f * channels;
      const float* frame = in + f * source_channels;
      if (channels == 1 && source_channels > 1) {
        float sum = 0.0F;
        for (std::size_t c = 0; c < source_channels; ++c) sum += frame[c];
        out[0] = m_gain * sum / static_cast<float>(source_channels);
      } else {
        for (std::size_t c = 0; c < channels; ++c) out[c] = m_gain * frame[c % source_channels];
      }
    }
    block->frames = static_cast<std::uint32_t>(count);
    block->stream = m_id;
    (void)m_queue.try_push(block);
    done += count;
  }
  m_dropped += static_cast<std::int64_t>(frames - done);
  return done;
}

}  // namespace tinxa::broadcast
