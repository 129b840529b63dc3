#pragma once

// Measures the loudness of files ahead of their first play, on a thread of its own, into a
// LoudnessCache (its own connection to the cache database), so that neither the event loop nor
// the decode thread spends seconds decoding a whole new file when it first plays. The daemon asks
// for every file the bundle can play at start and after each reload; files already cached cost
// one SQLite lookup. A file that fails to measure is left alone (the engine skips it with the
// reason when it is due). The thread runs at nice 10, below the decode thread.
//
// Threading: the public members are for one control thread (they lock a mutex briefly).
// Errors: nothing thrown on the prefill thread escapes; failures are counted.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "broadcast/audio/LoudnessCache.hpp"

namespace tinxa::broadcast {

class LoudnessPrefill {
 public:
  // Starts the thread, which owns `cache` from now on. Throws std::system_error if the thread
  // cannot start.
  explicit LoudnessPrefill(std::unique_ptr<LoudnessCache> cache);
  LoudnessPrefill(const LoudnessPrefill&) = delete;
  LoudnessPrefill& operator=(const LoudnessPrefill&) = delete;
  // Stops after the file being measured and joins the thread.
  ~LoudnessPrefill();

  // Replaces what is still to measure with `files` (in order; duplicates measured once).
  void request(std::vector<std::filesystem::path> files);

  // Waits until nothing is left to measure, at most `timeout`. False on timeout.
  [[nodiscard]] bool wait_idle(std::chrono::milliseconds timeout);

  // Files looked up so far (cached or measured), and those that failed.
  [[nodiscard]] std::uint64_t done() const;
  [[nodiscard]] std::uint64_t failed() const;

 private:
  void run();

  std::unique_ptr<LoudnessCache> m_cache;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_idle;
  std::deque<std::filesystem::path> m_queue;
  bool m_busy = false;  // a file is being measured
  bool m_quit = false;
  std::uint64_t m_done = 0;
  std::uint64_t m_failed = 0;
  std::thread m_thread;  // last: starts after everything above exists
};

}  // namespace tinxa::broadcast
