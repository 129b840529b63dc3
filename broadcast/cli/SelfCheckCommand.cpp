#include "broadcast/cli/SelfCheckCommand.hpp"

#include "broadcast/cli/SettingsOption.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "config/reader/Document.hpp"
#include "config/reader/Scalars.hpp"
#include "content/eligibility/AnswersReader.hpp"
#include "content/eligibility/Eligibility.hpp"
#include "content/eligibility/ResultFormat.hpp"
#include "content/eligibility/StandardReader.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/Date.hpp"
#include "content/time/TimeZone.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace tinxa::cli {

namespace {

// Prints every diagnostic to standard error; true when one of them is an error.
bool print_problems(config::Diagnostics& diagnostics) {
  diagnostics.sort();
  for (const auto& d : diagnostics.items()) fmt::print(stderr, "{}", config::format_diagnostic(d));
  return diagnostics.has_errors();
}

}  // namespace

SelfCheckCommand::SelfCheckCommand(CLI::App& parent)
    : m_command(parent.add_subcommand(
          "self-check",
          "Tự kiểm tra hộ nghèo, cận nghèo (tham khảo) / indicative poor or near-poor self-check "
          "from a YAML file of answers")) {
  m_command
      ->add_option("--answers", m_answers,
                   "Tệp câu trả lời / answers file (YAML; see content/README.md)")
      ->required()
      ->check(CLI::ExistingFile);
  m_command->add_option(
      "--date", m_date,
      "Tính theo chuẩn áp dụng ngày / use the standard in force on (YYYY-MM-DD); default: today");
  m_command->add_flag("--json", m_json, "In kết quả dạng JSON / print the result as JSON");
  m_command->add_option("--config", m_config, "Thư mục cấu hình / settings folder (site.province)")
      ->check(CLI::ExistingDirectory);
  m_command->add_option("--content", m_content,
                        "Thư mục gói nội dung / content bundle folder; default: site.content_dir");
}

int SelfCheckCommand::run() const {
  const auto settings = load_settings_option(m_config);
  if (!settings) return 1;

  std::chrono::year_month_day date{};
  if (m_date.empty()) {
    date =
        content::TimeZone::load(settings->site.time_zone).local_date(content::SystemClock{}.now());
  } else {
    const auto parsed = config::parse_iso_date(m_date);
    if (!parsed) {
      fmt::print(stderr,
                 "tinxa self-check: --date: \"{}\" không phải ngày YYYY-MM-DD / is not a date "
                 "written YYYY-MM-DD\n",
                 m_date);
      return 2;
    }
    date = *parsed;
  }

  const std::filesystem::path content_folder =
      m_content.empty() ? settings->site.content_dir : std::filesystem::path(m_content);
  content::LoadResult bundle = content::load_bundle(content_folder);
  if (print_problems(bundle.diagnostics)) {
    fmt::print(stderr,
               "tinxa self-check: gói nội dung có lỗi (tinxa check) / the bundle has errors "
               "(tinxa check)\n");
    return 1;
  }
  std::vector<std::string> page_ids;
  for (const auto& page : bundle.bundle.pages) page_ids.push_back(page.id);
  content::StandardsLoadResult standards = content::load_standards(content_folder, page_ids);
  if (print_problems(standards.diagnostics)) return 1;

  const std::string& province = settings->site.province;
  const content::StandardChoice choice =
      content::select_standards(standards.standards, date, province);
  if (choice.candidates.empty()) {
    fmt::print(stderr,
               "tinxa self-check: không có chuẩn nghèo nào áp dụng ngày {} trong {}/standards / "
               "no standard in {}/standards applies on {}\n",
               content::format_vi(date), content_folder.generic_string(),
               content_folder.generic_string(), content::format_iso(date));
    return 1;
  }

  config::Diagnostics diagnostics;
  const auto document = config::Document::load(m_answers, m_answers, diagnostics);
  std::optional<content::AnswersFile> answers;
  if (document) answers = content::read_answers(document->root());
  if (answers && answers->positions.size() != 0) {
    // Both standards of an uncertain choice must understand the answers; report each id once.
    std::vector<std::string> checked;
    for (const auto& [standard, role] : choice.candidates) {
      const auto& dims_owner =
          standard->dimensions_from.empty() ? standard->id : standard->dimensions_from;
      if (std::find(checked.begin(), checked.end(), dims_owner) != checked.end()) continue;
      checked.push_back(dims_owner);
      content::check_answers(*answers, *standard, standards.standards, diagnostics);
    }
  }
  if (print_problems(diagnostics) || !answers) {
    fmt::print(stderr,
               "tinxa self-check: sửa tệp câu trả lời rồi chạy lại / fix the answers file and run "
               "again\n");
    return 1;
  }

  const content::EligibilityResult result =
      content::evaluate(choice, answers->answers, date, province);
  fmt::print("{}", m_json ? content::format_result_json(result, &bundle.bundle)
                          : content::format_result_text(result, &bundle.bundle));
  std::fflush(stdout);
  return 0;
}

}  // namespace tinxa::cli
