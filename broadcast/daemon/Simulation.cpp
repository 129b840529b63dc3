#include "broadcast/daemon/Simulation.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "broadcast/audio/ToneSource.hpp"
#include "broadcast/daemon/ResampleQuality.hpp"
#include "broadcast/daemon/Simulator.hpp"
#include "broadcast/engine/Engine.hpp"
#include "broadcast/schedule/Expand.hpp"
#include "broadcast/schedule/ScheduleReader.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "config/reader/Scalars.hpp"
#include "config/settings/Settings.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/store/AsRunLog.hpp"
#include "content/store/StoreFiles.hpp"
#include "content/time/TimeZone.hpp"

namespace tinxa::broadcast {

namespace {

std::optional<content::LocalDateTime> parse_local(const std::string& text) {
  if (text.size() < 16 || text[10] != 'T') return std::nullopt;
  const auto date = config::parse_iso_date(text.substr(0, 10));
  const auto time = config::parse_time_of_day(text.substr(11));
  if (!date || !time) return std::nullopt;
  return content::LocalDateTime{*date, std::chrono::hours{time->hour} +
                                           std::chrono::minutes{time->minute} +
                                           std::chrono::seconds{time->second}};
}

// Prints every diagnostic; true when one of them stops the run. Media problems do not: their
// items are skipped when they fall due, as the real-time daemon does.
bool report(config::Diagnostics& diagnostics) {
  diagnostics.sort();
  for (const auto& d : diagnostics.items()) fmt::print(stderr, "{}", config::format_diagnostic(d));
  if (diagnostics.media_error_count() != 0)
    fmt::print(stderr,
               "tinxa-broadcastd: {} tệp âm thanh hoặc ảnh thiếu hay hỏng; các mục đó sẽ bị bỏ qua "
               "/ {} media problems; those items are skipped (tinxa check)\n",
               diagnostics.media_error_count(), diagnostics.media_error_count());
  if (!diagnostics.has_structural_errors()) return false;
  fmt::print(stderr,
             "tinxa-broadcastd: {} lỗi; sửa rồi chạy lại (tinxa check) / {} errors; fix them and "
             "run again (tinxa check)\n",
             diagnostics.error_count(), diagnostics.error_count());
  return true;
}

}  // namespace

int run_simulation(const SimulationRequest& request, std::FILE* out) {
  config::Diagnostics diagnostics;
  const config::Settings settings = config::load_settings(request.config_dir, diagnostics);
  if (report(diagnostics)) return 1;
  const auto zone = content::TimeZone::load(settings.site.time_zone);

  const auto from_local = parse_local(request.from);
  const auto to_local = parse_local(request.to);
  if (!from_local || !to_local) {
    fmt::print(stderr,
               "tinxa-broadcastd: --simulate: \"{}\" \"{}\": viết YYYY-MM-DDTHH:MM / write "
               "YYYY-MM-DDTHH:MM (local time)\n",
               request.from, request.to);
    return 2;
  }
  const auto from = zone.from_local(*from_local);
  const auto to = zone.from_local(*to_local);
  if (to <= from) {
    fmt::print(stderr, "tinxa-broadcastd: --simulate: TO must be after FROM\n");
    return 2;
  }

  content::LoadResult loaded =
      content::load_bundle(request.content_dir.value_or(settings.site.content_dir));
  const bool bundle_bad = report(loaded.diagnostics);
  if (bundle_bad) return 1;
  const auto& schedule_file = settings.broadcast.schedule_file;
  auto schedule =
      load_checked_schedule(schedule_file, schedule_file.string(), loaded.bundle, diagnostics);
  if (report(diagnostics) || !schedule) return 1;

  std::filesystem::create_directories(settings.site.data_dir);
  content::Database database =
      content::Database::open(content::as_run_path(settings.site.data_dir));
  content::AsRunLog log{database};
  content::VirtualClock clock{from};
  auto cache = std::make_unique<LoudnessCache>(
      content::Database::open(settings.site.data_dir / "loudness.sqlite"));

  EngineOptions options;
  options.sample_rate_hz = request.sample_rate_hz.value_or(settings.broadcast.sample_rate_hz);
  options.target_lufs = settings.broadcast.loudness_target_lufs;
  options.catch_up_grace = settings.broadcast.catch_up_grace;
  options.silence_fallback = settings.broadcast.silence_fallback;
  options.silence_threshold_dbfs = settings.broadcast.silence_threshold_dbfs;
  options.resample_quality = resampler_quality(settings.broadcast.resample_quality);
  Engine engine{clock, log, *schedule, loaded.bundle, options, cache.get()};
  // No input device in a simulation: a quiet 440 Hz tone stands in for every relayed input.
  engine.set_live_sources([](const std::string&, int rate) -> std::unique_ptr<LiveSource> {
    ToneSource::Options tone;
    tone.sample_rate_hz = rate;
    tone.frequency_hz = 440.0;
    tone.amplitude = 0.1F;
    return std::make_unique<ToneSource>(tone);
  });
  engine.schedule(expand(*schedule, zone, from, to));
  const auto already = engine.stats().already_logged;

  const auto started = std::chrono::steady_clock::now();
  std::map<std::string, std::filesystem::path> wavs;
  {
    Simulator simulator{engine, clock, from,
                        [&](const Zone& z) -> std::optional<std::filesystem::path> {
                          std::optional<std::filesystem::path> path;
                          if (request.off_air_dir)
                            path = *request.off_air_dir / (z.id + ".wav");
                          else if (request.record_off_air && z.off_air)
                            path = *z.off_air;
                          if (path) wavs[z.id] = *path;
                          return path;
                        }};
    simulator.run_until(to);
    if (!simulator.drain(to + std::chrono::hours{6})) engine.shutdown();
  }
  const auto wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  const auto simulated = std::chrono::duration<double>(clock.now() - from);

  const auto& stats = engine.stats();
  fmt::print(out, "Mô phỏng / simulated {} – {} ({}), {} Hz\n", request.from, request.to,
             zone.name(), options.sample_rate_hz);
  fmt::print(out, "  phát / fired: {}, đã có trong nhật ký / already logged: {}\n", stats.fired,
             already);
  fmt::print(out, "  bỏ qua tệp / skipped files: {}, bản ghi mới / new as-run records: {}\n",
             stats.skipped_files, stats.records);
  for (const auto& [id, path] : wavs) fmt::print(out, "  vùng / zone {}: {}\n", id, path.string());
  fmt::print(out, "  nhật ký / as-run log: {}\n",
             content::as_run_path(settings.site.data_dir).string());
  fmt::print(out, "  {:.0f} s mô phỏng trong / simulated in {:.2f} s ({:.0f}x)\n",
             simulated.count(), wall.count(),
             wall.count() > 0 ? simulated.count() / wall.count() : 0.0);
  return 0;
}

}  // namespace tinxa::broadcast
