#include "config/reader/Document.hpp"
#include "config/reader/MapReader.hpp"

#include "Support.hpp"

#include <catch2/catch.hpp>

namespace tinxa::config {

namespace {

Document parse(const char* text, Diagnostics& diagnostics) {
  auto doc = Document::parse(text, "test.yaml", diagnostics);
  REQUIRE(doc.has_value());
  return *doc;
}

}  // namespace

TEST_CASE("An unknown key is an error at its own position with a did-you-mean",
          "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = parse("title: A\nvalid_untill: 2026-12-31\n", diagnostics);
  {
    MapReader map(doc.root());
    std::string title;
    std::chrono::year_month_day until{};
    map.read("title", title);
    map.read("valid_until", until);
    map.read("valid_from", until);
  }
  REQUIRE(diagnostics.error_count() == 1);
  const auto& d = diagnostics.items().front();
  CHECK(d.position.line == 2);
  CHECK(d.position.column == 1);
  CHECK(d.key_path == "valid_untill");
  CHECK(d.message.en == "unknown key");
  CHECK(d.found == "\"valid_untill\"");
  CHECK(d.suggestion == "valid_until");
  CHECK(d.expected.en == "one of: title, valid_from, valid_until");
}

TEST_CASE("A key nothing resembles gets no suggestion", "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = parse("title: A\nzzzzzz: 1\n", diagnostics);
  {
    MapReader map(doc.root());
    std::string title;
    map.read("title", title);
  }
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().suggestion.empty());
}

TEST_CASE("Every problem in a map is reported in one pass", "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = parse(
      "width_px: wide\n"
      "height_px: 1080\n"
      "fulscreen: true\n"
      "rotation: 45\n"
      "extra: 1\n",
      diagnostics);
  {
    MapReader map(doc.root());
    int width = 0, height = 0;
    bool fullscreen = false;
    map.read("width_px", width);
    map.read("height_px", height);
    map.read("fullscreen", fullscreen);
    if (auto v = map.get("rotation")) {
      int rotation = 0;
      read_value(*v, rotation);
      if (rotation % 90 != 0) v->error(Message{"sai", "not a multiple of 90"});
    }
    CHECK(height == 1080);
  }
  diagnostics.sort();
  const auto& items = diagnostics.items();
  REQUIRE(items.size() == 4);
  CHECK(items[0].position.line == 1);
  CHECK(items[0].position.column == 11);
  CHECK(items[0].found == "\"wide\"");
  CHECK(items[1].position.line == 3);
  CHECK(items[1].suggestion == "fullscreen");
  CHECK(items[2].position.line == 4);
  CHECK(items[3].position.line == 5);
  CHECK(items[3].key_path == "extra");
}

TEST_CASE("A required key that is missing is reported at its map", "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = parse("pages:\n  a:\n    title: T\n", diagnostics);
  {
    MapReader root(doc.root());
    auto pages = root.get("pages");
    REQUIRE(pages);
    MapReader pages_map(*pages);
    for (auto& [id, value] : pages_map.entries()) {
      MapReader page(value);
      std::string title, category;
      page.read("title", title, Presence::required);
      page.read("category", category, Presence::required);
    }
  }
  REQUIRE(diagnostics.error_count() == 1);
  const auto& d = diagnostics.items().front();
  CHECK(d.key_path == "pages.a");
  CHECK(d.position.line == 3);
  CHECK(d.position.column == 5);
  CHECK(d.message.en == "the required key \"category\" is missing");
}

TEST_CASE("A key written twice is an error naming the first line", "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = parse("title: A\nsummary: S\ntitle: B\n", diagnostics);
  {
    MapReader map(doc.root());
    std::string title, summary;
    map.read("title", title);
    map.read("summary", summary);
  }
  REQUIRE(diagnostics.error_count() == 1);
  const auto& d = diagnostics.items().front();
  CHECK(d.position.line == 3);
  CHECK(d.message.en == "the key \"title\" is written twice (first on line 1)");
}

TEST_CASE("A list where a map belongs is reported once and reads as empty", "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = parse("display:\n  - 1\n  - 2\n", diagnostics);
  {
    MapReader root(doc.root());
    auto display = root.get("display");
    REQUIRE(display);
    MapReader map(*display);
    CHECK_FALSE(map.valid());
    int width = 7;
    map.read("width_px", width, Presence::required);
    CHECK(width == 7);
  }
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().position.line == 2);
  CHECK(diagnostics.items().front().expected.en == "a map (key: value)");
}

TEST_CASE("Key paths name nested maps and list items", "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = parse("body:\n  - table:\n      rows: [[1, x]]\n", diagnostics);
  MapReader root(doc.root());
  auto body = root.get("body");
  REQUIRE(body);
  const auto blocks = body->elements();
  REQUIRE(blocks.size() == 1);
  MapReader block(blocks[0]);
  auto table = block.get("table");
  REQUIRE(table);
  MapReader table_map(*table);
  auto rows = table_map.get("rows");
  REQUIRE(rows);
  const auto row = rows->elements().at(0).elements().at(1);
  int number = 0;
  CHECK_FALSE(read_value(row, number));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().key_path == "body[0].table.rows[0][1]");
  CHECK(diagnostics.items().front().position.line == 3);
  CHECK(diagnostics.items().front().position.column == 18);
}

}  // namespace tinxa::config
