#include "broadcast/control/Response.hpp"

#include <catch2/catch.hpp>

namespace tinxa::broadcast {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0, end;
  while ((end = text.find('\n', start)) != std::string::npos) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("A successful answer is its fields and OK", "[control][protocol]") {
  Response r;
  r.fields = {{"zone", "thon-1"}, {"playing", "Bản tin\nsáng"}};
  CHECK(format_response(r) == "zone: thon-1\nplaying: Bản tin sáng\nOK\n");
  const auto back = parse_response(lines_of(format_response(r)));
  REQUIRE(back);
  CHECK(back->fields.size() == 2);
  CHECK_FALSE(back->error);
}

TEST_CASE("A failed answer is one ACK line with code, command and reason", "[control][protocol]") {
  const auto r = Response::fail(AckCode::not_found, "play", "không có / no such item \"x\"");
  const std::string text = format_response(r);
  CHECK(text == "ACK [3] {play} không có / no such item \"x\"\n");
  const auto back = parse_response(lines_of(text));
  REQUIRE(back);
  CHECK(*back == r);
}

TEST_CASE("Lines that are not the protocol are not taken for an answer", "[control][protocol]") {
  CHECK_FALSE(parse_response({}));
  CHECK_FALSE(parse_response({"hello"}));
  CHECK_FALSE(parse_response({"no colon here", "OK"}));
  CHECK_FALSE(parse_response({"ACK [x] {play} y"}));
}

}  // namespace tinxa::broadcast
