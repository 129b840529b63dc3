#include "broadcast/daemon/ScheduleReloader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "broadcast/schedule/Expand.hpp"
#include "config/reader/DiagnosticFormat.hpp"

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
                                   std::filesystem::path content_dir, content::TimeZone zone,
                                   BundleLoad load)
    : m_schedule_file{std::move(schedule_file)},
      m_content_dir{std::move(content_dir)},
      m_zone{std::move(zone)},
      m_load{std::move(load)} {}

ProgrammeFiles ScheduleReloader::files() const {
  return ProgrammeFiles{m_schedule_file, m_content_dir, m_schedule_file.parent_path()};
}

bool ScheduleReloader::changed() const { return modification_time(m_schedule_file) != m_seen; }

void ScheduleReloader::mark_seen() { m_seen = modification_time(m_schedule_file); }

bool ScheduleReloader::adopt(ReloadCandidate&& candidate, config::Diagnostics& diagnostics,
                             std::optional<std::filesystem::path> last_good) {
  // The configured file's time, also when starting from the copy: a broken file left as it is
  // is not reloaded every second.
  m_seen = last_good ? modification_time(m_schedule_file) : candidate.schedule_time;
  diagnostics.merge(std::move(candidate.diagnostics));
  if (!candidate.accepted()) return false;
  m_bundle = std::move(candidate.bundle);
  m_schedule = std::move(*candidate.schedule);
  m_media_problems = candidate.media_problems;
  m_last_good = std::move(last_good);
  return true;
}

bool ScheduleReloader::load(config::Diagnostics& diagnostics) {
  return adopt(load_candidate(files(), m_load), diagnostics);
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
  ReloadCandidate candidate = load_candidate(files(), m_load);
  m_seen = candidate.schedule_time;
  return apply(std::move(candidate), engine, now);
}

ScheduleReloader::Outcome ScheduleReloader::apply(ReloadCandidate candidate, Engine& engine,
                                                  content::TimePoint now) {
  Outcome outcome;
  for (const auto& d : candidate.diagnostics.items()) {
    if (d.severity == config::Severity::error)
      outcome.errors.push_back(one_line(d));
    else
      outcome.warnings.push_back(one_line(d));
  }
  if (!candidate.accepted()) {
    if (outcome.errors.empty())
      outcome.errors.push_back(
          fmt::format("{}: không đọc được / cannot be read", m_schedule_file.string()));
    outcome.slots = m_schedule.slots.size();
    return outcome;
  }
  for (auto& change : zone_changes(m_schedule, *candidate.schedule))
    outcome.warnings.push_back(change);
  // From the oldest occurrence still pending (a catch-up may be waiting) to the horizon.
  auto from = now;
  if (const Occurrence* next = engine.next_occurrence()) from = std::min(from, next->start);
  m_bundle = std::move(candidate.bundle);
  m_schedule = std::move(*candidate.schedule);
  m_media_problems = candidate.media_problems;
  m_last_good.reset();
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
