#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "broadcast/control/Request.hpp"
#include "broadcast/control/Response.hpp"
#include "broadcast/control/UniqueFd.hpp"

namespace tinxa::broadcast {

// The operator's end of the control socket (`tinxa status|play|stop|...`, and the kiosk asking
// what plays next). Blocking, with a timeout on every wait. One thread at a time.
class ControlClient {
 public:
  // Connects to the daemon at `path` and reads its greeting. Throws ControlError, bilingual, when
  // nothing listens there (is tinxa-broadcastd running?), when access is refused (is the user in
  // the operators group?), when the daemon speaks another protocol version, or on timeout.
  [[nodiscard]] static ControlClient connect(const std::filesystem::path& path,
                                             std::chrono::milliseconds timeout);

  // Sends one request and waits for its whole answer. Throws ControlError on timeout, hang-up or
  // an answer that is not the protocol.
  [[nodiscard]] Response send(const Request& request);

  [[nodiscard]] int server_version() const noexcept { return m_version; }

 private:
  ControlClient(UniqueFd fd, std::chrono::milliseconds timeout);
  [[nodiscard]] std::string read_line();

  UniqueFd m_fd;
  std::chrono::milliseconds m_timeout;
  std::string m_input;
  int m_version = 0;
};

}  // namespace tinxa::broadcast
