// A missing or broken recording in the content bundle does not stop the daemon: it starts (and
// reloads) on the rest, says what is wrong at file:line:column, and when the item falls due it is
// skipped with the loader's reason in the as-run log, the rest of the playlist following with no
// gap. `tinxa check` still fails on such a bundle (tests/content/loader/MediaProblemsTest.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <memory>

#include "broadcast/daemon/Simulation.hpp"
#include "broadcast/daemon/Simulator.hpp"
#include "content/store/StoreFiles.hpp"
#include "tests/broadcast/audio/AudioFixtures.hpp"
#include "tests/broadcast/daemon/DaemonFixture.hpp"
#include "tests/support/TempDir.hpp"

namespace tinxa::broadcast {
namespace {

using namespace std::chrono_literals;
using content::AsRunOutcome;
using test::kOrigin;
using test::kRate;

std::string all_text(const config::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += config::format_diagnostic(d);
  return out;
}

// Frames louder than -60 dBFS: [first, last], or {-1, -1} when all silent.
std::pair<std::int64_t, std::int64_t> audible_span(const std::vector<float>& samples) {
  std::int64_t first = -1;
  std::int64_t last = -1;
  for (std::size_t i = 0; i < samples.size(); ++i)
    if (std::abs(samples[i]) > 1e-3F) {
      if (first < 0) first = static_cast<std::int64_t>(i);
      last = static_cast<std::int64_t>(i);
    }
  return {first, last};
}

std::int64_t longest_silence(const std::vector<float>& samples, std::int64_t from,
                             std::int64_t to) {
  std::int64_t run = 0;
  std::int64_t longest = 0;
  for (auto i = from; i < std::min<std::int64_t>(to, std::ssize(samples)); ++i) {
    run = std::abs(samples[static_cast<std::size_t>(i)]) > 1e-3F ? 0 : run + 1;
    longest = std::max(longest, run);
  }
  return longest;
}

const content::AsRunRecord* find_outcome(const std::vector<content::AsRunRecord>& records,
                                         AsRunOutcome outcome) {
  const auto it = std::find_if(records.begin(), records.end(),
                               [&](const auto& r) { return r.outcome == outcome; });
  return it == records.end() ? nullptr : &*it;
}

// A bundle whose playlist "p" is a chime, then a (1 s, 500 Hz), b (1.5 s) and c (1.5 s, 700 Hz);
// the chime and b are missing. Slot "sang" plays p in z1 at 06:00:10.
void write_site(const std::filesystem::path& dir) {
  const auto content = dir / "content";
  test::write_text(content / "bundle.yaml",
                   "id: media-test\ntitle: {vi: Thử, en: Test}\nversion: \"1\"\n"
                   "published: 2026-11-01\npublisher: Tổ kiểm thử\nlanguages: [vi]\n");
  test::write_text(content / "categories.yaml", "categories:\n  tin:\n    title: Tin tức\n");
  test::write_text(content / "announcements.yaml",
                   "announcements:\n"
                   "  a: {title: Thông báo A, transcript: A, audio: media/a.wav, category: tin}\n"
                   "  b: {title: Thông báo B, transcript: B, audio: media/b.wav, category: tin}\n"
                   "  c: {title: Thông báo C, transcript: C, audio: media/c.wav, category: tin}\n");
  test::write_text(
      content / "pages/tin.yaml",
      "category: tin\ntitle: Tin\nsummary: Tin\nupdated: 2026-11-01\nvalid_from: 2026-01-01\n"
      "sources:\n  - document: Thử\nbody:\n  - paragraph: Tin.\n");
  test::write_text(content / "playlists.yaml",
                   "playlists:\n  p:\n    title: Bản tin\n    chime_before: media/chime.wav\n"
                   "    items: [a, b, c]\n");
  test::write_tone_file(content / "media/a.wav", 1.0, 500);
  test::write_tone_file(content / "media/c.wav", 1.5, 700);
  test::write_text(dir / "schedule.yaml",
                   "zones:\n  z1: {name: Zone 1, device: dev-a, channels: [1]}\n"
                   "slots:\n  sang:\n    playlist: p\n    at: \"06:00:10\"\n    zones: [z1]\n");
}

TEST_CASE("the daemon starts on a bundle missing a recording and skips it with the reason",
          "[daemon][media]") {
  const tinxa::test::TempDir dir;
  write_site(dir.path());
  ScheduleReloader programme{dir / "schedule.yaml", dir / "content",
                             content::TimeZone::load("Asia/Ho_Chi_Minh")};
  config::Diagnostics diagnostics;
  REQUIRE(programme.load(diagnostics));
  // Both problems are reported where they are written, in both languages.
  const std::string text = all_text(diagnostics);
  INFO(text);
  CHECK(diagnostics.media_error_count() == 2);
  CHECK_FALSE(diagnostics.has_structural_errors());
  CHECK(text.find("announcements.yaml:3:49: lỗi/error: announcements.b.audio: không có tệp này / "
                  "no such file") != std::string::npos);
  CHECK(text.find("playlists.yaml:4:19: lỗi/error: playlists.p.chime_before") != std::string::npos);

  content::Database database = content::Database::open_memory();
  content::AsRunLog log{database};
  content::VirtualClock clock{kOrigin};
  EngineOptions options;
  options.sample_rate_hz = kRate;
  options.target_lufs = std::nullopt;
  Engine engine{clock, log, programme.schedule(), programme.bundle(), options};
  programme.start(engine, kOrigin);
  engine.catch_up();  // as the daemon does: yesterday's occurrence is logged missed
  {
    Simulator sim{engine, clock, kOrigin,
                  [&](const Zone& z) { return std::optional{dir / (z.id + ".wav")}; }};
    sim.run_until(kOrigin + 20s);
    REQUIRE(sim.drain(kOrigin + 1min));
  }

  const auto records = log.between(kOrigin, kOrigin + 1h);
  const auto* skipped = find_outcome(records, AsRunOutcome::skipped_file);
  REQUIRE(skipped != nullptr);
  CHECK(skipped->item_id == "b");
  CHECK(skipped->zones == std::vector<std::string>{"z1"});
  CHECK_THAT(skipped->detail, Catch::Contains("media/b.wav: không có tệp này / no such file"));
  const auto* played = find_outcome(records, AsRunOutcome::played);
  REQUIRE(played != nullptr);
  CHECK(played->slot_id == "sang");
  CHECK(engine.stats().skipped_files == 1);  // the missing chime is left out, not logged

  // a starts at the slot's time (no chime before it), c follows a with no gap: 2.5 s in all.
  const auto z1 = test::read_wav(dir / "z1.wav").samples;
  const auto [first, last] = audible_span(z1);
  const std::int64_t start = 10 * kRate;
  CHECK(first >= start);
  CHECK(first - start <= kRate * 5 / 1000);
  CHECK(std::abs(last - (start + 25 * kRate / 10)) <= 40);
  CHECK(longest_silence(z1, first, last) <= 2);
}

TEST_CASE("a reload whose bundle lost a recording is applied and the item skipped with the reason",
          "[daemon][media][reload]") {
  test::DaemonSite site{"reload-media"};
  std::filesystem::remove(site.dir / "content/media/b.wav");
  const auto r = site.handlers->reload();
  REQUIRE_FALSE(r.error);
  CHECK_THAT(test::field(r, "error"), Catch::Contains("announcements.b.audio") &&
                                          Catch::Contains("không có tệp này / no such file"));
  CHECK_FALSE(site.programme->bundle().find_announcement("b")->audio.available());
  CHECK(site.programme->media_problems() == 1);
  CHECK(test::field(site.send("status"), "content.media_problems") == "1");
  site.run_until(kOrigin + 30s);
  std::vector<content::AsRunRecord> sang;
  for (auto& rec : site.log.between(kOrigin - 1h, kOrigin + 2h))
    if (rec.slot_id == "sang") sang.push_back(rec);
  const auto* skipped = find_outcome(sang, AsRunOutcome::skipped_file);
  REQUIRE(skipped != nullptr);
  CHECK(skipped->item_id == "b");
  // The loader's reason, not the decoder's: the file was known missing before it fell due.
  CHECK_THAT(skipped->detail, Catch::Contains("media/b.wav: không có tệp này / no such file"));
  CHECK(find_outcome(sang, AsRunOutcome::played) != nullptr);  // a played
}

TEST_CASE("a simulated morning of the demo plays sample content missing one recording",
          "[daemon][media][simulate]") {
  const tinxa::test::TempDir dir;
  const std::filesystem::path source{TINXA_SOURCE_DIR};
  std::filesystem::copy(source / "content/sample", dir / "content",
                        std::filesystem::copy_options::recursive);
  REQUIRE(std::filesystem::remove(dir / "content/media/audio/nop-giay-de-nghi.flac"));
  std::ofstream{dir / "site.yaml"}
      << "time_zone: Asia/Ho_Chi_Minh\ncontent_dir: " << (dir / "content").string()
      << "\ndata_dir: data\n";
  std::ofstream{dir / "broadcast.yaml"} << "sample_rate_hz: 8000\n";
  std::filesystem::copy_file(source / "deploy/demo/schedule.yaml", dir / "schedule.yaml");
  SimulationRequest request;
  request.config_dir = dir.path();
  request.from = "2026-11-30T06:29";
  request.to = "2026-11-30T06:45";
  request.sample_rate_hz = 8000;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> summary{std::tmpfile(), &std::fclose};
  REQUIRE(run_simulation(request, summary.get()) == 0);

  auto database = content::Database::open(content::as_run_path(dir / "data"));
  content::AsRunLog log{database};
  const auto records = log.between(kOrigin - 24h, kOrigin + 24h);
  const auto* skipped = find_outcome(records, AsRunOutcome::skipped_file);
  REQUIRE(skipped != nullptr);
  CHECK(skipped->item_id == "nop-giay-de-nghi");
  CHECK_THAT(skipped->detail,
             Catch::Contains("media/audio/nop-giay-de-nghi.flac: không có tệp này / no such file"));
  const auto* played = find_outcome(records, AsRunOutcome::played);
  REQUIRE(played != nullptr);
  CHECK(played->item_id == "ban-tin-sang");
}

}  // namespace
}  // namespace tinxa::broadcast
