#pragma once

// Watches a live or relayed source for dead air: trips once the source has stayed below a level
// (every channel of every frame) for a number of frames in a row. Pure: no clock, no I/O; the
// engine feeds it what it reads from the source, in order. Not thread-safe (engine thread).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace tinxa::broadcast {

class SilenceDetector {
 public:
  // Never trips.
  SilenceDetector() = default;
  // Trips after `limit_frames` frames in a row whose every sample is below `threshold_dbfs`
  // (peak, dB relative to full scale). limit_frames <= 0: never trips.
  SilenceDetector(double threshold_dbfs, std::int64_t limit_frames) noexcept;

  // Feeds the next frames (interleaved, `channels` wide). Returns, the first time the silent run
  // reaches the limit, the offset in this chunk of the first frame after it (the frame where the
  // fallback takes effect; may equal the chunk's frame count); nullopt otherwise.
  std::optional<std::size_t> feed(std::span<const float> interleaved,
                                  std::size_t channels) noexcept;

  // Starts counting afresh (after the source goes on air again).
  void reset() noexcept;

  [[nodiscard]] bool tripped() const noexcept { return m_tripped; }
  // Frames in the current silent run.
  [[nodiscard]] std::int64_t silent_frames() const noexcept { return m_run; }

 private:
  float m_threshold = 0.0F;
  std::int64_t m_limit = 0;
  std::int64_t m_run = 0;
  bool m_tripped = false;
};

}  // namespace tinxa::broadcast
