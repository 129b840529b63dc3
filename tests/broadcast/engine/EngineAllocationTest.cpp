// Proves that the engine's real render path allocates and frees nothing: each zone's Mixer as
// the engine drives it (file streams, a live voice, preemption with stops on a frame, resume,
// the end of a relay), rendered through its sink with the counting allocator armed only inside
// render(), with the synchronous decode and with the decode thread. Its own executable: it replaces
// the global operator new and delete.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "broadcast/audio/ToneSource.hpp"
#include "broadcast/engine/Engine.hpp"
#include "tests/broadcast/engine/EngineDriver.hpp"
#include "tests/broadcast/engine/EngineFixture.hpp"
#include "tests/broadcast/rt/CountingAllocator.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using alloc_test::g_allocations;
using alloc_test::g_armed;
using alloc_test::g_frees;
using test::kOrigin;

void check_render_allocates_nothing(bool decode_thread) {
  test::Installation site{decode_thread ? "engine-alloc-thread" : "engine-alloc"};
  EngineOptions o = test::engine_options();
  o.lead = 100ms;
  // The decode thread runs only when the driver wakes it (streams added, wait_decoded()), never
  // while a render is armed: what is counted is the render's own.
  o.decode_thread = decode_thread;
  o.decode_period = 1h;
  Engine engine{site.clock, site.log, site.schedule, site.bundle, o};
  engine.set_live_sources([](const std::string&, int rate) {
    ToneSource::Options t;
    t.sample_rate_hz = rate;
    t.frequency_hz = 300;
    return std::make_unique<ToneSource>(t);
  });
  std::uint64_t renders = 0;
  std::uint64_t allocations = 0;
  std::uint64_t frees = 0;
  std::uint64_t before_allocations = 0;
  std::uint64_t before_frees = 0;
  test::EngineDriver drive{engine, site.clock, [&](bool arm) {
                             if (arm) {
                               before_allocations = g_allocations.load();
                               before_frees = g_frees.load();
                               g_armed = true;
                               return;
                             }
                             g_armed = false;
                             allocations += g_allocations.load() - before_allocations;
                             frees += g_frees.load() - before_frees;
                             ++renders;
                           }};
  engine.schedule({
      test::occurrence("sang", kOrigin, {"z1", "z2"}, test::playlist("p")),
      test::occurrence("vov", kOrigin + 2500ms, {"z2"},
                       PlayItem{PlayKind::relay, {}, "radio", 1500ms, {}}, Priority::priority),
      test::occurrence("bao-dong", kOrigin + 3s, {"z1"}, test::announcement("alarm"),
                       Priority::emergency),
  });
  drive.run_until(kOrigin + 1s);
  const RequestId live = engine.start_live({"mic", {"z1"}, Priority::priority, {}, {}, {}});
  drive.run_until(kOrigin + 6s);
  REQUIRE(engine.stop_live(live));
  drive.run_until(kOrigin + 10s);
  CHECK_FALSE(engine.busy());
  CHECK(renders > 100);
  CHECK(allocations == 0);
  CHECK(frees == 0);
  // The run went through the paths it is about.
  std::set<std::string> outcomes;
  for (const auto& r : site.log.between(kOrigin, kOrigin + 1h))
    outcomes.insert(r.slot_id + ":" + std::string{content::to_string(r.outcome)});
  CHECK(outcomes.contains("live:preempted"));
  CHECK(outcomes.contains("live:resumed"));
  CHECK(outcomes.contains("vov:played"));
  CHECK(outcomes.contains("sang:preempted"));
  CHECK(outcomes.contains("sang:resumed"));
}

TEST_CASE("the engine's render path allocates nothing through live, preemption and resume",
          "[engine][alloc]") {
  check_render_allocates_nothing(false);
}

TEST_CASE("the render path allocates nothing when a decode thread feeds it", "[engine][alloc]") {
  check_render_allocates_nothing(true);
}

}  // namespace
}  // namespace tinxa::broadcast
