// The daemon's first load and its fallback to the last good copy (ProgrammeStart,
// LastGoodProgramme): a broken schedule at start runs the last good programme and `status` says
// so; without a copy the start fails as before.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "broadcast/daemon/ProgrammeStart.hpp"
#include "tests/broadcast/daemon/DaemonFixture.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using test::DaemonSite;
using test::field;
using test::kOrigin;

std::string all_text(const config::Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics.items()) text += config::format_diagnostic(d);
  return text;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in{path, std::ios::binary};
  return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

ScheduleReloader reloader_of(const DaemonSite& site) {
  return ScheduleReloader{site.dir / "schedule.yaml", site.dir / "content",
                          content::TimeZone::load("Asia/Ho_Chi_Minh")};
}

// Bad YAML on line 2: a structural error, not a media problem.
const std::string kBrokenYaml = "zones:\n  z1: {name: Zone 1, device: dev-a, channels: [1]\n";

TEST_CASE("a broken schedule at start runs the last good copy and status says so",
          "[daemon][start][last-good]") {
  DaemonSite site{"start-last-good"};  // writes the content and schedule.yaml
  const auto data = site.dir / "data";
  std::filesystem::create_directories(data);
  LastGoodProgramme last_good{data};

  // A good start: accepted and kept (what the worker does after the loop starts).
  {
    auto first = reloader_of(site);
    auto start = start_programme(first, &last_good);
    REQUIRE(start.source == ProgrammeStart::Source::configured);
    REQUIRE(start.keep);
    CHECK(last_good.save(*start.keep).find("last good copy saved") != std::string::npos);
  }

  // The schedule is broken, and a playlist is gone from the bundle, before the next start.
  test::write_text(site.dir / "schedule.yaml", kBrokenYaml);
  test::write_text(site.dir / "content/playlists.yaml", "playlists: {}\n");
  auto programme = reloader_of(site);
  auto start = start_programme(programme, &last_good);
  INFO(all_text(start.configured));
  REQUIRE(start.source == ProgrammeStart::Source::last_good);
  CHECK(all_text(start.configured).find("schedule.yaml:3:1: lỗi/error") != std::string::npos);
  CHECK_FALSE(start.keep);  // the copy is not saved over itself
  REQUIRE(programme.last_good());
  CHECK(*programme.last_good() == data / "broadcast" / "last-good-content");
  REQUIRE(programme.schedule().slots.size() == 1);
  CHECK(programme.schedule().slots[0].id == "sang");
  CHECK(programme.bundle().find_playlist("p") != nullptr);
  CHECK_FALSE(programme.changed());  // the broken file is not reloaded every second

  // The engine runs the copy: sang plays at 06:00:10, and status names the copy.
  content::Database database = content::Database::open_memory();
  content::AsRunLog log{database};
  content::VirtualClock clock{kOrigin};
  EngineOptions options;
  options.sample_rate_hz = test::kRate;
  options.target_lufs = std::nullopt;
  Engine engine{clock, log, programme.schedule(), programme.bundle(), options};
  programme.start(engine, kOrigin);
  engine.catch_up();
  CommandHandlers handlers{engine, programme, clock, nullptr};
  const auto status = handlers.handle(Request{"status", {}});
  CHECK(field(status, "content.source") == "last-good");
  CHECK(field(status, "content.last_good") == (data / "broadcast" / "last-good-content").string());
  REQUIRE(engine.next_occurrence() != nullptr);
  CHECK(engine.next_occurrence()->slot_id == "sang");
  CHECK(field(status, "next.title") == "Bản tin");

  // Fixed files reloaded: the configured programme is in force again.
  test::write_text(site.dir / "schedule.yaml", test::kSchedule);
  test::write_text(site.dir / "content/playlists.yaml",
                   "playlists:\n  p:\n    title: Bản tin mới\n    items: [b]\n");
  REQUIRE_FALSE(handlers.reload().error);
  const auto after = handlers.handle(Request{"status", {}});
  CHECK(field(after, "content.source") == "configured");
  CHECK(field(after, "content.last_good") == "(none)");
  CHECK(field(after, "next.title") == "Bản tin mới");

  // The first accepted reload does not save over the copy an occurrence may still play from;
  // the next one does.
  const auto copy_playlists = data / "broadcast/last-good-content/playlists.yaml";
  const auto fixed = load_candidate(reloader_of(site).files(), {});
  REQUIRE(fixed.accepted());
  CHECK(last_good.save(fixed.origin).find("the next reload saves") != std::string::npos);
  CHECK(read_text(copy_playlists).find("Bản tin mới") == std::string::npos);
  CHECK(last_good.save(fixed.origin).find("last good copy saved") != std::string::npos);
  CHECK(read_text(copy_playlists).find("Bản tin mới") != std::string::npos);
}

TEST_CASE("a bundle with a missing recording runs but is not kept as the last good copy",
          "[daemon][start][last-good][media]") {
  DaemonSite site{"start-media-problem"};
  const auto data = site.dir / "data";
  LastGoodProgramme last_good{data};
  std::filesystem::remove(site.dir / "content/media/b.wav");  // a copy made half-way
  auto programme = reloader_of(site);
  auto start = start_programme(programme, &last_good);
  CHECK(start.source == ProgrammeStart::Source::configured);
  CHECK(start.configured.media_error_count() > 0);
  CHECK_FALSE(start.keep);
}

TEST_CASE("a broken schedule at start with no last good copy fails as before",
          "[daemon][start][last-good]") {
  DaemonSite site{"start-no-copy"};
  const auto data = site.dir / "data";
  test::write_text(site.dir / "schedule.yaml", kBrokenYaml);
  LastGoodProgramme none{data};  // nothing was ever saved
  auto programme = reloader_of(site);
  auto start = start_programme(programme, &none);
  CHECK(start.source == ProgrammeStart::Source::none);
  CHECK_FALSE(start.copy);
  CHECK(all_text(start.configured).find("schedule.yaml:3:1: lỗi/error") != std::string::npos);
  CHECK(start.configured.has_structural_errors());
}

TEST_CASE("a bundle folder changed while it was loaded is not kept as the last good copy",
          "[daemon][start][last-good]") {
  DaemonSite site{"start-changed"};
  const auto data = site.dir / "data";
  LastGoodProgramme last_good{data};
  auto programme = reloader_of(site);
  auto start = start_programme(programme, &last_good);
  REQUIRE(start.keep);
  test::write_tone_file(site.dir / "content/media/c.wav", 0.5, 600);  // an edit since the load
  CHECK(last_good.save(*start.keep).find("changed while it was copied") != std::string::npos);
  CHECK_FALSE(last_good.files(programme.files()));
}

}  // namespace
}  // namespace tinxa::broadcast
