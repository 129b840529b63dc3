#pragma once

#include <string>

namespace tinxa::config {

// Where a problem is: 1-based line and column in a file. Line 0 means "the whole file"
// (for example a file that is missing or a reference that spans files).
struct Position {
  std::string file;
  int line = 0;
  int column = 0;
};

// A text in both languages an operator or editor may read: Vietnamese first, then English.
struct Message {
  std::string vi;
  std::string en;
};

enum class Severity { error, warning };

// What an error stops. `structure`: the file itself is wrong (bad YAML, an unknown key, a broken
// reference), so nothing may use it. `media`: a recording or image it names is missing, unreadable
// or undecodable; `tinxa check` still fails, but the running programs use the rest and skip that
// one file.
enum class DiagnosticKind { structure, media };

// One problem found in a file a person wrote. Everything an editor needs to fix it without
// reading code: where, which key, what was found, what was expected, and a suggestion.
struct Diagnostic {
  Severity severity = Severity::error;
  Position position;
  std::string key_path;    // "body[3].table.rows[1]"; empty for the file as a whole
  Message message;         // what is wrong
  std::string found;       // what the file has, as written (empty when nothing applies)
  Message expected;        // what would be right (empty when nothing applies)
  std::string suggestion;  // a likely intended value ("did you mean"), or empty
  DiagnosticKind kind = DiagnosticKind::structure;
};

}  // namespace tinxa::config
