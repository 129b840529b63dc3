// tinxa-broadcastd --simulate honours broadcast.yaml's resample_quality: the demo's Monday
// bulletin (16 and 22.05 kHz speech files), simulated at 8 kHz once with each converter, is the
// same programme at the same times, and the samples differ by what the converter does.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "broadcast/daemon/ResampleQuality.hpp"
#include "broadcast/daemon/Simulation.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {
namespace {

// The demo installation with `broadcast_yaml`, in a folder of its own (its own as-run log, so
// nothing counts as already played), simulated around the Monday 06:30 bulletin. Returns zone
// ap-2's off-air audio.
std::vector<float> simulate_bulletin(const std::filesystem::path& folder,
                                     const std::string& broadcast_yaml) {
  std::filesystem::create_directories(folder);
  const std::filesystem::path source{TINXA_SOURCE_DIR};
  std::ofstream{folder / "site.yaml"}
      << "time_zone: Asia/Ho_Chi_Minh\ncontent_dir: " << (source / "content/sample").string()
      << "\ndata_dir: data\n";
  std::ofstream{folder / "broadcast.yaml"} << broadcast_yaml;
  std::filesystem::copy_file(source / "deploy/demo/schedule.yaml", folder / "schedule.yaml");
  SimulationRequest request;
  request.config_dir = folder;
  request.from = "2026-11-30T06:29";
  request.to = "2026-11-30T06:31";
  request.off_air_dir = folder / "off-air";
  request.sample_rate_hz = 8000;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> summary{std::tmpfile(), &std::fclose};
  REQUIRE(run_simulation(request, summary.get()) == 0);
  return test::read_wav(folder / "off-air" / "ap-2.wav").samples;
}

double rms(const std::vector<float>& samples) {
  double sum = 0.0;
  for (const float s : samples) sum += static_cast<double>(s) * static_cast<double>(s);
  return std::sqrt(sum / static_cast<double>(std::max<std::size_t>(samples.size(), 1)));
}

TEST_CASE("A simulation resamples with the converter broadcast.yaml names",
          "[simulate][resample]") {
  const tinxa::test::TempDir dir;
  const auto fastest = simulate_bulletin(dir / "fastest", "resample_quality: fastest\n");
  const auto best = simulate_bulletin(dir / "best", "resample_quality: best\n");
  const auto unset = simulate_bulletin(dir / "default", "sample_rate_hz: 48000\n");
  REQUIRE(fastest.size() == best.size());
  REQUIRE(rms(fastest) > 0.01);  // the bulletin is heard
  std::vector<float> difference(fastest.size());
  std::transform(fastest.begin(), fastest.end(), best.begin(), difference.begin(),
                 [](float a, float b) { return a - b; });
  INFO("rms " << rms(fastest) << ", difference " << rms(difference));
  CHECK(rms(difference) > 1e-5);                // not the same converter
  CHECK(rms(difference) < 0.1 * rms(fastest));  // the same programme at the same times
  CHECK(unset == fastest);                      // the default is fastest
}

TEST_CASE("broadcast.yaml's resample_quality words map to the Resampler's converters",
          "[simulate][resample][settings]") {
  using Quality = Resampler::Quality;
  STATIC_REQUIRE(resampler_quality(config::ResampleQuality::fastest) == Quality::fastest);
  STATIC_REQUIRE(resampler_quality(config::ResampleQuality::medium) == Quality::medium);
  STATIC_REQUIRE(resampler_quality(config::ResampleQuality::best) == Quality::best);
  // The setting's default and the Resampler's are the same converter.
  CHECK(resampler_quality(config::BroadcastSettings{}.resample_quality) ==
        Resampler::kDefaultQuality);
}

}  // namespace
}  // namespace tinxa::broadcast
