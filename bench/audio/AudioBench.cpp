// audio_bench: the broadcaster's audio figures, printed (not a timed test).
//
//   audio_bench [--cpu-minutes N] [--runs R] [--rss-minutes A,B] [--dir DIR]
//               [--converter fastest|medium|best] [--rates R1[,R2]] [--cpu-only]
//
//  1. CPU per hour of playback for one stereo 48 kHz zone: decode (libsndfile), resample
//     (libsamplerate) where the file is not at 48 kHz, gain, and mix (Mixer::render) into a
//     NullSink, for a generated file of N minutes (default 10) at 44.1 kHz, once with each of
//     the three converters broadcast.yaml's resample_quality offers (one line each), and at
//     48 kHz (no converter). Measured with CLOCK_PROCESS_CPUTIME_ID around the playback only,
//     the least of R runs (default 3: the machine may be shared), scaled to "% of one core" =
//     CPU seconds / audio seconds x 100 (target <= 1 %). The FIGURE line is the default
//     converter's (Resampler::kDefaultQuality, what the daemon uses). The one-off loudness
//     measurement (libebur128, true peak) is printed apart: it runs once per file, then is
//     cached. --converter and --rates restrict the runs and --cpu-only skips the loudness and
//     memory parts: converter_counts.sh runs one converter at a time under callgrind, with
//     instrumentation only inside play_programme(), for instruction counts that do not depend
//     on the load.
//  2. Peak resident memory while streaming a file of A minutes and of B minutes (default 1 and 30),
//     each in a fresh child process (this program re-run with --stream FILE), read with wait4's
//     ru_maxrss (target: no growth with length).
//  3. With --paced-start N (run by paced_start.sh, which starts jackd and points ALSA at the
//     paced recipe): N beeps scheduled through PortAudioSink::timing() at wall-clock instants,
//     captured with timestamps (PCM "timed" -> ts_rec), onset - scheduled instant per beep.
//  4. With --device-loss DEVICE SECONDS (run by device_loss.sh, which kills jackd under the stream
//     and starts it again): polls PortAudioSink::poll_fault() every 10 ms as the engine would,
//     and on a fault closes the sink and reopens it every 100 ms until the device is back.
//     Prints FAULT and REOPENED lines with the time they took.
// Build it in a release tree: cmake --preset release && cmake --build --preset release --target
// audio_bench && build/release/bench/audio/audio_bench

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <algorithm>
#include <array>
#include <chrono>
#include <fstream>
#include <optional>
#include <string_view>
#include <thread>

#include <sndfile.h>

#include "broadcast/audio/BlockPool.hpp"
#include "broadcast/audio/Loudness.hpp"
#include "broadcast/audio/NullSink.hpp"
#include "broadcast/audio/PlaybackStream.hpp"
#include "broadcast/audio/PortAudio.hpp"
#include "broadcast/audio/PortAudioSink.hpp"
#include "broadcast/rt/Mixer.hpp"

namespace {

using namespace std::string_literals;
namespace tb = tinxa::broadcast;

constexpr int kDeviceRate = 48000;
constexpr std::size_t kChannels = 2;
constexpr std::size_t kBlockFrames = 1024;
constexpr std::size_t kPoolBlocks = 48;
constexpr std::size_t kQueueTarget = 24;

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// A programme-like test signal: two tones and a little noise, stereo, 16-bit WAV, written in
// chunks so the generator's memory does not depend on length either.
void write_programme(const std::filesystem::path& path, int rate, double minutes) {
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = 2;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(path.c_str(), SFM_WRITE, &info),
                                                         &sf_close};
  if (!file) {
    std::fprintf(stderr, "cannot write %s: %s\n", path.c_str(), sf_strerror(nullptr));
    std::exit(1);
  }
  const auto frames = static_cast<std::int64_t>(minutes * 60.0 * rate);
  constexpr std::int64_t kChunk = 65536;
  std::vector<float> samples(static_cast<std::size_t>(kChunk) * 2);
  std::uint32_t noise = 12345;
  for (std::int64_t start = 0; start < frames; start += kChunk) {
    const std::int64_t count = std::min(kChunk, frames - start);
    for (std::int64_t f = 0; f < count; ++f) {
      const double t = static_cast<double>(start + f) / rate;
      noise = noise * 1664525U + 1013904223U;
      const double hiss = (static_cast<double>(noise >> 8) / 16777216.0 - 0.5) * 0.02;
      const auto i = static_cast<std::size_t>(f) * 2;
      samples[i] = static_cast<float>(0.3 * std::sin(2 * M_PI * 220 * t) + hiss);
      samples[i + 1] = static_cast<float>(0.3 * std::sin(2 * M_PI * 330 * t) + hiss);
    }
    sf_writef_float(file.get(), samples.data(), count);
  }
}

