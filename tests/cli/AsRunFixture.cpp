// make_as_run_fixture DIR: writes a small installation for the `tinxa log` and `tinxa report`
// tests: DIR/site.yaml (data_dir: DIR/data) and an as-run log and kiosk usage counts in
// DIR/data, as the broadcaster and the kiosk would have left them in November 2026.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "content/store/AsRunLog.hpp"
#include "content/store/StoreFiles.hpp"
#include "content/store/UsageCounts.hpp"

int main(int argc, char** argv) {
  using namespace std::chrono;
  using namespace std::chrono_literals;
  using tinxa::content::AsRunOutcome;
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_as_run_fixture DIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "data");
  std::ofstream(dir / "site.yaml") << "time_zone: Asia/Ho_Chi_Minh\ndata_dir: data\n";

  auto db = tinxa::content::Database::open(tinxa::content::as_run_path(dir / "data"));
  tinxa::content::AsRunLog log(db);
  // 06:30 and 17:00 local (UTC+7) on 27 and 28 November 2026.
  const auto day27 = sys_days{year{2026} / 11 / 27};
  struct Entry {
    sys_time<milliseconds> scheduled;
    const char* key;
    const char* title;
    const char* category;
    const char* priority;
    AsRunOutcome outcome;
    milliseconds late, length;
    const char* detail;
  };
  const Entry entries[] = {
      {day27 - 30min, "sang@2026-11-27T06:30", "Bản tin buổi sáng", "ra-soat", "normal",
       AsRunOutcome::played, 12ms, 95'000ms, ""},
      {day27 + 10h, "chieu@2026-11-27T17:00", "Bản tin buổi chiều", "chung-tay", "normal",
       AsRunOutcome::preempted, 9ms, 40'000ms, "khẩn cấp / emergency: bao-so-3"},
      {day27 + 10h + 40s, "alert@2026-11-27T17:00:40", "Cảnh báo bão", "", "emergency",
       AsRunOutcome::played, 3ms, 30'000ms, ""},
      {day27 + 1440min - 30min, "sang@2026-11-28T06:30", "Bản tin buổi sáng", "ra-soat", "normal",
       AsRunOutcome::skipped_file, 0ms, 0ms, "media/audio/ra-soat.ogg: no such file"},
  };
  for (const auto& e : entries) {
    tinxa::content::AsRunRecord r;
    r.occurrence_key = e.key;
    r.slot_id = e.key;
    r.item_id = "ban-tin";
    r.item_title = e.title;
    r.category = e.category;
    r.priority = e.priority;
    r.zones = {"thon-1", "thon-2"};
    r.scheduled = e.scheduled;
    if (e.length > 0ms) {
      r.started = e.scheduled + e.late;
      r.ended = *r.started + e.length;
    }
    r.outcome = e.outcome;
    r.detail = e.detail;
    log.append(r);
  }

  auto usage_db = tinxa::content::Database::open(tinxa::content::usage_path(dir / "data"));
  tinxa::content::UsageCounts usage(usage_db);
  for (int i = 0; i < 3; ++i)
    usage.add(year{2026} / 11 / 27, tinxa::content::UsageKind::page_view, "bao-hiem-y-te");
  usage.add(year{2026} / 11 / 28, tinxa::content::UsageKind::search_no_result, "tien dien");
  usage.add(year{2026} / 11 / 28, tinxa::content::UsageKind::self_check_done);
  std::printf("wrote %s\n", dir.c_str());
  return 0;
}
