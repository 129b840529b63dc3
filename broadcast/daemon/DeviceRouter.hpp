#pragma once

// Several zones on one output device: the Renderer a device's sink calls, which renders each
// zone's mixer into a scratch buffer of the zone's own channel count and adds it into the zone's
// channels of the device (schedule.yaml `channels`, 1-based). A channel no zone names stays
// silent, and a zone that is not targeted renders silence, so its channels are silent too.
// Every mixer is rendered exactly as many frames as the device, so each mixer's frame count stays
// the device's (the engine's time base; see AudioSink).
//
// Threading: built on the control thread before the sink opens; render() runs on the sink's
// real-time thread: no allocation, no locks, no system calls (the scratch buffer is allocated
// here, once). Zones are fixed for the router's life.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "broadcast/daemon/OffAirTap.hpp"
#include "broadcast/rt/Renderer.hpp"

namespace tinxa::broadcast {

class DeviceRouter final : public Renderer {
 public:
  // The longest run rendered at once; a longer callback is rendered in chunks of this size.
  static constexpr std::size_t kChunkFrames = 2048;

  // Adds a zone: `renderer` (its mixer, which must outlive the router) plays into `channels`
  // (1-based device channels, at least one). With `off_air` (its channel count must be the
  // zone's), every frame rendered for the zone is also copied into it, before it is mixed into
  // the device (the recording does not hear other zones or the clipping). Control thread, before
  // the sink opens; `off_air` must outlive the router.
  void add_zone(Renderer& renderer, std::vector<int> channels, OffAirTap* off_air = nullptr);

  // Channels the device must be opened with: the highest channel any zone names.
  [[nodiscard]] std::size_t channels() const noexcept { return m_channels; }

  // Real-time thread. `interleaved` is frames x `channels`; a zone channel beyond `channels` is
  // left out. Sums are clipped to [-1, 1].
  void render(std::span<float> interleaved, std::size_t channels) noexcept override;

 private:
  struct Route {
    Renderer* renderer;
    std::vector<std::size_t> channels;  // 0-based device channels
    OffAirTap* off_air;                 // may be null
  };

  std::vector<Route> m_routes;
  std::size_t m_channels = 0;
  std::size_t m_widest = 0;  // the most channels one zone has
  std::vector<float> m_scratch;
};

}  // namespace tinxa::broadcast
