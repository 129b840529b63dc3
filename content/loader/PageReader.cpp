// Reads one page file (pages/<id>.yaml) and its body blocks.
#include "config/reader/MapReader.hpp"
#include "content/loader/MediaResolver.hpp"
#include "content/loader/Readers.hpp"
#include "content/loader/TextReader.hpp"

#include <fmt/format.h>

#include <array>

namespace tinxa::content::loader {

using config::EnumName;
using config::Message;
using config::Presence;

namespace {

constexpr std::array<EnumName<SourceStatus>, 3> kStatuses{
    {{"confirmed", SourceStatus::confirmed},
     {"partial", SourceStatus::partial},
     {"unverified", SourceStatus::unverified}}};
constexpr std::array<EnumName<NoticeKind>, 3> kNoticeKinds{
    {{"info", NoticeKind::info},
     {"warning", NoticeKind::warning},
     {"unverified", NoticeKind::unverified}}};
constexpr std::array<std::string_view, 6> kBlockKinds{"heading", "paragraph", "bullets",
                                                      "table",   "image",     "notice"};

bool read_url(const config::Value& value, std::string& out) {
  std::string url;
  if (!config::read_value(value, url)) return false;
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
    value.error(Message{"liên kết không hợp lệ", "not a web address"},
                Message{"địa chỉ bắt đầu bằng https://", "an address starting with https://"});
    return false;
  }
  out = std::move(url);
  return true;
}

bool read_text_list(const config::Value& value, const TextReader& text,
                    std::vector<LocalizedText>& out, const Message& expected) {
  if (!require_items(value, Message{"cần một danh sách không rỗng", "a non-empty list is needed"},
                     expected))
    return false;
  bool ok = true;
  std::vector<LocalizedText> items;
  for (const auto& element : value.elements()) {
    LocalizedText item;
    if (text.read(element, item))
      items.push_back(std::move(item));
    else
      ok = false;
  }
  if (ok) out = std::move(items);
  return ok;
}

// One row of a table: a list of cells, as many as the table has columns.
bool read_row(const config::Value& value, const TextReader& text, std::size_t columns,
              std::vector<LocalizedText>& out) {
  std::vector<LocalizedText> row;
  if (!read_text_list(value, text, row, Message{"một dòng: [ô 1, ô 2]", "a row: [cell 1, cell 2]"}))
    return false;
  if (columns != 0 && row.size() != columns) {
    value.error(Message{fmt::format("dòng có {} ô nhưng bảng có {} cột", row.size(), columns),
                        fmt::format("the row has {} cells but the table has {} columns", row.size(),
                                    columns)},
                Message{fmt::format("{} ô", columns), fmt::format("{} cells", columns)});
    return false;
  }
  out = std::move(row);
  return true;
}

std::optional<Table> read_table(const config::Value& value, const TextReader& text) {
  config::MapReader map(value);
  Table table;
  bool ok = map.read_with("columns", Presence::required, [&](const config::Value& v) {
    return read_text_list(v, text, table.columns,
                          Message{"danh sách tên cột", "a list of column names"});
  });
  ok = map.read_with("rows", Presence::required, [&](const config::Value& v) {
    if (!require_items(v, Message{"bảng không có dòng nào", "the table has no rows"},
                       Message{"danh sách các dòng, mỗi dòng là một danh sách ô",
                               "a list of rows, each a list of cells"}))
      return false;
    bool all = true;
    for (const auto& row_value : v.elements()) {
      std::vector<LocalizedText> row;
      const bool good = read_row(row_value, text, table.columns.size(), row);
      if (good) table.rows.push_back(std::move(row));
      all = good && all;
    }
    return all;
  }) && ok;
  if (!ok) return std::nullopt;
  return table;
}

std::optional<Block> read_block(const config::Value& value, LoadContext& context,
                                const TextReader& text) {
  const Message expected{"một khối: heading, paragraph, bullets, table, image hoặc notice",
                         "a block: heading, paragraph, bullets, table, image or notice"};
  if (!value.is_map()) {
    value.error(Message{"sai kiểu khối nội dung", "wrong kind of body block"}, expected);
    return std::nullopt;
  }
  std::vector<std::string> kinds;
  for (const auto& entry : value.node())
    for (auto kind : kBlockKinds)
      if (entry.first.IsScalar() && entry.first.Scalar() == kind) kinds.emplace_back(kind);
  if (kinds.size() != 1) {
    value.error(kinds.empty() ? Message{"khối không có loại nào", "the block has no kind"}
                              : Message{"một khối chỉ có một loại", "a block has exactly one kind"},
                expected);
    if (kinds.empty()) {
      config::MapReader map(value);  // reports the unknown key with a suggestion
      for (auto kind : kBlockKinds) (void)map.get(kind);
      (void)map.get("caption");
      (void)map.get("kind");
    }
    return std::nullopt;
  }
  config::MapReader map(value);
  const std::string& kind = kinds.front();
  auto v = map.get(kind);
  if (kind == "heading" || kind == "paragraph") {
    LocalizedText t;
    if (!text.read(*v, t)) return std::nullopt;
    if (kind == "heading") return Block{Heading{std::move(t)}};
    return Block{Paragraph{std::move(t)}};
  }
  if (kind == "bullets") {
    BulletList list;
    if (!read_text_list(*v, text, list.items, Message{"danh sách các ý", "a list of points"}))
      return std::nullopt;
    return Block{std::move(list)};
  }
  if (kind == "table") {
    auto table = read_table(*v, text);
    if (!table) return std::nullopt;
    return Block{std::move(*table)};
  }
  if (kind == "image") {
    Figure figure;
    auto image = resolve_image(*v, context);
    bool ok = image.has_value();
    if (auto c = map.get("caption")) ok = text.read(*c, figure.caption) && ok;
    if (!ok) return std::nullopt;
    figure.image = std::move(*image);
    return Block{std::move(figure)};
  }
  Notice notice;
  bool ok = text.read(*v, notice.text);
  if (auto k = map.get("kind"))
    ok = config::read_enum<NoticeKind>(*k, notice.kind, kNoticeKinds) && ok;
  if (!ok) return std::nullopt;
  return Block{std::move(notice)};
}

std::optional<Source> read_source(const config::Value& value) {
  config::MapReader map(value);
  if (!map.valid()) return std::nullopt;
  Source source;
  bool ok = true;
  if (auto v = map.get("document", Presence::required))
    ok = read_nonempty(*v, source.document) && ok;
  else
    ok = false;
  if (auto v = map.get("article")) ok = read_nonempty(*v, source.article) && ok;
  ok = map.read("issued", source.issued) && ok;
  if (auto v = map.get("url")) ok = read_url(*v, source.url) && ok;
  if (auto v = map.get("status"))
    ok = config::read_enum<SourceStatus>(*v, source.status, kStatuses) && ok;
  if (!ok) return std::nullopt;
  return source;
}

bool read_valid_until(const config::Value& value, Page& page) {
  std::chrono::year_month_day until{};
  if (!config::read_value(value, until)) return false;
  if (page.validity.from && until < *page.validity.from) {
    value.error(Message{"ngày hết hiệu lực trước ngày bắt đầu", "valid_until is before valid_from"},
                Message{"một ngày từ valid_from trở đi", "a date on or after valid_from"});
    return false;
  }
  page.validity.until = until;
  page.valid_until_at = value.position();
  return true;
}

bool read_tags(const config::Value& value, std::vector<std::string>& out) {
  std::vector<std::string> tags;
  if (!config::read_value(value, tags)) return false;
  for (const auto& tag : tags) {
    if (tag.find_first_not_of(" \t") == std::string::npos) {
      value.error(Message{"có thẻ bị bỏ trống", "a tag is empty"},
                  Message{"các từ khóa", "search words"});
      return false;
    }
  }
  out = std::move(tags);
  return true;
}

}  // namespace

