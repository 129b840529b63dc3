#pragma once

#include "config/reader/Diagnostic.hpp"
#include "content/model/LocalizedText.hpp"
#include "content/model/Media.hpp"
#include "content/time/Validity.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tinxa::content {

enum class SourceStatus { confirmed, partial, unverified };

// Where a page's facts come from: a legal text and its article, or a publication.
struct Source {
  std::string document;  // "Nghị định 07/2021/NĐ-CP"
  std::string article;   // "Điều 3, khoản 2"; may be empty
  std::optional<std::chrono::year_month_day> issued;
  std::string url;  // may be empty
  SourceStatus status = SourceStatus::confirmed;
};

// The blocks a page body is made of.
struct Heading {
  LocalizedText text;
};
struct Paragraph {
  LocalizedText text;
};
struct BulletList {
  std::vector<LocalizedText> items;
};
struct Table {
  std::vector<LocalizedText> columns;
  std::vector<std::vector<LocalizedText>> rows;  // each row has columns.size() cells
};
struct Figure {
  ImageFile image;
  LocalizedText caption;  // may be empty
};
enum class NoticeKind { info, warning, unverified };
struct Notice {
  LocalizedText text;
  NoticeKind kind = NoticeKind::info;
};
using Block = std::variant<Heading, Paragraph, BulletList, Table, Figure, Notice>;

// One page of information for residents.
struct Page {
  std::string id;        // the file name without .yaml
  std::string file;      // the YAML file, as named in messages
  std::string category;  // a category id
  LocalizedText title;
  LocalizedText summary;
  std::vector<std::string> languages{"vi"};  // every text on the page has each of these
  std::chrono::year_month_day updated{};
  Validity validity;
  config::Position valid_until_at;  // where valid_until is written, for expiry warnings
  std::vector<Source> sources;
  std::string link;  // shown as a QR code; may be empty
  std::optional<AudioClip> narration;
  std::vector<std::string> tags;
  std::vector<Block> body;
};

}  // namespace tinxa::content
