#include "content/loader/BundleLoader.hpp"

#include "BundleCopy.hpp"
#include "config/reader/DiagnosticFormat.hpp"

#include <catch2/catch.hpp>

#include <variant>

namespace tinxa::content {

namespace {

std::string all_text(const config::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += config::format_diagnostic(d);
  return out;
}

}  // namespace

TEST_CASE("A valid bundle loads into the model with every field", "[content][loader]") {
  const LoadResult result = load_bundle(test::kFixtures / "minimal");
  INFO(all_text(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.items().empty());
  const Bundle& b = result.bundle;

  CHECK(b.info.id == "minimal");
  CHECK(b.info.title.get("en") == "Test bundle");
  CHECK(b.info.languages == std::vector<std::string>{"vi", "en"});

  REQUIRE(b.categories.size() == 2);
  CHECK(b.categories[0].id == "chuan-ngheo");  // file order is display order
  CHECK(b.categories[1].id == "ho-tro");
  REQUIRE(b.categories[0].icon);
  CHECK(b.categories[0].icon->format == ImageFormat::png);
  CHECK(b.categories[1].title.get("en") == "Support");
  CHECK(b.categories[1].title.get("fr") == "Chính sách hỗ trợ");  // falls back to Vietnamese

  REQUIRE(b.pages.size() == 2);
  const Page* page = b.find_page("chuan-ngheo");
  REQUIRE(page != nullptr);
  CHECK(page->title.get() == "Chuẩn nghèo 2022–2026");
  CHECK(page->validity.until == std::chrono::year{2026} / 12 / 31);
  REQUIRE(page->sources.size() == 1);
  CHECK(page->sources[0].article == "Điều 3");
  CHECK(page->sources[0].issued == std::chrono::year{2021} / 1 / 27);
  CHECK(page->sources[0].status == SourceStatus::confirmed);
  CHECK(page->tags == std::vector<std::string>{"hộ nghèo"});
  REQUIRE(page->body.size() == 6);
  CHECK(std::holds_alternative<Heading>(page->body[0]));
  CHECK(std::holds_alternative<Paragraph>(page->body[1]));
  CHECK(std::get<BulletList>(page->body[2]).items.size() == 2);
  const auto& table = std::get<Table>(page->body[3]);
  CHECK(table.columns.size() == 2);
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0][1].get() == "1.500.000 đ");
  CHECK(std::get<Figure>(page->body[4]).caption.get() == "Biểu tượng");
  CHECK(std::get<Notice>(page->body[5]).kind == NoticeKind::unverified);

  const Page* bilingual = b.find_page("bao-hiem");
  REQUIRE(bilingual != nullptr);
  CHECK(bilingual->languages == std::vector<std::string>{"vi", "en"});
  CHECK(bilingual->summary.get("en") == "Poor households get a card.");
  CHECK(bilingual->link == "https://example.org/bhyt");
  CHECK_FALSE(bilingual->validity.until.has_value());
  REQUIRE(bilingual->narration);
  CHECK(bilingual->narration->info.sample_rate_hz == 8000);

  REQUIRE(b.announcements.size() == 2);
  const Announcement* a = b.find_announcement("ra-soat");
  REQUIRE(a != nullptr);
  CHECK(a->transcript == "Kính thưa bà con.");
  CHECK(a->category == "chuan-ngheo");
  CHECK(a->audio.path.relative == "media/tone.wav");
  CHECK(a->audio.info.channels == 1);
  CHECK(a->audio.info.duration == std::chrono::milliseconds{250});
  CHECK(b.find_announcement("quy")->audio.info.format.find("FLAC") != std::string::npos);

  REQUIRE(b.playlists.size() == 1);
  CHECK(b.playlists[0].items == std::vector<std::string>{"ra-soat", "quy"});
  REQUIRE(b.playlists[0].chime_before);
  CHECK_FALSE(b.playlists[0].chime_after);
  // tone.wav and chime.flac, each counted once although both are used twice.
  CHECK(b.total_audio() == std::chrono::milliseconds{500});
}

TEST_CASE("Text typed in decomposed form is stored as NFC", "[content][loader]") {
  const test::BundleCopy bundle("minimal");
  // "Chuẩn" with the circumflex and hook written as combining marks.
  REQUIRE(bundle.replace("pages/chuan-ngheo.yaml", "title: Chuẩn nghèo",
                         "title: Chua\xCC\x82\xCC\x89n nghèo"));
  const LoadResult result = load_bundle(bundle.root());
  REQUIRE(result.ok());
  CHECK(result.bundle.find_page("chuan-ngheo")->title.get() == "Chuẩn nghèo 2022–2026");
}

TEST_CASE("Stray files are warned about, with the name that was probably meant",
          "[content][loader]") {
  const test::BundleCopy bundle("minimal");
  std::filesystem::rename(bundle.root() / "playlists.yaml", bundle.root() / "playlist.yaml");
  bundle.write("pages/notes.txt", "draft");
  const LoadResult result = load_bundle(bundle.root());
  const std::string text = all_text(result.diagnostics);
  INFO(text);
  CHECK(result.ok());
  CHECK(result.diagnostics.warning_count() == 2);
  CHECK(text.find("playlist.yaml: cảnh báo/warning:") != std::string::npos);
  CHECK(text.find("did you mean \"playlists.yaml\"") != std::string::npos);
  CHECK(text.find("pages/notes.txt: cảnh báo/warning:") != std::string::npos);
}

TEST_CASE("A category without pages is a warning, not an error", "[content][loader]") {
  const test::BundleCopy bundle("minimal");
  std::filesystem::remove(bundle.root() / "pages/bao-hiem.yaml");
  const LoadResult result = load_bundle(bundle.root());
  INFO(all_text(result.diagnostics));
  CHECK(result.ok());
  REQUIRE(result.diagnostics.warning_count() == 1);
  CHECK(result.diagnostics.items().front().key_path == "categories.ho-tro");
  CHECK(result.diagnostics.items().front().message.en == "this category has no pages");
}

TEST_CASE("A folder that is not a bundle is one clear error", "[content][loader]") {
  const LoadResult result = load_bundle("/nonexistent/bundle");
  REQUIRE(result.diagnostics.error_count() == 1);
  CHECK(result.diagnostics.items().front().message.en == "no such bundle folder");
}

}  // namespace tinxa::content
