#pragma once

// The control protocol, version 1: MPD-style lines of UTF-8 over a Unix socket.
//
//   server, on connect:  OK tinxa 1
//   client:              play "ban-tin-sang" thon-1 thon-2
//   server:              zero or more "key: value" lines, then "OK"
//                        or "ACK [code] {command} message" on failure
//
// A request is one line: a command word, then arguments separated by spaces; an argument with
// spaces or quotes is written in double quotes, with \" and \\ inside. Requests and responses are
// plain values, so a later transport (MQTT for a province) carries the same text.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::broadcast {

inline constexpr int kProtocolVersion = 1;
inline constexpr std::size_t kMaxRequestBytes = 4096;

struct Request {
  std::string command;
  std::vector<std::string> arguments;

  friend bool operator==(const Request&, const Request&) = default;
};

// Parses one request line (without its newline). On failure returns nullopt and sets `error` to
// a bilingual reason ("unterminated quote", ...). Never throws except std::bad_alloc.
[[nodiscard]] std::optional<Request> parse_request(std::string_view line, std::string& error);

// Writes `request` as one line (without the newline), quoting arguments where needed, so that
// parse_request(format_request(r)) == r.
[[nodiscard]] std::string format_request(const Request& request);

}  // namespace tinxa::broadcast
