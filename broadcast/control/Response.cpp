#include "broadcast/control/Response.hpp"

#include <charconv>

#include <fmt/format.h>

namespace tinxa::broadcast {

namespace {

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

Response Response::fail(AckCode code, std::string command, std::string message) {
  Response r;
  r.error = code;
  r.command = std::move(command);
  r.message = std::move(message);
  return r;
}

std::string format_response(const Response& response) {
  std::string out;
  for (const auto& [key, value] : response.fields)
    out += fmt::format("{}: {}\n", one_line(key), one_line(value));
  if (!response.error) return out + "OK\n";
  return out + fmt::format("ACK [{}] {{{}}} {}\n", static_cast<int>(*response.error),
                           one_line(response.command), one_line(response.message));
}

std::optional<Response> parse_response(const std::vector<std::string>& lines) {
  if (lines.empty()) return std::nullopt;
  Response response;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const auto& line = lines[i];
    const auto colon = line.find(": ");
    if (colon == std::string::npos) return std::nullopt;
    response.fields.emplace_back(line.substr(0, colon), line.substr(colon + 2));
  }
  const std::string& last = lines.back();
  if (last == "OK") return response;
  // ACK [code] {command} message
  if (last.rfind("ACK [", 0) != 0) return std::nullopt;
  int code = 0;
  const char* begin = last.data() + 5;
  const auto [ptr, ec] = std::from_chars(begin, last.data() + last.size(), code);
  if (ec != std::errc{} || ptr == last.data() + last.size() || *ptr != ']') return std::nullopt;
  const auto open = last.find('{', static_cast<std::size_t>(ptr - last.data()));
  const auto close = last.find('}', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return std::nullopt;
  response.error = static_cast<AckCode>(code);
  response.command = last.substr(open + 1, close - open - 1);
  response.message = close + 2 <= last.size() ? last.substr(close + 2) : std::string{};
  return response;
}

}  // namespace tinxa::broadcast
