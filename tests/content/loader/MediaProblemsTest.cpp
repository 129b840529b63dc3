// A missing, unreadable or undecodable recording or image is an error for `tinxa check`, yet the
// item naming it stays in the model, marked unavailable with the loader's reason, and the bundle
// stays usable by the running programs. Structural errors keep it unusable.
#include "content/loader/BundleLoader.hpp"

#include "BundleCopy.hpp"
#include "config/reader/DiagnosticFormat.hpp"
#include "content/check/CheckReport.hpp"
#include "content/time/Clock.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <variant>

namespace tinxa::content {

namespace {

std::string all_text(const config::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += config::format_diagnostic(d);
  return out;
}

const Figure* first_figure(const Page& page) {
  for (const auto& block : page.body)
    if (const auto* f = std::get_if<Figure>(&block)) return f;
  return nullptr;
}

}  // namespace

TEST_CASE("An announcement whose audio file is missing is kept, marked unavailable with the reason",
          "[content][loader][media]") {
  const test::BundleCopy bundle("minimal");
  std::filesystem::remove(bundle.root() / "media/tone.wav");
  const LoadResult result = load_bundle(bundle.root());
  const std::string text = all_text(result.diagnostics);
  INFO(text);

  // Still an error, at the line and column of the path, with the same message as before.
  CHECK_FALSE(result.ok());
  CHECK(text.find("announcements.yaml:6:12: lỗi/error: announcements.ra-soat.audio: không có tệp "
                  "này / no such file") != std::string::npos);
  CHECK(result.diagnostics.media_error_count() >= 1);
  CHECK(result.diagnostics.media_error_count() == result.diagnostics.error_count());
  CHECK(result.usable());

  const Announcement* a = result.bundle.find_announcement("ra-soat");
  REQUIRE(a != nullptr);
  CHECK_FALSE(a->audio.available());
  CHECK(a->audio.path.relative == "media/tone.wav");
  CHECK(a->audio.path.absolute.empty());
  CHECK(a->audio.path.unavailable.find("media/tone.wav") != std::string::npos);
  CHECK(a->audio.path.unavailable.find("no such file") != std::string::npos);
  CHECK(a->audio.path.unavailable.find("không có tệp này") != std::string::npos);

  // The playlist naming it still loads and still names it; the other announcement plays.
  const Playlist* p = result.bundle.find_playlist("sang");
  REQUIRE(p != nullptr);
  CHECK(p->items == std::vector<std::string>{"ra-soat", "quy"});
  REQUIRE(result.bundle.find_announcement("quy") != nullptr);
  CHECK(result.bundle.find_announcement("quy")->audio.available());
  // The page narrated with the same file keeps its page, its narration marked unavailable.
  const Page* page = result.bundle.find_page("bao-hiem");
  REQUIRE(page != nullptr);
  REQUIRE(page->narration);
  CHECK_FALSE(page->narration->available());
}

TEST_CASE(
    "A recording that cannot be decoded is kept, marked unavailable with the decoder's reason",
    "[content][loader][media]") {
  const test::BundleCopy bundle("minimal");
  bundle.write("media/broken.ogg", "this is not audio");
  REQUIRE(
      bundle.replace("announcements.yaml", "audio: media/chime.flac", "audio: media/broken.ogg"));
  const LoadResult result = load_bundle(bundle.root());
  INFO(all_text(result.diagnostics));
  CHECK_FALSE(result.ok());
  CHECK(result.usable());
  const Announcement* a = result.bundle.find_announcement("quy");
  REQUIRE(a != nullptr);
  CHECK_FALSE(a->audio.available());
  CHECK(a->audio.path.unavailable.find("media/broken.ogg: ") != std::string::npos);
  CHECK(a->audio.path.unavailable.find("cannot read the audio file") != std::string::npos);
  CHECK(a->audio.info.frames == 0);
  CHECK(result.bundle.find_announcement("ra-soat")->audio.available());
  CHECK(result.bundle.find_playlist("sang") != nullptr);
}

TEST_CASE("Missing or broken images and chimes keep their category, page and playlist",
          "[content][loader][media]") {
  const test::BundleCopy bundle("minimal");
  std::filesystem::remove(bundle.root() / "media/icon.png");
  std::filesystem::remove(bundle.root() / "media/chime.flac");
  const LoadResult result = load_bundle(bundle.root());
  INFO(all_text(result.diagnostics));
  CHECK_FALSE(result.ok());
  CHECK(result.usable());
  CHECK(result.diagnostics.error_count() == result.diagnostics.media_error_count());

  const Category* c = result.bundle.find_category("chuan-ngheo");
  REQUIRE(c != nullptr);
  REQUIRE(c->icon);
  CHECK_FALSE(c->icon->available());
  const Page* page = result.bundle.find_page("chuan-ngheo");
  REQUIRE(page != nullptr);
  const Figure* figure = first_figure(*page);
  REQUIRE(figure != nullptr);
  CHECK_FALSE(figure->image.available());
  CHECK(figure->caption.get("vi") == "Biểu tượng");
  const Playlist* p = result.bundle.find_playlist("sang");
  REQUIRE(p != nullptr);
  REQUIRE(p->chime_before);
  CHECK_FALSE(p->chime_before->available());
  REQUIRE(result.bundle.find_announcement("quy") != nullptr);
  CHECK_FALSE(result.bundle.find_announcement("quy")->audio.available());
}

TEST_CASE("A file that is not an image is a media problem, kept unavailable",
          "[content][loader][media]") {
  const test::BundleCopy bundle("minimal");
  bundle.write("media/fake.png", "not a picture");
  REQUIRE(
      bundle.replace("pages/chuan-ngheo.yaml", "image: media/icon.png", "image: media/fake.png"));
  const LoadResult result = load_bundle(bundle.root());
  INFO(all_text(result.diagnostics));
  CHECK(result.usable());
  const Figure* figure = first_figure(*result.bundle.find_page("chuan-ngheo"));
  REQUIRE(figure != nullptr);
  CHECK(figure->image.path.unavailable.find("not a PNG or JPEG") != std::string::npos);
}

TEST_CASE("A structural error beside a media problem keeps the bundle unusable",
          "[content][loader][media]") {
  const test::BundleCopy bundle("minimal");
  std::filesystem::remove(bundle.root() / "media/tone.wav");
  REQUIRE(bundle.replace("playlists.yaml", "items: [ra-soat, quy]", "items: [ra-soat, quyy]"));
  const LoadResult result = load_bundle(bundle.root());
  INFO(all_text(result.diagnostics));
  CHECK(result.diagnostics.media_error_count() >= 1);
  CHECK(result.diagnostics.error_count() > result.diagnostics.media_error_count());
  CHECK_FALSE(result.usable());
}

TEST_CASE("Paths that are wrong as written stay structural errors", "[content][loader][media]") {
  const test::BundleCopy bundle("minimal");
  SECTION("a path that climbs out of the bundle") {
    REQUIRE(bundle.replace("announcements.yaml", "audio: media/tone.wav",
                           "audio: ../minimal/media/tone.wav"));
  }
  SECTION("an unknown key") {
    REQUIRE(bundle.replace("announcements.yaml", "transcript: \"Kính thưa bà con.\"",
                           "transcrip: \"Kính thưa bà con.\""));
  }
  const LoadResult result = load_bundle(bundle.root());
  INFO(all_text(result.diagnostics));
  CHECK(result.diagnostics.has_errors());
  CHECK(result.diagnostics.media_error_count() == 0);
  CHECK_FALSE(result.usable());
}

TEST_CASE("A bundle without errors is both ok and usable", "[content][loader][media]") {
  const test::BundleCopy bundle("minimal");
  const LoadResult result = load_bundle(bundle.root());
  INFO(all_text(result.diagnostics));
  CHECK(result.ok());
  CHECK(result.usable());
  CHECK(std::all_of(result.bundle.announcements.begin(), result.bundle.announcements.end(),
                    [](const Announcement& a) { return a.audio.available(); }));
}

TEST_CASE("tinxa check still fails on a bundle whose only problem is a missing recording",
          "[content][check][media]") {
  const test::BundleCopy bundle("minimal");
  std::filesystem::remove(bundle.root() / "media/tone.wav");
  CheckRequest request;
  request.content_folder = bundle.root();
  const VirtualClock clock(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} +
                           std::chrono::hours{5});
  const CheckReport report = check_installation(request, clock);
  INFO(format_report(report));
  CHECK_FALSE(report.ok());  // `tinxa check` exits 1 on it: the editor must fix it
  CHECK(report.diagnostics.media_error_count() >= 1);
  CHECK(format_report(report).find("no such file") != std::string::npos);
}

}  // namespace tinxa::content
