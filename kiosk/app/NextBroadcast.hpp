#pragma once

#include "broadcast/control/Response.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace tinxa::kiosk::app {

// What the home screen says about the loudspeakers, from the daemon's `status` answer (fields
// `next`, the local start as 2026-11-30T06:00:00+07:00, and `next.title`): "06:00 Bản tin sáng",
// with the date when it is not today ("06:00 30/11 Bản tin sáng"); KioskUi puts it after
// "Phát thanh tiếp theo:" in the resident's language. Empty when the answer has no next
// broadcast or is an error.
[[nodiscard]] std::string next_broadcast_line(const broadcast::Response& status,
                                              content::TimePoint now,
                                              const content::TimeZone& zone);

// Asks tinxa-broadcastd for its status every `period` from a background thread, with a short
// timeout, so the UI never waits for it. latest() gives the line to show (empty while the daemon
// cannot be reached). `wake` is called (from the background thread) when the line changes.
class NextBroadcastPoller {
 public:
  NextBroadcastPoller(std::filesystem::path socket, const content::Clock& clock,
                      const content::TimeZone& zone, std::function<void()> wake,
                      std::chrono::milliseconds period = std::chrono::seconds{30});
  NextBroadcastPoller(const NextBroadcastPoller&) = delete;
  NextBroadcastPoller& operator=(const NextBroadcastPoller&) = delete;
  ~NextBroadcastPoller();

  [[nodiscard]] std::string latest() const;

 private:
  void run();

  std::filesystem::path m_socket;
  const content::Clock& m_clock;
  const content::TimeZone& m_zone;
  std::function<void()> m_wake;
  std::chrono::milliseconds m_period;
  mutable std::mutex m_mutex;
  std::condition_variable m_stop_cv;
  bool m_stop = false;
  std::string m_line;
  std::thread m_thread;
};

}  // namespace tinxa::kiosk::app
