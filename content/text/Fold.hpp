#pragma once

// Unicode normalisation and the search keys the kiosk matches on. Every function is pure and
// thread-safe. Input must be UTF-8; every function but is_valid_utf8() throws
// std::invalid_argument, naming the byte offset, when it is not.

#include <string>
#include <string_view>

namespace tinxa::content {

// True if `text` is well-formed UTF-8 (no overlong forms, surrogates, or code points above
// U+10FFFF). The empty string is valid.
bool is_valid_utf8(std::string_view text) noexcept;

// Canonical composition (NFC): "hoa" + U+0300 becomes "hoà". Keeps everything else as typed,
// including the tone placement ("hòa" and "hoà" stay different strings).
std::string to_nfc(std::string_view text);

// The accent-insensitive search key. Compatibility-decomposes (NFKD), drops combining marks and
// default-ignorable characters (soft hyphen, zero-width space), case-folds, and maps đ/Đ to "d".
// Every character that is not a letter or a digit (space, punctuation, symbols, controls) is a
// word separator: a run of them becomes one ASCII space, and the key has none at either end.
//   "Hòa", "hoà", "HOA", "hoa"  -> "hoa"
//   "Đồng Nai"                  -> "dong nai"
//   "Nghị định 07/2021/NĐ-CP"   -> "nghi dinh 07 2021 nd cp"
//   "1.500.000 đ"               -> "1 500 000 d"
// A query folded the same way matches as a substring ("nghi dinh 07", "07 2021", "nd cp").
std::string fold_for_search(std::string_view text);

// The tone-preserving search key, for ranking matches that carry the typed accents first. The same
// word structure as fold_for_search() (case-folded, NFKC, separators collapsed to one space, đ
// kept), so fold_for_search(fold_keep_tones(x)) == fold_for_search(x), but with all diacritics
// kept, in NFC, and the tone mark of a word-final "oa", "oe" or "uy" always on the second vowel
// (the "new style" placement, kiểu mới):
//   "hòa", "hoà", "Hòa", "HOÀ" -> "hoà"      "thủy", "thuỷ" -> "thuỷ"
//   "khỏe", "khoẻ"             -> "khoẻ"     "ủy ban"       -> "uỷ ban"
//   "hoa" and "hòa" stay different.
// Only a plain o/u carrying a tone followed by a plain a/e/y without one, at the end of a word,
// is moved; elsewhere both styles already agree ("hoàn", "thuyền", "ngoài", "khuỷu", "quý").
std::string fold_keep_tones(std::string_view text);

// True if `needle_key` occurs in `haystack_key`, both produced by the same fold function. An empty
// needle matches everything. Plain substring match: "hoa" also matches inside "khoa".
bool contains_folded(std::string_view haystack_key, std::string_view needle_key) noexcept;

}  // namespace tinxa::content
