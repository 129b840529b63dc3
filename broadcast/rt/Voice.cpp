#include "broadcast/rt/Voice.hpp"

#include <algorithm>

namespace tinxa::broadcast {

void Voice::ramp_to(float target, std::uint32_t frames) noexcept {
  target_gain = target;
  if (frames == 0) {
    gain = target;
    gain_step = 0.0F;
    ramp_left = 0;
    return;
  }
  gain_step = (target - gain) / static_cast<float>(frames);
  ramp_left = frames;
}

bool Voice::prime(SpentRing& spent) noexcept {
  AudioBlock* next = nullptr;
  while (block == nullptr && queue->try_pop(next)) {
    if (next->stream != stream || (next->frames == 0 && !next->end_of_stream)) {
      (void)spent.try_push(next);
      continue;
    }
    block = next;
    position = 0;
  }
  return block != nullptr;
}

Voice::Result Voice::mix(std::span<float> out, std::size_t channels, std::size_t from,
                         SpentRing& spent) noexcept {
  const std::size_t frames = out.size() / channels;
  std::size_t frame = from;
  while (frame < frames) {
    if (state == State::stopping && ramp_left == 0) {
      return {Outcome::stopped, frame};
    }
    if (block == nullptr) {
      AudioBlock* next = nullptr;
      if (!queue->try_pop(next)) {
        if (state == State::stopping) {
          return {Outcome::stopped, frame};
        }
        // No audio ready: silence from here; resume from zero gain so the return does not click.
        gain = 0.0F;
        return {Outcome::underrun, frame};
      }
      if (next->stream != stream) {
        (void)spent.try_push(next);
        continue;
      }
      block = next;
      position = 0;
      in_underrun = false;
    }
    const std::size_t block_channels = block->channels;
    const std::size_t count = std::min<std::size_t>(frames - frame, block->frames - position);
    const float* source = block->samples + std::size_t{position} * block_channels;
    float* target = out.data() + frame * channels;
    for (std::size_t i = 0; i < count; ++i) {
      if (ramp_left > 0) {
        gain += gain_step;
        if (--ramp_left == 0) {
          gain = target_gain;
        }
        if (state == State::stopping && ramp_left == 0) {
          // The fade reached silence: this frame and the rest are not played.
          position += static_cast<std::uint32_t>(i);
          return {Outcome::stopped, frame + i};
        }
      }
      for (std::size_t c = 0; c < channels; ++c) {
        const std::size_t source_channel = c < block_channels ? c : c % block_channels;
        target[c] += gain * source[source_channel];
      }
      target += channels;
      source += block_channels;
    }
    position += static_cast<std::uint32_t>(count);
    frame += count;
    if (position == block->frames) {
      const bool last = block->end_of_stream;
      (void)spent.try_push(block);
      block = nullptr;
      if (last) {
        return {Outcome::ended, frame};
      }
    }
  }
  if (state == State::stopping && ramp_left == 0) {
    return {Outcome::stopped, frame};
  }
  return {Outcome::more, frame};
}

void Voice::release(SpentRing& spent) noexcept {
  if (block != nullptr) {
    (void)spent.try_push(block);
  }
  *this = Voice{};
}

}  // namespace tinxa::broadcast
