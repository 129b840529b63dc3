#include "kiosk/app/ContentUpdater.hpp"

#include <chrono>
#include <exception>
#include <utility>

namespace tinxa::kiosk::app {

ContentUpdater::ContentUpdater(ContentWatcher watcher, const content::Clock& clock,
                               std::function<void()> wake, content::LastGoodBundle* last_good,
                               Report report)
    : m_watcher(std::move(watcher)),
      m_clock(clock),
      m_wake(std::move(wake)),
      m_last_good(last_good),
      m_report(std::move(report)),
      m_thread([this] { run(); }) {}

ContentUpdater::~ContentUpdater() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_cv.notify_all();
  m_thread.join();
}

void ContentUpdater::force() {
  {
    std::lock_guard lock(m_mutex);
    m_force = true;
  }
  m_cv.notify_all();
}

std::optional<ContentWatcher::Attempt> ContentUpdater::take() {
  std::lock_guard lock(m_mutex);
  auto out = std::move(m_attempt);
  m_attempt.reset();
  return out;
}

void ContentUpdater::accepted(std::uint64_t fingerprint) {
  {
    std::lock_guard lock(m_mutex);
    m_accepted = fingerprint;
  }
  m_cv.notify_all();
}

void ContentUpdater::run() {
  std::unique_lock lock(m_mutex);
  while (!m_stop) {
    if (m_force) m_watcher.force();
    m_force = false;
    const auto accepted = m_accepted;
    if (accepted) m_watcher.accepted(*accepted);
    m_accepted.reset();
    lock.unlock();
    if (accepted) keep_last_good(*accepted);
    auto attempt = m_watcher.poll(m_clock.now());
    lock.lock();
    if (attempt) {
      m_attempt = std::move(attempt);
      if (m_wake) m_wake();
    }
    m_cv.wait_for(lock, std::chrono::seconds{1},
                  [this] { return m_stop || m_force || m_accepted.has_value(); });
  }
}

void ContentUpdater::keep_last_good(std::uint64_t fingerprint) {
  if (m_last_good == nullptr) return;
  const auto& root = m_watcher.root();
  try {
    // Copied only if the folder still holds what was loaded and accepted.
    const auto stats = m_last_good->save(root, [&](const std::filesystem::path&) {
      return fingerprint != 0 && folder_fingerprint(root) == fingerprint;
    });
    if (!m_report) return;
    if (stats) {
      const std::string copied = std::to_string(stats->copied);
      const std::string kept = std::to_string(stats->linked);
      m_report("đã lưu bản tốt gần nhất: chép " + copied + " tệp, giữ " + kept +
               " tệp / last good copy saved: " + copied + " files copied, " + kept + " kept");
    } else {
      m_report(
          "nội dung đã đổi trong khi chép, chưa lưu bản tốt / the content changed while it was "
          "copied; the last good copy was not updated");
    }
  } catch (const std::exception& e) {
    if (m_report) {
      m_report(std::string("không lưu được bản tốt gần nhất / last good copy not saved: ") +
               e.what());
    }
  }
}

}  // namespace tinxa::kiosk::app
