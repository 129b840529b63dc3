#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace tinxa::cli {

// `tinxa self-check --answers FILE [--date YYYY-MM-DD] [--json] [--config DIR] [--content DIR]`:
// runs the eligibility engine (content/eligibility) on a YAML file of a household's answers, with
// the standards of the content bundle that apply on the date in the site's province, and prints
// the indicative result in Vietnamese and English, or as JSON. Exit status 0 with a result; 1
// when the settings, the bundle, its standards or the answers have an error (each printed with
// file:line:column to standard error), or no standard applies on the date; 2 for a usage error.
class SelfCheckCommand {
 public:
  explicit SelfCheckCommand(CLI::App& parent);

  // Runs the command if it was chosen; returns its exit status. Reads files only.
  [[nodiscard]] int run() const;
  [[nodiscard]] bool chosen() const { return m_command->parsed(); }

 private:
  CLI::App* m_command;
  std::string m_answers;
  std::string m_date;
  std::string m_config;
  std::string m_content;
  bool m_json = false;
};

}  // namespace tinxa::cli
