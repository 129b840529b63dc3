#pragma once

// The off-air recorder's consumer thread in the daemon: it drains an OffAirRecorder every
// `period` (encoding, writing to disk, the silence of a gap, the old files' removal), so that none
// of that runs on the event loop, which fires scheduled starts 200 ms ahead and must not wait for
// a slow card. The loop only takes the recorder's events (a lock and a swap) to log them.
// The period is far below what a tap's ring holds (about 10 s), and the recorder's thread runs at
// nice 5: below the event loop and the decode thread, above the loudness prefill.
//
// Stop: stop(), after the devices have stopped and flushed their taps (DeviceOutputs::close_all),
// wakes the thread, which drains what is left and finishes every file (OffAirRecorder::close)
// before it ends; nothing the taps held is lost.
//
// Threading: construct, take_events() and stop() on one control thread (the event loop). The
// recorder is used only by this object's thread from construction until stop() returns.
// Errors: the recorder reports faults as events; anything it throws (std::bad_alloc) ends the
// drains and is rethrown by the next take_events() or stop() (a std::exception_ptr).

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "broadcast/daemon/OffAirRecorder.hpp"

namespace tinxa::broadcast {

class OffAirThread {
 public:
  static constexpr std::chrono::milliseconds kPeriod{100};

  // Starts the thread. `recorder` must outlive this. Throws std::system_error if the thread
  // cannot start.
  explicit OffAirThread(OffAirRecorder& recorder, std::chrono::milliseconds period = kPeriod);
  OffAirThread(const OffAirThread&) = delete;
  OffAirThread& operator=(const OffAirThread&) = delete;
  // stop(), its events and errors dropped.
  ~OffAirThread();

  // The recorder's events since the last call, oldest first. Never touches a file; rethrows what
  // the recorder threw on its thread.
  [[nodiscard]] std::vector<OffAirRecorder::Event> take_events();

  // Drains what is left, finishes every file, joins the thread; returns the events not yet taken.
  // A second call returns nothing. Rethrows what the recorder threw.
  std::vector<OffAirRecorder::Event> stop();

 private:
  void run();
  std::vector<OffAirRecorder::Event> take_locked();

  OffAirRecorder& m_recorder;
  std::chrono::milliseconds m_period;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_quit = false;                          // guarded by m_mutex
  std::vector<OffAirRecorder::Event> m_events;  // guarded by m_mutex
  std::exception_ptr m_error;                   // guarded by m_mutex
  std::thread m_thread;                         // last: starts after everything above exists
};

}  // namespace tinxa::broadcast
