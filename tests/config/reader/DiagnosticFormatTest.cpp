#include "config/reader/DiagnosticFormat.hpp"

#include <catch2/catch.hpp>

namespace tinxa::config {

TEST_CASE("A diagnostic reads as file:line:column, key, message, found, expected and hint",
          "[config][format]") {
  const Diagnostic d{Severity::error,  Position{"pages/a.yaml", 12, 5},
                     "valid_until",    Message{"không phải ngày hợp lệ", "not a valid date"},
                     "\"2026-13-01\"", Message{"ngày dạng YYYY-MM-DD", "a date written YYYY-MM-DD"},
                     "2026-12-01"};
  CHECK(format_diagnostic(d) ==
        "pages/a.yaml:12:5: lỗi/error: valid_until: không phải ngày hợp lệ / not a valid date\n"
        "    gặp/found:    \"2026-13-01\"\n"
        "    cần/expected: ngày dạng YYYY-MM-DD / a date written YYYY-MM-DD\n"
        "    gợi ý/hint:   có phải ý bạn là \"2026-12-01\"? / did you mean \"2026-12-01\"?\n");
}

TEST_CASE("A warning about a whole file has no line and no empty parts", "[config][format]") {
  const Diagnostic d{Severity::warning,
                     Position{"bundle.yaml", 0, 0},
                     {},
                     Message{"sắp hết hạn", "expires soon"},
                     {},
                     {},
                     {}};
  CHECK(format_diagnostic(d) == "bundle.yaml: cảnh báo/warning: sắp hết hạn / expires soon\n");
}

}  // namespace tinxa::config
