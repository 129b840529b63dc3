// Reloads loaded on the worker thread (BackgroundReload, ReloadWorker) while the loop goes on: a
// slow load does not hold up what the loop does meanwhile, its answer carries the checker's
// errors, requests coalesce, and the deferred answer over the real control socket.
#include <catch2/catch.hpp>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "broadcast/control/ControlClient.hpp"
#include "broadcast/control/ControlServer.hpp"
#include "broadcast/daemon/BackgroundReload.hpp"
#include "tests/broadcast/daemon/DaemonFixture.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using test::DaemonSite;
using test::field;
using test::kOrigin;

// Waits are bounded only so that a broken build fails instead of hanging; no test measures time.
constexpr auto kSafety = 60s;

// A load that waits at a gate the test opens, and counts the loads that started and ended.
struct Gate {
  std::mutex mutex;
  std::condition_variable cv;
  bool open = false;
  int entered = 0;
  int finished = 0;

  ReloadWorker::Load wrap(ReloadWorker::Load load) {
    return [this, load = std::move(load)] {
      {
        std::unique_lock lock{mutex};
        ++entered;
        cv.notify_all();
        cv.wait_for(lock, kSafety, [this] { return open; });
      }
      auto candidate = load();
      const std::lock_guard lock{mutex};
      ++finished;
      cv.notify_all();
      return candidate;
    };
  }
  void wait_entered(int n) {
    std::unique_lock lock{mutex};
    REQUIRE(cv.wait_for(lock, kSafety, [&] { return entered >= n; }));
  }
  void release() {
    const std::lock_guard lock{mutex};
    open = true;
    cv.notify_all();
  }
  int entered_now() {
    const std::lock_guard lock{mutex};
    return entered;
  }
  int finished_now() {
    const std::lock_guard lock{mutex};
    return finished;
  }
};

// What the loop does when woken, without an eventfd: the test thread waits for the wake.
struct Wakes {
  std::mutex mutex;
  std::condition_variable cv;
  int count = 0;

  std::function<void()> callback() {
    return [this] {
      const std::lock_guard lock{mutex};
      ++count;
      cv.notify_all();
    };
  }
};

// Collects until `n` reloads have finished (each wake is awaited, never slept on).
std::vector<BackgroundReload::Finished> collect(BackgroundReload& reloads, Wakes& wakes,
                                                std::size_t n) {
  std::vector<BackgroundReload::Finished> out;
  int seen = 0;
  while (out.size() < n) {
    {
      std::unique_lock lock{wakes.mutex};
      REQUIRE(wakes.cv.wait_for(lock, kSafety, [&] { return wakes.count > seen; }));
      seen = wakes.count;
    }
    for (auto& f : reloads.collect()) out.push_back(std::move(f));
  }
  return out;
}

const std::string kMovedSchedule = test::kSchedule +
                                   "  chieu:\n    announcement: b\n    at: \"06:00:40\"\n"
                                   "    zones: [z3]\n";

TEST_CASE("a slow reload does not hold up a scheduled start or an alert on the loop",
          "[daemon][reload][background]") {
  DaemonSite site{"bg-slow"};
  Gate gate;
  Wakes wakes;
  BackgroundReload reloads{*site.programme,
                           *site.engine,
                           *site.handlers,
                           site.clock,
                           gate.wrap(load_files_of(*site.programme)),
                           {},
                           wakes.callback()};
  test::write_text(site.dir / "schedule.yaml", kMovedSchedule);
  reloads.request("reload", 7);
  gate.wait_entered(1);  // the worker is loading, and stays there until the gate opens

  // Meanwhile the loop: sang starts at 06:00:10 on the old schedule, and an alert goes on air.
  site.run_until(kOrigin + 11s);
  const auto z1 = site.engine->now_playing("z1");
  REQUIRE(z1);
  CHECK(z1->slot_id == "sang");
  const auto alert = site.send("alert", {"alarm", "z2"});
  REQUIRE_FALSE(alert.error);
  CHECK(field(alert, "zone.z2") == "playing");
  CHECK(site.engine->now_playing("z2")->priority == Priority::emergency);
  CHECK(gate.finished_now() == 0);  // all of that happened while the load was still under way
  CHECK(reloads.collect().empty());
  CHECK(site.programme->schedule().slots.size() == 1);  // the old schedule is in force

  gate.release();
  auto done = collect(reloads, wakes, 1);
  REQUIRE(done.size() == 1);
  CHECK(done[0].applied);
  CHECK(done[0].why == "reload");
  CHECK(done[0].waiters == std::vector<std::uint64_t>{7});
  CHECK_FALSE(done[0].response.error);
  CHECK(field(done[0].response, "slots") == "2");
  CHECK(field(done[0].response, "next") == "2026-11-30T06:00:40+07:00");
  site.run_until(kOrigin + 41s);
  const auto z3 = site.engine->now_playing("z3");
  REQUIRE(z3);
  CHECK(z3->slot_id == "chieu");
}

