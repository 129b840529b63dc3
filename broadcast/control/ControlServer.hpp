#pragma once

#include <poll.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "broadcast/control/Request.hpp"
#include "broadcast/control/Response.hpp"
#include "broadcast/control/UniqueFd.hpp"

namespace tinxa::broadcast {

// The daemon's end of the control socket. Owned by the daemon's event loop and used only on that
// thread: it never blocks; the loop polls the descriptors it lists and calls on_ready().
// Requests that fail the command table are answered without reaching the handler.
class ControlServer {
 public:
  // Called on the event-loop thread with a checked request; returns the answer.
  using Handler = std::function<Response(const Request&)>;

  // Listens on a Unix socket at `path` (a stale socket file is replaced), readable and writable
  // only by its owner and by `group` (mode 0660; the group is left as it is when empty). Throws
  // ControlError naming the path and the reason, e.g. an unknown group or a folder that is missing.
  ControlServer(std::filesystem::path path, const std::string& group, Handler handler);
  ControlServer(const ControlServer&) = delete;
  ControlServer& operator=(const ControlServer&) = delete;
  ~ControlServer();

  // Appends one pollfd (POLLIN) per descriptor to watch: the listener, then each client.
  void add_poll_fds(std::vector<pollfd>& fds) const;

  // Accepts, reads and answers whatever `fds` (as filled by poll()) says is ready. Never blocks;
  // a client that sends an over-long line or hangs up is dropped.
  void on_ready(const std::vector<pollfd>& fds);

  [[nodiscard]] std::size_t client_count() const noexcept { return m_clients.size(); }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }

 private:
  struct Client {
    UniqueFd fd;
    std::string input;
  };

  void accept_clients();
  // Reads what `client` sent and answers each complete line; false when it must be dropped.
  bool serve(Client& client);

  std::filesystem::path m_path;
  Handler m_handler;
  UniqueFd m_listener;
  std::vector<Client> m_clients;
};

}  // namespace tinxa::broadcast
