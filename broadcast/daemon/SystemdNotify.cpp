#include "broadcast/daemon/SystemdNotify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>

#include "broadcast/control/UniqueFd.hpp"

namespace tinxa::broadcast {

SystemdNotify::SystemdNotify() {
  if (const char* socket = std::getenv("NOTIFY_SOCKET")) m_socket = socket;
  if (const char* usec = std::getenv("WATCHDOG_USEC")) {
    const long long value = std::atoll(usec);
    if (value > 0) m_watchdog_interval = std::chrono::microseconds{value / 2};
  }
}

bool SystemdNotify::send(std::string_view message) const {
  if (m_socket.empty() || m_socket.size() >= sizeof(sockaddr_un::sun_path)) return false;
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::copy(m_socket.begin(), m_socket.end(), address.sun_path);
  if (address.sun_path[0] == '@') address.sun_path[0] = '\0';
  const UniqueFd fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  if (!fd.valid()) return false;
  const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + m_socket.size());
  const ssize_t sent = ::sendto(fd.get(), message.data(), message.size(), MSG_NOSIGNAL,
                                reinterpret_cast<const sockaddr*>(&address), length);
  return sent == static_cast<ssize_t>(message.size());
}

bool SystemdNotify::ready(std::string_view status_text) const {
  std::string message = "READY=1";
  if (!status_text.empty()) message += "\nSTATUS=" + std::string(status_text);
  return send(message);
}

bool SystemdNotify::watchdog() const { return send("WATCHDOG=1"); }

bool SystemdNotify::status(std::string_view text) const {
  return send("STATUS=" + std::string(text));
}

bool SystemdNotify::stopping() const { return send("STOPPING=1"); }

}  // namespace tinxa::broadcast
