// tinxa-broadcastd: the loudspeaker daemon. `--config DIR` runs it in real time (Daemon.hpp:
// PortAudio, the control socket, systemd notification) until SIGTERM; `--simulate FROM TO` runs
// the real engine on a virtual clock instead, as fast as it can, writing the as-run log and, if
// asked, each zone's audio to WAV (Simulation.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "broadcast/daemon/Daemon.hpp"
#include "broadcast/daemon/Simulation.hpp"

int main(int argc, char** argv) {
  // Debian's PortAudio loads libjack, which must not try to start a JACK server of its own.
  ::setenv("JACK_NO_START_SERVER", "1", 0);
  try {
    CLI::App app{"tinxa-broadcastd: đài truyền thanh xã / the commune loudspeaker daemon"};
    std::string config;
    std::string content;
    std::vector<std::string> simulate;
    std::string off_air;
    bool record = false;
    int rate = 0;
    app.add_option("--config", config, "Thư mục cấu hình / settings folder")
        ->required()
        ->check(CLI::ExistingDirectory);
    app.add_option("--content", content,
                   "Thư mục gói nội dung / content bundle folder; default: site.content_dir");
    app.add_option("--simulate", simulate,
                   "Mô phỏng / run the engine on a virtual clock from FROM to TO "
                   "(YYYY-MM-DDTHH:MM local time), as fast as it can")
        ->expected(2);
    app.add_option(
        "--off-air", off_air,
        "--simulate: ghi âm thanh từng vùng / write each zone's audio to DIR/<zone>.wav");
    app.add_flag("--record", record,
                 "--simulate: ghi vào off_air của từng vùng / write each zone's audio to its "
                 "off_air path");
    app.add_option("--rate", rate, "--simulate: tần số mẫu / sample rate (default: settings)")
        ->check(CLI::Range(8000, 192000));
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const int status = app.exit(e);
      return status == 0 ? 0 : 2;
    }
    if (simulate.empty()) {
      if (!off_air.empty() || record || rate != 0) {
        fmt::print(stderr,
                   "tinxa-broadcastd: --off-air, --record và --rate chỉ dùng với --simulate / "
                   "--off-air, --record and --rate need --simulate\n");
        return 2;
      }
      tinxa::broadcast::DaemonRequest daemon;
      daemon.config_dir = config;
      if (!content.empty()) daemon.content_dir = content;
      return tinxa::broadcast::run_daemon(daemon);
    }
    tinxa::broadcast::SimulationRequest request;
    request.config_dir = config;
    if (!content.empty()) request.content_dir = content;
    request.from = simulate.at(0);
    request.to = simulate.at(1);
    if (!off_air.empty()) request.off_air_dir = off_air;
    request.record_off_air = record;
    if (rate != 0) request.sample_rate_hz = rate;
    return tinxa::broadcast::run_simulation(request, stdout);
  } catch (const std::exception& e) {
    fmt::print(stderr, "tinxa-broadcastd: lỗi / error: {}\n", e.what());
    return 3;
  }
}
