#include "content/text/Fold.hpp"

#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

namespace tinxa::content {
namespace {

using Case = std::tuple<std::string_view, std::string_view>;

TEST_CASE("fold_for_search ignores accents, case and punctuation", "[text]") {
  const auto [input, expected] = GENERATE(table<std::string_view, std::string_view>({
      Case{"Hòa", "hoa"},
      Case{"hoà", "hoa"},
      Case{"HOA", "hoa"},
      Case{"hoa", "hoa"},
      Case{"HÒA", "hoa"},
      Case{"Đồng Nai", "dong nai"},
      Case{"đĐ", "dd"},
      Case{"Nghị định 07/2021/NĐ-CP", "nghi dinh 07 2021 nd cp"},
      Case{"Thông tư 39/2020/TT-BTTTT", "thong tu 39 2020 tt btttt"},
      Case{"1.500.000 đồng/người/tháng", "1 500 000 dong nguoi thang"},
      Case{"giai đoạn 2022–2025", "giai doan 2022 2025"},
      Case{"Ơn, Ư, Ă, Â, Ê, Ô", "on u a a e o"},
      // Stacked diacritics: a vowel mark and a tone mark on one letter.
      Case{"ệ ữ ộ ặ", "e u o a"},
      Case{"Ễ Ỗ Ữ Ẫ Ỷ", "e o u a y"},
      Case{"Việt Nam", "viet nam"},
      // Decomposed (NFD) input folds like the composed form.
      Case{"Ho\u0300a", "hoa"},
      Case{"Vie\u0323\u0302t Nam", "viet nam"},
      Case{"D\u0323\u0302", "d"},
      // Whitespace and punctuation runs collapse to one space, trimmed at both ends.
      Case{"  Hộ   nghèo\t\n cận-nghèo!  ", "ho ngheo can ngheo"},
      Case{"(Điều 3)", "dieu 3"},
      // Default-ignorable characters vanish instead of splitting a word.
      Case{"ng\u00ADhèo", "ngheo"},
      Case{"ho\u200Ba", "hoa"},
      // Compatibility forms fold to their plain letters and digits.
      Case{"ＡＢＣ１２３", "abc123"},
      Case{"ﬁ", "fi"},
      Case{"", ""},
      Case{"   ", ""},
      Case{"--//--", ""},
  }));
  CAPTURE(input);
  CHECK(fold_for_search(input) == expected);
}

TEST_CASE("fold_for_search keys let a folded query match inside a folded text", "[text]") {
  const auto text = fold_for_search("Nghị định 07/2021/NĐ-CP quy định chuẩn nghèo");
  CHECK(contains_folded(text, fold_for_search("nghi dinh 07")));
  CHECK(contains_folded(text, fold_for_search("Nghị định 07")));
  CHECK(contains_folded(text, fold_for_search("07/2021")));
  CHECK(contains_folded(text, fold_for_search("NĐ-CP")));
  CHECK(contains_folded(text, fold_for_search("CHUAN NGHEO")));
  CHECK(contains_folded(text, ""));
  CHECK_FALSE(contains_folded(text, fold_for_search("nghi dinh 08")));
  CHECK_FALSE(contains_folded(text, fold_for_search("hộ nghèo")));
}

TEST_CASE("fold_keep_tones places the tone of oa, oe and uy on the second vowel", "[text]") {
  const auto [input, expected] = GENERATE(table<std::string_view, std::string_view>({
      Case{"hòa", "hoà"},
      Case{"hoà", "hoà"},
      Case{"Hòa", "hoà"},
      Case{"Hoà", "hoà"},
      Case{"HÒA", "hoà"},
      Case{"HOÀ", "hoà"},
      Case{"Ho\u0300a", "hoà"},
      Case{"thủy", "thuỷ"},
      Case{"thuỷ", "thuỷ"},
      Case{"THỦY", "thuỷ"},
      Case{"khỏe", "khoẻ"},
      Case{"khoẻ", "khoẻ"},
      Case{"xòe", "xoè"},
      Case{"ủy ban", "uỷ ban"},
      Case{"Thanh Hóa", "thanh hoá"},
      Case{"họa sĩ", "hoạ sĩ"},
      Case{"qúy", "quý"},
      Case{"hòa, hòa.", "hoà hoà"},
      // Both styles already agree here, so nothing moves.
      Case{"hoàn", "hoàn"},
      Case{"thuyền", "thuyền"},
      Case{"ngoài", "ngoài"},
      Case{"khuỷu", "khuỷu"},
      Case{"quý", "quý"},
      Case{"hoa", "hoa"},
      Case{"hòn", "hòn"},
      Case{"ồa", "ồa"},
      // Everything else is kept, lower-cased and in NFC.
      Case{"Đồng Nai", "đồng nai"},
      Case{"Nghị định 07/2021/NĐ-CP", "nghị định 07 2021 nđ cp"},
      Case{"ỄỖỮẪỶ", "ễỗữẫỷ"},
      Case{"Vie\u0323\u0302t", "việt"},
      Case{"", ""},
  }));
  CAPTURE(input);
  CHECK(fold_keep_tones(input) == expected);
}

TEST_CASE("fold_keep_tones tells a toneless word from a toned one", "[text]") {
  CHECK(fold_keep_tones("hoa") != fold_keep_tones("hòa"));
  CHECK(fold_keep_tones("hòa") != fold_keep_tones("hóa"));
  CHECK(fold_keep_tones("thuy") != fold_keep_tones("thủy"));
  CHECK(contains_folded(fold_keep_tones("Xã Hoà Bình"), fold_keep_tones("hòa")));
  CHECK_FALSE(contains_folded(fold_keep_tones("Xã Hoa Bình"), fold_keep_tones("hòa")));
}

TEST_CASE("fold_keep_tones keeps the word structure of fold_for_search", "[text]") {
  const auto input = GENERATE(as<std::string_view>{}, "Hòa Bình", "  Thủy--lợi  ",
                              "Nghị định 07/2021/NĐ-CP", "ỄỖỮẪỶ đđ", "ng\u00ADhèo", "ＡＢＣ", "");
  CAPTURE(input);
  CHECK(fold_for_search(fold_keep_tones(input)) == fold_for_search(input));
}

TEST_CASE("Both keys are idempotent on a thousand random Vietnamese-like strings", "[text]") {
  // Pieces chosen to hit every branch: precomposed and decomposed tones, stray combining marks,
  // đ, compatibility forms, ignorables, separators, digits, and the oa/oe/uy clusters.
  const std::vector<std::string_view> pieces{
      "a",  "o", "u",  "y", "e",      "q",      "h",      "Đ",      "đ",   "ò",    "Ỷ",    "ủ", "ẻ",
      "ễ",  "ộ", "ữ",  "ặ", "\u0300", "\u0323", "\u0302", "\u031B", " ",   "  ",   "-",    "/", ".",
      "\t", "7", "２", "ﬁ", "ß",      "Ǆ",      "\u00AD", "\u200B", "hòa", "thuỷ", "khỏe", "ủy"};
  std::mt19937 random{20261128};
  std::uniform_int_distribution<std::size_t> pick{0, pieces.size() - 1};
  std::uniform_int_distribution<int> length{0, 12};
  for (int i = 0; i < 1000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += pieces[pick(random)];
    CAPTURE(text);
    const auto search = fold_for_search(text);
    const auto tones = fold_keep_tones(text);
    REQUIRE(is_valid_utf8(search));
    REQUIRE(is_valid_utf8(tones));
    REQUIRE(fold_for_search(search) == search);
    REQUIRE(fold_keep_tones(tones) == tones);
    REQUIRE(fold_for_search(tones) == search);
    REQUIRE(to_nfc(tones) == tones);
  }
}

TEST_CASE("Random bytes are either rejected as invalid UTF-8 or folded to valid UTF-8", "[text]") {
  std::mt19937 random{7};
  std::uniform_int_distribution<int> byte{0, 255};
  std::uniform_int_distribution<int> length{1, 16};
  int rejected = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string bytes;
    for (int n = length(random); n > 0; --n) bytes += static_cast<char>(byte(random));
    if (is_valid_utf8(bytes)) {
      REQUIRE(is_valid_utf8(fold_for_search(bytes)));
      REQUIRE(is_valid_utf8(fold_keep_tones(bytes)));
    } else {
      REQUIRE_THROWS_AS(fold_for_search(bytes), std::invalid_argument);
      ++rejected;
    }
  }
  CHECK(rejected > 0);
}

TEST_CASE("to_nfc composes decomposed text and keeps the tone placement as typed", "[text]") {
  CHECK(to_nfc("Ho\u0300a") == "Hòa");
  CHECK(to_nfc("Vie\u0323\u0302t Nam") == "Việt Nam");
  CHECK(to_nfc("Vie\u0302\u0323t Nam") == "Việt Nam");
  CHECK(to_nfc("Việt Nam") == "Việt Nam");
  CHECK(to_nfc("hòa") == "hòa");
  CHECK(to_nfc("hoà") == "hoà");
  CHECK(to_nfc("ＡＢＣ") == "ＡＢＣ");
  CHECK(to_nfc("") == "");
  const std::string_view with_nul{"a\0b", 3};
  CHECK(to_nfc(with_nul) == std::string{with_nul});
}

TEST_CASE("is_valid_utf8 accepts well-formed UTF-8 only", "[text]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Chuẩn nghèo"));
  CHECK(is_valid_utf8(std::string_view{"a\0b", 3}));
  CHECK(is_valid_utf8("\xF0\x9F\x93\xA2"));
  const auto invalid = GENERATE(as<std::string_view>{},
                                "\xC3",              // truncated two-byte sequence
                                "ho\xE1\xBB",        // truncated three-byte sequence at the end
                                "\x80",              // lone continuation byte
                                "\xC0\xAF",          // overlong '/'
                                "\xE0\x80\xAF",      // overlong '/', three bytes
                                "\xED\xA0\x80",      // UTF-16 surrogate
                                "\xF4\x90\x80\x80",  // above U+10FFFF
                                "\xFF",              // never valid
                                "caf\xE9");          // Latin-1, not UTF-8
  CAPTURE(invalid);
  CHECK_FALSE(is_valid_utf8(invalid));
}

TEST_CASE("Every conversion rejects invalid UTF-8 naming the byte offset", "[text]") {
  const std::string_view latin1{"Ph\xFA"};
  CHECK_THROWS_MATCHES(to_nfc(latin1), std::invalid_argument,
                       Catch::Matchers::Message("invalid UTF-8 at byte 2"));
  CHECK_THROWS_AS(fold_for_search(latin1), std::invalid_argument);
  CHECK_THROWS_AS(fold_keep_tones(latin1), std::invalid_argument);
  CHECK_THROWS_AS(fold_for_search("\xED\xA0\x80"), std::invalid_argument);
}

}  // namespace
}  // namespace tinxa::content
