// ts_rec: records raw S16_LE from stdin to OUT.wav and writes OUT.wav.tme, whose first line is
// the CLOCK_REALTIME of frame 0 estimated as min over reads of (read time - frames so far / rate):
// the read that waited least in buffers. Used behind ALSA's `file "|ts_rec ..."` PCM (the
// shared headless recipe 1(a')) by paced_start.sh.
//
//   ts_rec OUT.wav RATE CHANNELS < raw_s16le

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <sndfile.h>

namespace {

double wall_now() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: ts_rec OUT.wav RATE CHANNELS < raw_s16le\n");
    return 2;
  }
  const std::string out = argv[1];
  const int rate = std::atoi(argv[2]);
  const int channels = std::atoi(argv[3]);
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = channels;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> file{sf_open(out.c_str(), SFM_WRITE, &info),
                                                         &sf_close};
  if (!file) {
    std::fprintf(stderr, "ts_rec: %s: %s\n", out.c_str(), sf_strerror(nullptr));
    return 1;
  }
  const std::size_t frame_bytes = 2 * static_cast<std::size_t>(channels);
  std::vector<char> bytes(1 << 16);
  std::vector<short> samples(bytes.size() / 2);
  std::size_t pending = 0;
  long long frames = 0;
  double anchor = 1e300;
  for (;;) {
    const ssize_t n = read(0, bytes.data() + pending, bytes.size() - pending);
    if (n <= 0) {
      break;
    }
    const double now = wall_now();
    const std::size_t have = pending + static_cast<std::size_t>(n);
    const std::size_t whole = have / frame_bytes;
    std::memcpy(samples.data(), bytes.data(), whole * frame_bytes);
    sf_writef_short(file.get(), samples.data(), static_cast<sf_count_t>(whole));
    frames += static_cast<long long>(whole);
    anchor = std::min(anchor, now - static_cast<double>(frames) / rate);
    pending = have - whole * frame_bytes;
    std::memmove(bytes.data(), bytes.data() + whole * frame_bytes, pending);
  }
  if (FILE* tme = std::fopen((out + ".tme").c_str(), "w")) {
    std::fprintf(tme, "%.6f\n# frame-0 estimate; frames=%lld\n", anchor, frames);
    std::fclose(tme);
  }
  return 0;
}
