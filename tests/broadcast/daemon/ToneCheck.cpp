// tone_check FILE [--channel N] [--has HZ]... [--lacks HZ]...: what tones a captured WAV holds,
// for the real-time end-to-end test. The file is cut into 50 ms windows; a window with sound
// (RMS above -40 dBFS) is "of" a frequency when a Goertzel filter there holds more than half of
// its energy. --has F passes when at least 0.5 s of windows are of F; --lacks F when none is.
// Prints one line per frequency and exits 0 when every condition holds, 1 otherwise.
// --from S and --to S (seconds into the file) look only at that stretch. --onset HZ prints
// "onset HZ: S" (or "onset HZ: none"), the start of the first window of HZ, and passes when
// there is one: where a tone begins, for checking a recording's timing.
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

double goertzel_share(const float* x, std::size_t n, std::size_t stride, double hz, int rate) {
  const double w = 2.0 * M_PI * hz / rate;
  const double coeff = 2.0 * std::cos(w);
  double s1 = 0.0, s2 = 0.0, energy = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double v = x[i * stride];
    energy += v * v;
    const double s0 = v + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return energy > 0.0 ? power / (0.5 * static_cast<double>(n) * energy) : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: tone_check FILE [--channel N] [--has HZ]... [--lacks HZ]...\n");
    return 2;
  }
  int channel = 1;
  std::vector<std::pair<double, bool>> wanted;  // frequency, must be present
  double from_s = 0.0, to_s = 1e12;
  std::vector<double> onsets;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--channel")
      channel = std::atoi(argv[i + 1]);
    else if (option == "--from")
      from_s = std::atof(argv[i + 1]);
    else if (option == "--to")
      to_s = std::atof(argv[i + 1]);
    else if (option == "--onset")
      onsets.push_back(std::atof(argv[i + 1]));
    else if (option == "--has" || option == "--lacks")
      wanted.emplace_back(std::atof(argv[i + 1]), option == "--has");
  }
  SF_INFO info{};
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(argv[1], SFM_READ, &info),
                                                         &sf_close};
  if (!file || channel < 1 || channel > info.channels) {
    std::fprintf(stderr, "tone_check: cannot read channel %d of %s\n", channel, argv[1]);
    return 2;
  }
  std::vector<float> samples(static_cast<std::size_t>(info.frames * info.channels));
  const auto read =
      static_cast<std::size_t>(sf_readf_float(file.get(), samples.data(), info.frames));
  const auto rate = static_cast<double>(info.samplerate);
  const auto first = static_cast<std::size_t>(std::max(0.0, from_s) * rate);
  const std::size_t frames = std::min(read, static_cast<std::size_t>(std::max(0.0, to_s) * rate));
  const auto stride = static_cast<std::size_t>(info.channels);
  const std::size_t window = static_cast<std::size_t>(info.samplerate) / 20;
  const std::size_t needed = 10;  // 0.5 s
  bool ok = true;
  std::printf("%s channel %d: %.2f s at %d Hz\n", argv[1], channel,
              static_cast<double>(frames) / info.samplerate, info.samplerate);
  const auto is_of = [&](std::size_t start, double hz) {
    const float* x = samples.data() + start * stride + static_cast<std::size_t>(channel - 1);
    double energy = 0.0;
    for (std::size_t i = 0; i < window; ++i)
      energy += double{x[i * stride]} * double{x[i * stride]};
    if (std::sqrt(energy / static_cast<double>(window)) < 0.01) return false;
    return goertzel_share(x, window, stride, hz, info.samplerate) > 0.5;
  };
  for (const double hz : onsets) {
    // Windows of 50 ms stepped by 5 ms, so the onset is found to about 5 ms.
    const std::size_t step = static_cast<std::size_t>(info.samplerate) / 200;
    bool found = false;
    for (std::size_t start = first; start + window <= frames && !found; start += step) {
      if (!is_of(start, hz)) continue;
      std::printf("onset %.0f: %.3f\n", hz, static_cast<double>(start) / rate);
      found = true;
    }
    if (!found) std::printf("onset %.0f: none\n", hz);
    ok = ok && found;
  }
  for (const auto& [hz, present] : wanted) {
    std::size_t windows = 0;
    for (std::size_t start = first; start + window <= frames; start += window)
      if (is_of(start, hz)) ++windows;
    const bool pass = present ? windows >= needed : windows == 0;
    ok = ok && pass;
    std::printf("  %s %.0f Hz: %.2f s  %s\n", present ? "has" : "lacks", hz,
                static_cast<double>(windows) * 0.05, pass ? "ok" : "FAIL");
  }
  return ok ? 0 : 1;
}
