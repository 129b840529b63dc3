#pragma once

// What a sink calls from its audio callback. Implemented by Mixer; tests may implement it too.

#include <cstddef>
#include <span>

namespace tinxa::broadcast {

class Renderer {
 public:
  Renderer() = default;
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;
  virtual ~Renderer() = default;

  // Fills `interleaved` (frames x `channels` floats). Called on the sink's real-time thread, one
  // call at a time; must not allocate, lock, block or log.
  virtual void render(std::span<float> interleaved, std::size_t channels) noexcept = 0;
};

}  // namespace tinxa::broadcast
