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
  }
  m_wake.notify_one();
  m_thread.join();
}

void MeasureThread::submit(std::filesystem::path path, LoudnessCache::FileKey key) {
  {
    const std::lock_guard lock{m_mutex};
    if (std::any_of(m_queue.begin(), m_queue.end(),
                    [&](const Result& r) { return r.path == path; }))
      return;
    m_queue.push_back({std::move(path), std::move(key), std::nullopt, nullptr});
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
    {
      std::unique_lock lock{m_mutex};
      m_wake.wait(lock, [this] { return m_quit || !m_queue.empty(); });
      if (m_quit) return;
      path = m_queue.front().path;
    }
    std::optional<Loudness> loudness;
    std::exception_ptr error;
    try {
      loudness = m_measure(path);
    } catch (...) {
      error = std::current_exception();
    }
    {
      const std::lock_guard lock{m_mutex};
      Result result = std::move(m_queue.front());
      m_queue.pop_front();
      result.loudness = loudness;
      result.error = error;
      m_done.push_back(std::move(result));
    }
    m_on_result();
  }
}

}  // namespace tinxa::broadcast
