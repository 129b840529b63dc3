#include "broadcast/cli/ReportCommand.hpp"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "broadcast/cli/SettingsOption.hpp"
#include "broadcast/report/MonthlyReport.hpp"
#include "content/store/StoreFiles.hpp"
#include "content/time/TimeZone.hpp"

namespace tinxa::cli {

namespace {

// "2026-11" -> November 2026.
std::optional<std::chrono::year_month> parse_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int year = 0;
  unsigned month = 0;
  const auto y = std::from_chars(text.data(), text.data() + 4, year);
  const auto m = std::from_chars(text.data() + 5, text.data() + 7, month);
  if (y.ec != std::errc{} || y.ptr != text.data() + 4 || m.ec != std::errc{} ||
      m.ptr != text.data() + 7)
    return std::nullopt;
  const std::chrono::year_month ym{std::chrono::year{year}, std::chrono::month{month}};
  if (!ym.ok()) return std::nullopt;
  return ym;
}

}  // namespace

ReportCommand::ReportCommand(CLI::App& parent)
    : m_command(parent.add_subcommand(
          "report",
          "Báo cáo tháng / monthly report: broadcasts per zone and category, kiosk use, CSV")) {
  m_command->add_option("--month", m_month, "Tháng / month (YYYY-MM)")->required();
  m_command->add_option("--config", m_config, "Thư mục cấu hình / settings folder")
      ->check(CLI::ExistingDirectory);
  m_command->add_option("--out", m_out, "Thư mục ghi tệp CSV / folder for the CSV file")
      ->check(CLI::ExistingDirectory);
}

int ReportCommand::run() const {
  const auto month = parse_month(m_month);
  if (!month) {
    fmt::print(stderr,
               "tinxa report: --month: \"{}\" không phải tháng YYYY-MM / is not a month "
               "written YYYY-MM\n",
               m_month);
    return 2;
  }
  const auto settings = load_settings_option(m_config);
  if (!settings) return 1;
  const auto zone = content::TimeZone::load(settings->site.time_zone);
  const auto begin = zone.start_of_day(broadcast::first_day(*month));
  const auto end =
      zone.start_of_day(std::chrono::sys_days{broadcast::last_day(*month)} + std::chrono::days{1});

  std::vector<content::AsRunRecord> records;
  const auto as_run = content::as_run_path(settings->site.data_dir);
  if (std::filesystem::exists(as_run)) {
    content::Database database = content::Database::open_read_only(as_run);
    records = content::AsRunLog(database).between(begin, end);
  } else {
    fmt::print(stderr, "tinxa report: chưa có nhật ký phát sóng / no as-run log at {}\n",
               as_run.string());
  }
  std::vector<content::UsageCount> usage;
  const auto usage_file = content::usage_path(settings->site.data_dir);
  if (std::filesystem::exists(usage_file)) {
    content::Database database = content::Database::open(usage_file);
    usage = content::UsageCounts(database).between(broadcast::first_day(*month),
                                                   broadcast::last_day(*month));
  } else {
    fmt::print(stderr, "tinxa report: chưa có số liệu điểm thông tin / no kiosk usage at {}\n",
               usage_file.string());
  }

  const auto report = broadcast::build_monthly_report(*month, records, std::move(usage));
  fmt::print("{}", broadcast::format_summary(report));
  const auto csv = std::filesystem::path(m_out) / fmt::format("as-run-{}.csv", m_month);
  std::ofstream out(csv, std::ios::binary);
  broadcast::write_as_run_csv(out, records, zone);
  out.close();
  if (!out) {
    fmt::print(stderr, "tinxa report: không ghi được / cannot write {}\n", csv.string());
    return 1;
  }
  fmt::print("\nĐã ghi / written: {} ({} dòng / rows)\n", csv.string(), records.size());
  return 0;
}

}  // namespace tinxa::cli
