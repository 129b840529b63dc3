#pragma once

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

namespace tinxa::kiosk::app {

// The loudspeaker zones' names as residents know them ("ap-2" -> "Ấp 2"), read from the
// broadcaster's schedule.yaml (broadcast.yaml's schedule_file) for "Nghe lại loa hôm nay". The
// file is read again only when its size or modification time changed. A file that is missing or
// cannot be read gives the last names read (none at first) and one line in `log` per change; a
// schedule with errors still gives the zones that were read well. Main thread only.
class ScheduleZoneNames {
 public:
  explicit ScheduleZoneNames(std::filesystem::path schedule_file, std::ostream& log = std::cerr);

  [[nodiscard]] std::map<std::string, std::string> names();

 private:
  std::filesystem::path m_file;
  std::ostream& m_log;
  std::uintmax_t m_size = 0;
  std::filesystem::file_time_type m_mtime{};
  bool m_looked = false;
  std::map<std::string, std::string> m_names;
};

}  // namespace tinxa::kiosk::app
