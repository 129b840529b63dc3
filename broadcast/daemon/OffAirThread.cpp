#include "broadcast/daemon/OffAirThread.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <utility>

namespace tinxa::broadcast {

OffAirThread::OffAirThread(OffAirRecorder& recorder, std::chrono::milliseconds period)
    : m_recorder{recorder}, m_period{period}, m_thread{[this] { run(); }} {}

OffAirThread::~OffAirThread() {
  try {
    (void)stop();
  } catch (...) {  // reported by take_events() or stop() when called; nothing to add here
  }
}

std::vector<OffAirRecorder::Event> OffAirThread::take_locked() {
  if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
  return std::exchange(m_events, {});
}

std::vector<OffAirRecorder::Event> OffAirThread::take_events() {
  const std::lock_guard lock{m_mutex};
  return take_locked();
}

std::vector<OffAirRecorder::Event> OffAirThread::stop() {
  {
    const std::lock_guard lock{m_mutex};
    m_quit = true;
  }
  m_wake.notify_one();
  if (m_thread.joinable()) m_thread.join();
  const std::lock_guard lock{m_mutex};
  return take_locked();
}

void OffAirThread::run() {
  // Background work: below the event loop and the decode thread (Linux nices threads one by one).
  // A failure only leaves the default priority.
  (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 5);
  bool quit = false;
  while (!quit) {
    {
      std::unique_lock lock{m_mutex};
      m_wake.wait_for(lock, m_period, [this] { return m_quit; });
      quit = m_quit;
    }
    std::vector<OffAirRecorder::Event> events;
    std::exception_ptr error;
    try {
      // The file work, outside the lock: take_events() never waits for it.
      events = quit ? m_recorder.close() : m_recorder.drain();
    } catch (...) {
      error = std::current_exception();
    }
    const std::lock_guard lock{m_mutex};
    m_events.insert(m_events.end(), std::make_move_iterator(events.begin()),
                    std::make_move_iterator(events.end()));
    if (error) {
      m_error = error;
      return;
    }
  }
}

}  // namespace tinxa::broadcast
