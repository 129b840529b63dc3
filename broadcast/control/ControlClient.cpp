#include "broadcast/control/ControlClient.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "broadcast/control/ControlError.hpp"

namespace tinxa::broadcast {

ControlClient::ControlClient(UniqueFd fd, std::chrono::milliseconds timeout)
    : m_fd(std::move(fd)), m_timeout(timeout) {}

ControlClient ControlClient::connect(const std::filesystem::path& path,
                                     std::chrono::milliseconds timeout) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string text = path.string();
  if (text.size() >= sizeof(address.sun_path))
    throw ControlError(
        fmt::format("đường dẫn ổ cắm quá dài / the socket path is too long: {}", text));
  std::copy(text.begin(), text.end(), address.sun_path);
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd.valid())
    throw ControlError(
        fmt::format("không tạo được ổ cắm / cannot create a socket: {}", std::strerror(errno)));
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    const int error = errno;
    if (error == EACCES)
      throw ControlError(fmt::format(
          "không được phép dùng {}: hãy thêm người dùng vào nhóm vận hành / access to {} is "
          "refused: add the user to the operators group",
          text, text));
    throw ControlError(fmt::format(
        "không kết nối được tới tinxa-broadcastd tại {} ({}); chương trình có đang chạy? / cannot "
        "reach tinxa-broadcastd at {} ({}); is it running?",
        text, std::strerror(error), text, std::strerror(error)));
  }
  ControlClient client(std::move(fd), timeout);
  const std::string greeting = client.read_line();
  const std::string prefix = "OK tinxa ";
  if (greeting.rfind(prefix, 0) != 0)
    throw ControlError(
        fmt::format("{} không phải tinxa-broadcastd / is not tinxa-broadcastd", text));
  client.m_version = std::atoi(greeting.c_str() + prefix.size());
  if (client.m_version != kProtocolVersion)
    throw ControlError(fmt::format(
        "tinxa-broadcastd dùng giao thức {} còn tinxa dùng {}; hãy cập nhật cả hai / the daemon "
        "speaks protocol {} and this tinxa speaks {}; update both",
        client.m_version, kProtocolVersion, client.m_version, kProtocolVersion));
  return client;
}

std::string ControlClient::read_line() {
  for (;;) {
    const auto newline = m_input.find('\n');
    if (newline != std::string::npos) {
      std::string line = m_input.substr(0, newline);
      m_input.erase(0, newline + 1);
      return line;
    }
    pollfd p{m_fd.get(), POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(m_timeout.count()));
    if (ready == 0)
      throw ControlError("tinxa-broadcastd không trả lời / tinxa-broadcastd does not answer");
    if (ready < 0) {
      if (errno == EINTR) continue;
      throw ControlError(fmt::format("lỗi chờ / poll failed: {}", std::strerror(errno)));
    }
    char buffer[1024];
    const ssize_t n = ::recv(m_fd.get(), buffer, sizeof(buffer), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw ControlError(
          "tinxa-broadcastd đã đóng kết nối / tinxa-broadcastd closed the connection");
    m_input.append(buffer, static_cast<std::size_t>(n));
  }
}

Response ControlClient::send(const Request& request) {
  const std::string line = format_request(request) + "\n";
  std::size_t sent = 0;
  while (sent < line.size()) {
    const ssize_t n = ::send(m_fd.get(), line.data() + sent, line.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw ControlError(
          "tinxa-broadcastd đã đóng kết nối / tinxa-broadcastd closed the connection");
    sent += static_cast<std::size_t>(n);
  }
  std::vector<std::string> lines;
  for (;;) {
    lines.push_back(read_line());
    if (lines.back() == "OK" || lines.back().rfind("ACK ", 0) == 0) break;
  }
  auto response = parse_response(lines);
  if (!response)
    throw ControlError("câu trả lời không đúng giao thức / the answer is not the protocol");
  return *response;
}

}  // namespace tinxa::broadcast
