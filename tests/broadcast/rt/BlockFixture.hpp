#pragma once

// Test-side stand-in for the decode thread: owns blocks and their samples, fills them from a
// function of the frame index, and pushes them into a BlockQueue. Spent blocks are only counted;
// the fixture's storage outlives the mixer in every test.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

#include "broadcast/rt/AudioBlock.hpp"
#include "broadcast/rt/Mixer.hpp"

namespace tinxa::broadcast::test {

class BlockFixture {
 public:
  // Blocks of `frames_per_block` frames with `channels` channels; sample(frame, channel) gives
  // the stream's value at its own frame index.
  BlockFixture(StreamId stream, std::size_t channels, std::size_t frames_per_block,
               std::function<float(std::int64_t, std::size_t)> sample)
      : m_stream{stream},
        m_channels{channels},
        m_frames_per_block{frames_per_block},
        m_sample{std::move(sample)} {}

  // Pushes up to `blocks` more blocks, the last one marked end_of_stream once `total_frames`
  // have been produced (total_frames < 0: endless). Returns how many were pushed.
  std::size_t feed(BlockQueue& queue, std::size_t blocks, std::int64_t total_frames) {
    std::size_t pushed = 0;
    while (pushed < blocks && !m_finished && queue.size() < BlockQueue::capacity()) {
      auto& storage = m_storage.emplace_back(m_frames_per_block * m_channels);
      auto& block = m_blocks.emplace_back();
      block.samples = storage.data();
      block.capacity_frames = static_cast<std::uint32_t>(m_frames_per_block);
      block.channels = static_cast<std::uint32_t>(m_channels);
      block.stream = m_stream;
      std::size_t frames = m_frames_per_block;
      if (total_frames >= 0) {
        frames = static_cast<std::size_t>(
            std::min<std::int64_t>(static_cast<std::int64_t>(frames), total_frames - m_produced));
      }
      for (std::size_t f = 0; f < frames; ++f) {
        for (std::size_t c = 0; c < m_channels; ++c) {
          storage[f * m_channels + c] = m_sample(m_produced + static_cast<std::int64_t>(f), c);
        }
      }
      block.frames = static_cast<std::uint32_t>(frames);
      m_produced += static_cast<std::int64_t>(frames);
      if (total_frames >= 0 && m_produced >= total_frames) {
        block.end_of_stream = true;
        m_finished = true;
      }
      (void)queue.try_push(&block);
      ++pushed;
    }
    return pushed;
  }

 private:
  StreamId m_stream;
  std::size_t m_channels;
  std::size_t m_frames_per_block;
  std::function<float(std::int64_t, std::size_t)> m_sample;
  std::deque<std::vector<float>> m_storage;  // deque: block pointers stay valid
  std::deque<AudioBlock> m_blocks;
  std::int64_t m_produced = 0;
  bool m_finished = false;
};

// The mixer tests' output: stereo at 48 kHz, rendered in callbacks of 256 frames.
inline constexpr int kRate = 48000;
inline constexpr std::size_t kChannels = 2;
inline constexpr std::size_t kCallbackFrames = 256;

// A stream at half scale on every frame and channel.
inline float constant(std::int64_t /*frame*/, std::size_t /*channel*/) { return 0.5F; }

// Renders `callbacks` buffers of `frames` x kChannels and returns the first channel of all.
inline std::vector<float> render(Mixer& mixer, std::size_t callbacks,
                                 std::size_t frames = kCallbackFrames) {
  std::vector<float> left;
  std::vector<float> buffer(frames * kChannels);
  for (std::size_t i = 0; i < callbacks; ++i) {
    mixer.render(buffer, kChannels);
    for (std::size_t f = 0; f < frames; ++f) {
      left.push_back(buffer[f * kChannels]);
    }
  }
  return left;
}

inline std::vector<MixerEvent> drain_events(Mixer& mixer) {
  std::vector<MixerEvent> events;
  MixerEvent event;
  while (mixer.next_event(event)) {
    events.push_back(event);
  }
  return events;
}

inline std::size_t drain_spent(Mixer& mixer) {
  std::size_t count = 0;
  AudioBlock* block = nullptr;
  while (mixer.spent().try_pop(block)) {
    ++count;
  }
  return count;
}

}  // namespace tinxa::broadcast::test
