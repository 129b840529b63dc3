#pragma once

#include <cstdint>
#include <type_traits>

#include "broadcast/rt/AudioBlock.hpp"

namespace tinxa::broadcast {

// The ramp the engine should use for starts, stops, preemption and ducking: short enough to be
// heard as a cut, long enough not to click.
inline constexpr double kDefaultRampSeconds = 0.005;

// `seconds` of output at `sample_rate_hz`, rounded, as a ramp length for the commands below.
[[nodiscard]] constexpr std::uint32_t ramp_frames(int sample_rate_hz,
                                                  double seconds = kDefaultRampSeconds) noexcept {
  return static_cast<std::uint32_t>(seconds * sample_rate_hz + 0.5);
}

// A request from the control thread to the mixer on the real-time thread. Trivially copyable;
// build one with the named helpers below. Frames are output frames of the mixer's own count
// (Mixer::frames_rendered()); gains are linear (1 = unchanged, 0 = silent).
struct MixerCommand {
  enum class Kind : std::uint8_t {
    start,     // play `stream` from `queue`, first sample at output frame `at_frame` (later if
               // its first block is not in `queue` by then: see Mixer.hpp)
    stop,      // fade `stream` out over `ramp_frames` so that its last sample is just before
               // output frame `at_frame` (a frame already rendered, or one within the ramp: fade
               // from now), then let go of it
    set_gain,  // ramp `stream` to `gain` over `ramp_frames` (ducking, operator level)
  };

  Kind kind = Kind::start;
  StreamId stream = 0;
  // start: the stream's blocks. Owned by the caller, who must keep it alive and not consume from
  // it until the mixer reports the stream ended, stopped or rejected.
  BlockQueue* queue = nullptr;
  // start: the output frame of the stream's first sample; stop: the frame the fade ends on. A
  // frame already rendered means "now".
  std::int64_t at_frame = 0;
  float gain = 1.0F;              // start, set_gain: the target gain
  std::uint32_t ramp_frames = 0;  // start: fade-in; stop: fade-out; set_gain: ramp length

  [[nodiscard]] static MixerCommand start(StreamId stream, BlockQueue* queue, std::int64_t at_frame,
                                          float gain, std::uint32_t fade_in_frames) noexcept {
    return {Kind::start, stream, queue, at_frame, gain, fade_in_frames};
  }
  [[nodiscard]] static MixerCommand stop(StreamId stream, std::uint32_t fade_out_frames) noexcept {
    return {Kind::stop, stream, nullptr, 0, 0.0F, fade_out_frames};
  }
  // Stops `stream` so that its fade ends exactly at output frame `at_frame` (preemption on the
  // frame the higher class starts on, a relay's scheduled end).
  [[nodiscard]] static MixerCommand stop_at(StreamId stream, std::int64_t at_frame,
                                            std::uint32_t fade_out_frames) noexcept {
    return {Kind::stop, stream, nullptr, at_frame, 0.0F, fade_out_frames};
  }
  [[nodiscard]] static MixerCommand set_gain(StreamId stream, float gain,
                                             std::uint32_t ramp_frames) noexcept {
    return {Kind::set_gain, stream, nullptr, 0, gain, ramp_frames};
  }
};

static_assert(std::is_trivially_copyable_v<MixerCommand>);

}  // namespace tinxa::broadcast
