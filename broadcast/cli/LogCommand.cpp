#include "broadcast/cli/LogCommand.hpp"

#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "broadcast/cli/SettingsOption.hpp"
#include "config/reader/Scalars.hpp"
#include "content/store/AsRunLog.hpp"
#include "content/store/StoreFiles.hpp"
#include "content/time/Date.hpp"
#include "content/time/TimeZone.hpp"

namespace tinxa::cli {

namespace {

std::string clock_time(const content::TimeZone& zone, content::TimePoint t) {
  const auto s = zone.to_local(t).time_of_day.count();
  return fmt::format("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
}

}  // namespace

LogCommand::LogCommand(CLI::App& parent)
    : m_command(parent.add_subcommand(
          "log", "Nhật ký phát sóng / the as-run log: what played, when, where, how it ended")) {
  m_command->add_option("--config", m_config, "Thư mục cấu hình / settings folder")
      ->check(CLI::ExistingDirectory);
  m_command->add_option("--from", m_from,
                        "Từ ngày / from this local date (YYYY-MM-DD); default: today");
  m_command->add_option("--days", m_days, "Số ngày / number of days (default 1)")
      ->check(CLI::Range(1, 366));
}

int LogCommand::run() const {
  const auto settings = load_settings_option(m_config);
  if (!settings) return 1;
  const auto zone = content::TimeZone::load(settings->site.time_zone);
  std::chrono::year_month_day from = zone.local_date(std::chrono::system_clock::now());
  if (!m_from.empty()) {
    const auto date = config::parse_iso_date(m_from);
    if (!date) {
      fmt::print(stderr,
                 "tinxa log: --from: \"{}\" không phải ngày YYYY-MM-DD / is not a date "
                 "written YYYY-MM-DD\n",
                 m_from);
      return 2;
    }
    from = *date;
  }
  const auto path = content::as_run_path(settings->site.data_dir);
  if (!std::filesystem::exists(path)) {
    fmt::print(stderr, "tinxa log: chưa có nhật ký phát sóng tại / there is no as-run log at {}\n",
               path.string());
    return 1;
  }
  content::Database database = content::Database::open_read_only(path);
  content::AsRunLog log(database);
  const auto begin = zone.start_of_day(from);
  const auto end = zone.start_of_day(std::chrono::sys_days{from} + std::chrono::days{m_days});
  const auto records = log.between(begin, end);
  fmt::print("{:<10} {:<8} {:>7} {:>8} {:<9} {:<14} {:<20} {}\n", "ngày/date", "giờ/due",
             "trễ/late", "dài/len", "ưu tiên", "kết quả", "cụm loa/zones", "nội dung/item");
  for (const auto& r : records) {
    std::string late = "-", length = "-";
    if (r.started)
      late = fmt::format(
          "{}ms",
          std::chrono::duration_cast<std::chrono::milliseconds>(*r.started - r.scheduled).count());
    if (r.started && r.ended) {
      const auto s =
          std::chrono::duration_cast<std::chrono::seconds>(*r.ended - *r.started).count();
      length = fmt::format("{}:{:02}", s / 60, s % 60);
    }
    std::string zones;
    for (const auto& z : r.zones) zones += (zones.empty() ? "" : ",") + z;
    fmt::print("{:<10} {:<8} {:>7} {:>8} {:<9} {:<14} {:<20} {}{}\n",
               content::format_vi(zone.local_date(r.scheduled)), clock_time(zone, r.scheduled),
               late, length, r.priority, content::to_string(r.outcome), zones, r.item_title,
               r.detail.empty() ? "" : " (" + r.detail + ")");
  }
  fmt::print("{} mục / entries\n", records.size());
  return 0;
}

}  // namespace tinxa::cli
