#include "content/text/Utf8proc.hpp"

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include <fmt/core.h>
#include <utf8proc.h>

namespace tinxa::content::utf8proc {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* buffer) const noexcept { std::free(buffer); }
};

const utf8proc_uint8_t* bytes(std::string_view text) noexcept {
  return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

utf8proc_ssize_t ssize(std::string_view text) noexcept {
  return static_cast<utf8proc_ssize_t>(text.size());
}

void require_valid(std::string_view text) {
  if (const auto offset = find_invalid_utf8(text); offset != std::string_view::npos) {
    throw std::invalid_argument(fmt::format("invalid UTF-8 at byte {}", offset));
  }
}

[[noreturn]] void throw_error(utf8proc_ssize_t code) {
  if (code == UTF8PROC_ERROR_NOMEM) {
    throw std::bad_alloc();
  }
  throw std::runtime_error(fmt::format("utf8proc: {}", utf8proc_errmsg(code)));
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view text) noexcept {
  std::size_t offset = 0;
  while (offset < text.size()) {
    const auto rest = text.substr(offset);
    utf8proc_int32_t codepoint = 0;
    const auto length =
        utf8proc_iterate(bytes(rest), static_cast<utf8proc_ssize_t>(rest.size()), &codepoint);
    if (length <= 0 || codepoint < 0) {
      return offset;
    }
    offset += static_cast<std::size_t>(length);
  }
  return std::string_view::npos;
}

std::string map(std::string_view text, int options) {
  require_valid(text);
  utf8proc_uint8_t* raw = nullptr;
  const auto length =
      utf8proc_map(bytes(text), ssize(text), &raw, static_cast<utf8proc_option_t>(options));
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned{raw};
  if (length < 0) {
    throw_error(length);
  }
  return {reinterpret_cast<const char*>(owned.get()), static_cast<std::size_t>(length)};
}

std::vector<Codepoint> decompose(std::string_view text, int options) {
  require_valid(text);
  const auto flags = static_cast<utf8proc_option_t>(options);
  // One code point per input byte is enough for all but compatibility expansions such as
  // U+FDFA; when it is not, utf8proc reports the size it needs and the call is repeated.
  std::vector<Codepoint> codepoints(text.size() + 8);
  for (;;) {
    const auto count = utf8proc_decompose(bytes(text), ssize(text), codepoints.data(),
                                          static_cast<utf8proc_ssize_t>(codepoints.size()), flags);
    if (count < 0) {
      throw_error(count);
    }
    const auto needed = static_cast<std::size_t>(count);
    if (needed <= codepoints.size()) {
      codepoints.resize(needed);
      return codepoints;
    }
    codepoints.resize(needed);
  }
}

void append_utf8(std::string& out, Codepoint codepoint) {
  utf8proc_uint8_t buffer[4] = {};
  const auto length = utf8proc_encode_char(codepoint, buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

bool is_letter_or_number(Codepoint codepoint) noexcept {
  switch (utf8proc_category(codepoint)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool is_mark(Codepoint codepoint) noexcept {
  switch (utf8proc_category(codepoint)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

}  // namespace tinxa::content::utf8proc
