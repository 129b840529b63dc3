// reload_bench: what a second load of a content bundle costs with and without a ProbeCache: wall
// and process CPU time, median of N loads each, and the cache's hit and miss counts. Prints; never
// fails on a figure. Run it from the source root, built in the release preset:
//   reload_bench [--content DIR] [--runs N]
#include "content/loader/BundleLoader.hpp"
#include "content/media/ProbeCache.hpp"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace tinxa;

struct Cost {
  double wall_ms = 0.0;
  double cpu_ms = 0.0;
};

double cpu_ms_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

Cost time_load(const std::string& folder, const content::LoadOptions& options) {
  const auto wall = std::chrono::steady_clock::now();
  const double cpu = cpu_ms_now();
  const auto loaded = content::load_bundle(folder, options);
  if (!loaded.usable()) {
    std::fprintf(stderr, "reload_bench: %s does not load; run tinxa check\n", folder.c_str());
    std::exit(1);
  }
  return {
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count(),
      cpu_ms_now() - cpu};
}

Cost median(std::vector<Cost> runs) {
  const auto mid = runs.size() / 2;
  std::nth_element(runs.begin(), runs.begin() + static_cast<long>(mid), runs.end(),
                   [](const Cost& a, const Cost& b) { return a.wall_ms < b.wall_ms; });
  const double wall = runs[mid].wall_ms;
  std::nth_element(runs.begin(), runs.begin() + static_cast<long>(mid), runs.end(),
                   [](const Cost& a, const Cost& b) { return a.cpu_ms < b.cpu_ms; });
  return {wall, runs[mid].cpu_ms};
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder = "content/sample";
  int runs = 9;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--content") folder = argv[i + 1];
    if (flag == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
  }
  const content::LoadOptions uncached;
  content::ProbeCache cache;
  const content::LoadOptions cached{&cache};

  const Cost first = time_load(folder, cached);  // fills the cache; also warms the page cache
  std::vector<Cost> without;
  std::vector<Cost> with;
  for (int i = 0; i < runs; ++i) {
    without.push_back(time_load(folder, uncached));
    with.push_back(time_load(folder, cached));
  }
  const Cost a = median(without);
  const Cost b = median(with);
  std::printf("bundle %s, %d runs each, median\n", folder.c_str(), runs);
  std::printf("  first load (fills the cache)   %8.1f ms wall %8.1f ms CPU\n", first.wall_ms,
              first.cpu_ms);
  std::printf("  reload without ProbeCache      %8.1f ms wall %8.1f ms CPU\n", a.wall_ms, a.cpu_ms);
  std::printf("  reload with ProbeCache         %8.1f ms wall %8.1f ms CPU\n", b.wall_ms, b.cpu_ms);
  std::printf("  cache: %zu files, %llu misses (all in the first load), %llu hits\n", cache.size(),
              static_cast<unsigned long long>(cache.misses()),
              static_cast<unsigned long long>(cache.hits()));
  return 0;
}
