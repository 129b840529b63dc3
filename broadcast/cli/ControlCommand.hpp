#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace tinxa::cli {

// The operator's commands that talk to a running tinxa-broadcastd over its control socket
// (broadcast/control): one instance per command word.
//
//   tinxa status [--raw]                       the zones, what plays, the devices, what is next
//   tinxa play ITEM [ZONE...]                  a playlist or announcement now (class priority)
//   tinxa alert ITEM [ZONE...] [--repeat N]    an emergency now, every zone unless named
//   tinxa stop [ZONE...]   tinxa skip [ZONE...]
//   tinxa reload                               read the schedule again (applied only when valid)
//   tinxa live INPUT ZONE... [--for DURATION]  go live from an input device
// Each takes --config DIR (the socket is broadcast.control_socket there; default settings
// without it) or --socket PATH. Output is bilingual; --raw prints the protocol's "key: value"
// fields as they came (for scripts).
// Exit status: 0 done; 1 the daemon refused or failed (its reason is printed); 2 usage or bad
// settings; 3 the daemon cannot be reached (the socket path is named).
class ControlCommand {
 public:
  // `name` is a command of the control protocol's table.
  ControlCommand(CLI::App& parent, const std::string& name);

  [[nodiscard]] int run() const;
  [[nodiscard]] bool chosen() const { return m_command->parsed(); }

 private:
  CLI::App* m_command;
  std::string m_name;
  std::string m_config;
  std::string m_socket;
  std::vector<std::string> m_arguments;
  int m_repeat = 0;
  std::string m_for;
  bool m_raw = false;
};

}  // namespace tinxa::cli
