#pragma once

// Vietnamese text entry without an input method: the Telex rules a physical keyboard types with,
// and the tone and letter keys of the on-screen keyboard. Pure functions over UTF-8 (NFC is
// produced; input in NFD is composed first); thread-safe. Invalid UTF-8 throws
// std::invalid_argument as content::to_nfc().

#include <string>
#include <string_view>

namespace tinxa::kiosk::ui {

// The five tone marks, in the order residents learn them, plus none (thanh ngang).
enum class Tone { none, grave, acute, hook, tilde, dot };  // huyền, sắc, hỏi, ngã, nặng

// Types one key `key` (a code point from the keyboard) after `text`, as Telex does on the last
// word of `text`:
//   aa -> â, ee -> ê, oo -> ô (the last a/e/o of the word's vowels), dd -> đ,
//   w  -> ă/ơ/ư on the last a/o/u ("uo" -> "ươ"; a lone "w" is "ư"),
//   s f r x j -> sắc, huyền, hỏi, ngã, nặng on the word's tone vowel; z removes the tone.
// Typing the same modifier again undoes it and types the letter ("aaa" -> "aa", "ass" -> "as").
// A tone key in a word with no vowel is just a letter ("sang"). The tone moves to the right vowel
// as the word grows ("hoaf" -> "hòa", then "n" -> "hoàn"). Other keys are appended as they are.
[[nodiscard]] std::string telex_type(std::string_view text, char32_t key);

// telex_type() over every code point of `keys`, from empty: telex("tieengs vieejt") ==
// "tiếng việt".
[[nodiscard]] std::string telex(std::string_view keys);

// The on-screen tone keys: puts `tone` on the tone vowel of the last word of `text`, or takes it
// off if that vowel has it already. Returns `text` (in NFC) unchanged when the last word has no
// vowel.
[[nodiscard]] std::string apply_tone(std::string_view text, Tone tone);

// The on-screen letter keys: appends `letter` (one letter, any of the 29 of the alphabet) and
// moves the word's tone to where the longer word wants it ("hòa" + "n" -> "hoàn").
[[nodiscard]] std::string type_letter(std::string_view text, std::string_view letter);

// Removes the last character (code point after NFC) of `text`.
[[nodiscard]] std::string erase_last(std::string_view text);

}  // namespace tinxa::kiosk::ui
