#include "content/speech/SpokenText.hpp"

#include <array>
#include <cctype>
#include <utility>
#include <variant>

namespace tinxa::content {

namespace {

// Whole-word abbreviations and what is said for them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kAbbreviations{{
    {"UBND", "Ủy ban nhân dân"},
    {"HĐND", "Hội đồng nhân dân"},
    {"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"},
    {"BHYT", "bảo hiểm y tế"},
    {"CTMTQG", "Chương trình mục tiêu quốc gia"},
    {"LĐTBXH", "Lao động, Thương binh và Xã hội"},
    {"NHCSXH", "Ngân hàng Chính sách xã hội"},
    {"DTTS", "dân tộc thiểu số"},
    {"KT-XH", "kinh tế xã hội"},
    {"NĐ", "Nghị định"},
    {"QĐ", "Quyết định"},
    {"TT", "Thông tư"},
    {"KH", "Kế hoạch"},
    {"TP", "thành phố"},
}};

std::string strip_zeros(std::string_view digits) {
  const auto first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? "0" : std::string(digits.substr(first));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// The end of the run of digits starting at `i`.
std::size_t digits_end(std::string_view text, std::size_t i) {
  while (i < text.size() && is_digit(text[i])) ++i;
  return i;
}

// The end of a document-type suffix such as "NĐ-CP" or "KH-UBND": up to a space or punctuation.
std::size_t suffix_end(std::string_view text, std::size_t i) {
  while (i < text.size() && !is_space(text[i]) &&
         std::string_view(",.;:()/").find(text[i]) == std::string_view::npos)
    ++i;
  return i;
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// A dash between two numbers (spaces allowed around it) reads "đến": 2022–2025, 17/10 – 18/11.
std::string expand_ranges(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t dash_length = 0;
    for (std::string_view dash : {"–", "—", "-"})
      if (text.substr(i, dash.size()) == dash) dash_length = dash.size();
    if (dash_length != 0) {
      std::size_t left = out.size();
      while (left > 0 && is_space(out[left - 1])) --left;
      std::size_t right = i + dash_length;
      while (right < text.size() && is_space(text[right])) ++right;
      if (left > 0 && is_digit(out[left - 1]) && right < text.size() && is_digit(text[right])) {
        out.resize(left);
        out += " đến ";
        i = right;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

// Legal document numbers and dates: 07/2021/NĐ-CP, 259/KH-UBND, 01/09/2026, 17/10.
std::string expand_numbers_with_slashes(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  const auto date = [&out](std::string_view day, std::string_view month) {
    if (!ends_with(out, "ngày ")) out += "ngày ";
    out += strip_zeros(day) + " tháng " + strip_zeros(month);
  };
  while (i < text.size()) {
    const bool word_start = i == 0 || !is_digit(text[i - 1]);
    if (!is_digit(text[i]) || !word_start) {
      out += text[i++];
      continue;
    }
    const std::size_t a_end = digits_end(text, i);
    const std::string_view a = text.substr(i, a_end - i);
    if (a_end >= text.size() || text[a_end] != '/') {
      out += a;
      i = a_end;
      continue;
    }
    const std::size_t b_start = a_end + 1;
    const std::size_t b_end = digits_end(text, b_start);
    const std::string_view b = text.substr(b_start, b_end - b_start);
    if (b.empty()) {  // 259/KH-UBND
      const std::size_t end = suffix_end(text, b_start);
      if (end > b_start) {
        out += "số " + strip_zeros(a);
        i = end;
      } else {
        out += a;
        i = a_end;
      }
      continue;
    }
    const bool more = b_end < text.size() && text[b_end] == '/';
    const std::size_t c_start = b_end + 1;
    const std::size_t c_end = more ? digits_end(text, c_start) : c_start;
    if (more && b.size() == 4 && c_end == c_start && suffix_end(text, c_start) > c_start) {
      out += "số " + strip_zeros(a) + " năm " + std::string(b);  // 07/2021/NĐ-CP
      i = suffix_end(text, c_start);
    } else if (more && a.size() <= 2 && b.size() <= 2 && c_end - c_start == 4) {
      date(a, b);  // 01/09/2026
      out += " năm " + std::string(text.substr(c_start, 4));
      i = c_end;
    } else if (!more && a.size() <= 2 && b.size() <= 2) {
      date(a, b);  // 17/10
      i = b_end;
    } else {
      out += text.substr(i, b_end - i);
      i = b_end;
    }
  }
  return out;
}

// "1.500.000 đ", "2.000.000 VND" -> "... đồng".
std::string expand_currency(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    bool replaced = false;
    std::size_t left = out.size();
    while (left > 0 && out[left - 1] == ' ') --left;
    if (left > 0 && is_digit(out[left - 1])) {
      for (std::string_view unit : {"VNĐ", "VND", "đ"}) {
        if (text.substr(i, unit.size()) != unit) continue;
        const std::size_t after = i + unit.size();
        if (after < text.size() && !is_space(text[after]) &&
            std::string_view(",.;:)/").find(text[after]) == std::string_view::npos)
          continue;  // "đồng", "đến": a word, not the unit
        out.resize(left);
        out += " đồng";
        i = after;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

void replace_every(std::string& text, std::string_view from, std::string_view to) {
  std::size_t at = 0;
  while ((at = text.find(from, at)) != std::string::npos) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

// Replaces `word` where it stands alone: not preceded or followed by a letter, digit or '-' (so
// "TT" is not found inside "TTg", nor "NĐ" inside "NĐ-CP").
std::string replace_word(const std::string& text, std::string_view word, std::string_view spoken) {
  const auto is_word_byte = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '-' || u >= 0x80;
  };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto at = text.find(word, i);
    if (at == std::string::npos) break;
    const std::size_t after = at + word.size();
    const bool alone = (at == 0 || !is_word_byte(text[at - 1])) &&
                       (after >= text.size() || !is_word_byte(text[after]));
    out.append(text, i, at - i);
    out += alone ? spoken : word;
    i = after;
  }
  out.append(text, i, std::string::npos);
  return out;
}

// `text` as a sentence: trimmed, with a full stop unless it ends with one, and a space after.
std::string sentence(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  if (text.empty()) return text;
  const char last = text.back();
  if (last != '.' && last != '!' && last != '?' && last != ':') text += '.';
  return text + ' ';
}

}  // namespace

std::string expand_for_speech(std::string_view input) {
  std::string text = expand_numbers_with_slashes(expand_ranges(input));
  text = expand_currency(text);
  for (auto [from, to] : std::array<std::pair<std::string_view, std::string_view>, 7>{{
           {"%", " phần trăm"},
           {" m²", " mét vuông"},
           {"m²", " mét vuông"},
           {"≤ ", "không quá "},
           {"≥ ", "ít nhất "},
           {"/người", " mỗi người"},
           {"/tháng", " mỗi tháng"},
       }})
    replace_every(text, from, to);
  for (auto [word, spoken] : kAbbreviations) text = replace_word(text, word, spoken);
  return text;
}

std::string spoken_text(const Page& page, std::string_view language) {
  std::string out = sentence(page.title.get(language)) + sentence(page.summary.get(language));
  for (const Block& block : page.body) {
    std::visit(
        [&](const auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, Heading> || std::is_same_v<T, Paragraph> ||
                        std::is_same_v<T, Notice>) {
            out += sentence(b.text.get(language));
          } else if constexpr (std::is_same_v<T, BulletList>) {
            for (const auto& item : b.items) out += sentence(item.get(language));
          } else if constexpr (std::is_same_v<T, Table>) {
            for (const auto& row : b.rows) {
              std::string line;
              for (std::size_t i = 0; i < row.size() && i < b.columns.size(); ++i)
                line +=
                    (i == 0 ? "" : "; ") + b.columns[i].get(language) + ": " + row[i].get(language);
              out += sentence(line);
            }
          } else if constexpr (std::is_same_v<T, Figure>) {
            if (!b.caption.empty()) out += sentence(b.caption.get(language));
          }
        },
        block);
  }
  std::string sources;
  for (const auto& s : page.sources)
    sources +=
        (sources.empty() ? "" : "; ") + s.document + (s.article.empty() ? "" : ", " + s.article);
  if (!sources.empty()) out += sentence((language == "vi" ? "Nguồn: " : "Source: ") + sources);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return language == "vi" ? expand_for_speech(out) : out;
}

}  // namespace tinxa::content
