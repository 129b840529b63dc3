#pragma once

#include "config/reader/Diagnostic.hpp"

#include <string>

namespace tinxa::config {

// The text an editor reads, in the compilers' form so editors and IDEs can jump to it:
//
//   pages/ho-ngheo.yaml:12:5: lỗi/error: valid_until: ngày không hợp lệ / not a valid date
//       gặp/found:    "2026-13-01"
//       cần/expected: ngày dạng YYYY-MM-DD / a date written YYYY-MM-DD
//       gợi ý/hint:   có phải ý bạn là "valid_from"? / did you mean "valid_from"?
//
// Ends with a newline. Never throws except std::bad_alloc.
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic);

// "file:line:column" (or "file" when the line is 0).
[[nodiscard]] std::string format_position(const Position& position);

}  // namespace tinxa::config
