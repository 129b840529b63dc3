#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace tinxa::cli {

// `tinxa narrate [--config DIR] [--content DIR] [--voice V] [--speed WPM]`: pre-renders, with
// espeak-ng, a narration for every page (in each of its languages) that has no recording, so the
// kiosk's "Nghe" button works on every page, and one for every question of the self-check (the
// household questions and each indicator's question of every standard, in Vietnamese, under
// content::question_narration_key(), e.g. "question.quoc-gia-2022-2026.viec-lam.vi"). Run it when
// content is published; unchanged pages are not rendered again, and narrations no page uses any
// more are deleted. Narrations go to <data_dir>/narration/<bundle id>/ (see narration_folder()).
class NarrateCommand {
 public:
  explicit NarrateCommand(CLI::App& parent);

  [[nodiscard]] int run() const;
  [[nodiscard]] bool chosen() const { return m_command->parsed(); }

 private:
  CLI::App* m_command;
  std::string m_config;
  std::string m_content;
  std::string m_voice = "vi";
  int m_speed = 140;
};

}  // namespace tinxa::cli
