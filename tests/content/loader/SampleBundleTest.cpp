// The sample bundle that ships with tinxa must always pass the checker and keep its promises:
// enough categories and pages, sourced and dated, and announcements in the formats operators bring.
#include "content/loader/BundleLoader.hpp"

#include "config/reader/DiagnosticFormat.hpp"

#include <catch2/catch.hpp>

#include <set>

namespace tinxa::content {

namespace {

const std::filesystem::path kSample = std::filesystem::path(TINXA_SOURCE_DIR) / "content/sample";

const LoadResult& sample() {
  static const LoadResult result = load_bundle(kSample);
  return result;
}

}  // namespace

TEST_CASE("The sample bundle loads without a single error", "[content][sample]") {
  std::string text;
  for (const auto& d : sample().diagnostics.items()) text += config::format_diagnostic(d);
  INFO(text);
  CHECK(sample().ok());
}

TEST_CASE("The sample bundle covers the programme with enough pages", "[content][sample]") {
  const Bundle& b = sample().bundle;
  CHECK(b.categories.size() >= 6);
  CHECK(b.pages.size() >= 20);
  for (const auto& category : b.categories) {
    INFO(category.id);
    const auto pages = std::count_if(b.pages.begin(), b.pages.end(),
                                     [&](const Page& p) { return p.category == category.id; });
    CHECK(pages >= 1);
  }
}

TEST_CASE("Every sample page names its source and carries a validity window", "[content][sample]") {
  for (const auto& page : sample().bundle.pages) {
    INFO(page.id);
    CHECK_FALSE(page.sources.empty());
    CHECK(page.validity.from.has_value());
    for (const auto& source : page.sources) CHECK_FALSE(source.document.empty());
  }
}

TEST_CASE("Some sample pages are offered in English too", "[content][sample]") {
  const auto bilingual = std::count_if(sample().bundle.pages.begin(), sample().bundle.pages.end(),
                                       [](const Page& p) { return p.languages.size() > 1; });
  CHECK(bilingual >= 3);
}

TEST_CASE("The sample announcements come in the formats operators bring", "[content][sample]") {
  const Bundle& b = sample().bundle;
  CHECK(b.announcements.size() >= 8);
  std::set<std::string> extensions;
  for (const auto& a : b.announcements) {
    INFO(a.id);
    CHECK(a.language == "vi");
    CHECK_FALSE(a.transcript.empty());
    CHECK(a.audio.info.duration > std::chrono::seconds{3});
    extensions.insert(std::filesystem::path(a.audio.path.relative).extension().string());
  }
  CHECK(extensions.count(".wav") == 1);
  CHECK(extensions.count(".flac") == 1);
  CHECK(extensions.count(".ogg") == 1);
  CHECK(extensions.count(".mp3") == 1);
  const bool has_chime = std::any_of(b.playlists.begin(), b.playlists.end(),
                                     [](const Playlist& p) { return p.chime_before.has_value(); });
  CHECK(has_chime);
}

}  // namespace tinxa::content
