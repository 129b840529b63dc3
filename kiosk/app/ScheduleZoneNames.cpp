#include "kiosk/app/ScheduleZoneNames.hpp"

#include "broadcast/schedule/ScheduleReader.hpp"
#include "config/reader/Diagnostics.hpp"

#include <system_error>
#include <utility>

namespace tinxa::kiosk::app {

ScheduleZoneNames::ScheduleZoneNames(std::filesystem::path schedule_file, std::ostream& log)
    : m_file(std::move(schedule_file)), m_log(log) {}

std::map<std::string, std::string> ScheduleZoneNames::names() {
  std::error_code ec;
  const auto size = std::filesystem::file_size(m_file, ec);
  const auto mtime =
      ec ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(m_file, ec);
  if (ec) {
    if (!m_looked || m_size != 0 || m_mtime != std::filesystem::file_time_type{}) {
      m_log << "tinxa-kiosk: không đọc được lịch phát, cụm loa hiện theo mã / schedule not read, "
               "zones are shown by id: "
            << m_file.string() << ": " << ec.message() << '\n';
    }
    m_looked = true;
    m_size = 0;
    m_mtime = {};
    return m_names;
  }
  if (m_looked && size == m_size && mtime == m_mtime) return m_names;
  m_looked = true;
  m_size = size;
  m_mtime = mtime;
  config::Diagnostics diagnostics;
  const auto schedule = broadcast::load_schedule(m_file, m_file.string(), diagnostics);
  if (!schedule) {
    m_log << "tinxa-kiosk: không đọc được lịch phát, giữ tên cụm loa cũ / schedule not read, the "
             "zone names read before stay: "
          << m_file.string() << '\n';
    return m_names;
  }
  if (diagnostics.has_errors()) {
    m_log << "tinxa-kiosk: lịch phát có " << diagnostics.error_count()
          << " lỗi, cụm loa có lỗi hiện theo mã / the schedule has errors, zones with errors are "
             "shown by id (tinxa check): "
          << m_file.string() << '\n';
  }
  m_names.clear();
  for (const auto& zone : schedule->zones) {
    if (!zone.name.empty()) m_names.emplace(zone.id, zone.name);
  }
  return m_names;
}

}  // namespace tinxa::kiosk::app
