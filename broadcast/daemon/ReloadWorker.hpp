#pragma once

// The thread that loads and checks the programme for a reload, so that the event loop never
// waits for a bundle to be decoded (about 1.9 s of CPU per hour of MP3 without a probe cache):
// scheduled starts, alerts, control commands and watchdog pings go on meanwhile, on the old
// schedule.
//
// request() asks for one load. Requests made while a load runs coalesce into one more load
// after it (never a queue): each request is answered by the first load that starts after it,
// whose number request() returns. When a load is done its candidate is kept for take() and
// `wake` is called (from the worker: it must only wake the loop, e.g. write an eventfd). A
// candidate that is accepted with no media problems (a bundle with missing or broken recordings
// may be a copy made half-way) is then kept as the last good copy by `keep`, still on the worker,
// after the loop was woken (a requested load goes before a save); keep() queues the same for the
// programme the daemon started on.
// What `keep` returns (a line to log) waits for take_notes().
//
// Threading: request(), keep(), take() and take_notes() from one thread (the loop); `load`,
// `keep` and `wake` run on the worker. The destructor waits for the load or save under way.
// Errors: an exception from `load` (std::bad_alloc) is thrown again by take().

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "broadcast/daemon/ReloadCandidate.hpp"

namespace tinxa::broadcast {

class ReloadWorker {
 public:
  using Load = std::function<ReloadCandidate()>;
  using Keep = std::function<std::string(const ReloadCandidate::Origin&)>;

  struct Done {
    std::uint64_t number = 0;  // the load's number, as request() returned it
    ReloadCandidate candidate;
  };

  // `keep` may be empty (nothing is saved).
  ReloadWorker(Load load, Keep keep, std::function<void()> wake);
  ReloadWorker(const ReloadWorker&) = delete;
  ReloadWorker& operator=(const ReloadWorker&) = delete;
  ~ReloadWorker();

  // Asks for a load; returns the number of the load that will answer it.
  std::uint64_t request();
  // Queues a save of `origin` as the last good copy (the programme the daemon started on).
  void keep(ReloadCandidate::Origin origin);

  // A finished load, oldest first; nullopt when none is waiting.
  [[nodiscard]] std::optional<Done> take();
  [[nodiscard]] std::vector<std::string> take_notes();

 private:
  void run();

  Load m_load;
  Keep m_keep;
  std::function<void()> m_wake;

  std::mutex m_mutex;
  std::condition_variable m_cv;
  bool m_stop = false;
  std::uint64_t m_started = 0;    // the number of the last load started
  std::uint64_t m_requested = 0;  // the highest number asked for
  std::deque<ReloadCandidate::Origin> m_saves;
  std::deque<Done> m_done;
  std::exception_ptr m_error;
  std::vector<std::string> m_notes;
  std::thread m_thread;  // last: started once everything above exists
};

}  // namespace tinxa::broadcast
