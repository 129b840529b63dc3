#include "broadcast/report/MonthlyReport.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "content/time/Date.hpp"

namespace tinxa::broadcast {

namespace {

bool sounded(content::AsRunOutcome outcome) {
  using content::AsRunOutcome;
  return outcome == AsRunOutcome::played || outcome == AsRunOutcome::resumed ||
         outcome == AsRunOutcome::preempted || outcome == AsRunOutcome::interrupted;
}

std::string minutes(std::chrono::milliseconds aired) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(aired).count();
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string local_time(const content::TimeZone& zone, content::TimePoint t) {
  const auto local = zone.to_local(t);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
  const auto s = local.time_of_day.count();
  return fmt::format("{} {:02}:{:02}:{:02}.{:03}", content::format_iso(local.date), s / 3600,
                     s / 60 % 60, s % 60, ms < 0 ? ms + 1000 : ms);
}

}  // namespace

std::chrono::year_month_day first_day(std::chrono::year_month month) {
  return month / std::chrono::day{1};
}

std::chrono::year_month_day last_day(std::chrono::year_month month) {
  return std::chrono::year_month_day{month / std::chrono::last};
}

MonthlyReport build_monthly_report(std::chrono::year_month month,
                                   const std::vector<content::AsRunRecord>& records,
                                   std::vector<content::UsageCount> usage) {
  MonthlyReport report;
  report.month = month;
  report.usage = std::move(usage);
  for (const auto& r : records) {
    ++report.by_outcome[std::string(content::to_string(r.outcome))];
    if (!sounded(r.outcome)) continue;
    if (r.priority == "emergency") ++report.emergencies;
    std::chrono::milliseconds aired{0};
    if (r.started && r.ended && *r.ended > *r.started)
      aired = std::chrono::duration_cast<std::chrono::milliseconds>(*r.ended - *r.started);
    for (const auto& zone : r.zones) {
      ++report.by_zone[zone].broadcasts;
      report.by_zone[zone].aired += aired;
    }
    ++report.by_category[r.category].broadcasts;
    report.by_category[r.category].aired += aired;
  }
  return report;
}

std::string format_summary(const MonthlyReport& report) {
  std::string out = fmt::format("Báo cáo tháng / monthly report {:02}/{}\n",
                                static_cast<unsigned>(report.month.month()),
                                static_cast<int>(report.month.year()));
  out += "\nĐài truyền thanh / loudspeakers\n";
  out += "  Theo cụm loa / by zone (lượt / broadcasts, phút:giây / min:s):\n";
  if (report.by_zone.empty()) out += "    (không có / none)\n";
  for (const auto& [zone, air] : report.by_zone)
    out += fmt::format("    {:<24} {:>5}  {:>8}\n", zone, air.broadcasts, minutes(air.aired));
  out += "  Theo mục / by category:\n";
  if (report.by_category.empty()) out += "    (không có / none)\n";
  for (const auto& [category, air] : report.by_category)
    out += fmt::format("    {:<24} {:>5}  {:>8}\n", category.empty() ? "(khác / other)" : category,
                       air.broadcasts, minutes(air.aired));
  out += fmt::format("  Bản tin khẩn cấp / emergency broadcasts: {}\n", report.emergencies);
  out += "  Kết quả / outcomes:";
  for (const auto& [outcome, count] : report.by_outcome)
    out += fmt::format(" {}={}", outcome, count);
  out += report.by_outcome.empty() ? " (không có / none)\n" : "\n";

  out += "\nĐiểm thông tin / kiosk\n";
  std::map<std::string, std::map<std::string, std::int64_t>> totals;
  for (const auto& c : report.usage)
    totals[std::string(content::to_string(c.kind))][c.subject] += c.count;
  const auto section = [&](std::string_view kind, std::string_view title, std::size_t top) {
    const auto it = totals.find(std::string(kind));
    std::int64_t sum = 0;
    std::vector<std::pair<std::int64_t, std::string>> ranked;
    if (it != totals.end())
      for (const auto& [subject, count] : it->second) {
        sum += count;
        ranked.emplace_back(-count, subject);
      }
    std::sort(ranked.begin(), ranked.end());
    out += fmt::format("  {}: {}\n", title, sum);
    for (std::size_t i = 0; i < ranked.size() && i < top; ++i)
      if (!ranked[i].second.empty())
        out += fmt::format("    {:<32} {:>5}\n", ranked[i].second, -ranked[i].first);
  };
  section("page_view", "Lượt xem trang / page views", 10);
  section("listen", "Lượt nghe / listens", 10);
  section("search_no_result", "Tìm không thấy / searches without a result", 10);
  section("self_check_done", "Tự đánh giá hoàn thành / self-checks completed", 0);
  return out;
}

void write_as_run_csv(std::ostream& out, const std::vector<content::AsRunRecord>& records,
                      const content::TimeZone& zone) {
  out << "scheduled,started,ended,slot,item,title,category,priority,zones,outcome,detail\r\n";
  for (const auto& r : records) {
    std::string zones;
    for (const auto& z : r.zones) zones += (zones.empty() ? "" : " ") + z;
    out << csv_field(local_time(zone, r.scheduled)) << ','
        << (r.started ? csv_field(local_time(zone, *r.started)) : "") << ','
        << (r.ended ? csv_field(local_time(zone, *r.ended)) : "") << ',' << csv_field(r.slot_id)
        << ',' << csv_field(r.item_id) << ',' << csv_field(r.item_title) << ','
        << csv_field(r.category) << ',' << csv_field(r.priority) << ',' << csv_field(zones) << ','
        << content::to_string(r.outcome) << ',' << csv_field(r.detail) << "\r\n";
  }
}

}  // namespace tinxa::broadcast
