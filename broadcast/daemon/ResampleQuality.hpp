#pragma once

// broadcast.yaml's resample_quality as the Resampler's converter: one mapping for the daemon and
// the simulator, so both play a 44.1 kHz file through the same converter.

#include "broadcast/audio/Resampler.hpp"
#include "config/settings/BroadcastSettings.hpp"

namespace tinxa::broadcast {

[[nodiscard]] constexpr Resampler::Quality resampler_quality(
    config::ResampleQuality quality) noexcept {
  switch (quality) {
    case config::ResampleQuality::fastest:
      return Resampler::Quality::fastest;
    case config::ResampleQuality::medium:
      return Resampler::Quality::medium;
    case config::ResampleQuality::best:
      return Resampler::Quality::best;
  }
  return Resampler::kDefaultQuality;
}

}  // namespace tinxa::broadcast