// Plays `path` to the end into a NullSink on this thread (decode turns interleaved with pulls, so
// no thread outruns another), resampling with `quality` if needed. Returns the output frames.
// Not inlined: converter_counts.sh collects callgrind's counts inside this function only.
[[gnu::noinline]] std::int64_t play_programme(const std::filesystem::path& path, double gain_db,
                                              tb::Resampler::Quality quality) {
  tb::BlockPool pool{kPoolBlocks, kBlockFrames, kChannels};
  tb::Mixer mixer{kDeviceRate};
  tb::PlaybackStream stream{1,       path, pool,   {kDeviceRate, kChannels}, std::nullopt,
                            gain_db, 0,    quality};
  tb::NullSink sink;
  sink.open("", kDeviceRate, kChannels, mixer);
  sink.start();
  (void)stream.top_up(nullptr, kQueueTarget);
  if (!mixer.post(tb::MixerCommand::start(1, &stream.queue(), 0, 1.0F, 240))) {
    std::exit(1);
  }
  for (;;) {
    pool.reclaim(mixer.spent());
    (void)stream.top_up(nullptr, kQueueTarget);
    sink.pull(static_cast<std::int64_t>(kBlockFrames * 4));
    tb::MixerEvent event;
    while (mixer.next_event(event)) {
      if (event.kind == tb::MixerEvent::Kind::ended) {
        sink.close();
        return event.frame;
      }
      if (event.kind == tb::MixerEvent::Kind::underrun) {
        std::fprintf(stderr, "unexpected underrun at frame %lld\n",
                     static_cast<long long>(event.frame));
      }
    }
  }
}

// A 1 kHz beep of `seconds`, starting at phase 0 (first sample 0, the second well above any
// noise floor), so the onset in a capture is one sample after the tone's start.
void write_beep(const std::filesystem::path& path, double seconds) {
  SF_INFO info{};
  info.samplerate = kDeviceRate;
  info.channels = 2;
  info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(path.c_str(), SFM_WRITE, &info),
                                                         &sf_close};
  const auto frames = static_cast<std::size_t>(seconds * kDeviceRate);
  std::vector<float> samples(frames * 2);
  for (std::size_t f = 0; f < frames; ++f) {
    samples[2 * f] = samples[2 * f + 1] = static_cast<float>(
        0.5 * std::sin(2 * M_PI * 1000.0 * static_cast<double>(f) / kDeviceRate));
  }
  sf_writef_float(file.get(), samples.data(), static_cast<sf_count_t>(frames));
}

double wall_seconds(std::chrono::system_clock::time_point instant) {
  return std::chrono::duration<double>(instant.time_since_epoch()).count();
}

