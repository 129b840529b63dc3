#pragma once

#include "content/store/LastGoodBundle.hpp"
#include "content/time/Clock.hpp"
#include "kiosk/app/ContentWatcher.hpp"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace tinxa::kiosk::app {

// Runs a ContentWatcher on its own thread (a look about once a second, times read from `clock`)
// and keeps its last load attempt for the UI thread; `wake` is called from that thread when there
// is one. With `last_good`, every bundle the UI thread accepts is copied there on the same thread
// (content::LastGoodBundle: blocking I/O that never stalls a frame), provided the folder still
// looks as it did when it was loaded; `report` gets one line about each copy, from that thread.
// `clock` and `last_good` must outlive it. The other methods are for the UI thread and never
// block on file I/O.
class ContentUpdater {
 public:
  using Report = std::function<void(const std::string& line)>;
  ContentUpdater(ContentWatcher watcher, const content::Clock& clock, std::function<void()> wake,
                 content::LastGoodBundle* last_good = nullptr, Report report = {});
  ContentUpdater(const ContentUpdater&) = delete;
  ContentUpdater& operator=(const ContentUpdater&) = delete;
  // Waits for a copy in progress to end.
  ~ContentUpdater();

  // Load the folder again now, whatever changed (the admin panel's Reload).
  void force();
  // The last load attempt not yet taken.
  [[nodiscard]] std::optional<ContentWatcher::Attempt> take();
  // The bundle read from the folder when it had `fingerprint` is shown now (at start, or swapped
  // in): it is not offered again, and it becomes the last good copy.
  void accepted(std::uint64_t fingerprint);

 private:
  void run();
  void keep_last_good(std::uint64_t fingerprint);

  ContentWatcher m_watcher;
  const content::Clock& m_clock;
  std::function<void()> m_wake;
  content::LastGoodBundle* m_last_good;
  Report m_report;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  bool m_stop = false;
  bool m_force = false;
  std::optional<std::uint64_t> m_accepted;
  std::optional<ContentWatcher::Attempt> m_attempt;
  std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace tinxa::kiosk::app
