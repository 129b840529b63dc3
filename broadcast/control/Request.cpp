#include "broadcast/control/Request.hpp"

namespace tinxa::broadcast {

namespace {

bool needs_quotes(std::string_view argument) {
  return argument.empty() || argument.find_first_of(" \t\"\\") != std::string_view::npos;
}

}  // namespace

std::optional<Request> parse_request(std::string_view line, std::string& error) {
  if (line.size() > kMaxRequestBytes) {
    error = "yêu cầu quá dài / the request is too long";
    return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    std::string word;
    if (line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        const char c = line[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\') {
          if (i == line.size()) break;
          word += line[i++];
        } else {
          word += c;
        }
      }
      if (!closed) {
        error = "thiếu dấu \" đóng / unterminated quote";
        return std::nullopt;
      }
      if (i < line.size() && line[i] != ' ' && line[i] != '\t') {
        error = "thiếu dấu cách sau dấu \" / a space must follow a closing quote";
        return std::nullopt;
      }
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
        if (line[i] == '"') {
          error = "dấu \" giữa chừng / a quote inside a word";
          return std::nullopt;
        }
        word += line[i++];
      }
    }
    words.push_back(std::move(word));
  }
  if (words.empty()) {
    error = "yêu cầu trống / the request is empty";
    return std::nullopt;
  }
  Request request{std::move(words.front()), {}};
  request.arguments.assign(std::make_move_iterator(words.begin() + 1),
                           std::make_move_iterator(words.end()));
  return request;
}

std::string format_request(const Request& request) {
  std::string out = request.command;
  for (const auto& argument : request.arguments) {
    out += ' ';
    if (!needs_quotes(argument)) {
      out += argument;
      continue;
    }
    out += '"';
    for (char c : argument) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out;
}

}  // namespace tinxa::broadcast
