#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace tinxa::cli {

// `tinxa report --month YYYY-MM [--config DIR] [--out DIR]`: the commune's monthly report: a
// readable summary on standard output (broadcasts and minutes per zone and category, outcomes,
// kiosk usage) and the month's as-run log as CSV in DIR (default: the current folder).
class ReportCommand {
 public:
  explicit ReportCommand(CLI::App& parent);

  [[nodiscard]] int run() const;
  [[nodiscard]] bool chosen() const { return m_command->parsed(); }

 private:
  CLI::App* m_command;
  std::string m_config;
  std::string m_month;
  std::string m_out = ".";
};

}  // namespace tinxa::cli
