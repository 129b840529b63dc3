#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace tinxa::cli {

// `tinxa check [--config DIR] [--content DIR] [--date YYYY-MM-DD]`: checks settings, content and
// the schedule (broadcast.schedule_file, skipped when absent and no --config is given)
// together and prints every problem and a summary. Exit status 0 when there is no error (warnings
// allowed), 1 when there is one.
class CheckCommand {
 public:
  explicit CheckCommand(CLI::App& parent);

  // Runs the command if it was chosen; returns its exit status.
  [[nodiscard]] int run() const;
  [[nodiscard]] bool chosen() const { return m_command->parsed(); }

 private:
  CLI::App* m_command;
  std::string m_config;
  std::string m_content;
  std::string m_date;
};

}  // namespace tinxa::cli
