#include "broadcast/control/ControlServer.hpp"

#include <fcntl.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

#include "broadcast/control/CommandTable.hpp"
#include "broadcast/control/ControlError.hpp"

namespace tinxa::broadcast {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what_vi,
                       std::string_view what_en, int error) {
  throw ControlError(
      fmt::format("{} / {}: {}: {}", what_vi, what_en, path.string(), std::strerror(error)));
}

void send_all(int fd, const std::string& text) {
  std::size_t sent = 0;
  while (sent < text.size()) {
    const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the client is gone or not reading; poll() reports the hang-up
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace

ControlServer::ControlServer(std::filesystem::path path, const std::string& group, Handler handler)
    : m_path(std::move(path)), m_handler(std::move(handler)) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string text = m_path.string();
  if (text.size() >= sizeof(address.sun_path))
    throw ControlError(
        fmt::format("đường dẫn ổ cắm quá dài / the socket path is too long: {}", text));
  std::copy(text.begin(), text.end(), address.sun_path);

  gid_t gid = static_cast<gid_t>(-1);
  if (!group.empty()) {
    const struct group* entry = ::getgrnam(group.c_str());
    if (entry == nullptr)
      throw ControlError(
          fmt::format("không có nhóm người vận hành / there is no operators group "
                      "\"{}\" (broadcast.yaml operators_group)",
                      group));
    gid = entry->gr_gid;
  }

  m_listener = UniqueFd(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!m_listener.valid()) fail(m_path, "không tạo được ổ cắm", "cannot create the socket", errno);
  std::error_code ec;
  if (std::filesystem::is_socket(m_path, ec)) std::filesystem::remove(m_path, ec);
  // Create the socket file with no access at all, then open it to owner and group only.
  const mode_t old_mask = ::umask(0777);
  const int bound =
      ::bind(m_listener.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address));
  const int bind_error = errno;
  ::umask(old_mask);
  if (bound != 0)
    fail(m_path, "không mở được ổ cắm điều khiển", "cannot bind the control socket", bind_error);
  if (::chown(text.c_str(), static_cast<uid_t>(-1), gid) != 0 || ::chmod(text.c_str(), 0660) != 0)
    fail(m_path, "không đặt được quyền cho ổ cắm", "cannot set the socket's permissions", errno);
  if (::listen(m_listener.get(), 8) != 0)
    fail(m_path, "không nghe được trên ổ cắm", "cannot listen on the socket", errno);
}

ControlServer::~ControlServer() {
  m_clients.clear();
  m_listener.reset();
  std::error_code ec;
  std::filesystem::remove(m_path, ec);
}

void ControlServer::add_poll_fds(std::vector<pollfd>& fds) const {
  fds.push_back(pollfd{m_listener.get(), POLLIN, 0});
  for (const auto& client : m_clients) fds.push_back(pollfd{client.fd.get(), POLLIN, 0});
}

void ControlServer::on_ready(const std::vector<pollfd>& fds) {
  for (const auto& p : fds) {
    if (p.revents == 0) continue;
    if (p.fd == m_listener.get()) {
      accept_clients();
      continue;
    }
    const auto it = std::find_if(m_clients.begin(), m_clients.end(),
                                 [&](const Client& c) { return c.fd.get() == p.fd; });
    if (it == m_clients.end()) continue;
    if (!serve(*it)) m_clients.erase(it);
  }
}

void ControlServer::accept_clients() {
  for (;;) {
    UniqueFd fd(::accept4(m_listener.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
    if (!fd.valid()) return;  // EAGAIN: nothing more to accept now
    send_all(fd.get(), fmt::format("OK tinxa {}\n", kProtocolVersion));
    Client client;
    client.fd = std::move(fd);
    m_clients.push_back(std::move(client));
  }
}

bool ControlServer::serve(Client& client) {
  char buffer[1024];
  for (;;) {
    const ssize_t n = ::recv(client.fd.get(), buffer, sizeof(buffer), 0);
    if (n == 0) return false;
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) break;  // EWOULDBLOCK is the same value on Linux
      return false;
    }
    client.input.append(buffer, static_cast<std::size_t>(n));
  }
  return answer_lines(client);
}

bool ControlServer::answer_lines(Client& client) {
  std::size_t newline;
  while (client.waiting == 0 && (newline = client.input.find('\n')) != std::string::npos) {
    const std::string line = client.input.substr(0, newline);
    client.input.erase(0, newline + 1);
    std::string error;
    const auto request = parse_request(line, error);
    Response response;
    if (!request)
      response = Response::fail(AckCode::protocol, "", error);
    else if (auto refusal = check_request(*request))
      response = std::move(*refusal);
    else {
      // Reset however the handler leaves (it may throw): a later defer() must not reach a
      // client that may be gone by then.
      struct Serving {
        Client*& serving;
        ~Serving() { serving = nullptr; }
      };
      m_serving = &client;
      const Serving reset{m_serving};
      response = m_handler(*request);
      if (client.waiting != 0) {
        client.waiting_command = request->command;
        break;
      }
    }
    if (request && response.command.empty()) response.command = request->command;
    send_all(client.fd.get(), format_response(response));
  }
  // The line being written, or (while an answer is deferred) what waits behind it.
  const auto last = client.input.rfind('\n');
  const auto partial =
      last == std::string::npos ? client.input.size() : client.input.size() - last - 1;
  if (partial > kMaxRequestBytes || client.input.size() > 16 * kMaxRequestBytes) {
    send_all(client.fd.get(),
             format_response(Response::fail(AckCode::protocol, "",
                                            "yêu cầu quá dài / the request is too long")));
    return false;
  }
  return true;
}

ControlServer::Ticket ControlServer::defer() {
  if (m_serving == nullptr) throw std::logic_error("ControlServer::defer outside the handler");
  m_serving->waiting = ++m_last_ticket;
  return m_serving->waiting;
}

void ControlServer::answer(Ticket ticket, Response response) {
  const auto it = std::find_if(m_clients.begin(), m_clients.end(),
                               [&](const Client& c) { return ticket != 0 && c.waiting == ticket; });
  if (it == m_clients.end()) return;
  // The handler answers its own request by returning the response, not through a ticket.
  if (&*it == m_serving)
    throw std::logic_error("ControlServer::answer for the request being handled");
  if (response.command.empty()) response.command = it->waiting_command;
  send_all(it->fd.get(), format_response(response));
  it->waiting = 0;
  if (!answer_lines(*it)) m_clients.erase(it);
}

}  // namespace tinxa::broadcast
