// The control socket for real: a server on a Unix socket in a temporary folder, served by a
// polling thread, and clients connecting to it as `tinxa` does.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <atomic>
#include <thread>

#include <catch2/catch.hpp>

#include "broadcast/control/ControlClient.hpp"
#include "broadcast/control/ControlError.hpp"
#include "broadcast/control/ControlServer.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {

namespace {

using namespace std::chrono_literals;

// Serves `server` on its own thread until destroyed; poll() wakes at least every 20 ms to see the
// stop flag (a bounded wait, not a sleep that a result depends on).
class ServingThread {
 public:
  explicit ServingThread(ControlServer& server)
      : m_thread([this, &server] {
          while (!m_stop) {
            std::vector<pollfd> fds;
            server.add_poll_fds(fds);
            if (::poll(fds.data(), fds.size(), 20) > 0) server.on_ready(fds);
          }
        }) {}
  ~ServingThread() {
    m_stop = true;
    m_thread.join();
  }

 private:
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

}  // namespace

TEST_CASE("A client's request reaches the handler and its answer comes back", "[control][socket]") {
  const tinxa::test::TempDir dir;
  std::vector<Request> seen;  // written on the serving thread, read after it stopped
  ControlServer server(dir / "control.sock", "", [&](const Request& request) {
    seen.push_back(request);
    Response r;
    r.fields = {{"zone", "thon-1"}, {"state", "idle"}};
    return r;
  });
  {
    ServingThread serving(server);
    auto client = ControlClient::connect(dir / "control.sock", 2s);
    CHECK(client.server_version() == kProtocolVersion);
    const Response status = client.send(Request{"status", {}});
    CHECK_FALSE(status.error);
    REQUIRE(status.fields.size() == 2);
    CHECK(status.fields[1].second == "idle");
    const Response refused = client.send(Request{"stauts", {}});
    REQUIRE(refused.error);
    CHECK(*refused.error == AckCode::unknown_command);
    const Response quoted = client.send(Request{"play", {"bản tin sáng", "thon-1"}});
    CHECK_FALSE(quoted.error);
  }
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].command == "status");
  CHECK(seen[1].arguments == std::vector<std::string>{"bản tin sáng", "thon-1"});
}

TEST_CASE("The socket is open to its owner and group only", "[control][socket]") {
  const tinxa::test::TempDir dir;
  ControlServer server(dir / "control.sock", "", [](const Request&) { return Response::ok(); });
  struct stat info {};
  REQUIRE(::stat((dir / "control.sock").c_str(), &info) == 0);
  CHECK(S_ISSOCK(info.st_mode));
  CHECK((info.st_mode & 0777) == 0660);
}

TEST_CASE("An unknown operators group is refused with its name", "[control][socket]") {
  const tinxa::test::TempDir dir;
  CHECK_THROWS_WITH(ControlServer(dir / "control.sock", "no-such-group-tinxa",
                                  [](const Request&) { return Response::ok(); }),
                    Catch::Contains("no-such-group-tinxa"));
}

TEST_CASE("Connecting where no daemon listens says so in both languages", "[control][socket]") {
  const tinxa::test::TempDir dir;
  CHECK_THROWS_WITH(ControlClient::connect(dir / "nobody.sock", 1s),
                    Catch::Contains("is it running?") && Catch::Contains("có đang chạy"));
}

TEST_CASE("A stale socket file from a crash is replaced, and removed at shutdown",
          "[control][socket]") {
  const tinxa::test::TempDir dir;
  {
    ControlServer first(dir / "control.sock", "", [](const Request&) { return Response::ok(); });
  }
  CHECK_FALSE(std::filesystem::exists(dir / "control.sock"));
  // A socket left behind by a process that died without cleaning up.
  {
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string path = (dir / "control.sock").string();
    std::copy(path.begin(), path.end(), address.sun_path);
    REQUIRE(::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
  }
  ControlServer second(dir / "control.sock", "", [](const Request&) { return Response::ok(); });
  ServingThread serving(second);
  auto client = ControlClient::connect(dir / "control.sock", 2s);
  CHECK_FALSE(client.send(Request{"reload", {}}).error);
}

}  // namespace tinxa::broadcast
