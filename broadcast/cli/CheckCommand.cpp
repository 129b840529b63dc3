#include "broadcast/cli/CheckCommand.hpp"

#include "broadcast/schedule/Expand.hpp"
#include "broadcast/schedule/Overlaps.hpp"
#include "broadcast/schedule/ScheduleReader.hpp"
#include "config/reader/Scalars.hpp"
#include "config/settings/Settings.hpp"
#include "content/check/CheckReport.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeError.hpp"
#include "content/time/TimeZone.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

namespace tinxa::cli {

namespace {

constexpr int kPreviewDays = 7;

// Checks the schedule named by the settings together with the bundle the report checked, adding
// its problems to the report. Returns the summary lines to print before the result line (empty
// when there is no schedule to check: no file and no --config).
std::string check_schedule(const content::CheckRequest& request, content::CheckReport& report) {
  config::Diagnostics ignored;  // check_installation() has reported the settings' problems
  const config::Settings settings = request.config_folder
                                        ? config::load_settings(*request.config_folder, ignored)
                                        : config::default_settings();
  const std::filesystem::path& file = settings.broadcast.schedule_file;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    if (!request.config_folder) return {};
    report.diagnostics.warning(
        config::Position{file.string(), 0, 0}, "",
        config::Message{"không có tệp lịch phát: loa sẽ không phát gì theo lịch",
                        "there is no schedule file: nothing will be broadcast on schedule"},
        {},
        config::Message{"tạo tệp này (xem config/defaults/schedule.yaml)",
                        "create it (see config/defaults/schedule.yaml)"});
    return fmt::format("Lịch phát / schedule: không có / none ({})\n", file.string());
  }
  config::Diagnostics diagnostics;
  const auto schedule = broadcast::load_schedule(file, file.string(), diagnostics);
  std::string summary;
  if (schedule) {
    const content::LoadResult loaded = content::load_bundle(report.summary.content_folder);
    // A bundle with structural errors is partly loaded; its missing ids would only repeat its own
    // errors. Media problems keep every item, so its references are checked.
    if (loaded.usable()) broadcast::check_references(*schedule, loaded.bundle, diagnostics);
    summary = fmt::format(
        "Lịch phát / schedule: {}\n"
        "  Vùng loa / zones:               {}\n"
        "  Khung giờ / slots:              {}\n"
        "  Ngày nghỉ / exceptions:         {}\n",
        file.string(), schedule->zones.size(), schedule->slots.size(), schedule->exceptions.size());
    if (!diagnostics.has_errors()) {
      try {
        const auto zone = content::TimeZone::load(settings.site.time_zone);
        const auto today = report.summary.today;
        const std::chrono::year_month_day end{std::chrono::sys_days{today} +
                                              std::chrono::days{kPreviewDays}};
        auto occurrences =
            broadcast::expand(*schedule, zone, zone.start_of_day(today), zone.start_of_day(end));
        const auto count = occurrences.size();
        if (loaded.usable())  // same-class slots that would wait for each other: warnings
          broadcast::warn_overlaps(*schedule,
                                   broadcast::build_agenda(std::move(occurrences), loaded.bundle),
                                   diagnostics);
        summary += fmt::format(
            "  Lần phát trong {} ngày tới / broadcasts in the next {} days: {} (tinxa agenda)\n",
            kPreviewDays, kPreviewDays, count);
      } catch (const content::TimeError&) {
        // The settings reader has reported the unknown zone.
      }
    }
  }
  diagnostics.sort();
  report.diagnostics.merge(std::move(diagnostics));
  return summary;
}

// `report_text` with `lines` inserted before its last line (the result line).
std::string insert_before_result(std::string report_text, const std::string& lines) {
  if (lines.empty()) return report_text;
  const auto last = report_text.rfind('\n', report_text.size() >= 2 ? report_text.size() - 2 : 0);
  const auto at = last == std::string::npos ? 0 : last + 1;
  report_text.insert(at, lines);
  return report_text;
}

}  // namespace

CheckCommand::CheckCommand(CLI::App& parent)
    : m_command(parent.add_subcommand(
          "check",
          "Kiểm tra cấu hình và nội dung / check settings and content (every problem with "
          "file:line:column)")) {
  m_command
      ->add_option("--config", m_config,
                   "Thư mục cấu hình / settings folder (site.yaml, kiosk.yaml, broadcast.yaml, "
                   "schedule.yaml); default: built-in defaults, and ./schedule.yaml if present")
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
  content::CheckReport report = content::check_installation(request, *clock);
  const std::string schedule_summary = check_schedule(request, report);
  fmt::print("{}", insert_before_result(content::format_report(report), schedule_summary));
  std::fflush(stdout);
  return report.ok() ? 0 : 1;
}

}  // namespace tinxa::cli
