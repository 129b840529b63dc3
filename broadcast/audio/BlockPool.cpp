#include "broadcast/audio/BlockPool.hpp"

#include <cassert>
#include <stdexcept>
#include <string>

namespace tinxa::broadcast {

BlockPool::BlockPool(std::size_t block_count, std::size_t frames_per_block, std::size_t channels)
    : m_frames_per_block{frames_per_block}, m_channels{channels} {
  if (block_count == 0 || frames_per_block == 0 || channels == 0) {
    throw std::invalid_argument(
        "BlockPool: block count, frames per block and channels must be > 0");
  }
  if (block_count > kSpentRingCapacity) {
    throw std::invalid_argument("BlockPool: " + std::to_string(block_count) +
                                " blocks exceed the spent ring's capacity of " +
                                std::to_string(kSpentRingCapacity));
  }
  m_samples.resize(block_count * frames_per_block * channels);
  m_blocks.resize(block_count);
  m_free.reserve(block_count);
  for (std::size_t i = 0; i < block_count; ++i) {
    AudioBlock& block = m_blocks[i];
    block.samples = m_samples.data() + i * frames_per_block * channels;
    block.capacity_frames = static_cast<std::uint32_t>(frames_per_block);
    block.channels = static_cast<std::uint32_t>(channels);
    m_free.push_back(&block);
  }
}

AudioBlock* BlockPool::acquire() noexcept {
  const std::lock_guard lock{m_mutex};
  if (m_free.empty()) {
    return nullptr;
  }
  AudioBlock* block = m_free.back();
  m_free.pop_back();
  block->frames = 0;
  block->end_of_stream = false;
  block->stream = 0;
  const std::size_t out = m_blocks.size() - m_free.size();
  m_high_water = out > m_high_water ? out : m_high_water;
  return block;
}

void BlockPool::release(AudioBlock* block) noexcept {
  assert(block >= m_blocks.data() && block < m_blocks.data() + m_blocks.size());
  const std::lock_guard lock{m_mutex};
  assert(m_free.size() < m_blocks.size());
  m_free.push_back(block);
}

std::size_t BlockPool::reclaim(SpentRing& spent) noexcept {
  const std::lock_guard lock{m_mutex};
  std::size_t count = 0;
  AudioBlock* block = nullptr;
  while (spent.try_pop(block)) {
    m_free.push_back(block);
    ++count;
  }
  return count;
}

std::size_t BlockPool::in_use() const {
  const std::lock_guard lock{m_mutex};
  return m_blocks.size() - m_free.size();
}

std::size_t BlockPool::high_water() const {
  const std::lock_guard lock{m_mutex};
  return m_high_water;
}

}  // namespace tinxa::broadcast
