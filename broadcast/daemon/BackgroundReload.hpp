#pragma once

// The event loop's side of reloading in the background. The `reload` command, SIGHUP and a
// changed schedule.yaml each call request(); the ReloadWorker loads and checks the files on its
// thread while the loop goes on with the old schedule; when it is done the loop is woken and
// collect() applies the candidate (ScheduleReloader::apply: zone warnings, Engine::reschedule,
// no file I/O) and gives back the answer for everyone who asked. Requests made while a load runs
// coalesce into one more load after it, whose answer goes to all of them.
//
// Threading: every method on the loop's thread. `wake` is called from the worker. The
// programme, engine, handlers and clock must outlive this object; the destructor waits for the
// load or save under way.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "broadcast/control/Response.hpp"
#include "broadcast/daemon/CommandHandlers.hpp"
#include "broadcast/daemon/ReloadWorker.hpp"
#include "broadcast/daemon/ScheduleReloader.hpp"
#include "broadcast/engine/Engine.hpp"
#include "content/time/Clock.hpp"

namespace tinxa::broadcast {

class BackgroundReload {
 public:
  // A finished reload, for the loop to log and answer.
  struct Finished {
    std::string why;                     // what asked: "reload", "SIGHUP", "schedule.yaml", ...
    Response response;                   // as CommandHandlers::reload_response() words it
    std::vector<std::uint64_t> waiters;  // the waiters given to request() (control tickets)
    bool applied = false;
  };

  // `load` runs on the worker: load_files_of(programme), or a test's. `keep` saves an accepted
  // programme as the last good copy (may be empty).
  BackgroundReload(ScheduleReloader& programme, Engine& engine, const CommandHandlers& handlers,
                   const content::Clock& clock, ReloadWorker::Load load, ReloadWorker::Keep keep,
                   std::function<void()> wake);

  // Asks for a reload; `waiter` (e.g. a ControlServer ticket) is handed back with its answer.
  // schedule.yaml's current modification time counts as seen (the load reads it after this).
  void request(const std::string& why, std::optional<std::uint64_t> waiter = std::nullopt);

  // Once a second: requests a reload when schedule.yaml changed since it was last seen.
  void check_file();

  // Applies what the worker finished (on waking). Throws what the engine throws and what the
  // load threw (std::bad_alloc).
  [[nodiscard]] std::vector<Finished> collect();

  // Saves the programme the daemon started on as the last good copy, on the worker.
  void keep(ReloadCandidate::Origin origin) { m_worker.keep(std::move(origin)); }
  // Lines the worker's saves left to log.
  [[nodiscard]] std::vector<std::string> take_notes() { return m_worker.take_notes(); }

 private:
  struct Pending {
    std::uint64_t number = 0;
    std::vector<std::string> whys;
    std::vector<std::uint64_t> waiters;
  };

  ScheduleReloader& m_programme;
  Engine& m_engine;
  const CommandHandlers& m_handlers;
  const content::Clock& m_clock;
  std::vector<Pending> m_pending;
  ReloadWorker m_worker;  // last: its thread stops first
};

// The worker's load for `programme`'s configured files, with its bundle loader (a copy: the
// result may run on any thread).
[[nodiscard]] ReloadWorker::Load load_files_of(const ScheduleReloader& programme);

}  // namespace tinxa::broadcast
