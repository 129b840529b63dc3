#include "kiosk/ui/Telex.hpp"

#include "content/text/Fold.hpp"
#include "content/text/Utf8proc.hpp"

#include <array>
#include <optional>

namespace tinxa::kiosk::ui {
namespace {

// The twelve Vietnamese vowels with each tone, in Tone order; lower case, then upper case.
enum class Mod { none, breve, circumflex, horn };
struct VowelRow {
  char base;
  Mod mod;
  const char* lower;
  const char* upper;
};
constexpr std::array<VowelRow, 12> kRows{{
    {'a', Mod::none, "aàáảãạ", "AÀÁẢÃẠ"},
    {'a', Mod::breve, "ăằắẳẵặ", "ĂẰẮẲẴẶ"},
    {'a', Mod::circumflex, "âầấẩẫậ", "ÂẦẤẨẪẬ"},
    {'e', Mod::none, "eèéẻẽẹ", "EÈÉẺẼẸ"},
    {'e', Mod::circumflex, "êềếểễệ", "ÊỀẾỂỄỆ"},
    {'i', Mod::none, "iìíỉĩị", "IÌÍỈĨỊ"},
    {'o', Mod::none, "oòóỏõọ", "OÒÓỎÕỌ"},
    {'o', Mod::circumflex, "ôồốổỗộ", "ÔỒỐỔỖỘ"},
    {'o', Mod::horn, "ơờớởỡợ", "ƠỜỚỞỠỢ"},
    {'u', Mod::none, "uùúủũụ", "UÙÚỦŨỤ"},
    {'u', Mod::horn, "ưừứửữự", "ƯỪỨỬỮỰ"},
    {'y', Mod::none, "yỳýỷỹỵ", "YỲÝỶỸỴ"},
}};

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) content::utf8proc::append_utf8(out, static_cast<std::int32_t>(c));
  return out;
}

std::u32string nfc32(std::string_view text) { return decode(content::to_nfc(text)); }

struct Vowel {
  std::size_t row;
  Tone tone;
  bool upper;
};

const std::array<std::array<std::u32string, 2>, 12>& table() {
  static const auto t = [] {
    std::array<std::array<std::u32string, 2>, 12> out;
    for (std::size_t r = 0; r < kRows.size(); ++r) {
      out[r][0] = decode(kRows[r].lower);
      out[r][1] = decode(kRows[r].upper);
    }
    return out;
  }();
  return t;
}

std::optional<Vowel> vowel(char32_t c) {
  const auto& t = table();
  for (std::size_t r = 0; r < t.size(); ++r) {
    for (std::size_t u = 0; u < 2; ++u) {
      const auto pos = t[r][u].find(c);
      if (pos != std::u32string::npos) return Vowel{r, static_cast<Tone>(pos), u == 1};
    }
  }
  return std::nullopt;
}

char32_t make(std::size_t row, Tone tone, bool upper) {
  return table()[row][upper ? 1 : 0][static_cast<std::size_t>(tone)];
}

