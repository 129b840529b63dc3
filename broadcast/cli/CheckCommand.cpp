#include "broadcast/cli/CheckCommand.hpp"

#include "config/reader/Scalars.hpp"
#include "content/check/CheckReport.hpp"
#include "content/time/Clock.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

namespace tinxa::cli {

CheckCommand::CheckCommand(CLI::App& parent)
    : m_command(parent.add_subcommand(
          "check",
          "Kiểm tra cấu hình và nội dung / check settings and content (every problem with "
          "file:line:column)")) {
  m_command
      ->add_option("--config", m_config,
                   "Thư mục cấu hình / settings folder (site.yaml, kiosk.yaml, broadcast.yaml); "
                   "default: built-in defaults")
      ->check(CLI::ExistingDirectory);
  m_command->add_option("--content", m_content,
                        "Thư mục gói nội dung / content bundle folder; default: site.content_dir");
  m_command->add_option(
      "--date", m_date,
      "Kiểm tra như vào ngày / check as of this date (YYYY-MM-DD); default: today");
}

int CheckCommand::run() const {
  content::CheckRequest request;
  if (!m_config.empty()) request.config_folder = m_config;
  if (!m_content.empty()) request.content_folder = m_content;

  std::unique_ptr<content::Clock> clock;
  if (m_date.empty()) {
    clock = std::make_unique<content::SystemClock>();
  } else {
    const auto date = config::parse_iso_date(m_date);
    if (!date) {
      fmt::print(stderr,
                 "tinxa check: --date: \"{}\" không phải ngày YYYY-MM-DD / is not a date "
                 "written YYYY-MM-DD\n",
                 m_date);
      return 2;
    }
    // Noon UTC falls on the same calendar day in every zone within ±11 hours of UTC.
    clock = std::make_unique<content::VirtualClock>(std::chrono::sys_days{*date} +
                                                    std::chrono::hours{12});
  }
  const content::CheckReport report = content::check_installation(request, *clock);
  fmt::print("{}", content::format_report(report));
  std::fflush(stdout);
  return report.ok() ? 0 : 1;
}

}  // namespace tinxa::cli
