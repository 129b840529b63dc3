// The table of broken bundles: each case breaks the minimal fixture in one way an editor might,
// and names the message `tinxa check` must print for it, position included.
#include "content/loader/BundleLoader.hpp"

#include "BundleCopy.hpp"
#include "config/reader/DiagnosticFormat.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <functional>
#include <vector>

namespace tinxa::content {

namespace {

struct Expected {
  std::string file;  // relative to the bundle
  int line = 0;      // 0: the file as a whole
  int column = 0;
  std::string key;
  std::string message;     // the English part of the message
  std::string suggestion;  // empty: none expected
};

struct BrokenCase {
  std::string name;
  std::function<bool(const test::BundleCopy&)> breakage;
  Expected expected;
};

std::string all_text(const config::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += config::format_diagnostic(d);
  return out;
}

using Copy = test::BundleCopy;

std::vector<BrokenCase> broken_cases() {
  const std::string page = "pages/chuan-ngheo.yaml";
  const std::string bilingual = "pages/bao-hiem.yaml";
  return {
      {"misspelt key",
       [=](const Copy& b) { return b.replace(page, "valid_until:", "valid_untill:"); },
       {page, 6, 1, "valid_untill", "unknown key", "valid_until"}},
      {"impossible date",
       [=](const Copy& b) {
         return b.replace(page, "valid_until: 2026-12-31", "valid_until: 2026-13-01");
       },
       {page, 6, 14, "valid_until", "not a valid date", ""}},
      {"validity ends before it starts",
       [=](const Copy& b) {
         return b.replace(page, "valid_until: 2026-12-31", "valid_until: 2021-12-31");
       },
       {page, 6, 14, "valid_until", "valid_until is before valid_from", ""}},
      {"unknown category",
       [=](const Copy& b) {
         return b.replace(page, "category: chuan-ngheo", "category: chuan-ngeo");
       },
       {page, 1, 11, "category", "there is no category \"chuan-ngeo\"", "chuan-ngheo"}},
      {"missing title",
       [=](const Copy& b) { return b.replace(page, "title: Chuẩn nghèo 2022–2026\n", ""); },
       {page, 1, 1, "", "the required key \"title\" is missing", ""}},
      {"invalid UTF-8",
       [=](const Copy& b) { return b.replace(page, "Thu nhập", "Thu nh\xFF"); },
       {page, 3, 10, "summary", "the text is not valid UTF-8", ""}},
      {"misspelt source status",
       [=](const Copy& b) { return b.replace(page, "status: confirmed", "status: confirm"); },
       {page, 11, 13, "sources[0].status", "not an allowed value", "confirmed"}},
      {"block without a kind",
       [=](const Copy& b) { return b.replace(page, "- heading:", "- headline:"); },
       {page, 14, 5, "body[0]", "the block has no kind", ""}},
      {"block key misspelt gets a suggestion",
       [=](const Copy& b) { return b.replace(page, "- heading:", "- headline:"); },
       {page, 14, 5, "body[0].headline", "unknown key", "heading"}},
      {"table row with too few cells",
       [=](const Copy& b) {
         return b.replace(page, "- [Nông thôn, 1.500.000 đ]", "- [Nông thôn]");
       },
       {page, 22, 11, "body[3].table.rows[0]", "the row has 1 cells but the table has 2 columns",
        ""}},
      {"image that is not an image",
       [=](const Copy& b) {
         b.write("media/fake.png", "not a picture");
         return b.replace(page, "image: media/icon.png", "image: media/fake.png");
       },
       {page, 23, 12, "body[4].image", "the file is not a PNG or JPEG image", ""}},
      {"misspelt notice kind",
       [=](const Copy& b) { return b.replace(page, "kind: unverified", "kind: unverifed"); },
       {page, 26, 11, "body[5].kind", "not an allowed value", "unverified"}},
      {"English missing on a bilingual page",
       [=](const Copy& b) {
         return b.replace(bilingual, "title: {vi: Bảo hiểm y tế, en: Health insurance}",
                          "title: Bảo hiểm y tế");
       },
       {bilingual, 3, 8, "title", "the en text is missing", ""}},
      {"language the bundle does not offer",
       [=](const Copy& b) {
         return b.replace(bilingual, "languages: [vi, en]", "languages: [vi, fr]");
       },
       {bilingual, 2, 12, "languages", "the bundle does not offer the language \"fr\"", ""}},
      {"page without sources",
       [=](const Copy& b) {
         return b.replace(bilingual,
                          "sources:\n  - document: Nghị định 188/2025/NĐ-CP\n    url: "
                          "https://example.org/nd-188\n",
                          "sources: []\n");
       },
       {bilingual, 7, 10, "sources", "a page must name its sources", ""}},
      {"link that is not a web address",
       [=](const Copy& b) {
         return b.replace(bilingual, "link: https://example.org/bhyt", "link: example.org/bhyt");
       },
       {bilingual, 10, 7, "link", "not a web address", ""}},
      {"audio file that does not exist",
       [](const Copy& b) {
         return b.replace("announcements.yaml", "audio: media/tone.wav", "audio: media/tone.wave");
       },
       {"announcements.yaml", 6, 12, "announcements.ra-soat.audio", "no such file",
        "media/tone.wav"}},
      {"audio file that is not audio",
       [](const Copy& b) {
         b.write("media/broken.ogg", "this is not audio");
         return b.replace("announcements.yaml", "audio: media/chime.flac",
                          "audio: media/broken.ogg");
       },
       {"announcements.yaml", 11, 12, "announcements.quy.audio",
        "cannot read the audio file: ", ""}},
      {"path that climbs out of the bundle",
       [](const Copy& b) {
         return b.replace("announcements.yaml", "audio: media/tone.wav",
                          "audio: ../minimal/media/tone.wav");
       },
       {"announcements.yaml", 6, 12, "announcements.ra-soat.audio",
        "the path leaves the bundle folder", ""}},
      {"absolute path",
       [](const Copy& b) {
         return b.replace("announcements.yaml", "audio: media/tone.wav", "audio: /etc/passwd");
       },
       {"announcements.yaml", 6, 12, "announcements.ra-soat.audio",
        "an absolute path is not allowed", ""}},
      {"symbolic link that leads outside",
       [](const Copy& b) {
         const auto outside = b.beside() / "outside.wav";
         std::filesystem::copy_file(b.root() / "media/tone.wav", outside,
                                    std::filesystem::copy_options::overwrite_existing);
         std::filesystem::create_symlink(outside, b.root() / "media/outside.wav");
         return b.replace("announcements.yaml", "audio: media/tone.wav",
                          "audio: media/outside.wav");
       },
       {"announcements.yaml", 6, 12, "announcements.ra-soat.audio",
        "the path leads outside the bundle folder (through a symbolic link)", ""}},
      {"playlist naming an unknown announcement",
       [](const Copy& b) {
         return b.replace("playlists.yaml", "items: [ra-soat, quy]", "items: [ra-soat, quyy]");
       },
       {"playlists.yaml", 5, 22, "playlists.sang.items[1]", "there is no announcement \"quyy\"",
        "quy"}},
      {"empty playlist",
       [](const Copy& b) {
         return b.replace("playlists.yaml", "items: [ra-soat, quy]", "items: []");
       },
       {"playlists.yaml", 5, 12, "playlists.sang.items", "the playlist has no items", ""}},
      {"category written twice",
       [](const Copy& b) {
         b.write("categories.yaml", b.read("categories.yaml") + "  chuan-ngheo:\n    title: Lặp\n");
         return true;
       },
       {"categories.yaml", 8, 3, "categories.chuan-ngheo",
        "the key \"chuan-ngheo\" is written twice (first on line 2)", ""}},
      {"page file name that is not an id",
       [](const Copy& b) {
         b.write("pages/Bad_Name.yaml", b.read("pages/chuan-ngheo.yaml"));
         return true;
       },
       {"pages/Bad_Name.yaml", 0, 0, "", "the file name is not a valid id", ""}},
      {"missing bundle.yaml",
       [](const Copy& b) { return std::filesystem::remove(b.root() / "bundle.yaml"); },
       {"bundle.yaml", 0, 0, "", "a required file is missing", ""}},
      {"YAML syntax error",
       [](const Copy& b) {
         return b.replace("bundle.yaml", "languages: [vi, en]", "languages: [vi, en");
       },
       {"bundle.yaml", 9, 1, "", "YAML syntax error: ", ""}},
  };
}

}  // namespace

TEST_CASE("Each broken bundle gets its own message at its exact position", "[content][loader]") {
  for (const auto& c : broken_cases()) {
    DYNAMIC_SECTION(c.name) {
      const test::BundleCopy bundle("minimal");
      REQUIRE(c.breakage(bundle));
      const LoadResult result = load_bundle(bundle.root());
      const std::string text = all_text(result.diagnostics);
      INFO(text);
      CHECK_FALSE(result.ok());
      const Expected& e = c.expected;
      std::string head = (bundle.root() / e.file).generic_string();
      if (e.line > 0) head += fmt::format(":{}:{}", e.line, e.column);
      head += ": lỗi/error: ";
      if (!e.key.empty()) head += e.key + ": ";
      bool found = false;
      for (const auto& d : result.diagnostics.items()) {
        const std::string line = config::format_diagnostic(d);
        if (line.rfind(head, 0) == 0 && d.message.en.find(e.message) != std::string::npos) {
          found = true;
          CHECK(d.suggestion == e.suggestion);
        }
      }
      CHECK(found);
    }
  }
}

TEST_CASE("Every problem in every file is reported in one run, and good parts still load",
          "[content][loader]") {
  const test::BundleCopy bundle("minimal");
  REQUIRE(bundle.replace("pages/chuan-ngheo.yaml", "valid_until:", "valid_untill:"));
  REQUIRE(bundle.replace("pages/chuan-ngheo.yaml", "status: confirmed", "status: confirm"));
  REQUIRE(bundle.replace("pages/bao-hiem.yaml", "link: https://", "link: ftp://"));
  REQUIRE(bundle.replace("playlists.yaml", "items: [ra-soat, quy]", "items: [ra-soat, quyy]"));
  const LoadResult result = load_bundle(bundle.root());
  INFO(all_text(result.diagnostics));
  CHECK(result.diagnostics.error_count() == 4);
  CHECK(result.bundle.announcements.size() == 2);
  CHECK(result.bundle.categories.size() == 2);
}

}  // namespace tinxa::content
