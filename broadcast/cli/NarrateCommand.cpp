#include "broadcast/cli/NarrateCommand.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "broadcast/cli/SettingsOption.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "content/eligibility/HouseholdQuestions.hpp"
#include "content/eligibility/StandardReader.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/speech/Narrator.hpp"
#include "content/speech/SpokenText.hpp"

namespace tinxa::cli {

NarrateCommand::NarrateCommand(CLI::App& parent)
    : m_command(parent.add_subcommand(
          "narrate",
          "Tạo giọng đọc cho các trang chưa có ghi âm / pre-render narrations for "
          "pages without a recording (espeak-ng)")) {
  m_command->add_option("--config", m_config, "Thư mục cấu hình / settings folder")
      ->check(CLI::ExistingDirectory);
  m_command->add_option("--content", m_content,
                        "Thư mục gói nội dung / content bundle folder; default: site.content_dir");
  m_command->add_option("--voice", m_voice,
                        "Giọng espeak-ng cho tiếng Việt / espeak-ng voice for Vietnamese: vi, "
                        "vi-vn-x-central, vi-vn-x-south");
  m_command->add_option("--speed", m_speed, "Tốc độ (từ/phút) / words per minute")
      ->check(CLI::Range(80, 260));
}

int NarrateCommand::run() const {
  const auto settings = load_settings_option(m_config);
  if (!settings) return 1;
  const std::filesystem::path folder =
      m_content.empty() ? settings->site.content_dir : std::filesystem::path(m_content);
  const content::LoadResult loaded = content::load_bundle(folder);
  // Media problems (a missing or unreadable file) do not stop the kiosk, so they do not stop its
  // narrations either: a page whose recording is unavailable gets a synthetic voice meanwhile.
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics.items())
      fmt::print(stderr, "{}", config::format_diagnostic(d));
  }
  if (!loaded.usable()) {
    fmt::print(stderr,
               "tinxa narrate: sửa nội dung trước (tinxa check) / fix the content first "
               "(tinxa check)\n");
    return 1;
  }
  const content::Bundle& bundle = loaded.bundle;
  // The self-check's questions: the household ones and every indicator's, of every standard.
  std::vector<std::string> page_ids;
  for (const auto& page : bundle.pages) page_ids.push_back(page.id);
  content::StandardsLoadResult standards = content::load_standards(folder, page_ids);
  if (!standards.ok()) {
    standards.diagnostics.sort();
    for (const auto& d : standards.diagnostics.items())
      fmt::print(stderr, "{}", config::format_diagnostic(d));
    fmt::print(stderr,
               "tinxa narrate: sửa chuẩn nghèo trước (tinxa check) / fix the standards first "
               "(tinxa check)\n");
    return 1;
  }
  std::vector<std::pair<std::string, std::string>> questions;  // key, text
  // A bundle without standards has no self-check, so no household questions either.
  if (!standards.standards.empty()) {
    auto household = content::household_questions();
    household.push_back(content::income_bands_question());
    for (const auto& q : household) {
      questions.emplace_back(
          content::question_narration_key(content::kHouseholdQuestionOwner, q.id, "vi"),
          q.text.get("vi"));
    }
  }
  for (const auto& standard : standards.standards) {
    if (!standard.dimensions_from.empty()) continue;  // its questions are its source's
    for (const auto& dimension : standard.dimensions) {
      for (const auto& indicator : dimension.indicators) {
        questions.emplace_back(
            content::question_narration_key(content::question_owner(standard), indicator.id, "vi"),
            indicator.question.text.get("vi"));
      }
    }
  }
  const auto out = content::narration_folder(settings->site.data_dir, bundle.info.id);
  std::vector<std::filesystem::path> used;
  int rendered = 0, kept = 0;
  try {
    for (const auto& page : bundle.pages) {
      if (page.narration && page.narration->available()) continue;  // a recording beats it
      for (const auto& language : page.languages) {
        const content::Voice voice{language == "vi" ? m_voice : language, m_speed};
        const content::NarrationCache cache(out, voice);
        const std::string key = content::narration_key(page.id, language);
        const std::string text = content::spoken_text(page, language);
        used.push_back(cache.path_for(key, text));
        if (cache.ensure(key, text)) {
          ++rendered;
          fmt::print("  {} ({})\n", page.id, language);
        } else {
          ++kept;
        }
      }
    }
    const content::NarrationCache cache(out, content::Voice{m_voice, m_speed});
    for (const auto& [key, text] : questions) {
      used.push_back(cache.path_for(key, text));
      if (cache.ensure(key, text)) {
        ++rendered;
        fmt::print("  {}\n", key);
      } else {
        ++kept;
      }
    }
  } catch (const content::NarrationError& e) {
    fmt::print(stderr, "tinxa narrate: {}\n", e.what());
    return 1;
  }
  const std::size_t removed = content::NarrationCache(out, {}).prune(used);
  fmt::print(
      "Giọng đọc / narrations in {}: {} mới / new, {} giữ nguyên / unchanged, {} đã xoá / "
      "removed\n",
      out.string(), rendered, kept, removed);
  return 0;
}

}  // namespace tinxa::cli
