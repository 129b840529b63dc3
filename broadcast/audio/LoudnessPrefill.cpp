#include "broadcast/audio/LoudnessPrefill.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <utility>

namespace tinxa::broadcast {

LoudnessPrefill::LoudnessPrefill(std::unique_ptr<LoudnessCache> cache, Report report)
    : m_cache{std::move(cache)}, m_report{std::move(report)}, m_thread{[this] { run(); }} {}

LoudnessPrefill::~LoudnessPrefill() {
  {
    const std::lock_guard lock{m_mutex};
    m_quit = true;
    m_queue.clear();
  }
  m_stop.request_stop();
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

std::string LoudnessPrefill::failure_line(const std::filesystem::path& file,
                                          const std::string& reason) {
  const std::string name = "\"" + file.string() + "\"";
  return "không đo được độ to của " + name + ", tệp sẽ bị bỏ qua khi đến giờ phát / cannot " +
         "measure the loudness of " + name + ", it will be skipped when due: " + reason;
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
    std::optional<std::string> failure;
    try {
      if (m_cache) (void)m_cache->loudness(file, m_stop.get_token());
    } catch (const std::exception& e) {
      failure = e.what();
    } catch (...) {
      failure = "?";
    }
    if (failure && m_report && !m_stop.stop_requested()) {
      try {
        m_report(failure_line(file, *failure));
      } catch (...) {  // only a log line: an exception here must not end the process
      }
    }
  }
}

}  // namespace tinxa::broadcast