TEST_CASE("the answer to a reload carries a broken edit's errors and the old schedule plays on",
          "[daemon][reload][background]") {
  DaemonSite site{"bg-broken"};
  Wakes wakes;
  BackgroundReload reloads{
      *site.programme, *site.engine, *site.handlers, site.clock, load_files_of(*site.programme), {},
      wakes.callback()};
  test::write_text(site.dir / "schedule.yaml",
                   test::kSchedule + "  chieu:\n    playlist: q\n    at: \"06:00:20\"\n");
  reloads.request("reload", 1);
  CHECK_FALSE(site.programme->changed());  // asked for: the file watch does not ask again
  auto done = collect(reloads, wakes, 1);
  REQUIRE(done.size() == 1);
  const Response& r = done[0].response;
  CHECK_FALSE(done[0].applied);
  REQUIRE(r.error == AckCode::failed);
  CHECK(r.message.find("the old one keeps running") != std::string::npos);
  CHECK(field(r, "error").find("schedule.yaml:11:15: lỗi/error") != std::string::npos);
  CHECK(field(r, "slots") == "1");
  site.run_until(kOrigin + 12s);
  const auto z1 = site.engine->now_playing("z1");
  REQUIRE(z1);
  CHECK(z1->slot_id == "sang");
}

TEST_CASE("reloads asked for while one loads coalesce into one more load after it",
          "[daemon][reload][background]") {
  DaemonSite site{"bg-coalesce"};
  Gate gate;
  Wakes wakes;
  BackgroundReload reloads{*site.programme,
                           *site.engine,
                           *site.handlers,
                           site.clock,
                           gate.wrap(load_files_of(*site.programme)),
                           {},
                           wakes.callback()};
  reloads.request("reload", 1);
  gate.wait_entered(1);
  // Three more while the first loads: one more load answers them all, and it reads the edit.
  test::write_text(site.dir / "schedule.yaml", kMovedSchedule);
  reloads.request("SIGHUP");
  reloads.request("reload", 2);
  reloads.check_file();
  reloads.request("reload", 3);
  gate.release();
  auto done = collect(reloads, wakes, 2);
  REQUIRE(done.size() == 2);
  CHECK(done[0].waiters == std::vector<std::uint64_t>{1});
  CHECK(done[1].waiters == std::vector<std::uint64_t>{2, 3});
  CHECK(done[1].why == "SIGHUP, reload");
  CHECK(done[1].applied);
  CHECK(field(done[1].response, "slots") == "2");
  // One more request is the third load, not the fifth: nothing was queued behind.
  reloads.request("reload", 4);
  done = collect(reloads, wakes, 1);
  REQUIRE(done.size() == 1);
  CHECK(done[0].waiters == std::vector<std::uint64_t>{4});
  CHECK(gate.finished_now() == 3);
}

