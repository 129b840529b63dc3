#include "content/check/CheckReport.hpp"

#include "config/reader/DiagnosticFormat.hpp"
#include "content/eligibility/Eligibility.hpp"
#include "content/eligibility/StandardReader.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/Date.hpp"
#include "content/time/TimeError.hpp"
#include "content/time/TimeZone.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tinxa::content {

using config::Message;

namespace {

void check_pages(const Bundle& bundle, CheckSummary& summary, config::Diagnostics& diagnostics) {
  const auto today = summary.today;
  for (const auto& page : bundle.pages) {
    if (page.validity.contains(today)) {
      ++summary.pages_shown_today;
      if (page.validity.expires_within(today, summary.expiry_warning_days)) {
        const int left = *page.validity.days_left(today);
        summary.expiring.push_back(ExpiringPage{page.id, *page.validity.until, left});
        diagnostics.warning(page.valid_until_at, "valid_until",
                            Message{fmt::format("trang sẽ hết hạn sau {} ngày, vào {}", left,
                                                format_vi(*page.validity.until)),
                                    fmt::format("the page expires in {} days, on {}", left,
                                                format_iso(*page.validity.until))},
                            {},
                            Message{"cập nhật nội dung và valid_until, hoặc để trang hết hạn",
                                    "update the text and valid_until, or let the page expire"});
      }
    } else if (page.validity.until && *page.validity.until < today) {
      ++summary.pages_expired;
      diagnostics.warning(
          page.valid_until_at, "valid_until",
          Message{fmt::format("trang đã hết hạn từ {}; người dân không còn thấy trang này",
                              format_vi(*page.validity.until)),
                  fmt::format("the page expired on {}; residents no longer see it",
                              format_iso(*page.validity.until))});
    } else {
      ++summary.pages_not_yet_valid;
    }
  }
  std::sort(summary.expiring.begin(), summary.expiring.end(),
            [](const ExpiringPage& a, const ExpiringPage& b) { return a.days_left < b.days_left; });
}

// The household standards of the self-check (content/README.md, "standards/<id>.yaml"), checked
// against the bundle's pages; a bundle that has standards but none for today is warned about,
// since the kiosk's self-check would then have nothing to apply.
void check_standards(const CheckSummary& summary, const Bundle& bundle, const std::string& province,
                     config::Diagnostics& diagnostics) {
  std::vector<std::string> page_ids;
  for (const auto& page : bundle.pages) page_ids.push_back(page.id);
  StandardsLoadResult standards = load_standards(summary.content_folder, page_ids);
  if (standards.ok() && !standards.standards.empty() &&
      select_standards(standards.standards, summary.today, province).candidates.empty())
    diagnostics.warning(
        config::Position{(summary.content_folder / "standards").generic_string(), 0, 0}, {},
        Message{fmt::format("không có chuẩn nghèo quốc gia nào áp dụng ngày {}; kiosk không tự "
                            "kiểm tra được",
                            format_vi(summary.today)),
                fmt::format("no national standard applies on {}; the kiosk cannot run the "
                            "self-check",
                            format_iso(summary.today))},
        {},
        Message{"một tệp standards/<mã>.yaml có applies bao gồm ngày này",
                "a standards/<id>.yaml whose applies period includes this day"});
  diagnostics.merge(std::move(standards.diagnostics));
}

std::string minutes_and_seconds(std::chrono::milliseconds total) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(total).count();
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

}  // namespace

CheckReport check_installation(const CheckRequest& request, const Clock& clock) {
  CheckReport report;
  config::Settings settings =
      request.config_folder ? config::load_settings(*request.config_folder, report.diagnostics)
                            : config::default_settings();
  CheckSummary& summary = report.summary;
  summary.expiry_warning_days = settings.site.expiry_warning_days;
  summary.content_folder = request.content_folder.value_or(settings.site.content_dir);
  try {
    summary.today = TimeZone::load(settings.site.time_zone).local_date(clock.now());
  } catch (const TimeError& e) {
    // The settings reader has reported an unknown zone already; count days in UTC meanwhile.
    summary.today = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(clock.now())};
  }

  LoadResult loaded = load_bundle(summary.content_folder);
  const Bundle& bundle = loaded.bundle;
  summary.bundle_id = bundle.info.id;
  summary.bundle_version = bundle.info.version;
  summary.categories = bundle.categories.size();
  summary.pages = bundle.pages.size();
  summary.announcements = bundle.announcements.size();
  summary.playlists = bundle.playlists.size();
  summary.audio_total = bundle.total_audio();
  check_pages(bundle, summary, loaded.diagnostics);
  check_standards(summary, bundle, settings.site.province, loaded.diagnostics);
  loaded.diagnostics.sort();
  report.diagnostics.merge(std::move(loaded.diagnostics));
  return report;
}

std::string format_report(const CheckReport& report) {
  std::string out;
  for (const auto& d : report.diagnostics.items()) out += config::format_diagnostic(d);
  if (!out.empty()) out += '\n';
  const CheckSummary& s = report.summary;
  out += fmt::format("Gói nội dung / bundle: {} {} ({})\n", s.bundle_id.empty() ? "?" : s.bundle_id,
                     s.bundle_version, s.content_folder.generic_string());
  out += fmt::format("  Ngày kiểm tra / checked as of:  {}\n", format_vi(s.today));
  out += fmt::format("  Mục / categories:               {}\n", s.categories);
  out += fmt::format(
      "  Trang / pages:                  {} ({} hiển thị hôm nay / shown today, {} hết hạn / "
      "expired, {} chưa đến ngày / not yet valid)\n",
      s.pages, s.pages_shown_today, s.pages_expired, s.pages_not_yet_valid);
  out += fmt::format("  Thông báo / announcements:      {}\n", s.announcements);
  out += fmt::format("  Danh sách phát / playlists:     {}\n", s.playlists);
  out += fmt::format("  Tổng âm thanh / total audio:    {} (phút:giây / min:s)\n",
                     minutes_and_seconds(s.audio_total));
  out += fmt::format("  Sắp hết hạn trong {} ngày / expiring within {} days: {}\n",
                     s.expiry_warning_days, s.expiry_warning_days, s.expiring.size());
  for (const auto& e : s.expiring)
    out += fmt::format("    - {}: {} (còn {} ngày / {} days left)\n", e.id, format_vi(e.until),
                       e.days_left, e.days_left);
  out += fmt::format("Kết quả / result: {} lỗi/errors, {} cảnh báo/warnings\n",
                     report.diagnostics.error_count(), report.diagnostics.warning_count());
  return out;
}

}  // namespace tinxa::content
