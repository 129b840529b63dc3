#pragma once

// A stoppable measuring function for the tests of the measuring threads: it holds the first
// measurement of one file until the test opens it or the measurement's stop is requested (a
// stand-in for a long file, seconds of decoding, with no sleeps), then measures for real with
// measure_loudness and the same stop_token. It records every measurement it was asked for, in
// order, and whether it ended stopped (measure_loudness threw MeasureStopped). The hold ends by
// itself after 30 s, so a failed check cannot leave a thread stuck.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <ostream>
#include <stop_token>
#include <string>
#include <vector>

#include "broadcast/audio/Loudness.hpp"

namespace tinxa::broadcast::test {

class StopGate {
 public:
  struct Call {
    std::string file;  // the file name
    bool stopped = false;

    friend bool operator==(const Call&, const Call&) = default;
    friend std::ostream& operator<<(std::ostream& out, const Call& call) {
      return out << call.file << (call.stopped ? " (stopped)" : "");
    }
  };

  explicit StopGate(std::string held) : m_held{std::move(held)} {}

  // measure() as the measuring function of a MeasureThread or a LoudnessCache.
  std::function<Loudness(const std::filesystem::path&, std::stop_token)> function() {
    return [this](const std::filesystem::path& path, std::stop_token stop) {
      return measure(path, std::move(stop));
    };
  }

  Loudness measure(const std::filesystem::path& path, std::stop_token stop) {
    std::size_t index = 0;
    {
      std::unique_lock lock{m_mutex};
      index = m_calls.size();
      m_calls.push_back({path.filename().string()});
      if (path.filename() == m_held && !m_entered) {
        m_entered = true;
        m_changed.notify_all();
        m_changed.wait_for(lock, stop, std::chrono::seconds{30}, [this] { return m_open; });
        m_saw_stop = stop.stop_requested();
      }
    }
    try {
      return measure_loudness(path, stop);
    } catch (const MeasureStopped&) {
      const std::lock_guard lock{m_mutex};
      m_calls[index].stopped = true;
      throw;
    }
  }

  // Waits until the held measurement has begun; false after 30 s.
  bool wait_entered() {
    std::unique_lock lock{m_mutex};
    return m_changed.wait_for(lock, std::chrono::seconds{30}, [this] { return m_entered; });
  }

  // Lets the held measurement go on (it is measured for real).
  void open() {
    {
      const std::lock_guard lock{m_mutex};
      m_open = true;
    }
    m_changed.notify_all();
  }

  // True if the held measurement was released by its stop request (not by open() or the 30 s).
  bool saw_stop() {
    const std::lock_guard lock{m_mutex};
    return m_saw_stop;
  }

  std::vector<Call> calls() {
    const std::lock_guard lock{m_mutex};
    return m_calls;
  }

 private:
  std::string m_held;
  std::mutex m_mutex;
  std::condition_variable_any m_changed;
  std::vector<Call> m_calls;
  bool m_entered = false;
  bool m_open = false;
  bool m_saw_stop = false;
};

}  // namespace tinxa::broadcast::test
