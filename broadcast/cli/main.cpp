// tinxa: the command-line tool for operators and editors, in the way git or systemctl work.
#include "broadcast/cli/AgendaCommand.hpp"
#include "broadcast/cli/CheckCommand.hpp"
#include "broadcast/cli/ControlCommand.hpp"
#include "broadcast/cli/LogCommand.hpp"
#include "broadcast/cli/NarrateCommand.hpp"
#include "broadcast/cli/ReportCommand.hpp"
#include "broadcast/cli/SelfCheckCommand.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <memory>
#include <vector>

int main(int argc, char** argv) {
  try {
    CLI::App app{
        "tinxa: đài truyền thanh xã và điểm thông tin điện tử công cộng / "
        "commune loudspeakers and public information kiosk"};
    app.require_subcommand(1);
    tinxa::cli::CheckCommand check(app);
    tinxa::cli::AgendaCommand agenda(app);
    tinxa::cli::LogCommand log(app);
    tinxa::cli::ReportCommand report(app);
    tinxa::cli::NarrateCommand narrate(app);
    tinxa::cli::SelfCheckCommand self_check(app);
    // The operator's commands to a running tinxa-broadcastd, in the control protocol's order.
    std::vector<std::unique_ptr<tinxa::cli::ControlCommand>> control;
    for (const char* name : {"status", "play", "alert", "stop", "skip", "live", "reload"})
      control.push_back(std::make_unique<tinxa::cli::ControlCommand>(app, name));
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const int status = app.exit(e);
      return status == 0 ? 0 : 2;
    }
    if (check.chosen()) return check.run();
    if (agenda.chosen()) return agenda.run();
    if (log.chosen()) return log.run();
    if (report.chosen()) return report.run();
    if (narrate.chosen()) return narrate.run();
    if (self_check.chosen()) return self_check.run();
    for (const auto& command : control)
      if (command->chosen()) return command->run();
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "tinxa: lỗi / error: {}\n", e.what());
    return 3;
  }
}
