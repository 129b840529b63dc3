#pragma once

// One loudspeaker zone's output path as the engine drives it: its mixer (the only code on the
// audio thread), the block pool its streams decode into, and the sink that renders the mixer.
// One mixer per zone: a zone's WAV or device hears only what is meant for it.
// Threading: built and used on the engine's thread; the mixer's render() runs on the sink's thread.
// Not movable (the mixer and pool are shared with the sink and the streams by reference).

#include <cstddef>

#include "broadcast/audio/AudioSink.hpp"
#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/DecodeStream.hpp"
#include "broadcast/rt/Mixer.hpp"
#include "broadcast/schedule/Schedule.hpp"

namespace tinxa::broadcast {

class ZoneOutput {
 public:
  // Channels: as many as the zone names. Throws as BlockPool().
  ZoneOutput(Zone zone, int sample_rate_hz, std::size_t pool_blocks, std::size_t frames_per_block)
      : m_zone{std::move(zone)},
        m_format{sample_rate_hz, m_zone.channels.empty() ? 1U : m_zone.channels.size()},
        m_mixer{sample_rate_hz},
        m_pool{pool_blocks, frames_per_block, m_format.channels} {}
  ZoneOutput(const ZoneOutput&) = delete;
  ZoneOutput& operator=(const ZoneOutput&) = delete;

  [[nodiscard]] const Zone& zone() const noexcept { return m_zone; }
  [[nodiscard]] DeviceFormat format() const noexcept { return m_format; }
  [[nodiscard]] Mixer& mixer() noexcept { return m_mixer; }
  [[nodiscard]] const Mixer& mixer() const noexcept { return m_mixer; }
  [[nodiscard]] BlockPool& pool() noexcept { return m_pool; }

  // The sink that renders this mixer; it must outlive its attachment (attach(nullptr) detaches).
  void attach(AudioSink* sink) noexcept { m_sink = sink; }
  // The sink's frame-to-time mapping; unknown when no sink is attached or it has not run.
  [[nodiscard]] DacTiming timing() const noexcept {
    return m_sink ? m_sink->timing() : DacTiming{};
  }

 private:
  Zone m_zone;
  DeviceFormat m_format;
  Mixer m_mixer;
  BlockPool m_pool;
  AudioSink* m_sink = nullptr;
};

}  // namespace tinxa::broadcast
