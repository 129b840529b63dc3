#pragma once

#include "content/store/Database.hpp"
#include "content/store/UsageCounts.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/KioskUi.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::kiosk::app {

// The kiosk's anonymous usage counts: turns what KioskUi reports (a page opened, a search left
// without a result, a "Nghe" listen, a self-check completed) into content::UsageCounts rows in
// site.data_dir/usage.sqlite, on the resident's local day, and sums the last 7 days for the admin
// panel. Main thread only; the clock and zone must outlive it.
//
// The data folder is never created here: deploy/install.sh makes it, shared by two users (the
// broadcaster writes its as-run log there, the kiosk its counts, through the group tinxa and mode
// 0775), and a folder the kiosk made would belong to the kiosk's user alone. Without the folder,
// or when the database cannot be opened, counting is off, the log gets one bilingual line, and the
// admin panel says why; each count and each opening of the panel tries again, so counting starts
// without a restart once the folder is fixed.
class UsageRecorder {
 public:
  // Where the operator's lines go (without the program's name); bilingual, vi first.
  using Log = std::function<void(const std::string& line)>;

  // Opens data_dir/usage.sqlite (created there if missing). Does not throw: failing, counting is
  // off (off_reason()).
  UsageRecorder(std::filesystem::path data_dir, const content::Clock& clock,
                const content::TimeZone& zone, Log log);
  UsageRecorder(const UsageRecorder&) = delete;
  UsageRecorder& operator=(const UsageRecorder&) = delete;

  [[nodiscard]] bool counting() const noexcept { return m_counts.has_value(); }
  // Why nothing is counted, "vi / en" (names the folder or file and what to do); empty while
  // counting.
  [[nodiscard]] const std::string& off_reason() const noexcept { return m_off_reason; }

  // Adds one to today's count of `event` for `subject` (the page or recording id, the folded
  // search text; ignored for a self-check). Counting off: tries to open the database again, and
  // drops the count if it still cannot. Throws content::SqliteError when the write fails
  // (KioskUi logs it and carries on).
  void record(ui::UsageEvent event, const std::string& subject);
  // record() as KioskUi's sink; this must outlive the UI it is given to.
  [[nodiscard]] ui::UsageSink sink();

  // The admin panel's usage lines: the last 7 days' totals, or why nothing is counted.
  [[nodiscard]] std::vector<std::string> admin_lines();

 private:
  // Opens the database if it is not open; true if it is.
  bool try_open();

  std::filesystem::path m_data_dir;
  const content::Clock& m_clock;
  const content::TimeZone& m_zone;
  Log m_log;
  std::optional<content::Database> m_database;
  std::optional<content::UsageCounts> m_counts;  // set: counting (refers to m_database)
  std::string m_off_reason;
};

}  // namespace tinxa::kiosk::app
