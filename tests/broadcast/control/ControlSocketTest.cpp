// The control socket for real: a server on a Unix socket in a temporary folder, served by a
// polling thread, and clients connecting to it as `tinxa` does.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "broadcast/control/ControlClient.hpp"
#include "broadcast/control/ControlError.hpp"
#include "broadcast/control/ControlServer.hpp"
#include "broadcast/control/UniqueFd.hpp"
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

// A raw client: connected (the server accepts it on its next on_ready), nothing read.
UniqueFd raw_client(const std::filesystem::path& socket) {
  UniqueFd fd{::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)};
  REQUIRE(fd.valid());
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string text = socket.string();
  std::copy(text.begin(), text.end(), address.sun_path);
  REQUIRE(::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  return fd;
}

void send_line(const UniqueFd& fd, const std::string& line) {
  const std::string text = line + "\n";
  REQUIRE(::send(fd.get(), text.data(), text.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(text.size()));
}

// Polls and serves `server` on this thread until `done` holds (bounded: 10 s).
template <typename Done>
void serve_until(ControlServer& server, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    std::vector<pollfd> fds;
    server.add_poll_fds(fds);
    if (::poll(fds.data(), fds.size(), 20) > 0) server.on_ready(fds);
  }
  REQUIRE(done());
}

// Polls and serves `server` on this thread until on_ready throws an `Exception` (the handler's,
// passed through); false if none came in 10 s.
template <typename Exception>
bool serve_until_thrown(ControlServer& server) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    std::vector<pollfd> fds;
    server.add_poll_fds(fds);
    if (::poll(fds.data(), fds.size(), 20) <= 0) continue;
    try {
      server.on_ready(fds);
    } catch (const Exception&) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("A handler that throws leaves no client to defer to", "[control][socket][defer]") {
  const tinxa::test::TempDir dir;
  int calls = 0;
  ControlServer server(dir / "control.sock", "", [&](const Request&) -> Response {
    ++calls;
    throw std::runtime_error("handler failed");
  });
  const auto client = raw_client(dir / "control.sock");
  send_line(client, "status");
  REQUIRE(serve_until_thrown<std::runtime_error>(server));
  CHECK(calls == 1);
  // Outside the handler: refused, not written into the client served when it threw.
  CHECK_THROWS_AS((void)server.defer(), std::logic_error);
}

TEST_CASE("A client that hangs up while its reload answer is deferred harms nobody",
          "[control][socket][defer]") {
  const tinxa::test::TempDir dir;
  std::vector<ControlServer::Ticket> tickets;
  std::unique_ptr<ControlServer> server;
  server = std::make_unique<ControlServer>(dir / "control.sock", "", [&](const Request& r) {
    if (r.command == "reload") {
      tickets.push_back(server->defer());
      return Response{};
    }
    Response response;
    response.fields = {{"state", "idle"}};
    return response;
  });
  // Two clients ask for a reload and hang up before it is answered: one answered before the
  // server notices (the send fails quietly), one after it dropped the client (ignored).
  auto first = raw_client(dir / "control.sock");
  auto second = raw_client(dir / "control.sock");
  send_line(first, "reload");
  send_line(second, "reload");
  serve_until(*server, [&] { return tickets.size() == 2; });
  CHECK(server->client_count() == 2);
  first.reset();
  server->answer(tickets[0], Response::ok());
  second.reset();
  serve_until(*server, [&] { return server->client_count() == 0; });
  server->answer(tickets[1], Response::ok());
  // Another client is served as usual.
  std::atomic<bool> done{false};
  Response status;
  std::thread other{[&] {
    try {
      auto client = ControlClient::connect(dir / "control.sock", 5s);
      status = client.send(Request{"status", {}});
    } catch (const std::exception& e) {
      status = Response::fail(AckCode::failed, "status", e.what());
    }
    done = true;
  }};
  serve_until(*server, [&] { return done.load(); });
  other.join();
  CHECK_FALSE(status.error);
  REQUIRE(status.fields.size() == 1);
  CHECK(status.fields[0].second == "idle");
  server.reset();
}

TEST_CASE("A handler may answer another client's deferred request but not its own",
          "[control][socket][defer]") {
  const tinxa::test::TempDir dir;
  std::vector<ControlServer::Ticket> tickets;
  std::unique_ptr<ControlServer> server;
  server = std::make_unique<ControlServer>(dir / "control.sock", "", [&](const Request& r) {
    if (r.command == "reload") {
      tickets.push_back(server->defer());
      return Response{};
    }
    if (r.command == "stop") {  // answers the first reload from inside this handler
      server->answer(tickets.at(0), Response::ok());
      return Response::ok();
    }
    // "skip": defers, then answers itself through the ticket: a programming error.
    const auto own = server->defer();
    server->answer(own, Response::ok());
    return Response{};
  });
  const auto waiting = raw_client(dir / "control.sock");
  const auto other = raw_client(dir / "control.sock");
  send_line(waiting, "reload");
  serve_until(*server, [&] { return tickets.size() == 1; });
  send_line(other, "stop");
  // Both clients get their answers: the greeting, then one OK line each.
  auto received = [](const UniqueFd& fd, std::string& text) {
    char buffer[256];
    const ssize_t n = ::recv(fd.get(), buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) text.append(buffer, static_cast<std::size_t>(n));
    return std::count(text.begin(), text.end(), '\n') >= 2;
  };
  std::string waiting_text;
  std::string other_text;
  serve_until(*server,
              [&] { return received(waiting, waiting_text) && received(other, other_text); });
  CHECK_THAT(waiting_text, Catch::EndsWith("\nOK\n"));
  CHECK_THAT(other_text, Catch::EndsWith("\nOK\n"));
  CHECK(server->client_count() == 2);

  send_line(other, "skip");
  CHECK(serve_until_thrown<std::logic_error>(*server));
}

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
