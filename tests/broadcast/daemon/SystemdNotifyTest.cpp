#include "broadcast/daemon/SystemdNotify.hpp"

#include <sys/socket.h>
#include <sys/un.h>

#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>

#include "broadcast/control/UniqueFd.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {

namespace {

// A datagram socket standing in for systemd's notification socket.
class FakeSystemd {
 public:
  explicit FakeSystemd(const std::filesystem::path& path)
      : m_fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0)) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string text = path.string();
    std::copy(text.begin(), text.end(), address.sun_path);
    REQUIRE(::bind(m_fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
    ::setenv("NOTIFY_SOCKET", text.c_str(), 1);
  }
  ~FakeSystemd() { ::unsetenv("NOTIFY_SOCKET"); }

  std::string receive() {
    char buffer[512];
    const ssize_t n = ::recv(m_fd.get(), buffer, sizeof(buffer), 0);
    return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string{};
  }

 private:
  UniqueFd m_fd;
};

}  // namespace

TEST_CASE("Readiness, watchdog and status reach systemd's socket as its protocol words",
          "[daemon][systemd]") {
  const tinxa::test::TempDir dir;
  FakeSystemd systemd(dir / "notify");
  ::setenv("WATCHDOG_USEC", "30000000", 1);
  const SystemdNotify notify;
  ::unsetenv("WATCHDOG_USEC");
  CHECK(notify.ready("3 cụm loa / 3 zones"));
  CHECK(systemd.receive() == "READY=1\nSTATUS=3 cụm loa / 3 zones");
  CHECK(notify.watchdog());
  CHECK(systemd.receive() == "WATCHDOG=1");
  CHECK(notify.stopping());
  CHECK(systemd.receive() == "STOPPING=1");
  REQUIRE(notify.watchdog_interval());
  CHECK(*notify.watchdog_interval() == std::chrono::seconds{15});
}

TEST_CASE("Without systemd every notification is a harmless no-op", "[daemon][systemd]") {
  ::unsetenv("NOTIFY_SOCKET");
  const SystemdNotify notify;
  CHECK_FALSE(notify.ready());
  CHECK_FALSE(notify.watchdog());
  CHECK_FALSE(notify.watchdog_interval());
}

}  // namespace tinxa::broadcast
