// jack_rec: records what reaches the JACK graph, with wall-clock timestamps, for
// broadcast_bench.sh. Registers the client "jrec" with two input ports (in_1, in_2); the ALSA
// PCM "out" of alsa/asound-jack-rec.conf sends every player's audio there (tinxa's PortAudio
// stream and the naive timer's aplay alike), so every onset is timed at the same point: the JACK
// cycle in which the dummy driver takes the samples, where a sound card's driver would take them.
//
//   jack_rec OUT.wav      (until SIGTERM or SIGINT; then writes OUT.wav.tme)
//
// OUT.wav.tme's first line is the CLOCK_REALTIME of frame 0, estimated as the minimum over
// process cycles of (wall time at the cycle's start - frames recorded before it / rate): the cycle
// whose callback woke up least late. The process callback only copies into a lock-free JACK ring
// buffer; the main thread writes the file.

#include <jack/jack.h>
#include <jack/ringbuffer.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <sndfile.h>

namespace {

constexpr int kChannels = 2;
constexpr std::size_t kRingSeconds = 8;

std::atomic<bool> g_stop{false};

void on_signal(int /*signal*/) { g_stop.store(true); }

double wall_now() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct Cycle {
  long long frames;  // frames recorded before this cycle
  double wall;       // CLOCK_REALTIME when its process callback began
};

struct Recorder {
  jack_port_t* ports[kChannels] = {nullptr, nullptr};
  jack_ringbuffer_t* ring = nullptr;
  jack_ringbuffer_t* cycles = nullptr;
  double rate = 48000.0;
  long long frames = 0;  // process thread only
  std::atomic<double> anchor{1e300};
  std::atomic<long long> dropped{0};
  std::vector<float> interleaved;  // sized before activation
};

int process(jack_nframes_t frames, void* arg) {
  auto& rec = *static_cast<Recorder*>(arg);
  const double now = wall_now();
  const double estimate = now - static_cast<double>(rec.frames) / rec.rate;
  if (estimate < rec.anchor.load(std::memory_order_relaxed)) {
    rec.anchor.store(estimate, std::memory_order_relaxed);
  }
  const Cycle cycle{rec.frames, now};
  if (jack_ringbuffer_write_space(rec.cycles) >= sizeof cycle) {
    jack_ringbuffer_write(rec.cycles, reinterpret_cast<const char*>(&cycle), sizeof cycle);
  }
  const float* in[kChannels];
  for (int c = 0; c < kChannels; ++c) {
    in[c] = static_cast<const float*>(jack_port_get_buffer(rec.ports[c], frames));
  }
  const std::size_t count = std::min<std::size_t>(frames, rec.interleaved.size() / kChannels);
  for (std::size_t f = 0; f < count; ++f) {
    for (int c = 0; c < kChannels; ++c) {
      rec.interleaved[f * kChannels + static_cast<std::size_t>(c)] = in[c][f];
    }
  }
  const std::size_t bytes = count * kChannels * sizeof(float);
  if (jack_ringbuffer_write_space(rec.ring) >= bytes) {
    jack_ringbuffer_write(rec.ring, reinterpret_cast<const char*>(rec.interleaved.data()), bytes);
  } else {
    rec.dropped.fetch_add(static_cast<long long>(count), std::memory_order_relaxed);
  }
  rec.frames += static_cast<long long>(frames);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: jack_rec OUT.wav\n");
    return 2;
  }
  const std::string out = argv[1];
  jack_client_t* client = jack_client_open("jrec", JackNoStartServer, nullptr);
  if (client == nullptr) {
    std::fprintf(stderr, "jack_rec: no JACK server\n");
    return 1;
  }
  Recorder rec;
  rec.rate = jack_get_sample_rate(client);
  rec.interleaved.resize(static_cast<std::size_t>(jack_get_buffer_size(client)) * kChannels * 4);
  rec.ring = jack_ringbuffer_create(kRingSeconds * static_cast<std::size_t>(rec.rate) * kChannels *
                                    sizeof(float));
  rec.cycles = jack_ringbuffer_create(1 << 20);
  using Ring = std::unique_ptr<jack_ringbuffer_t, void (*)(jack_ringbuffer_t*)>;
  const Ring free_ring{rec.ring, &jack_ringbuffer_free};
  const Ring free_cycles{rec.cycles, &jack_ringbuffer_free};
  for (int c = 0; c < kChannels; ++c) {
    const std::string name = "in_" + std::to_string(c + 1);
    rec.ports[c] =
        jack_port_register(client, name.c_str(), JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
  }
  SF_INFO info{};
  info.samplerate = static_cast<int>(rec.rate);
  info.channels = kChannels;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(out.c_str(), SFM_WRITE, &info),
                                                         &sf_close};
  if (!file || rec.ports[0] == nullptr || rec.ports[1] == nullptr) {
    std::fprintf(stderr, "jack_rec: cannot record to %s\n", out.c_str());
    return 1;
  }
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  jack_set_process_callback(client, process, &rec);
  if (jack_activate(client) != 0) {
    std::fprintf(stderr, "jack_rec: cannot activate\n");
    return 1;
  }
  FILE* cycles = std::fopen((out + ".cycles").c_str(), "w");
  if (cycles == nullptr) {
    std::fprintf(stderr, "jack_rec: cannot write %s.cycles\n", out.c_str());
    return 1;
  }
  std::vector<float> chunk(static_cast<std::size_t>(rec.rate) * kChannels / 10);
  long long written = 0;
  auto drain = [&] {
    for (Cycle cycle{}; jack_ringbuffer_read_space(rec.cycles) >= sizeof cycle;) {
      jack_ringbuffer_read(rec.cycles, reinterpret_cast<char*>(&cycle), sizeof cycle);
      std::fprintf(cycles, "%lld %.6f\n", cycle.frames, cycle.wall);
    }
    for (;;) {
      const std::size_t bytes =
          std::min(jack_ringbuffer_read_space(rec.ring), chunk.size() * sizeof(float)) /
          (kChannels * sizeof(float)) * (kChannels * sizeof(float));
      if (bytes == 0) {
        return;
      }
      jack_ringbuffer_read(rec.ring, reinterpret_cast<char*>(chunk.data()), bytes);
      const auto frames = static_cast<sf_count_t>(bytes / (kChannels * sizeof(float)));
      sf_writef_float(file.get(), chunk.data(), frames);
      written += frames;
    }
  };
  while (!g_stop.load()) {
    drain();
    usleep(20000);
  }
  jack_deactivate(client);
  drain();
  jack_client_close(client);
  std::fclose(cycles);
  if (FILE* tme = std::fopen((out + ".tme").c_str(), "w")) {
    std::fprintf(tme, "%.6f\n# frame-0 estimate at the JACK cycle; frames=%lld dropped=%lld\n",
                 rec.anchor.load(), written, rec.dropped.load());
    std::fclose(tme);
  }
  return 0;
}
