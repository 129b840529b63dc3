#include "broadcast/daemon/OffAirTap.hpp"

#include <algorithm>
#include <stdexcept>

namespace tinxa::broadcast {

OffAirTap::OffAirTap(std::size_t channels)
    : m_channels{channels},
      m_block_frames{channels == 0 ? 0 : kBlockSamples / channels},
      m_ring{std::make_unique<SpscRing<Block, kRingBlocks>>()} {
  if (channels == 0 || channels > kBlockSamples)
    throw std::invalid_argument("OffAirTap: 1 to 1024 channels");
}

void OffAirTap::push_pending() noexcept {
  if (m_pending.frames == 0) return;
  if (!m_ring->try_push(m_pending))
    m_dropped.fetch_add(m_pending.frames, std::memory_order_relaxed);
  m_pending.frames = 0;
}

void OffAirTap::write(std::span<const float> interleaved) noexcept {
  std::size_t frames = interleaved.size() / m_channels;
  const float* in = interleaved.data();
  while (frames > 0) {
    if (m_pending.frames == 0) m_pending.frame = m_next_frame;
    const std::size_t room = m_block_frames - m_pending.frames;
    const std::size_t n = std::min(room, frames);
    std::copy_n(in, n * m_channels, m_pending.samples + m_pending.frames * m_channels);
    m_pending.frames += static_cast<std::uint32_t>(n);
    m_next_frame += static_cast<std::int64_t>(n);
    in += n * m_channels;
    frames -= n;
    if (m_pending.frames == m_block_frames) push_pending();
  }
  m_written.store(m_next_frame, std::memory_order_release);
}

void OffAirTap::flush() noexcept { push_pending(); }

void OffAirTap::skip(std::int64_t frames) noexcept {
  push_pending();
  if (frames > 0) m_next_frame += frames;
  m_written.store(m_next_frame, std::memory_order_release);
}

}  // namespace tinxa::broadcast
