#pragma once

// Measures the loudness of files ahead of their first play, on a thread of its own, into a
// LoudnessCache (its own connection to the cache database), so that neither the event loop nor
// the decode thread spends seconds decoding a whole new file when it first plays. The daemon asks
// for every file the bundle can play at start and after each reload; files already cached cost
// one SQLite lookup. A file that fails to measure is reported at once (one bilingual line naming
// the file and the reason, through the `report` given at construction: the daemon's log) and left
// alone: it is not played when it falls due (DecodeWorker: the engine logs it skipped_file with
// the reason). The thread runs at nice 10, below the decode thread.
//
// Threading: the public members are for one control thread (they lock a mutex briefly); `report`
// is called on the prefill thread. Errors: nothing thrown on the prefill thread escapes.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "broadcast/audio/LoudnessCache.hpp"

namespace tinxa::broadcast {

class LoudnessPrefill {
 public:
  // One line for the log, Vietnamese then English.
  using Report = std::function<void(const std::string& line)>;

  // Starts the thread, which owns `cache` from now on and calls `report` for every file that
  // fails (failure_line()); whatever `report` throws is dropped. Throws std::system_error if the
  // thread cannot start.
  LoudnessPrefill(std::unique_ptr<LoudnessCache> cache, Report report);
  LoudnessPrefill(const LoudnessPrefill&) = delete;
  LoudnessPrefill& operator=(const LoudnessPrefill&) = delete;
  // Drops what is still to measure, stops the measurement in progress (at once with a measuring
  // function that heeds its stop_token, as measure_loudness does; nothing is reported for it) and
  // joins the thread.
  ~LoudnessPrefill();

  // Replaces what is still to measure with `files` (in order; duplicates measured once).
  void request(std::vector<std::filesystem::path> files);

  // Waits until nothing is left to measure, at most `timeout`. False on timeout.
  [[nodiscard]] bool wait_idle(std::chrono::milliseconds timeout);

  // What is reported for `file`, whose measurement failed with `reason` (the exception's what()).
  [[nodiscard]] static std::string failure_line(const std::filesystem::path& file,
                                                const std::string& reason);

 private:
  void run();

  std::unique_ptr<LoudnessCache> m_cache;
  Report m_report;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_idle;
  std::deque<std::filesystem::path> m_queue;
  bool m_busy = false;      // a file is being measured
  std::stop_source m_stop;  // stops the measurement in progress when the prefill is destroyed
  bool m_quit = false;
  std::thread m_thread;  // last: starts after everything above exists
};

}  // namespace tinxa::broadcast
