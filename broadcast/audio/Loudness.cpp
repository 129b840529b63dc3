#include "broadcast/audio/Loudness.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "broadcast/audio/LoudnessMeter.hpp"
#include "content/media/SoundFile.hpp"

namespace tinxa::broadcast {
namespace {

constexpr std::size_t kChunkFrames = 8192;

}  // namespace

double normalisation_gain_db(const Loudness& loudness, double target_lufs,
                             double ceiling_dbtp) noexcept {
  double gain_db =
      std::isfinite(loudness.integrated_lufs) ? target_lufs - loudness.integrated_lufs : 0.0;
  if (std::isfinite(loudness.true_peak_dbtp)) {
    gain_db = std::min(gain_db, ceiling_dbtp - loudness.true_peak_dbtp);
  }
  return gain_db;
}

Loudness measure_loudness(const std::filesystem::path& path, std::stop_token stop) {
  auto file = content::SoundFile::open(path);
  const auto channels = static_cast<std::size_t>(file.channels());
  LoudnessMeter meter{channels, file.sample_rate_hz()};
  std::vector<float> buffer(kChunkFrames * channels);
  for (;;) {
    if (stop.stop_requested()) throw MeasureStopped{};
    const std::size_t frames = file.read(buffer);
    if (frames == 0) break;
    meter.add(std::span<const float>{buffer}.first(frames * channels));
  }
  return meter.result();
}

}  // namespace tinxa::broadcast