int paced_start(int count, const std::filesystem::path& dir) {
  const char* capture = std::getenv("CAPTURE_DIR");
  if (capture == nullptr) {
    std::fprintf(stderr,
                 "--paced-start needs CAPTURE_DIR, ALSA_CONFIG_PATH, TS_REC and a running "
                 "jackd: run bench/audio/paced_start.sh\n");
    return 2;
  }
  const auto beep = dir / "beep.wav";
  write_beep(beep, 0.2);
  tb::BlockPool pool{128, kBlockFrames, kChannels};
  tb::Mixer mixer{kDeviceRate};
  tb::PortAudioSink sink;
  sink.open("timed", kDeviceRate, kChannels, mixer);
  sink.start();
  while (!sink.timing().known()) {
    std::this_thread::sleep_for(std::chrono::milliseconds{5});
  }
  std::vector<double> scheduled;
  for (int i = 0; i < count; ++i) {
    const auto id = static_cast<tb::StreamId>(i + 1);
    tb::PlaybackStream stream{id, beep, pool, {kDeviceRate, kChannels}, std::nullopt};
    (void)stream.top_up(nullptr, tb::BlockQueue::capacity());
    // An instant 300-700 ms ahead, at an arbitrary phase of the device period.
    const auto at =
        std::chrono::system_clock::now() + std::chrono::milliseconds{300 + 37 * (i % 11)};
    const std::int64_t frame = sink.timing().frame_at(at);
    if (!mixer.post(tb::MixerCommand::start(id, &stream.queue(), frame, 1.0F, 0))) {
      return 1;
    }
    scheduled.push_back(wall_seconds(at));
    for (bool ended = false; !ended;) {
      std::this_thread::sleep_for(std::chrono::milliseconds{5});
      tb::MixerEvent event;
      while (mixer.next_event(event)) {
        ended = ended || event.releases_stream();
      }
    }
    pool.reclaim(mixer.spent());
  }
  std::this_thread::sleep_for(std::chrono::milliseconds{200});
  sink.close();
  const std::filesystem::path wav = std::filesystem::path{capture} / "timed.wav";
  const std::filesystem::path tme = std::filesystem::path{capture} / "timed.wav.tme";
  for (int i = 0;
       i < 500 && (!std::filesystem::exists(tme) || std::filesystem::file_size(tme) == 0); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds{10});
  }
  double frame0 = 0.0;
  std::ifstream{tme} >> frame0;
  SF_INFO info{};
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(wav.c_str(), SFM_READ, &info),
                                                         &sf_close};
  if (!file || frame0 <= 0.0) {
    std::fprintf(stderr, "no timestamped capture in %s\n", capture);
    return 1;
  }
  std::vector<float> samples(static_cast<std::size_t>(info.frames * info.channels));
  sf_readf_float(file.get(), samples.data(), info.frames);
  std::vector<double> errors_ms;
  std::size_t quiet = 0;
  for (std::size_t f = 0; f < samples.size() / 2 && errors_ms.size() < scheduled.size(); ++f) {
    if (std::abs(samples[2 * f]) <= 0.01F) {
      ++quiet;
      continue;
    }
    if (quiet >= static_cast<std::size_t>(kDeviceRate) / 10) {
      const double onset = frame0 + (static_cast<double>(f) - 1.0) / info.samplerate;
      errors_ms.push_back((onset - scheduled[errors_ms.size()]) * 1000.0);
    }
    quiet = 0;
  }
  std::printf(
      "paced start accuracy through PortAudioSink (ALSA file -> jack -> jackd dummy, "
      "PCM 'timed' -> ts_rec), output latency %.1f ms:\n",
      sink.output_latency_seconds() * 1000.0);
  for (std::size_t i = 0; i < errors_ms.size(); ++i) {
    std::printf("  start %2zu: onset - scheduled = %+7.2f ms\n", i + 1, errors_ms[i]);
  }
  if (errors_ms.size() != scheduled.size()) {
    std::printf("  found %zu onsets for %zu starts\n", errors_ms.size(), scheduled.size());
    return 1;
  }
  std::vector<double> sorted = errors_ms;
  std::sort(sorted.begin(), sorted.end());
  double worst = 0.0;
  for (const double e : sorted) {
    worst = std::max(worst, std::abs(e));
  }
  std::printf(
      "  median %+.2f ms, worst |error| %.2f ms, spread %.2f ms (target: median <= 20, "
      "worst <= 50)\n",
      sorted[sorted.size() / 2], worst, sorted.back() - sorted.front());
  return 0;
}

