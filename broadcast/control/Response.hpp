#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tinxa::broadcast {

// Why a request failed, as the number in "ACK [code]".
enum class AckCode {
  unknown_command = 1,
  bad_arguments = 2,
  not_found = 3,  // an item or zone that does not exist
  refused = 4,    // not allowed now (e.g. a lower priority than what is on air)
  failed = 5,     // tried and failed (device, file)
  protocol = 6,   // not a request at all
};

// One answer to one request.
struct Response {
  std::vector<std::pair<std::string, std::string>> fields;  // "key: value" lines, in order
  std::optional<AckCode> error;                             // nullopt: OK
  std::string command;  // the request's command, for the ACK line
  std::string message;  // the reason, bilingual, for the ACK line

  [[nodiscard]] static Response ok() { return {}; }
  [[nodiscard]] static Response fail(AckCode code, std::string command, std::string message);

  friend bool operator==(const Response&, const Response&) = default;
};

// The wire text: the field lines, then "OK\n" or "ACK [code] {command} message\n". Values keep
// to one line: newlines in them are written as spaces.
[[nodiscard]] std::string format_response(const Response& response);

// Parses one response from complete lines (without newlines) up to and including the final
// OK/ACK line; nullopt if the last line is neither. For the client.
[[nodiscard]] std::optional<Response> parse_response(const std::vector<std::string>& lines);

}  // namespace tinxa::broadcast
