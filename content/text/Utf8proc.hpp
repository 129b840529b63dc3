#pragma once

// The one wrapper over utf8proc: every call into the C library goes through these functions, which
// own the buffers utf8proc allocates and turn its negative error codes into exceptions.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::content::utf8proc {

using Codepoint = std::int32_t;

// Byte offset of the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates
// and code points above U+10FFFF are ill-formed), or std::string_view::npos when all of `text` is
// valid. Embedded NUL bytes are valid. Thread-safe (no shared state).
std::size_t find_invalid_utf8(std::string_view text) noexcept;

// utf8proc_map over `text` with `options` (a utf8proc_option_t bit set; UTF8PROC_NULLTERM is never
// added, so embedded NULs are kept). Returns UTF-8. Throws std::invalid_argument naming the byte
// offset if `text` is not valid UTF-8, std::runtime_error with utf8proc's message for any other
// failure (std::bad_alloc on out-of-memory).
std::string map(std::string_view text, int options);

// utf8proc_decompose over `text` with `options` (UTF8PROC_DECOMPOSE, optionally with COMPAT, plus
// any of CASEFOLD, IGNORE, STRIPMARK...; never COMPOSE). Returns code points in canonical order.
// Throws as map() does.
std::vector<Codepoint> decompose(std::string_view text, int options);

// Appends the UTF-8 encoding of `codepoint` to `out`. Precondition: a valid Unicode scalar value.
void append_utf8(std::string& out, Codepoint codepoint);

// True for letters and digits of any script (Unicode categories L* and N*).
bool is_letter_or_number(Codepoint codepoint) noexcept;

// True for combining marks (Unicode categories Mn, Mc, Me).
bool is_mark(Codepoint codepoint) noexcept;

}  // namespace tinxa::content::utf8proc