int device_loss(const std::string& device, double seconds) {
  using Clock = std::chrono::steady_clock;
  // One session for the whole run, as the daemon should hold: PortAudio 19.6 aborts in
  // Pa_Terminate (pa_jack.c assertion) once the JACK server it met at Pa_Initialize has died.
  const tb::PortAudioSession session;
  tb::Mixer mixer{kDeviceRate};
  tb::PortAudioSink sink;
  sink.open(device, kDeviceRate, kChannels, mixer);
  sink.start();
  const auto begin = Clock::now();
  auto since = [&begin] {
    return std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
  };
  std::printf("STARTED %s\n", device.c_str());
  std::fflush(stdout);
  while (since() < seconds * 1000.0) {
    std::this_thread::sleep_for(std::chrono::milliseconds{10});
    const auto fault = sink.poll_fault();
    if (!fault) {
      continue;
    }
    const double lost_at = since();
    std::printf("FAULT at %.0f ms after %lld frames: %s\n", lost_at,
                static_cast<long long>(sink.frames_played()), fault->message.c_str());
    std::fflush(stdout);
    sink.close();
    for (int attempt = 1;; ++attempt) {
      try {
        sink.open(device, kDeviceRate, kChannels, mixer);
        sink.start();
        std::printf("REOPENED at %.0f ms after %d attempts\n", since(), attempt);
        std::fflush(stdout);
        break;
      } catch (const std::exception& error) {
        if (since() > seconds * 1000.0) {
          std::printf("NOT REOPENED: %s\n", error.what());
          return 1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{100});
      }
    }
  }
  const std::int64_t frames = sink.frames_played();
  sink.close();
  std::printf("FRAMES %lld\n", static_cast<long long>(frames));
  std::fflush(stdout);
  // Not `return`: ~PortAudioSession's Pa_Terminate crashes in libjack (jack_deactivate on the
  // client of the server that died) once the JACK server has been restarted under PortAudio.
  std::_Exit(0);
}

long child_peak_rss_kib(const std::filesystem::path& path) {
  const pid_t child = fork();
  if (child == 0) {
    execl("/proc/self/exe", "audio_bench", "--stream", path.c_str(), nullptr);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "child streaming %s failed\n", path.c_str());
    return -1;
  }
  return usage.ru_maxrss;
}

// /proc/loadavg's first line (with its newline): the figures mean little on a busy machine.
std::string load_average() {
  std::ifstream file{"/proc/loadavg"};
  std::string line;
  std::getline(file, line);
  return line + "\n";
}

// The converters broadcast.yaml's resample_quality offers, in the order they are measured.
constexpr std::array kConverters{tb::Resampler::Quality::fastest, tb::Resampler::Quality::medium,
                                 tb::Resampler::Quality::best};

const char* libsamplerate_name(tb::Resampler::Quality quality) {
  switch (quality) {
    case tb::Resampler::Quality::fastest:
      return "SRC_SINC_FASTEST";
    case tb::Resampler::Quality::medium:
      return "SRC_SINC_MEDIUM_QUALITY";
    case tb::Resampler::Quality::best:
      return "SRC_SINC_BEST_QUALITY";
  }
  return "?";
}

std::optional<tb::Resampler::Quality> converter_named(std::string_view name) {
  for (const auto quality : kConverters) {
    if (tb::Resampler::name(quality) == name) return quality;
  }
  return std::nullopt;
}

