// tinxa-broadcastd: the loudspeaker daemon. For now only `--simulate FROM TO` (issue 3 item 9):
// the real engine on a virtual clock, as fast as it can, writing the as-run log and, if asked,
// each zone's audio to WAV. The real-time mode (PortAudio, control socket, systemd) is not built
// yet; without --simulate the program says so and exits with status 2.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "broadcast/daemon/Simulation.hpp"

int main(int argc, char** argv) {
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
      fmt::print(stderr,
                 "tinxa-broadcastd: chế độ thời gian thực chưa có; dùng --simulate FROM TO / the "
                 "real-time mode is not built yet (issue #3); use --simulate FROM TO\n");
      return 2;
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
