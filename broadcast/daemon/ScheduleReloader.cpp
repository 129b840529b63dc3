#include "broadcast/daemon/ScheduleReloader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "broadcast/schedule/Expand.hpp"
#include "broadcast/schedule/ScheduleReader.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "content/loader/BundleLoader.hpp"

namespace tinxa::broadcast {

namespace {

// One diagnostic as one line: the compiler-style header, then its details joined by "; ".
std::string one_line(const config::Diagnostic& d) {
  std::string text = config::format_diagnostic(d);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    auto line = text.substr(start, end - start);
    line.erase(0, line.find_first_not_of(' '));
    if (!line.empty()) out += (out.empty() ? "" : "; ") + line;
    start = end + 1;
  }
  return out;
}

}  // namespace

ScheduleReloader::ScheduleReloader(std::filesystem::path schedule_file,
                                   std::filesystem::path content_dir, content::TimeZone zone)
    : m_schedule_file{std::move(schedule_file)},
      m_content_dir{std::move(content_dir)},
      m_zone{std::move(zone)} {}

ScheduleReloader::FileTime ScheduleReloader::modified() const {
  std::error_code ec;
  const auto time = std::filesystem::last_write_time(m_schedule_file, ec);
  if (ec) return std::nullopt;
  return time;
}

bool ScheduleReloader::changed() const { return modified() != m_seen; }

bool ScheduleReloader::load_into(content::Bundle& bundle, std::optional<Schedule>& schedule,
                                 config::Diagnostics& diagnostics, std::size_t& media_problems) {
  m_seen = modified();
  content::LoadResult loaded = content::load_bundle(m_content_dir);
  // Media problems (a missing or broken recording) do not stop the bundle: the engine skips
  // those items when they fall due and logs why.
  const bool bundle_ok = loaded.usable();
  media_problems = loaded.diagnostics.media_error_count();
  loaded.diagnostics.sort();
  diagnostics.merge(std::move(loaded.diagnostics));
  if (!bundle_ok) return false;
  schedule =
      load_checked_schedule(m_schedule_file, m_schedule_file.string(), loaded.bundle, diagnostics);
  if (!schedule) return false;
  bundle = std::move(loaded.bundle);
  return true;
}

bool ScheduleReloader::load(config::Diagnostics& diagnostics) {
  std::optional<Schedule> schedule;
  if (!load_into(m_bundle, schedule, diagnostics, m_media_problems)) return false;
  m_schedule = std::move(*schedule);
  return true;
}

void ScheduleReloader::start(Engine& engine, content::TimePoint now) {
  m_until = now + kAhead;
  engine.schedule(expand(m_schedule, m_zone, now - kBehind, m_until));
}

void ScheduleReloader::extend(Engine& engine, content::TimePoint now) {
  if (m_until - now > kAhead / 2) return;
  const auto until = now + kAhead;
  engine.schedule(expand(m_schedule, m_zone, m_until, until));
  m_until = until;
}

ScheduleReloader::Outcome ScheduleReloader::reload(Engine& engine, content::TimePoint now) {
  Outcome outcome;
  config::Diagnostics diagnostics;
  content::Bundle bundle;
  std::optional<Schedule> schedule;
  std::size_t media_problems = 0;
  const bool ok = load_into(bundle, schedule, diagnostics, media_problems);
  for (const auto& d : diagnostics.items()) {
    if (d.severity == config::Severity::error)
      outcome.errors.push_back(one_line(d));
    else
      outcome.warnings.push_back(one_line(d));
  }
  if (!ok) {
    if (outcome.errors.empty())
      outcome.errors.push_back(
          fmt::format("{}: không đọc được / cannot be read", m_schedule_file.string()));
    outcome.slots = m_schedule.slots.size();
    return outcome;
  }
  for (auto& change : zone_changes(m_schedule, *schedule)) outcome.warnings.push_back(change);
  // From the oldest occurrence still pending (a catch-up may be waiting) to the horizon.
  auto from = now;
  if (const Occurrence* next = engine.next_occurrence()) from = std::min(from, next->start);
  m_bundle = std::move(bundle);
  m_schedule = std::move(*schedule);
  m_media_problems = media_problems;
  engine.reschedule(expand(m_schedule, m_zone, from, std::max(m_until, now + kAhead)));
  m_until = std::max(m_until, now + kAhead);
  outcome.applied = true;
  outcome.slots = m_schedule.slots.size();
  return outcome;
}

std::vector<std::string> zone_changes(const Schedule& running, const Schedule& loaded) {
  std::vector<std::string> out;
  const auto restart = "; áp dụng sau khi khởi động lại / applies after a restart";
  for (const Zone& old : running.zones) {
    const Zone* now = loaded.find_zone(old.id);
    if (now == nullptr) {
      out.push_back(fmt::format("vùng {0} đã bị xoá / zone {0} was removed{1}", old.id, restart));
      continue;
    }
    std::vector<std::string> what;
    if (now->device != old.device) what.emplace_back("device");
    if (now->channels != old.channels) what.emplace_back("channels");
    if (now->gain_db != old.gain_db) what.emplace_back("gain_db");
    if (!what.empty())
      out.push_back(fmt::format("vùng {0} đổi / zone {0} changed: {1}{2}", old.id,
                                fmt::join(what, ", "), restart));
  }
  for (const Zone& z : loaded.zones)
    if (running.find_zone(z.id) == nullptr)
      out.push_back(fmt::format("vùng mới {0} / new zone {0}{1}", z.id, restart));
  return out;
}

}  // namespace tinxa::broadcast
