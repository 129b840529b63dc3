#include "broadcast/cli/AgendaCommand.hpp"

#include "broadcast/schedule/Agenda.hpp"
#include "broadcast/schedule/Expand.hpp"
#include "broadcast/schedule/ScheduleReader.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "config/reader/Scalars.hpp"
#include "config/reader/Suggest.hpp"
#include "config/settings/Settings.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/Date.hpp"
#include "content/time/TimeError.hpp"
#include "content/time/TimeZone.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace tinxa::cli {

namespace {

void print_problems(config::Diagnostics& diagnostics) {
  diagnostics.sort();
  for (const auto& d : diagnostics.items()) fmt::print(stderr, "{}", config::format_diagnostic(d));
  fmt::print(stderr,
             "tinxa agenda: {} lỗi; sửa rồi chạy lại (tinxa check) / {} errors; fix them and run "
             "again (tinxa check)\n",
             diagnostics.error_count(), diagnostics.error_count());
}

}  // namespace

AgendaCommand::AgendaCommand(CLI::App& parent)
    : m_command(parent.add_subcommand(
          "agenda", "Lịch phát sắp tới / what the loudspeakers will play, and when")) {
  m_command
      ->add_option("--config", m_config,
                   "Thư mục cấu hình / settings folder (site.yaml, broadcast.yaml, schedule.yaml); "
                   "default: built-in defaults and ./schedule.yaml")
      ->check(CLI::ExistingDirectory);
  m_command->add_option("--content", m_content,
                        "Thư mục gói nội dung / content bundle folder; default: site.content_dir");
  m_command->add_option("--from", m_from,
                        "Ngày đầu / first day (YYYY-MM-DD); default: today in the site's zone");
  m_command->add_option("--days", m_days, "Số ngày / number of days (1-366); default: 7")
      ->check(CLI::Range(1, 366));
  m_command->add_option("--zone", m_zone, "Chỉ vùng này / only what this zone hears (a zone id)");
  m_command->add_flag("--ics", m_ics,
                      "Xuất iCalendar (RFC 5545) / write iCalendar for calendar applications");
}

int AgendaCommand::run() const {
  config::Diagnostics diagnostics;
  const config::Settings settings =
      m_config.empty() ? config::default_settings() : config::load_settings(m_config, diagnostics);
  std::optional<content::TimeZone> zone;
  try {
    zone = content::TimeZone::load(settings.site.time_zone);
  } catch (const content::TimeError& e) {
    if (!diagnostics.has_errors()) {
      fmt::print(stderr, "tinxa agenda: lỗi / error: {}\n", e.what());
      return 1;
    }
  }

  const std::filesystem::path& schedule_file = settings.broadcast.schedule_file;
  std::error_code ec;
  if (!std::filesystem::exists(schedule_file, ec)) {
    fmt::print(stderr,
               "tinxa agenda: không có tệp lịch phát / no schedule file: {} (broadcast.yaml "
               "schedule_file; --config DIR)\n",
               schedule_file.string());
    return 1;
  }
  auto schedule = broadcast::load_schedule(schedule_file, schedule_file.string(), diagnostics);
  content::LoadResult loaded = content::load_bundle(
      m_content.empty() ? settings.site.content_dir : std::filesystem::path{m_content});
  if (schedule && loaded.ok()) broadcast::check_references(*schedule, loaded.bundle, diagnostics);
  diagnostics.merge(std::move(loaded.diagnostics));
  if (diagnostics.has_errors() || !schedule || !zone) {
    print_problems(diagnostics);
    return 1;
  }

  std::chrono::year_month_day first{};
  if (m_from.empty()) {
    first = zone->local_date(content::SystemClock{}.now());
  } else if (const auto date = config::parse_iso_date(m_from)) {
    first = *date;
  } else {
    fmt::print(stderr,
               "tinxa agenda: --from: \"{}\" không phải ngày YYYY-MM-DD / is not a date written "
               "YYYY-MM-DD\n",
               m_from);
    return 2;
  }
  if (!m_zone.empty() && schedule->find_zone(m_zone) == nullptr) {
    std::vector<std::string> ids;
    for (const auto& z : schedule->zones) ids.push_back(z.id);
    const auto guess = config::closest_match(m_zone, ids);
    fmt::print(stderr, "tinxa agenda: --zone: không có vùng / no zone \"{}\"{}\n", m_zone,
               guess.empty() ? std::string{}
                             : fmt::format(" (có phải ý bạn là / did you mean \"{}\"?)", guess));
    return 2;
  }
  const std::chrono::year_month_day end{std::chrono::sys_days{first} + std::chrono::days{m_days}};
  auto occurrences =
      broadcast::expand(*schedule, *zone, zone->start_of_day(first), zone->start_of_day(end));
  if (!m_zone.empty())
    std::erase_if(occurrences, [&](const broadcast::Occurrence& o) {
      return std::find(o.zones.begin(), o.zones.end(), m_zone) == o.zones.end();
    });
  const auto entries = broadcast::build_agenda(std::move(occurrences), loaded.bundle);

  if (m_ics) {
    fmt::print("{}", broadcast::format_icalendar(entries, content::SystemClock{}.now()));
  } else {
    const std::chrono::year_month_day last{std::chrono::sys_days{end} - std::chrono::days{1}};
    std::string heading =
        fmt::format("Lịch phát / agenda: {} – {} ({} ngày / days), {}", content::format_vi(first),
                    content::format_vi(last), m_days, zone->name());
    if (!m_zone.empty()) heading += fmt::format(", vùng / zone {}", m_zone);
    fmt::print("{}", broadcast::format_agenda(entries, heading));
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace tinxa::cli
