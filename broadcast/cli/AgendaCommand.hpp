#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace tinxa::cli {

// `tinxa agenda [--config DIR] [--content DIR] [--from YYYY-MM-DD] [--days N] [--zone Z] [--ics]`:
// what the schedule plays when, with titles and lengths from the content bundle, as a table or as
// RFC 5545 iCalendar for calendar applications. Exit status 0 on success, 1 when the settings,
// the schedule or the bundle has an error (printed to standard error), 2 on a usage error.
class AgendaCommand {
 public:
  explicit AgendaCommand(CLI::App& parent);

  // Runs the command if it was chosen; returns its exit status. Writes the agenda to standard
  // output and problems to standard error.
  [[nodiscard]] int run() const;
  [[nodiscard]] bool chosen() const { return m_command->parsed(); }

 private:
  CLI::App* m_command;
  std::string m_config;
  std::string m_content;
  std::string m_from;
  int m_days = 7;
  std::string m_zone;
  bool m_ics = false;
};

}  // namespace tinxa::cli
