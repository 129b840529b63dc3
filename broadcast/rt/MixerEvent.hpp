#pragma once

#include <cstdint>
#include <type_traits>

#include "broadcast/rt/AudioBlock.hpp"

namespace tinxa::broadcast {

// What the mixer reports back to the control thread. Trivially copyable. `frame` is an output
// frame of the mixer's count (Mixer::frames_rendered()); the sink maps it to a time at the DAC.
struct MixerEvent {
  enum class Kind : std::uint8_t {
    started,   // the stream's first sample is at `frame`: its start frame, or later if its
               // first block came late (a start waits for it; never silence before it)
    ended,     // the stream played to its end; its last sample is just before `frame`
    stopped,   // a stop command's fade finished at `frame` (also a stream stopped before it
               // started); nothing of the stream plays after it
    underrun,  // a playing stream had no block ready at `frame`: silence until blocks arrive
    rejected,  // a command could not be applied (no free voice, unknown or duplicate stream)
  };

  Kind kind = Kind::started;
  StreamId stream = 0;
  std::int64_t frame = 0;

  // After ended, stopped, or a rejected start, the mixer holds nothing of the stream: the caller
  // may consume what is left in its BlockQueue and free it.
  [[nodiscard]] bool releases_stream() const noexcept {
    return kind == Kind::ended || kind == Kind::stopped || kind == Kind::rejected;
  }

  friend bool operator==(const MixerEvent&, const MixerEvent&) = default;
};

static_assert(std::is_trivially_copyable_v<MixerEvent>);

}  // namespace tinxa::broadcast
