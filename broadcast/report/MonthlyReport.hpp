#pragma once

// The commune's periodic report: what the loudspeakers broadcast in a month (from the as-run log)
// and how residents used the kiosk (from the usage counts), as the figures a commune sends up and
// as CSV for a spreadsheet. Pure functions over already-read records; no I/O but the CSV writer.

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "content/store/AsRunLog.hpp"
#include "content/store/UsageCounts.hpp"
#include "content/time/TimeZone.hpp"

namespace tinxa::broadcast {

struct AirTime {
  std::int64_t broadcasts = 0;         // occurrences that sounded (played, resumed, preempted)
  std::chrono::milliseconds aired{0};  // time on air, started to ended
};

struct MonthlyReport {
  std::chrono::year_month month;
  std::map<std::string, AirTime> by_zone;          // zone id -> air time
  std::map<std::string, AirTime> by_category;      // category id ("" = none) -> air time
  std::map<std::string, std::int64_t> by_outcome;  // outcome word -> occurrences
  std::int64_t emergencies = 0;
  std::vector<content::UsageCount> usage;  // the kiosk's counts for the month
};

// The month's first and last local days.
[[nodiscard]] std::chrono::year_month_day first_day(std::chrono::year_month month);
[[nodiscard]] std::chrono::year_month_day last_day(std::chrono::year_month month);

// Sums `records` (those scheduled in the month) and keeps `usage`. Each record's air time counts
// once per zone it played in, and once for its category.
[[nodiscard]] MonthlyReport build_monthly_report(std::chrono::year_month month,
                                                 const std::vector<content::AsRunRecord>& records,
                                                 std::vector<content::UsageCount> usage);

// The readable summary, Vietnamese and English, ending with a newline.
[[nodiscard]] std::string format_summary(const MonthlyReport& report);

// One CSV row per as-run record (RFC 4180 quoting, UTF-8, local times in `zone`), with a header.
void write_as_run_csv(std::ostream& out, const std::vector<content::AsRunRecord>& records,
                      const content::TimeZone& zone);

}  // namespace tinxa::broadcast
