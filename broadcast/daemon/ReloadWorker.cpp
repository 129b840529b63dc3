#include "broadcast/daemon/ReloadWorker.hpp"

#include <utility>

namespace tinxa::broadcast {

ReloadWorker::ReloadWorker(Load load, Keep keep, std::function<void()> wake)
    : m_load{std::move(load)}, m_keep{std::move(keep)}, m_wake{std::move(wake)}, m_thread{[this] {
        run();
      }} {}

ReloadWorker::~ReloadWorker() {
  {
    const std::lock_guard lock{m_mutex};
    m_stop = true;
  }
  m_cv.notify_one();
  m_thread.join();
}

std::uint64_t ReloadWorker::request() {
  std::uint64_t number = 0;
  {
    const std::lock_guard lock{m_mutex};
    // A load that has not started yet reads the files as they are then: it answers this too.
    m_requested = m_started + 1;
    number = m_requested;
  }
  m_cv.notify_one();
  return number;
}

void ReloadWorker::keep(ReloadCandidate::Origin origin) {
  {
    const std::lock_guard lock{m_mutex};
    m_saves.push_back(std::move(origin));
  }
  m_cv.notify_one();
}

std::optional<ReloadWorker::Done> ReloadWorker::take() {
  const std::lock_guard lock{m_mutex};
  if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
  if (m_done.empty()) return std::nullopt;
  Done done = std::move(m_done.front());
  m_done.pop_front();
  return done;
}

std::vector<std::string> ReloadWorker::take_notes() {
  const std::lock_guard lock{m_mutex};
  return std::exchange(m_notes, {});
}

void ReloadWorker::run() {
  std::unique_lock lock{m_mutex};
  for (;;) {
    m_cv.wait(lock, [this] { return m_stop || m_requested > m_started || !m_saves.empty(); });
    if (m_stop) return;
    // A load first: an answer waits on it; a save only keeps a copy.
    if (m_requested <= m_started) {
      auto origin = std::move(m_saves.front());
      m_saves.pop_front();
      if (!m_keep) continue;
      lock.unlock();
      std::string note = m_keep(origin);
      lock.lock();
      m_notes.push_back(std::move(note));
      lock.unlock();
      m_wake();
      lock.lock();
      continue;
    }
    const std::uint64_t number = ++m_started;
    lock.unlock();
    std::optional<ReloadCandidate> candidate;
    std::exception_ptr error;
    try {
      candidate = m_load();
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    if (error) {
      m_error = error;
    } else {
      // Saved after the loop has the candidate, so the answer does not wait for the copy. Only a
      // whole bundle: one with missing or broken recordings (copied half-way) plays, but never
      // replaces a complete copy.
      if (candidate->accepted() && candidate->media_problems == 0 && m_keep)
        m_saves.push_back(candidate->origin);
      m_done.push_back(Done{number, std::move(*candidate)});
    }
    lock.unlock();
    m_wake();
    lock.lock();
  }
}

}  // namespace tinxa::broadcast