std::size_t row_of(char base, Mod mod) {
  for (std::size_t r = 0; r < kRows.size(); ++r) {
    if (kRows[r].base == base && kRows[r].mod == mod) return r;
  }
  return 0;
}

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_d_bar(char32_t c) { return c == U'đ' || c == U'Đ'; }
bool is_word_char(char32_t c) { return is_ascii_letter(c) || is_d_bar(c) || vowel(c).has_value(); }
char32_t lower_ascii(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

std::size_t word_start(const std::u32string& s) {
  std::size_t i = s.size();
  while (i > 0 && is_word_char(s[i - 1])) --i;
  return i;
}

// The last run of vowels in the word [start, end): [first, last).
struct Cluster {
  std::size_t first = 0;
  std::size_t last = 0;
  [[nodiscard]] bool empty() const { return first == last; }
};

Cluster vowel_cluster(const std::u32string& s, std::size_t start) {
  std::size_t i = s.size();
  while (i > start && !vowel(s[i - 1])) --i;
  const std::size_t last = i;
  while (i > start && vowel(s[i - 1])) --i;
  Cluster c{i, last};
  // "qu" and "gi" before another vowel: the u or i belongs to the consonant.
  if (c.last - c.first >= 2 && c.first > start) {
    const char32_t before = lower_ascii(s[c.first - 1]);
    const auto v = vowel(s[c.first]);
    if (v && kRows[v->row].mod == Mod::none &&
        ((before == 'q' && kRows[v->row].base == 'u') ||
         (before == 'g' && kRows[v->row].base == 'i'))) {
      ++c.first;
    }
  }
  return c;
}

// Where the tone goes: on the last vowel with a modifier (ươ -> ơ); else, with a final
// consonant, on the last vowel; else on the middle of three or the first of two.
std::size_t tone_position(const std::u32string& s, const Cluster& c) {
  for (std::size_t i = c.last; i > c.first; --i) {
    if (kRows[vowel(s[i - 1])->row].mod != Mod::none) return i - 1;
  }
  const std::size_t n = c.last - c.first;
  if (c.last < s.size() || n == 1) return c.last - 1;
  return n == 2 ? c.first : c.first + 1;
}

// The word's tone (the last vowel that has one), after taking it off every vowel.
Tone strip_tone(std::u32string& s, std::size_t start) {
  Tone tone = Tone::none;
  for (std::size_t i = start; i < s.size(); ++i) {
    if (const auto v = vowel(s[i]); v && v->tone != Tone::none) {
      tone = v->tone;
      s[i] = make(v->row, Tone::none, v->upper);
    }
  }
  return tone;
}

// Moves the word's tone to where the word as it now stands wants it.
void place_tone(std::u32string& s) {
  const std::size_t start = word_start(s);
  const Tone tone = strip_tone(s, start);
  if (tone == Tone::none) return;
  const Cluster c = vowel_cluster(s, start);
  if (c.empty()) return;
  const std::size_t p = tone_position(s, c);
  const auto v = vowel(s[p]);
  s[p] = make(v->row, tone, v->upper);
}

// Sets (or, if `toggle` and it has it already, removes) `tone` on the last word. False when the
// word has no vowel, or when it toggled the tone off.
enum class ToneResult { no_vowel, set, removed };
ToneResult set_tone(std::u32string& s, Tone tone) {
  const std::size_t start = word_start(s);
  const Cluster c = vowel_cluster(s, start);
  if (c.empty()) return ToneResult::no_vowel;
  const Tone had = strip_tone(s, start);
  if (had == tone) return ToneResult::removed;
  const std::size_t p = tone_position(s, c);
  const auto v = vowel(s[p]);
  s[p] = make(v->row, tone, v->upper);
  return ToneResult::set;
}

std::optional<Tone> tone_key(char32_t k) {
  switch (lower_ascii(k)) {
    case 's':
      return Tone::acute;
    case 'f':
      return Tone::grave;
    case 'r':
      return Tone::hook;
    case 'x':
      return Tone::tilde;
    case 'j':
      return Tone::dot;
    default:
      return std::nullopt;
  }
}

void type_key(std::u32string& s, char32_t key) {
  const char32_t k = lower_ascii(key);
  const std::size_t start = word_start(s);
  if (const auto tone = tone_key(key)) {
    switch (set_tone(s, *tone)) {
      case ToneResult::set:
        return;
      case ToneResult::removed:
      case ToneResult::no_vowel:
        s.push_back(key);
        place_tone(s);
        return;
    }
  }
  if (k == 'z') {
    if (start < s.size() && strip_tone(s, start) != Tone::none) return;
    s.push_back(key);
    return;
  }
  if (k == 'd' && !s.empty() && start < s.size()) {
    char32_t& last = s.back();
    if (lower_ascii(last) == 'd') {
      last = last == U'D' ? U'Đ' : U'đ';
      return;
    }
    if (is_d_bar(last)) {
      last = last == U'Đ' ? U'D' : U'd';
      s.push_back(key);
      return;
    }
  }
  const Cluster c = vowel_cluster(s, start);
  if ((k == 'a' || k == 'e' || k == 'o') && !c.empty()) {
    // Undo: the letter right before is already the hatted one.
    if (const auto v = vowel(s.back());
        v && kRows[v->row].base == static_cast<char>(k) && kRows[v->row].mod == Mod::circumflex) {
      s.back() = make(row_of(static_cast<char>(k), Mod::none), v->tone, v->upper);
      s.push_back(key);
      place_tone(s);
      return;
    }
    for (std::size_t i = c.last; i > c.first; --i) {
      const auto v = vowel(s[i - 1]);
      if (kRows[v->row].base == static_cast<char>(k) && kRows[v->row].mod == Mod::none) {
        s[i - 1] = make(row_of(static_cast<char>(k), Mod::circumflex), v->tone, v->upper);
        place_tone(s);
        return;
      }
    }
  }
  if (k == 'w') {
    if (c.empty()) {
      s.push_back(key == U'W' ? U'Ư' : U'ư');
      return;
    }
    if (const auto v = vowel(s.back());
        v && (kRows[v->row].mod == Mod::breve || kRows[v->row].mod == Mod::horn)) {
      // Undo the horn or breve on the last letter.
      s.back() = make(row_of(kRows[v->row].base, Mod::none), v->tone, v->upper);
      s.push_back(key);
      place_tone(s);
      return;
    }
    // "uo" -> "ươ" together; "ua" -> "ưa" (chưa, mưa; "quă" has its u outside the cluster).
    for (std::size_t i = c.first; i + 1 < c.last; ++i) {
      const auto u = vowel(s[i]);
      const auto o = vowel(s[i + 1]);
      if (kRows[u->row].base != 'u' || kRows[u->row].mod != Mod::none ||
          kRows[o->row].mod != Mod::none) {
        continue;
      }
      if (kRows[o->row].base == 'o') {
        s[i] = make(row_of('u', Mod::horn), u->tone, u->upper);
        s[i + 1] = make(row_of('o', Mod::horn), o->tone, o->upper);
        place_tone(s);
        return;
      }
      if (kRows[o->row].base == 'a') {
        s[i] = make(row_of('u', Mod::horn), u->tone, u->upper);
        place_tone(s);
        return;
      }
    }
    for (std::size_t i = c.last; i > c.first; --i) {
      const auto v = vowel(s[i - 1]);
      const char base = kRows[v->row].base;
      if (kRows[v->row].mod != Mod::none) continue;
      if (base == 'a' || base == 'o' || base == 'u') {
        s[i - 1] = make(row_of(base, base == 'a' ? Mod::breve : Mod::horn), v->tone, v->upper);
        place_tone(s);
        return;
      }
    }
  }
  s.push_back(key);
  place_tone(s);
}

}  // namespace

std::string telex_type(std::string_view text, char32_t key) {
  std::u32string s = nfc32(text);
  type_key(s, key);
  return encode(s);
}

std::string telex(std::string_view keys) {
  std::u32string s;
  for (char32_t k : nfc32(keys)) type_key(s, k);
  return encode(s);
}

std::string apply_tone(std::string_view text, Tone tone) {
  std::u32string s = nfc32(text);
  (void)set_tone(s, tone);
  return encode(s);
}

std::string type_letter(std::string_view text, std::string_view letter) {
  std::u32string s = nfc32(text);
  s += nfc32(letter);
  place_tone(s);
  return encode(s);
}

std::string erase_last(std::string_view text) {
  std::u32string s = nfc32(text);
  if (!s.empty()) s.pop_back();
  return encode(s);
}

}  // namespace tinxa::kiosk::ui
