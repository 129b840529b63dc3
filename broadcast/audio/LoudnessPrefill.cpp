#include "broadcast/audio/LoudnessPrefill.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <utility>

namespace tinxa::broadcast {

LoudnessPrefill::LoudnessPrefill(std::unique_ptr<LoudnessCache> cache)
    : m_cache{std::move(cache)}, m_thread{[this] { run(); }} {}

LoudnessPrefill::~LoudnessPrefill() {
  {
    const std::lock_guard lock{m_mutex};
    m_quit = true;
    m_queue.clear();
  }
  m_wake.notify_one();
  m_thread.join();
}

void LoudnessPrefill::request(std::vector<std::filesystem::path> files) {
  {
    const std::lock_guard lock{m_mutex};
    m_queue.clear();
    for (auto& file : files)
      if (std::find(m_queue.begin(), m_queue.end(), file) == m_queue.end())
        m_queue.push_back(std::move(file));
  }
  m_wake.notify_one();
}

bool LoudnessPrefill::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock{m_mutex};
  return m_idle.wait_for(lock, timeout, [this] { return m_queue.empty() && !m_busy; });
}

std::uint64_t LoudnessPrefill::done() const {
  const std::lock_guard lock{m_mutex};
  return m_done;
}

std::uint64_t LoudnessPrefill::failed() const {
  const std::lock_guard lock{m_mutex};
  return m_failed;
}

void LoudnessPrefill::run() {
  // Background work: below the decode thread and the event loop (Linux nices threads one by
  // one). A failure only leaves the default priority.
  (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
  for (;;) {
    std::filesystem::path file;
    {
      std::unique_lock lock{m_mutex};
      m_busy = false;
      if (m_queue.empty()) m_idle.notify_all();
      m_wake.wait(lock, [this] { return m_quit || !m_queue.empty(); });
      if (m_quit) return;
      file = std::move(m_queue.front());
      m_queue.pop_front();
      m_busy = true;
    }
    bool ok = true;
    try {
      if (m_cache) (void)m_cache->loudness(file);
    } catch (const std::exception&) {
      ok = false;
    }
    const std::lock_guard lock{m_mutex};
    ++m_done;
    if (!ok) ++m_failed;
  }
}

}  // namespace tinxa::broadcast
