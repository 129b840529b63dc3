#pragma once

#include "broadcast/audio/PulledSink.hpp"

namespace tinxa::broadcast {

// Renders and discards: a zone with no device in --simulate, and the benchmark's CPU figure.
class NullSink final : public PulledSink {
 protected:
  void consume(std::span<const float> /*interleaved*/) override {}
  void open_target(const std::string& /*device*/) override {}
  void close_target() noexcept override {}
};

}  // namespace tinxa::broadcast
