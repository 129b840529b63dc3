#include "broadcast/engine/ZoneArbiter.hpp"

#include <catch2/catch.hpp>

namespace tinxa::broadcast {

namespace {

using Kind = ZoneDecision::Kind;
using Decisions = std::vector<ZoneDecision>;

PlayRequest normal(RequestId id, std::vector<std::string> zones,
                   OnPreempt rule = OnPreempt::resume) {
  return {id, Priority::normal, rule, std::move(zones)};
}
PlayRequest priority(RequestId id, std::vector<std::string> zones) {
  return {id, Priority::priority, OnPreempt::resume, std::move(zones)};
}
PlayRequest emergency(RequestId id, std::vector<std::string> zones) {
  return {id, Priority::emergency, OnPreempt::restart, std::move(zones)};
}

}  // namespace

TEST_CASE("A request starts at once in free zones and nowhere else", "[engine][arbiter]") {
  ZoneArbiter arbiter;
  CHECK(arbiter.add(normal(1, {"thon-1", "thon-2"})) ==
        Decisions{{Kind::start, 1, "thon-1"}, {Kind::start, 1, "thon-2"}});
  CHECK(arbiter.holder("thon-1") == 1u);
  CHECK_FALSE(arbiter.holder("thon-3"));
}

TEST_CASE("An emergency takes its zones from routine items, and untargeted zones carry on",
          "[engine][arbiter]") {
  ZoneArbiter arbiter;
  (void)arbiter.add(normal(1, {"thon-1", "thon-2"}));
  CHECK(arbiter.add(emergency(2, {"thon-1"})) ==
        Decisions{{Kind::suspend, 1, "thon-1"}, {Kind::start, 2, "thon-1"}});
  CHECK(arbiter.holder("thon-1") == 2u);
  CHECK(arbiter.holder("thon-2") == 1u);
  CHECK(arbiter.finished(2, "thon-1") == Decisions{{Kind::resume, 1, "thon-1"}});
  CHECK(arbiter.holder("thon-1") == 1u);
}

TEST_CASE("What was interrupted resumes, restarts or is dropped as its slot says",
          "[engine][arbiter]") {
  ZoneArbiter arbiter;
  (void)arbiter.add(normal(1, {"a"}, OnPreempt::restart));
  (void)arbiter.add(normal(2, {"b"}, OnPreempt::drop));
  CHECK(arbiter.add(emergency(3, {"a", "b"})) == Decisions{{Kind::suspend, 1, "a"},
                                                           {Kind::start, 3, "a"},
                                                           {Kind::drop, 2, "b"},
                                                           {Kind::start, 3, "b"}});
  CHECK(arbiter.finished(3, "a") == Decisions{{Kind::restart, 1, "a"}});
  CHECK(arbiter.finished(3, "b").empty());
  CHECK_FALSE(arbiter.holder("b"));
}

TEST_CASE("The same class waits its turn, first come first served", "[engine][arbiter]") {
  ZoneArbiter arbiter;
  (void)arbiter.add(normal(1, {"a"}));
  CHECK(arbiter.add(normal(2, {"a"})) == Decisions{{Kind::queue, 2, "a"}});
  CHECK(arbiter.add(normal(3, {"a"})) == Decisions{{Kind::queue, 3, "a"}});
  CHECK(arbiter.add(emergency(4, {"a"})) ==
        Decisions{{Kind::suspend, 1, "a"}, {Kind::start, 4, "a"}});
  CHECK(arbiter.add(emergency(5, {"a"})) == Decisions{{Kind::queue, 5, "a"}});
  CHECK(arbiter.waiting("a") == 4);  // 1 suspended, 2, 3 and 5 queued
  CHECK(arbiter.finished(4, "a") == Decisions{{Kind::start, 5, "a"}});
  CHECK(arbiter.finished(5, "a") == Decisions{{Kind::resume, 1, "a"}});
  CHECK(arbiter.finished(1, "a") == Decisions{{Kind::start, 2, "a"}});
  CHECK(arbiter.finished(2, "a") == Decisions{{Kind::start, 3, "a"}});
  CHECK(arbiter.finished(3, "a").empty());
}

TEST_CASE("Interruptions nest: each class returns in order when the one above it ends",
          "[engine][arbiter]") {
  ZoneArbiter arbiter;
  (void)arbiter.add(normal(1, {"a"}));
  (void)arbiter.add(priority(2, {"a"}));
  CHECK(arbiter.add(emergency(3, {"a"})) ==
        Decisions{{Kind::suspend, 2, "a"}, {Kind::start, 3, "a"}});
  CHECK(arbiter.finished(3, "a") == Decisions{{Kind::resume, 2, "a"}});
  CHECK(arbiter.finished(2, "a") == Decisions{{Kind::resume, 1, "a"}});
}

TEST_CASE("A waiting higher class goes before a suspended lower one", "[engine][arbiter]") {
  ZoneArbiter arbiter;
  (void)arbiter.add(normal(1, {"a"}));
  (void)arbiter.add(emergency(2, {"a"}));
  CHECK(arbiter.add(priority(3, {"a"})) == Decisions{{Kind::queue, 3, "a"}});
  CHECK(arbiter.finished(2, "a") == Decisions{{Kind::start, 3, "a"}});
  CHECK(arbiter.finished(3, "a") == Decisions{{Kind::resume, 1, "a"}});
}

TEST_CASE("Stopping a request frees its zones and forgets it where it waited",
          "[engine][arbiter]") {
  ZoneArbiter arbiter;
  (void)arbiter.add(normal(1, {"a", "b"}));
  (void)arbiter.add(normal(2, {"a"}));
  (void)arbiter.add(emergency(3, {"b"}));
  CHECK(arbiter.cancel(1) == Decisions{{Kind::start, 2, "a"}});
  CHECK(arbiter.holder("b") == 3u);
  CHECK(arbiter.finished(3, "b").empty());
  CHECK(arbiter.waiting("a") == 0);
}

TEST_CASE("An end reported by a request that does not hold the zone changes nothing",
          "[engine][arbiter]") {
  ZoneArbiter arbiter;
  (void)arbiter.add(normal(1, {"a"}));
  (void)arbiter.add(normal(2, {"a"}));
  CHECK(arbiter.finished(2, "a").empty());
  CHECK(arbiter.finished(1, "b").empty());
  CHECK(arbiter.holder("a") == 1u);
}

}  // namespace tinxa::broadcast
