#include "kiosk/app/UsageRecorder.hpp"

#include "content/store/StoreFiles.hpp"

#include <chrono>
#include <exception>
#include <system_error>
#include <utility>

namespace tinxa::kiosk::app {

UsageRecorder::UsageRecorder(std::filesystem::path data_dir, const content::Clock& clock,
                             const content::TimeZone& zone, Log log)
    : m_data_dir(std::move(data_dir)), m_clock(clock), m_zone(zone), m_log(std::move(log)) {
  (void)try_open();
}

bool UsageRecorder::try_open() {
  if (m_counts) return true;
  const std::string dir = m_data_dir.string();
  std::string reason;
  std::error_code ec;
  if (m_data_dir.empty()) {
    reason =
        "không đếm lượt dùng: site.yaml không có data_dir / usage not counted: site.yaml has no "
        "data_dir";
  } else if (!std::filesystem::exists(m_data_dir, ec)) {
    reason = "không đếm lượt dùng: chưa có thư mục dữ liệu " + dir +
             " (site.yaml data_dir); deploy/install.sh tạo thư mục này / usage not counted: the "
             "data folder " +
             dir + " (site.yaml data_dir) does not exist; deploy/install.sh creates it";
  } else if (!std::filesystem::is_directory(m_data_dir, ec)) {
    reason = "không đếm lượt dùng: " + dir + " (site.yaml data_dir) không phải thư mục / " +
             "usage not counted: " + dir + " (site.yaml data_dir) is not a folder";
  } else {
    const std::string file = content::usage_path(m_data_dir).string();
    try {
      m_database.emplace(content::Database::open(content::usage_path(m_data_dir)));
      m_counts.emplace(*m_database);
    } catch (const std::exception& e) {
      m_counts.reset();
      m_database.reset();
      reason = "không đếm lượt dùng: không mở được " + file +
               " (người dùng của kiosk có quyền ghi vào " + dir +
               " không?) / usage not counted: " + "cannot open " + file +
               " (may the kiosk's user write in " + dir + "?): " + e.what();
    }
  }
  if (m_counts) {
    if (!m_off_reason.empty() && m_log) {
      m_log("đã bật đếm lượt dùng vào " + content::usage_path(m_data_dir).string() +
            " / usage now counted in " + content::usage_path(m_data_dir).string());
    }
    m_off_reason.clear();
    return true;
  }
  // Logged once per reason: a count that cannot be saved must not flood the journal.
  if (reason != m_off_reason && m_log) m_log(reason);
  m_off_reason = std::move(reason);
  return false;
}

void UsageRecorder::record(ui::UsageEvent event, const std::string& subject) {
  if (!try_open()) return;
  const auto day = m_zone.to_local(m_clock.now()).date;
  switch (event) {
    case ui::UsageEvent::page_view:
      m_counts->add(day, content::UsageKind::page_view, subject);
      break;
    case ui::UsageEvent::search_no_result:
      m_counts->add(day, content::UsageKind::search_no_result, subject);
      break;
    case ui::UsageEvent::listen:
      m_counts->add(day, content::UsageKind::listen, subject);
      break;
    case ui::UsageEvent::self_check_done:
      m_counts->add(day, content::UsageKind::self_check_done);
      break;
  }
}

ui::UsageSink UsageRecorder::sink() {
  return [this](ui::UsageEvent event, const std::string& subject) { record(event, subject); };
}

std::vector<std::string> UsageRecorder::admin_lines() {
  if (!try_open()) return {m_off_reason};
  try {
    const auto today = m_zone.to_local(m_clock.now()).date;
    const auto from =
        std::chrono::year_month_day{std::chrono::sys_days{today} - std::chrono::days{6}};
    long long views = 0;
    long long unanswered = 0;
    long long listens = 0;
    long long other = 0;
    for (const auto& c : m_counts->between(from, today)) {
      if (c.kind == content::UsageKind::page_view)
        views += c.count;
      else if (c.kind == content::UsageKind::search_no_result)
        unanswered += c.count;
      else if (c.kind == content::UsageKind::listen)
        listens += c.count;
      else
        other += c.count;
    }
    return {"7 ngày qua / last 7 days: " + std::to_string(views) +
            " lượt xem trang / page views, " + std::to_string(unanswered) +
            " tìm không thấy / searches without a result, " + std::to_string(listens) +
            " lượt nghe / listens, " + std::to_string(other) + " khác / other"};
  } catch (const std::exception& e) {
    return {std::string("không đọc được số lượt dùng / cannot read the usage counts: ") + e.what()};
  }
}

}  // namespace tinxa::kiosk::app
