#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace tinxa::cli {

// `tinxa log [--config DIR] [--from YYYY-MM-DD] [--days N]`: the as-run log, one line per
// occurrence, in the site's local time: when it was due, how late it started (ms), how long it
// played, where, at which priority, and how it ended. Exit status 0, or 1 when there is no log.
class LogCommand {
 public:
  explicit LogCommand(CLI::App& parent);

  [[nodiscard]] int run() const;
  [[nodiscard]] bool chosen() const { return m_command->parsed(); }

 private:
  CLI::App* m_command;
  std::string m_config;
  std::string m_from;
  int m_days = 1;
};

}  // namespace tinxa::cli
