#pragma once

// Tells systemd how the daemon is doing (sd_notify's datagram protocol, written out because it is
// a single sendto): READY=1 once the schedule is loaded and the devices are open, WATCHDOG=1 from
// the event loop at least twice per WatchdogSec, STATUS= for `systemctl status`, STOPPING=1.
// Without $NOTIFY_SOCKET (not started by systemd, or in tests that do not set it) every call
// does nothing.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tinxa::broadcast {

class SystemdNotify {
 public:
  // Reads $NOTIFY_SOCKET and $WATCHDOG_USEC once. Never throws except std::bad_alloc.
  SystemdNotify();

  // Each returns false when there is no socket or the datagram could not be sent.
  bool ready(std::string_view status = {}) const;
  bool watchdog() const;
  bool status(std::string_view text) const;
  bool stopping() const;

  // Half of WatchdogSec when systemd set one: how often watchdog() must be called.
  [[nodiscard]] std::optional<std::chrono::microseconds> watchdog_interval() const noexcept {
    return m_watchdog_interval;
  }

 private:
  bool send(std::string_view message) const;

  std::string m_socket;  // "" when not under systemd; '@' starts an abstract socket name
  std::optional<std::chrono::microseconds> m_watchdog_interval;
};

}  // namespace tinxa::broadcast
