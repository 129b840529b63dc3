// Files the bundle marks unavailable (content::MediaPath::unavailable): each occurrence of one in
// a playlist gets exactly one skipped_file row, when its turn comes, whatever happens before
// (a preemption and resume, the end of the playlist).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "broadcast/engine/Engine.hpp"
#include "tests/broadcast/engine/EngineDriver.hpp"
#include "tests/broadcast/engine/EngineFixture.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using content::AsRunOutcome;
using content::AsRunRecord;
using test::EngineDriver;
using test::Installation;
using test::kOrigin;

void make_unavailable(Installation& site, const std::string& id) {
  for (auto& a : site.bundle.announcements)
    if (a.id == id) {  // as the loader leaves a missing file
      a.audio.path.unavailable = "không có tệp / no such file: " + id + ".wav";
      a.audio.path.absolute.clear();
      a.audio.info = {};
    }
}

std::vector<AsRunRecord> skips_of(content::AsRunLog& log, const std::string& item) {
  std::vector<AsRunRecord> out;
  for (auto& r : log.between(kOrigin - 1h, kOrigin + 1h))
    if (r.outcome == AsRunOutcome::skipped_file && r.item_id == item) out.push_back(r);
  return out;
}

std::vector<AsRunOutcome> outcomes_of(content::AsRunLog& log, const std::string& slot) {
  std::vector<AsRunRecord> records;
  for (auto& r : log.between(kOrigin - 1h, kOrigin + 1h))
    if (r.slot_id == slot && r.outcome != AsRunOutcome::skipped_file) records.push_back(r);
  std::sort(records.begin(), records.end(),
            [](const AsRunRecord& a, const AsRunRecord& b) { return a.id < b.id; });
  std::vector<AsRunOutcome> out;
  for (const auto& r : records) out.push_back(r.outcome);
  return out;
}

TEST_CASE("an unavailable file after a preempted item is logged skipped once, when its turn comes",
          "[engine][skipped-file]") {
  Installation site{"engine-skip-resume"};
  make_unavailable(site, "b");
  auto options = test::engine_options();
  options.resume_preroll = 100ms;
  Engine engine{site.clock, site.log, site.schedule, site.bundle, options};
  EngineDriver drive{engine, site.clock};
  // p: chime 0-0.5 s, a 0.5-1.5 s, b (unavailable), chime. The alarm (2 s) cuts `a` at 1 s;
  // p resumes at 3 s 0.4 s into `a` (0.5 s minus the pre-roll): a until 3.6 s, then b's turn.
  engine.schedule({test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p")),
                   test::occurrence("bao-dong", kOrigin + 1s, {"z1"}, test::announcement("alarm"),
                                    Priority::emergency)});
  drive.run_until(kOrigin + 6s);
  CHECK_FALSE(engine.busy());

  const auto skips = skips_of(site.log, "b");
  REQUIRE(skips.size() == 1);
  CHECK(skips[0].slot_id == "sang");
  CHECK(skips[0].started == kOrigin + 3600ms);
  CHECK_THAT(skips[0].detail, Catch::Contains("no such file: b.wav"));
  CHECK(engine.stats().skipped_files == 1);
  CHECK(outcomes_of(site.log, "sang") ==
        std::vector<AsRunOutcome>{AsRunOutcome::preempted, AsRunOutcome::resumed});
  // The chime after follows `a` with no gap where b would have been.
  CHECK(test::crossings_per_second(drive.audio(0), EngineDriver::frame(kOrigin + 3650ms),
                                   EngineDriver::frame(kOrigin + 4050ms)) ==
        Approx(3000).epsilon(0.02));
}

TEST_CASE("an unavailable file dropped with its preempted playlist is not logged as skipped",
          "[engine][skipped-file]") {
  Installation site{"engine-skip-drop"};
  make_unavailable(site, "b");
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver drive{engine, site.clock};
  auto bulletin = test::occurrence("sang", kOrigin, {"z1"}, test::playlist("p"));
  bulletin.on_preempt = OnPreempt::drop;
  engine.schedule({bulletin, test::occurrence("bao-dong", kOrigin + 1s, {"z1"},
                                              test::announcement("alarm"), Priority::emergency)});
  drive.run_until(kOrigin + 5s);
  CHECK_FALSE(engine.busy());
  CHECK(skips_of(site.log, "b").empty());  // its turn never came
  CHECK(outcomes_of(site.log, "sang") == std::vector<AsRunOutcome>{AsRunOutcome::preempted});
}

TEST_CASE("an unavailable last file of a playlist is logged skipped once",
          "[engine][skipped-file]") {
  Installation site{"engine-skip-last"};
  make_unavailable(site, "b");
  content::Playlist q;
  q.id = "q";
  q.title = content::LocalizedText{"Không chuông"};
  q.items = {"a", "b"};  // no chimes: b is the last item
  site.bundle.playlists.push_back(q);
  Engine engine{site.clock, site.log, site.schedule, site.bundle, test::engine_options()};
  EngineDriver drive{engine, site.clock};
  engine.schedule({test::occurrence("sang", kOrigin, {"z1"}, test::playlist("q"))});
  drive.run_until(kOrigin + 3s);
  CHECK_FALSE(engine.busy());
  const auto skips = skips_of(site.log, "b");
  REQUIRE(skips.size() == 1);
  CHECK(skips[0].started == kOrigin + 1s);
  CHECK(outcomes_of(site.log, "sang") == std::vector<AsRunOutcome>{AsRunOutcome::played});
}

}  // namespace
}  // namespace tinxa::broadcast