std::optional<Page> read_page(const config::Value& root, LoadContext& context, std::string id,
                              std::string file) {
  config::MapReader map(root);
  if (!map.valid()) return std::nullopt;
  Page page;
  page.id = std::move(id);
  page.file = std::move(file);
  bool ok = map.read_with("languages", Presence::optional, [&](const config::Value& v) {
    return read_languages(v, page.languages, context.bundle_languages);
  });
  const TextReader text(page.languages);
  ok = map.read_with("category", Presence::required, [&](const config::Value& v) {
    return read_reference(v, context.category_ids, Message{"mục", "category"}, page.category);
  }) && ok;
  ok = text.read(map, "title", page.title, Presence::required) && ok;
  ok = text.read(map, "summary", page.summary, Presence::required) && ok;
  ok = map.read("updated", page.updated, Presence::required) && ok;
  ok = map.read("valid_from", page.validity.from, Presence::required) && ok;
  ok = map.read_with("valid_until", Presence::optional, [&](const config::Value& v) {
    return read_valid_until(v, page);
  }) && ok;
  ok = map.read_with("sources", Presence::required, [&](const config::Value& v) {
    if (!require_items(v, Message{"trang phải ghi nguồn", "a page must name its sources"},
                       Message{"danh sách nguồn, mỗi nguồn có document",
                               "a list of sources, each with a document"}))
      return false;
    bool all = true;
    for (const auto& element : v.elements()) {
      auto source = read_source(element);
      if (source) page.sources.push_back(std::move(*source));
      all = source.has_value() && all;
    }
    return all;
  }) && ok;
  ok = map.read_with("link", Presence::optional, [&](const config::Value& v) {
    return read_url(v, page.link);
  }) && ok;
  ok = map.read_with("narration", Presence::optional, [&](const config::Value& v) {
    page.narration = resolve_audio(v, context);
    return page.narration.has_value();
  }) && ok;
  ok = map.read_with("tags", Presence::optional, [&](const config::Value& v) {
    return read_tags(v, page.tags);
  }) && ok;
  ok = map.read_with("body", Presence::required, [&](const config::Value& v) {
    if (!require_items(v, Message{"trang không có nội dung", "the page has no body"},
                       Message{"danh sách các khối nội dung", "a list of body blocks"}))
      return false;
    bool all = true;
    for (const auto& element : v.elements()) {
      auto block = read_block(element, context, text);
      if (block) page.body.push_back(std::move(*block));
      all = block.has_value() && all;
    }
    return all;
  }) && ok;
  if (!ok) return std::nullopt;
  return page;
}

}  // namespace tinxa::content::loader
