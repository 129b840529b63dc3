#pragma once

// One zone's share of a live source (microphone, relayed line input): the queue of blocks the
// zone's mixer plays, filled by the engine from what it read from the LiveSource. The mixer plays
// it like any stream (MixerCommand::start with queue()); it has no end of its own: the engine
// stops it (MixerCommand::stop, at a frame for a relay's end).
//
// Threading: push() and the destructor on the engine's thread (the queue's producer); the mixer
// consumes the queue between its start and its ended/stopped/rejected event. Memory: blocks come
// from the zone's BlockPool; nothing is allocated after construction.

#include <cstddef>
#include <cstdint>
#include <span>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/rt/AudioBlock.hpp"

namespace tinxa::broadcast {

class LiveStream {
 public:
  // `pool` is the zone's (its channel count is the zone's) and must outlive this; `gain` linear.
  LiveStream(StreamId id, BlockPool& pool, float gain) noexcept;
  LiveStream(const LiveStream&) = delete;
  LiveStream& operator=(const LiveStream&) = delete;
  // Gives every block still queued back to the pool. Precondition: the mixer holds nothing of
  // the stream (never started, or it reported stopped/ended/rejected).
  ~LiveStream();

  [[nodiscard]] StreamId id() const noexcept { return m_id; }
  [[nodiscard]] BlockQueue& queue() noexcept { return m_queue; }

  // Queues `interleaved` (frames x `source_channels`), mapped to the zone's channels by channel
  // modulo (a mono source to every channel; a mono zone gets the average), times the gain, in as
  // many blocks as it takes. Returns the frames queued: fewer when the pool or queue is full
  // (the rest is dropped, and counted).
  std::size_t push(std::span<const float> interleaved, std::size_t source_channels) noexcept;

  // Blocks waiting in the queue (engine thread: exact for what it pushed, minus what was played).
  [[nodiscard]] std::size_t queued_blocks() const noexcept { return m_queue.size(); }
  // Frames dropped because the pool or the queue was full.
  [[nodiscard]] std::int64_t dropped_frames() const noexcept { return m_dropped; }

 private:
  StreamId m_id;
  BlockPool& m_pool;
  float m_gain;
  BlockQueue m_queue;
  std::int64_t m_dropped = 0;
};

}  // namespace tinxa::broadcast
