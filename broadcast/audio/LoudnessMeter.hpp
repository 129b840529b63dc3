#pragma once

// The one wrapper over libebur128: an EBU R128 meter for integrated loudness and true peak, owned.
// Threading: one thread at a time. Errors: AudioError with libebur128's code.

#include <cstddef>
#include <memory>
#include <span>

#include "broadcast/audio/Loudness.hpp"

namespace tinxa::broadcast {

class LoudnessMeter {
 public:
  // A meter for `channels` interleaved channels at `sample_rate_hz`. With one channel, that
  // channel counts as dual mono (played on two loudspeakers). Throws AudioError.
  LoudnessMeter(std::size_t channels, int sample_rate_hz);

  // Adds interleaved frames. Throws AudioError.
  void add(std::span<const float> interleaved);

  // What was added so far. Throws AudioError.
  [[nodiscard]] Loudness result() const;

 private:
  // libebur128's state is an anonymous struct that cannot be forward-declared: held as void.
  struct Destroyer {
    void operator()(void* state) const noexcept;
  };

  std::unique_ptr<void, Destroyer> m_state;
  std::size_t m_channels;
};

}  // namespace tinxa::broadcast
