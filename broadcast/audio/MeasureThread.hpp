#pragma once

// Measures the loudness of files on a thread of its own for the decode thread (DecodeWorker), so
// that a file not in the cache never holds up the refills of the other streams: decoding a whole
// long file takes seconds, far more than the half second a stream holds. Files are measured one
// at a time in the order asked; a file asked for again while it waits or is measured is measured
// once. The thread runs at nice 5: below the decode thread and the event loop, above the loudness
// prefill.
//
// Threading: submit() and take() from one thread (the decode thread); they lock a mutex briefly.
// `measure` and `on_result` run on the measuring thread. Errors: nothing thrown while measuring
// escapes; a failure is handed back as a result.

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "broadcast/audio/Loudness.hpp"
#include "broadcast/audio/LoudnessCache.hpp"

namespace tinxa::broadcast {

class MeasureThread {
 public:
  using Measure = std::function<Loudness(const std::filesystem::path&)>;

  struct Result {
    std::filesystem::path path;
    LoudnessCache::FileKey key;        // as given to submit()
    std::optional<Loudness> loudness;  // std::nullopt: the measurement failed, `error` says why
    std::exception_ptr error;
  };

  // Starts the thread. `on_result` is called (on that thread, no lock held) after each result is
  // ready for take(). Throws std::system_error if the thread cannot start.
  MeasureThread(Measure measure, std::function<void()> on_result);
  MeasureThread(const MeasureThread&) = delete;
  MeasureThread& operator=(const MeasureThread&) = delete;
  // Drops what is still to measure, waits for the file being measured (a measurement cannot be
  // interrupted) and joins the thread.
  ~MeasureThread();

  // Measures `path` (stat'ed as `key`) after what is already asked for.
  void submit(std::filesystem::path path, LoudnessCache::FileKey key);

  // The results ready since the last call, in the order they were measured.
  [[nodiscard]] std::vector<Result> take();

 private:
  void run();

  Measure m_measure;
  std::function<void()> m_on_result;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<Result> m_queue;  // asked for; the front is the one being measured
  std::vector<Result> m_done;
  bool m_quit = false;
  std::thread m_thread;  // last: starts after everything above exists
};

}  // namespace tinxa::broadcast
