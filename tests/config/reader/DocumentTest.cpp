#include "config/reader/Document.hpp"

#include "Support.hpp"

#include <catch2/catch.hpp>

namespace tinxa::config {

TEST_CASE("A YAML syntax error is reported at the parser's line and column", "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = Document::parse("title: ok\nbody: [a, b\nnext: 1\n", "page.yaml", diagnostics);
  CHECK_FALSE(doc.has_value());
  REQUIRE(diagnostics.error_count() == 1);
  const auto& d = diagnostics.items().front();
  CHECK(d.position.file == "page.yaml");
  CHECK(d.position.line == 3);
  CHECK(d.position.column >= 1);
  CHECK(d.message.en.find("YAML syntax error") != std::string::npos);
  CHECK(d.message.vi.find("lỗi cú pháp") != std::string::npos);
}

TEST_CASE("Columns count characters, not UTF-8 bytes, so Vietnamese lines point right",
          "[config][reader]") {
  // "ở đây" is 5 characters and 9 bytes: yaml-cpp's byte column would be 15, an editor shows 11.
  Diagnostics diagnostics;
  const auto doc = Document::parse("ok: 1\nbad: ở đây: x\n", "page.yaml", diagnostics);
  CHECK_FALSE(doc.has_value());
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().position.line == 2);
  CHECK(diagnostics.items().front().position.column == 11);
}

TEST_CASE("A value after a Vietnamese key is reported at its character column",
          "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = Document::parse("tiêu_đề: [1, 2]\n", "page.yaml", diagnostics);
  REQUIRE(doc.has_value());
  const Value title = doc->root().child(doc->root().node()["tiêu_đề"], "tiêu_đề");
  CHECK(title.position().line == 1);
  CHECK(title.position().column == 10);  // 9 characters before it, 12 bytes
}

TEST_CASE("A tab used for indentation is a syntax error with a hint about spaces",
          "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = Document::parse("display:\n\twidth_px: 10\n", "kiosk.yaml", diagnostics);
  CHECK_FALSE(doc.has_value());
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().position.line == 2);
  CHECK(diagnostics.items().front().expected.en.find("never tabs") != std::string::npos);
}

TEST_CASE("A missing file is reported with its name and the system's reason", "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = Document::load("/nonexistent/site.yaml", "site.yaml", diagnostics);
  CHECK_FALSE(doc.has_value());
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items().front().position.file == "site.yaml");
  CHECK(diagnostics.items().front().message.en.find("No such file") != std::string::npos);
}

TEST_CASE("An empty document reads as an empty map", "[config][reader]") {
  Diagnostics diagnostics;
  const auto doc = Document::parse("", "empty.yaml", diagnostics);
  REQUIRE(doc.has_value());
  CHECK(doc->root().is_null());
  CHECK_FALSE(diagnostics.has_errors());
}

}  // namespace tinxa::config
