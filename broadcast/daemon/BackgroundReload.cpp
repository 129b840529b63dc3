#include "broadcast/daemon/BackgroundReload.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tinxa::broadcast {

BackgroundReload::BackgroundReload(ScheduleReloader& programme, Engine& engine,
                                   const CommandHandlers& handlers, const content::Clock& clock,
                                   ReloadWorker::Load load, ReloadWorker::Keep keep,
                                   std::function<void()> wake)
    : m_programme{programme},
      m_engine{engine},
      m_handlers{handlers},
      m_clock{clock},
      m_worker{std::move(load), std::move(keep), std::move(wake)} {}

void BackgroundReload::request(const std::string& why, std::optional<std::uint64_t> waiter) {
  m_programme.mark_seen();
  const std::uint64_t number = m_worker.request();
  auto it = std::find_if(m_pending.begin(), m_pending.end(),
                         [&](const Pending& p) { return p.number == number; });
  if (it == m_pending.end()) it = m_pending.insert(m_pending.end(), Pending{number, {}, {}});
  if (std::find(it->whys.begin(), it->whys.end(), why) == it->whys.end()) it->whys.push_back(why);
  if (waiter) it->waiters.push_back(*waiter);
}

void BackgroundReload::check_file() {
  if (m_programme.changed()) request("schedule.yaml");
}

std::vector<BackgroundReload::Finished> BackgroundReload::collect() {
  std::vector<Finished> out;
  while (auto done = m_worker.take()) {
    const auto outcome = m_programme.apply(std::move(done->candidate), m_engine, m_clock.now());
    Finished finished;
    finished.response = m_handlers.reload_response(outcome);
    finished.applied = outcome.applied;
    const auto it = std::find_if(m_pending.begin(), m_pending.end(),
                                 [&](const Pending& p) { return p.number == done->number; });
    if (it != m_pending.end()) {
      finished.why = fmt::format("{}", fmt::join(it->whys, ", "));
      finished.waiters = std::move(it->waiters);
      m_pending.erase(it);
    }
    out.push_back(std::move(finished));
  }
  return out;
}

ReloadWorker::Load load_files_of(const ScheduleReloader& programme) {
  return [files = programme.files(), load = programme.bundle_load()] {
    return load_candidate(files, load);
  };
}

}  // namespace tinxa::broadcast
