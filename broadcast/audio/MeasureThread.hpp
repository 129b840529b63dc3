#pragma once

// Measures the loudness of files on a thread of its own for the decode thread (DecodeWorker), so
// that a file not in the cache never holds up the refills of the other streams: decoding a whole
// long file takes seconds (an hour of MP3, about 7 s here), far more than the half second a
// stream holds. Files are measured one at a time, the highest priority class first (the class of
// the item that needs the file), in the order asked within a class. A file asked for again while
// it waits, is measured or its result waits for take() is measured once, at the highest class it
// was asked for. A file asked for at a higher class than the one being measured stops that
// measurement, which goes back to the head of its class and starts over once the higher classes
// are measured: an emergency never waits for seconds of a normal file's measurement, at the cost
// of redoing that work. The thread runs at nice 5: below the decode thread and the event loop,
// above the loudness prefill.
//
// Threading: submit() and take() from one thread (the decode thread); they lock a mutex briefly.
// `measure` and `on_result` run on the measuring thread. Errors: nothing thrown while measuring
// escapes; a failure is handed back as a result, a stopped measurement is not a result.

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>
#include <vector>

#include "broadcast/audio/Loudness.hpp"
#include "broadcast/audio/LoudnessCache.hpp"

namespace tinxa::broadcast {

class MeasureThread {
 public:
  // Measures a file. It should check its stop_token between decoded blocks and throw (e.g.
  // MeasureStopped) once it is requested, as measure_loudness does; one that finishes anyway
  // gives an ordinary result.
  using Measure = std::function<Loudness(const std::filesystem::path&, std::stop_token)>;

  // The priority class of the item a file is measured for: the three classes of Thông tư
  // 39/2020/TT-BTTTT, lowest first, as broadcast/schedule's Priority (this library does not
  // depend on the schedule's).
  enum class Priority : std::uint8_t { normal, priority, emergency };

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
  // Drops what is still to measure, requests the measurement in progress to stop and joins the
  // thread: at once with a Measure that checks its stop_token, after the file with one that does
  // not. No result comes of that measurement.
  ~MeasureThread();

  // Measures `path` (stat'ed as `key`) for an item of class `priority`: after the files already
  // asked for at that class or above, before those of lower classes. If `path` already waits, it
  // moves up to `priority` if that is higher (as if asked for at that class now); if it is being
  // measured, that measurement goes on at the higher class. Another file being measured at a
  // class below `priority` is stopped, and measured again later.
  void submit(std::filesystem::path path, LoudnessCache::FileKey key,
              Priority priority = Priority::normal);

  // The results ready since the last call, in the order they were measured.
  [[nodiscard]] std::vector<Result> take();

 private:
  struct Request {
    std::filesystem::path path;
    LoudnessCache::FileKey key;
    Priority priority;
    std::uint64_t order;  // when it was asked for at `priority`: first asked, first measured
  };

  void run();

  Measure m_measure;
  std::function<void()> m_on_result;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::vector<Request> m_waiting;      // asked for, not being measured
  std::optional<Request> m_measuring;  // the one being measured
  std::stop_source m_stop;             // of the measurement in progress
  std::uint64_t m_next_order = 0;
  std::vector<Result> m_done;
  bool m_quit = false;
  std::thread m_thread;  // last: starts after everything above exists
};

}  // namespace tinxa::broadcast
