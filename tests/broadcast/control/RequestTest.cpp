#include "broadcast/control/Request.hpp"

#include <catch2/catch.hpp>

namespace tinxa::broadcast {

TEST_CASE("A request line splits into a command and its arguments, quotes included",
          "[control][protocol]") {
  std::string error;
  const auto r = parse_request(R"(play "bản tin sáng" thon-1  thon-2)", error);
  REQUIRE(r);
  CHECK(r->command == "play");
  CHECK(r->arguments == std::vector<std::string>{"bản tin sáng", "thon-1", "thon-2"});
  const auto escaped = parse_request(R"(play "a \"b\" \\ c")", error);
  REQUIRE(escaped);
  CHECK(escaped->arguments == std::vector<std::string>{R"(a "b" \ c)"});
  const auto crlf = parse_request("status\r", error);
  REQUIRE(crlf);
  CHECK(crlf->command == "status");
}

TEST_CASE("Malformed request lines are refused with a reason", "[control][protocol]") {
  for (const char* line : {"", "   ", "play \"open", "play \"a\"b", "pl\"ay"}) {
    std::string error;
    CAPTURE(line);
    CHECK_FALSE(parse_request(line, error));
    CHECK_FALSE(error.empty());
  }
  std::string error;
  CHECK_FALSE(parse_request(std::string(kMaxRequestBytes + 1, 'a'), error));
  CHECK(error.find("too long") != std::string::npos);
}

TEST_CASE("Formatting a request and parsing it again gives the same request",
          "[control][protocol]") {
  const std::vector<Request> requests{
      {"status", {}},
      {"play", {"ban-tin-sang", "thon-1"}},
      {"alert", {"bão số 3: sơ tán \"ngay\"", "", "a\\b"}},
  };
  for (const auto& request : requests) {
    std::string error;
    const auto back = parse_request(format_request(request), error);
    REQUIRE(back);
    CHECK(*back == request);
  }
}

}  // namespace tinxa::broadcast
