#include "broadcast/daemon/DeviceRouter.hpp"

#include <algorithm>
#include <stdexcept>

namespace tinxa::broadcast {

void DeviceRouter::add_zone(Renderer& renderer, std::vector<int> channels, OffAirTap* off_air) {
  if (channels.empty()) throw std::invalid_argument("DeviceRouter: a zone needs a channel");
  if (off_air != nullptr && off_air->channels() != channels.size())
    throw std::invalid_argument("DeviceRouter: the off-air tap's channels differ from the zone's");
  Route route{&renderer, {}, off_air};
  for (const int c : channels) {
    if (c < 1) throw std::invalid_argument("DeviceRouter: channels are 1-based");
    route.channels.push_back(static_cast<std::size_t>(c - 1));
    m_channels = std::max(m_channels, static_cast<std::size_t>(c));
  }
  m_widest = std::max(m_widest, route.channels.size());
  m_scratch.assign(kChunkFrames * m_widest, 0.0F);
  m_routes.push_back(std::move(route));
}

void DeviceRouter::render(std::span<float> interleaved, std::size_t channels) noexcept {
  std::fill(interleaved.begin(), interleaved.end(), 0.0F);
  if (channels == 0) return;
  const std::size_t frames = interleaved.size() / channels;
  for (std::size_t done = 0; done < frames;) {
    const std::size_t chunk = std::min(kChunkFrames, frames - done);
    float* out = interleaved.data() + done * channels;
    for (const Route& route : m_routes) {
      const std::size_t width = route.channels.size();
      const std::span<float> scratch{m_scratch.data(), chunk * width};
      route.renderer->render(scratch, width);
      if (route.off_air != nullptr) route.off_air->write(scratch);
      for (std::size_t c = 0; c < width; ++c) {
        const std::size_t target = route.channels[c];
        if (target >= channels) continue;
        for (std::size_t f = 0; f < chunk; ++f)
          out[f * channels + target] += scratch[f * width + c];
      }
    }
    for (std::size_t i = 0; i < chunk * channels; ++i) out[i] = std::clamp(out[i], -1.0F, 1.0F);
    done += chunk;
  }
}

}  // namespace tinxa::broadcast
