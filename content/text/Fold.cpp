#include "content/text/Fold.hpp"

#include <span>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "content/text/Utf8proc.hpp"

namespace tinxa::content {
namespace {

using utf8proc::Codepoint;

constexpr Codepoint kSpace = ' ';
constexpr Codepoint kSmallDStroke = 0x0111;    // đ
constexpr Codepoint kCapitalDStroke = 0x0110;  // Đ

enum class Marks { strip, keep };

bool is_tone_mark(Codepoint codepoint) noexcept {
  switch (codepoint) {
    case 0x0300:  // grave: huyền
    case 0x0301:  // acute: sắc
    case 0x0303:  // tilde: ngã
    case 0x0309:  // hook above: hỏi
    case 0x0323:  // dot below: nặng
      return true;
    default:
      return false;
  }
}

// `word` is one decomposed, case-folded word. When it ends in o+tone+a, o+tone+e or u+tone+y
// (the first vowel plain apart from its tone, the second plain), the tone moves to the end.
void place_final_tone(std::span<Codepoint> word) noexcept {
  const auto n = word.size();
  if (n < 3 || !is_tone_mark(word[n - 2])) {
    return;
  }
  const auto first = word[n - 3];
  const auto second = word[n - 1];
  const bool cluster =
      (first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y');
  if (cluster) {
    std::swap(word[n - 2], word[n - 1]);
  }
}

// The shared pipeline of both keys: NFKD + case fold + drop ignorables, then split into words of
// letters and digits (with their marks) separated by single spaces.
std::vector<Codepoint> words_of(std::string_view text, Marks marks) {
  int options = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
  if (marks == Marks::strip) {
    options |= UTF8PROC_STRIPMARK;
  }
  const auto decomposed = utf8proc::decompose(text, options);

  std::vector<Codepoint> key;
  key.reserve(decomposed.size());
  std::size_t word_start = 0;
  bool in_word = false;
  const auto end_word = [&] {
    if (in_word && marks == Marks::keep) {
      place_final_tone(std::span{key}.subspan(word_start));
    }
    in_word = false;
  };
  for (auto codepoint : decomposed) {
    if (marks == Marks::strip && (codepoint == kSmallDStroke || codepoint == kCapitalDStroke)) {
      codepoint = 'd';
    }
    if (utf8proc::is_letter_or_number(codepoint)) {
      if (!in_word) {
        if (!key.empty()) {
          key.push_back(kSpace);
        }
        word_start = key.size();
        in_word = true;
      }
      key.push_back(codepoint);
    } else if (utf8proc::is_mark(codepoint)) {
      if (in_word && marks == Marks::keep) {
        key.push_back(codepoint);
      }
    } else {
      end_word();
    }
  }
  end_word();
  return key;
}

std::string encode(const std::vector<Codepoint>& codepoints) {
  std::string out;
  out.reserve(codepoints.size());
  for (const auto codepoint : codepoints) {
    utf8proc::append_utf8(out, codepoint);
  }
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view text) noexcept {
  return utf8proc::find_invalid_utf8(text) == std::string_view::npos;
}

std::string to_nfc(std::string_view text) {
  return utf8proc::map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold_for_search(std::string_view text) { return encode(words_of(text, Marks::strip)); }

std::string fold_keep_tones(std::string_view text) {
  return to_nfc(encode(words_of(text, Marks::keep)));
}

bool contains_folded(std::string_view haystack_key, std::string_view needle_key) noexcept {
  return haystack_key.find(needle_key) != std::string_view::npos;
}

}  // namespace tinxa::content