struct CpuFigure {
  double audio_seconds = 0.0;
  double cpu_seconds = 0.0;  // the least of the runs
  double worst_cpu_seconds = 0.0;
  [[nodiscard]] double percent() const { return 100.0 * cpu_seconds / audio_seconds; }
  [[nodiscard]] double per_hour() const { return 3600.0 * cpu_seconds / audio_seconds; }
};

CpuFigure measure_cpu(const std::filesystem::path& path, tb::Resampler::Quality quality, int runs) {
  CpuFigure figure;
  for (int run = 0; run < runs; ++run) {
    const double before = cpu_seconds();
    const std::int64_t frames = play_programme(path, -3.0, quality);
    const double cpu = cpu_seconds() - before;
    figure.audio_seconds = static_cast<double>(frames) / kDeviceRate;
    figure.cpu_seconds = run == 0 ? cpu : std::min(figure.cpu_seconds, cpu);
    figure.worst_cpu_seconds = std::max(figure.worst_cpu_seconds, cpu);
  }
  return figure;
}

}  // namespace

int main(int argc, char** argv) {
  double cpu_minutes = 10.0;
  int runs = 3;
  std::vector<int> rates{44100, 48000};
  std::vector<tb::Resampler::Quality> converters(kConverters.begin(), kConverters.end());
  bool cpu_only = false;
  double rss_short = 1.0;
  double rss_long = 30.0;
  std::filesystem::path dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--stream" && i + 1 < argc) {
      play_programme(argv[i + 1], 0.0, tb::Resampler::kDefaultQuality);
      return 0;
    }
    if (arg == "--device-loss" && i + 2 < argc) {
      return device_loss(argv[i + 1], std::atof(argv[i + 2]));
    }
    if (arg == "--paced-start" && i + 1 < argc) {
      const int count = std::atoi(argv[i + 1]);
      std::string pattern =
          (std::filesystem::temp_directory_path() / "audio_bench-XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr) {
        return 1;
      }
      const int result = paced_start(count, pattern);
      std::filesystem::remove_all(pattern);
      return result;
    }
    if (arg == "--cpu-minutes" && i + 1 < argc) {
      cpu_minutes = std::atof(argv[++i]);
    } else if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--converter" && i + 1 < argc) {
      const auto quality = converter_named(argv[++i]);
      if (!quality) {
        std::fprintf(stderr, "--converter takes fastest, medium or best\n");
        return 2;
      }
      converters = {*quality};
    } else if (arg == "--rates" && i + 1 < argc) {
      rates.clear();
      int first = 0;
      int second = 0;
      const int count = std::sscanf(argv[++i], "%d,%d", &first, &second);
      if (count >= 1) rates.push_back(first);
      if (count == 2) rates.push_back(second);
      if (rates.empty()) {
        std::fprintf(stderr, "--rates takes R1[,R2]\n");
        return 2;
      }
    } else if (arg == "--cpu-only") {
      cpu_only = true;
    } else if (arg == "--rss-minutes" && i + 1 < argc) {
      if (std::sscanf(argv[++i], "%lf,%lf", &rss_short, &rss_long) != 2) {
        std::fprintf(stderr, "--rss-minutes takes A,B\n");
        return 2;
      }
    } else if (arg == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: audio_bench [--cpu-minutes N] [--runs R] [--rss-minutes A,B] "
                   "[--dir DIR] [--converter fastest|medium|best] [--rates R1[,R2]] "
                   "[--cpu-only] | --paced-start N\n");
      return 2;
    }
  }
  bool remove_dir = false;
  if (dir.empty()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "audio_bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      return 1;
    }
    dir = pattern;
    remove_dir = true;
  }

  std::printf(
      "audio_bench: one stereo zone at %d Hz, blocks of %zu frames, pool of %zu; CPU: least of "
      "%d runs; load average %s",
      kDeviceRate, kBlockFrames, kPoolBlocks, runs, load_average().c_str());
  for (const int rate : rates) {
    const auto path = dir / ("programme-" + std::to_string(rate) + ".wav");
    write_programme(path, rate, cpu_minutes);
    // A source at the device rate has no converter: one measurement.
    const std::vector<tb::Resampler::Quality> used =
        rate == kDeviceRate ? std::vector{tb::Resampler::kDefaultQuality} : converters;
    for (const auto quality : used) {
      const CpuFigure cpu = measure_cpu(path, quality, runs);
      const bool is_default = quality == tb::Resampler::kDefaultQuality;
      const std::string converter =
          rate == kDeviceRate ? "none (same rate)"
                              : std::string{tb::Resampler::name(quality)} + " (" +
                                    libsamplerate_name(quality) + (is_default ? ", default)" : ")");
      std::printf(
          "cpu  %5d Hz source -> 48 kHz, converter %-36s %.1f s of audio in %.3f s CPU "
          "(worst run %.3f s) = %.3f %% of one core (%.1f CPU s per hour of playback; "
          "target <= 1 %%)\n",
          rate, (converter + ":").c_str(), cpu.audio_seconds, cpu.cpu_seconds,
          cpu.worst_cpu_seconds, cpu.percent(), cpu.per_hour());
      if (is_default) {
        std::printf(
            "FIGURE\tCPU for one stereo 48 kHz zone, %.1f kHz source (decode, %sgain, mix)\t"
            "%.2f %% of a core = %.0f CPU s per hour\t<= 1 %% of a core\t%s\n",
            rate / 1000.0,
            rate == kDeviceRate
                ? ""
                : ("resample " + std::string{tb::Resampler::name(quality)} + ", ").c_str(),
            cpu.percent(), cpu.per_hour(), cpu.percent() <= 1.0 ? "pass" : "MISS");
      }
    }
    if (!cpu_only) {
      const double loudness_before = cpu_seconds();
      const tb::Loudness loudness = tb::measure_loudness(path);
      const double loudness_cpu = cpu_seconds() - loudness_before;
      const double audio = cpu_minutes * 60.0;
      std::printf(
          "     one-off loudness measurement (EBU R128 + true peak): %.3f s CPU = %.1f CPU s per "
          "hour of audio, once per file (%.1f LUFS, %.1f dBTP)\n",
          loudness_cpu, 3600.0 * loudness_cpu / audio, loudness.integrated_lufs,
          loudness.true_peak_dbtp);
    }
    std::filesystem::remove(path);
  }
  if (cpu_only) {
    if (remove_dir) std::filesystem::remove_all(dir);
    return 0;
  }

  long rss[2] = {0, 0};
  const double minutes[2] = {rss_short, rss_long};
  for (int i = 0; i < 2; ++i) {
    const auto path = dir / ("rss-" + std::to_string(i) + ".wav");
    write_programme(path, 44100, minutes[i]);
    rss[i] = child_peak_rss_kib(path);
    std::printf("rss  streaming a %.0f-minute 44.1 kHz stereo file (%.0f MB): peak RSS %ld KiB\n",
                minutes[i], static_cast<double>(std::filesystem::file_size(path)) / 1e6, rss[i]);
    std::filesystem::remove(path);
  }
  std::printf("rss  growth from %.0f to %.0f minutes: %+ld KiB (target: none)\n", rss_short,
              rss_long, rss[1] - rss[0]);
  // Flat: the longer file may cost at most 1 MiB more (allocator noise), not its length.
  std::printf(
      "FIGURE\tpeak resident memory streaming a %.0f-minute vs a %.0f-minute file\t%.1f MB vs "
      "%.1f MB (%+ld KiB)\tflat (growth <= 1 MiB)\t%s\n",
      rss_short, rss_long, static_cast<double>(rss[0]) / 1024.0,
      static_cast<double>(rss[1]) / 1024.0, rss[1] - rss[0],
      rss[0] > 0 && rss[1] - rss[0] <= 1024 ? "pass" : "MISS");
  if (remove_dir) {
    std::filesystem::remove_all(dir);
  }
  return 0;
}
