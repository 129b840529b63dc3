#pragma once

// What the kiosk's "Nghe" (listen) button says for a page that has no recording: the page's text
// rewritten so that espeak-ng's Vietnamese voice reads it the way a person would. espeak-ng reads
// "01/09/2026" digit by digit and spells "UBND" letter by letter, so dates, legal document numbers,
// abbreviations and symbols are written out first. Pure functions; thread-safe.

#include <string>
#include <string_view>

#include "content/model/Page.hpp"

namespace tinxa::content {

// Rewrites Vietnamese text for speech:
//   "ngày 01/09/2026"            -> "ngày 1 tháng 9 năm 2026"
//   "17/10 – 18/11"              -> "ngày 17 tháng 10 đến ngày 18 tháng 11"
//   "Nghị định 07/2021/NĐ-CP"    -> "Nghị định số 7 năm 2021"
//   "Kế hoạch 259/KH-UBND"       -> "Kế hoạch số 259"
//   "UBND xã", "BHYT"            -> "Ủy ban nhân dân xã", "bảo hiểm y tế"
//   "70%", "8 m²", "≤ 1.500.000 đ/người/tháng" -> "70 phần trăm", "8 mét vuông",
//                                   "không quá 1.500.000 đồng mỗi người mỗi tháng"
// Numbers such as "1.500.000" are left alone: espeak-ng reads them correctly. A fraction written
// "1/2" reads as a date (1 February); editors write "một nửa" or "50%" instead.
[[nodiscard]] std::string expand_for_speech(std::string_view text);

// The whole page as one text to read aloud in `language`: title, summary, every block (a table
// row by row as "column: cell"), then its sources; each part a sentence, expanded for speech
// when the language is Vietnamese.
[[nodiscard]] std::string spoken_text(const Page& page, std::string_view language = "vi");

}  // namespace tinxa::content
