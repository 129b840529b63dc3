#include "broadcast/audio/MeasureThread.hpp"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

namespace tinxa::broadcast {

MeasureThread::MeasureThread(Measure measure, std::function<void()> on_result)
    : m_measure{std::move(measure)}, m_on_result{std::move(on_result)}, m_thread{[this] {
        run();
      }} {}

MeasureThread::~MeasureThread() {
  {
    const std::lock_guard lock{m_mutex};
    m_quit = true;
    m_stop.request_stop();
  }
  m_wake.notify_one();
  m_thread.join();
}

void MeasureThread::submit(std::filesystem::path path, LoudnessCache::FileKey key,
                           Priority priority) {
  {
    const std::lock_guard lock{m_mutex};
    if (m_measuring && m_measuring->path == path) {
      m_measuring->priority = std::max(m_measuring->priority, priority);
      return;
    }
    if (std::any_of(m_done.begin(), m_done.end(), [&](const Result& r) { return r.path == path; }))
      return;  // measured, not taken yet
    const auto waiting = std::find_if(m_waiting.begin(), m_waiting.end(),
                                      [&](const Request& r) { return r.path == path; });
    if (waiting == m_waiting.end()) {
      m_waiting.push_back({std::move(path), std::move(key), priority, m_next_order++});
    } else if (priority > waiting->priority) {
      waiting->priority = priority;
      waiting->order = m_next_order++;
    } else {
      return;
    }
    // Starts over later: a higher class never waits for the rest of a lower class's file.
    if (m_measuring && priority > m_measuring->priority) m_stop.request_stop();
  }
  m_wake.notify_one();
}

std::vector<MeasureThread::Result> MeasureThread::take() {
  const std::lock_guard lock{m_mutex};
  return std::exchange(m_done, {});
}

void MeasureThread::run() {
  // Named for top and ps -L (15 characters at most); nice 5 (Linux nices threads one by one; a
  // failure only leaves the default priority).
  pthread_setname_np(pthread_self(), "tinxa-measure");
  (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 5);
  for (;;) {
    std::filesystem::path path;
    std::stop_token stop;
    {
      std::unique_lock lock{m_mutex};
      m_wake.wait(lock, [this] { return m_quit || !m_waiting.empty(); });
      if (m_quit) return;
      const auto next = std::min_element(
          m_waiting.begin(), m_waiting.end(), [](const Request& a, const Request& b) {
            return a.priority != b.priority ? a.priority > b.priority : a.order < b.order;
          });
      m_measuring = std::move(*next);
      m_waiting.erase(next);
      m_stop = std::stop_source{};
      stop = m_stop.get_token();
      path = m_measuring->path;
    }
    std::optional<Loudness> loudness;
    std::exception_ptr error;
    try {
      loudness = m_measure(path, stop);
    } catch (...) {
      error = std::current_exception();
    }
    {
      const std::lock_guard lock{m_mutex};
      Request request = std::move(*m_measuring);
      m_measuring.reset();
      if (m_quit) return;
      if (!loudness && stop.stop_requested()) {
        // Stopped for a higher class: measured again, at the head of its class (its order).
        m_waiting.push_back(std::move(request));
        continue;
      }
      m_done.push_back({std::move(request.path), std::move(request.key), loudness, error});
    }
    m_on_result();
  }
}

}  // namespace tinxa::broadcast
