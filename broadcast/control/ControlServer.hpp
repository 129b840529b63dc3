#pragma once

#include <poll.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <list>
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

  // A deferred answer: a handler that cannot answer at once (the daemon's `reload`, loaded on a
  // worker thread) calls defer() and returns anything (it is not sent); answer() sends the
  // answer later, from the same thread. Until then that client's next requests wait in its
  // buffer, so its answers keep their order; other clients are served as usual.
  using Ticket = std::uint64_t;
  // Only while the handler runs: defers the answer to the request it handles.
  [[nodiscard]] Ticket defer();
  // Sends the deferred answer and serves what that client sent meanwhile. A ticket whose client
  // has hung up is ignored.
  void answer(Ticket ticket, Response response);

  [[nodiscard]] std::size_t client_count() const noexcept { return m_clients.size(); }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }

 private:
  struct Client {
    UniqueFd fd;
    std::string input;
    Ticket waiting = 0;           // a deferred answer is due (0: none)
    std::string waiting_command;  // its request's command, for an ACK line
  };

  void accept_clients();
  // Reads what `client` sent and answers each complete line; false when it must be dropped.
  bool serve(Client& client);
  // Answers the complete lines in `client`'s buffer until one is deferred; false when it must be
  // dropped.
  bool answer_lines(Client& client);

  std::filesystem::path m_path;
  Handler m_handler;
  UniqueFd m_listener;
  // A list: a client stays where it is while another is dropped (answer() may drop one while
  // the handler runs for another).
  std::list<Client> m_clients;
  Client* m_serving = nullptr;  // whose request the handler is answering
  Ticket m_last_ticket = 0;
};

}  // namespace tinxa::broadcast
