#pragma once

// Renders into a WAV file through libsndfile (16-bit PCM, what an off-air recording needs
// at half the size of float; samples beyond full scale are clipped):
// off-air recordings and --simulate's per-zone audio. The header is finished on close().

#include <memory>

#include "broadcast/audio/PulledSink.hpp"

struct sf_private_tag;  // libsndfile's SNDFILE

namespace tinxa::broadcast {

class WavFileSink final : public PulledSink {
 protected:
  // Creates or truncates the file named by the device argument. Throws AudioError naming it.
  void open_target(const std::string& device) override;
  // Throws AudioError if the write fails (disk full); the fault is reported too.
  void consume(std::span<const float> interleaved) override;
  void close_target() noexcept override;

 private:
  struct Closer {
    void operator()(sf_private_tag* file) const noexcept;
  };
  std::unique_ptr<sf_private_tag, Closer> m_file;
  std::string m_path;
};

}  // namespace tinxa::broadcast