// The daemon's loop in miniature: the control socket and the worker's eventfd, polled.
TEST_CASE("the reload command is answered when its load is done while other clients are served",
          "[daemon][reload][background][control]") {
  DaemonSite site{"bg-socket"};
  Gate gate;
  const UniqueFd wakeup{::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)};
  REQUIRE(wakeup.valid());
  BackgroundReload reloads{*site.programme,
                           *site.engine,
                           *site.handlers,
                           site.clock,
                           gate.wrap(load_files_of(*site.programme)),
                           {},
                           [fd = wakeup.get()] {
                             const std::uint64_t one = 1;
                             [[maybe_unused]] auto n = ::write(fd, &one, sizeof one);
                           }};
  const auto socket = site.dir / "control.sock";
  std::unique_ptr<ControlServer> server;
  server = std::make_unique<ControlServer>(socket, "", [&](const Request& r) {
    if (r.command == "reload") {
      reloads.request("reload", server->defer());
      return Response{};
    }
    return site.handlers->handle(r);
  });
  test::write_text(site.dir / "schedule.yaml",
                   test::kSchedule + "  chieu:\n    playlist: q\n    at: \"06:00:20\"\n");

  const auto loop_turn = [&] {
    std::vector<pollfd> fds{pollfd{wakeup.get(), POLLIN, 0}};
    server->add_poll_fds(fds);
    ::poll(fds.data(), fds.size(), 50);
    if (fds[0].revents & POLLIN) {
      std::uint64_t count = 0;
      [[maybe_unused]] auto n = ::read(wakeup.get(), &count, sizeof count);
      for (auto& done : reloads.collect())
        for (const auto waiter : done.waiters) server->answer(waiter, done.response);
    }
    server->on_ready(fds);
  };
  const auto deadline = std::chrono::steady_clock::now() + kSafety;
  std::atomic<bool> reload_answered{false};
  Response reload_answer;
  Response status_after;
  std::atomic<bool> operator_done{false};
  // One client asks for a reload and then status on the same connection.
  std::thread operator_client{[&] {
    try {
      auto client = ControlClient::connect(socket, kSafety);
      reload_answer = client.send(Request{"reload", {}});
      reload_answered = true;
      status_after = client.send(Request{"status", {}});
    } catch (const std::exception& e) {
      reload_answer.message = e.what();
    }
    operator_done = true;
  }};
  while (gate.entered_now() == 0 && std::chrono::steady_clock::now() < deadline) loop_turn();
  // Another client's alert is answered while the reload is still loading.
  std::atomic<bool> alert_done{false};
  Response alert_answer;
  std::thread alert_client{[&] {
    try {
      auto client = ControlClient::connect(socket, kSafety);
      alert_answer = client.send(Request{"alert", {"alarm", "z2"}});
    } catch (const std::exception& e) {
      alert_answer = Response::fail(AckCode::failed, "alert", e.what());
    }
    alert_done = true;
  }};
  while (!alert_done && std::chrono::steady_clock::now() < deadline) loop_turn();
  const bool alert_first = alert_done && !reload_answered && gate.finished_now() == 0;
  gate.release();
  while (!operator_done && std::chrono::steady_clock::now() < deadline) loop_turn();
  while (!alert_done && std::chrono::steady_clock::now() < deadline) loop_turn();
  operator_client.join();
  alert_client.join();

  // The alert was answered while the reload was still loading, and before its answer.
  CHECK(alert_first);
  CHECK_FALSE(alert_answer.error);
  CHECK(field(alert_answer, "zone.z2") == "playing");
  REQUIRE(operator_done);
  REQUIRE(reload_answer.error == AckCode::failed);
  CHECK(reload_answer.command == "reload");
  CHECK(field(reload_answer, "error").find("schedule.yaml:11:15:") != std::string::npos);
  CHECK(field(status_after, "slots") == "1");  // the old schedule is still in force
  server.reset();
}

// A bundle copied half-way (a recording missing) is accepted and plays, but is never kept as
// the last good copy: only a whole bundle replaces the copy.
TEST_CASE("the reload worker keeps only a bundle with no media problems as the last good copy",
          "[daemon][reload][background][last-good]") {
  std::atomic<std::uint64_t> next_fingerprint{1};
  std::mutex mutex;
  std::vector<std::uint64_t> kept;
  Wakes wakes;
  ReloadWorker worker{[&] {
                        ReloadCandidate candidate;
                        candidate.schedule = Schedule{};
                        candidate.origin.fingerprint = next_fingerprint++;
                        candidate.media_problems = candidate.origin.fingerprint == 1 ? 1 : 0;
                        return candidate;
                      },
                      [&](const ReloadCandidate::Origin& origin) {
                        const std::lock_guard lock{mutex};
                        kept.push_back(origin.fingerprint);
                        return std::to_string(origin.fingerprint);
                      },
                      wakes.callback()};
  int seen = 0;
  const auto wait_wake = [&] {
    std::unique_lock lock{wakes.mutex};
    REQUIRE(wakes.cv.wait_for(lock, kSafety, [&] { return wakes.count > seen; }));
    seen = wakes.count;
  };
  for (std::uint64_t n = 1; n <= 2; ++n) {
    const auto number = worker.request();
    std::optional<ReloadWorker::Done> done;
    while (!done) {
      wait_wake();
      done = worker.take();
    }
    CHECK(done->number == number);
    CHECK(done->candidate.accepted());
  }
  // The save's wake may have come with the last load's.
  std::vector<std::string> notes = worker.take_notes();
  while (notes.empty()) {
    wait_wake();
    notes = worker.take_notes();
  }
  // The first save the worker made is the whole bundle's: the other was never queued.
  CHECK(notes.front() == "2");
  const std::lock_guard lock{mutex};
  CHECK(kept == std::vector<std::uint64_t>{2});
}

}  // namespace
}  // namespace tinxa::broadcast
