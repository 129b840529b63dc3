// The poverty standards travel with the content bundle: a hot-swapped bundle brings its
// standards; broken ones leave the last good set and say why (issue 4, item 6; issue 5). A copy
// of content/sample in a temporary folder, the real ContentWatcher, a virtual clock.
#include "content/eligibility/StandardReader.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/app/ContentWatcher.hpp"
#include "kiosk/ui/selfcheck/SelfCheckSetup.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;

namespace {

const std::filesystem::path kSample = std::filesystem::path(TINXA_SOURCE_DIR) / "content/sample";
const std::string kNational = "standards/quoc-gia-2027-2030.yaml";

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

// The watcher's next load attempt: it loads a change once the folder looked the same twice.
std::optional<app::ContentWatcher::Attempt> next_attempt(app::ContentWatcher& watcher,
                                                         content::VirtualClock& clock) {
  for (int i = 0; i < 4; ++i) {
    clock.advance(1s);
    if (auto attempt = watcher.poll(clock.now())) return attempt;
  }
  return std::nullopt;
}

const content::Standard* find(const std::vector<content::Standard>& standards,
                              const std::string& id) {
  for (const auto& s : standards)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("A hot-swapped bundle brings its standards, and broken ones keep the last good set",
          "[kiosk][app]") {
  tinxa::test::TempDir dir;
  const auto root = dir / "content";
  std::filesystem::copy(kSample, root, std::filesystem::copy_options::recursive);
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  content::VirtualClock clock(zone.from_local({std::chrono::year{2026} / 11 / 28, 14h}));

  // What the kiosk started with.
  std::ostringstream startup_log;
  const auto first = content::load_bundle(root);
  REQUIRE(first.ok());
  std::vector<content::Standard> current =
      kiosk::ui::selfcheck::load_kiosk_standards(root, first.bundle, startup_log);
  REQUIRE(current.size() == 3);
  const std::string old_title = find(current, "quoc-gia-2027-2030")->title.get("vi");
  app::ContentWatcher watcher(root, app::folder_fingerprint(root));

  // 1. A new version of the bundle renames the 2027-2030 standard: the swap takes it.
  const std::string original = read(root / kNational);
  std::string renamed = original;
  const std::string title_line = "vi: \"" + old_title + "\"";  // the title's, not a comment
  const auto at = renamed.find(title_line);
  REQUIRE(at != std::string::npos);
  renamed.replace(at, title_line.size(), "vi: \"Chuẩn nghèo quốc gia 2027–2030 (bản mới)\"");
  write(root / kNational, renamed);
  auto attempt = next_attempt(watcher, clock);
  REQUIRE(attempt);
  REQUIRE(attempt->result->ok());
  REQUIRE(attempt->standards);
  CHECK(attempt->standards->ok());
  std::vector<std::string> messages;
  CHECK(app::take_standards(attempt->standards.get(), current, messages));
  CHECK(messages.empty());
  REQUIRE(current.size() == 3);
  CHECK(find(current, "quoc-gia-2027-2030")->title.get("vi") ==
        "Chuẩn nghèo quốc gia 2027–2030 (bản mới)");
  watcher.accepted(attempt->fingerprint);

  // 2. The next version breaks that standard (a date that does not exist): the bundle still
  // loads, its standards do not, and the set shown stays the last good one, with the reason.
  std::string broken = renamed;
  const auto from = broken.find("from: 2027-01-01");
  REQUIRE(from != std::string::npos);
  broken.replace(from, 16, "from: 2027-02-30");
  write(root / kNational, broken);
  attempt = next_attempt(watcher, clock);
  REQUIRE(attempt);
  CHECK(attempt->result->ok());
  REQUIRE(attempt->standards);
  CHECK_FALSE(attempt->standards->ok());
  messages.clear();
  CHECK_FALSE(app::take_standards(attempt->standards.get(), current, messages));
  REQUIRE(current.size() == 3);
  CHECK(find(current, "quoc-gia-2027-2030")->title.get("vi") ==
        "Chuẩn nghèo quốc gia 2027–2030 (bản mới)");
  REQUIRE(messages.size() >= 2);
  std::string all;
  for (const auto& m : messages) all += m + "\n";
  INFO(all);
  CHECK(all.find("quoc-gia-2027-2030.yaml:") != std::string::npos);  // file:line:column
  CHECK(all.find("2027-02-30") != std::string::npos);
  CHECK(messages.back().find("the self-check keeps the last good ones") != std::string::npos);
  watcher.accepted(attempt->fingerprint);

  // 3. A bundle with no standards at all: no self-check (an empty set), and nothing to report.
  std::filesystem::remove_all(root / "standards");
  attempt = next_attempt(watcher, clock);
  REQUIRE(attempt);
  REQUIRE(attempt->standards);
  messages.clear();
  CHECK(app::take_standards(attempt->standards.get(), current, messages));
  CHECK(current.empty());
  CHECK(messages.empty());

  // A bundle that did not load has no standards to take.
  CHECK_FALSE(app::take_standards(nullptr, current, messages));
}
