#include "content/loader/BundleLoader.hpp"

#include "config/reader/Document.hpp"
#include "config/reader/Scalars.hpp"
#include "config/reader/Suggest.hpp"
#include "content/loader/LoadContext.hpp"
#include "content/loader/Readers.hpp"
#include "content/media/ProbeCache.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>
#include <system_error>

namespace tinxa::content {

using config::Message;

namespace {

constexpr std::array<std::string_view, 7> kKnownEntries{
    "bundle.yaml",    "categories.yaml", "pages",    "announcements.yaml",
    "playlists.yaml", "media",           "standards"};

// Loads `name` if it exists; reports it when it is required and missing.
template <class Fn>
void with_file(loader::LoadContext& context, const char* name, bool required, Fn&& fn) {
  const auto path = context.canonical / name;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (required)
      context.diagnostics.error(config::Position{context.display(name), 0, 0}, {},
                                Message{"thiếu tệp bắt buộc", "a required file is missing"}, {},
                                Message{fmt::format("tệp {} trong thư mục nội dung", name),
                                        fmt::format("the file {} in the bundle folder", name)});
    return;
  }
  if (auto doc = config::Document::load(path, context.display(name), context.diagnostics))
    fn(doc->root());
}

void warn_unknown_entries(loader::LoadContext& context) {
  std::vector<std::string> known(kKnownEntries.begin(), kKnownEntries.end());
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(context.canonical, ec)) {
    const std::string name = entry.path().filename().string();
    if (std::find(known.begin(), known.end(), name) != known.end() || name.starts_with('.'))
      continue;
    context.diagnostics.warning(config::Position{context.display(name), 0, 0}, {},
                                Message{"tệp này không thuộc định dạng nên bị bỏ qua",
                                        "this file is not part of the format and is ignored"},
                                {}, {}, config::closest_match(name, known));
  }
}

void read_pages(loader::LoadContext& context, std::vector<Page>& pages) {
  const auto folder = context.canonical / "pages";
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    files.push_back(entry.path());
  if (ec) {
    context.diagnostics.error(
        config::Position{context.display("pages"), 0, 0}, {},
        Message{"thiếu thư mục trang", "the pages folder is missing"}, {},
        Message{"thư mục pages/ chứa các tệp <mã>.yaml", "a folder pages/ of <id>.yaml files"});
    return;
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const auto relative = std::filesystem::path("pages") / file.filename();
    const std::string display = context.display(relative);
    if (file.extension() != ".yaml") {
      context.diagnostics.warning(
          config::Position{display, 0, 0}, {},
          Message{"không phải tệp .yaml nên bị bỏ qua", "not a .yaml file, so it is ignored"});
      continue;
    }
    const std::string id = file.stem().string();
    if (!config::is_valid_id(id)) {
      context.diagnostics.error(
          config::Position{display, 0, 0}, {},
          Message{"tên tệp không phải mã hợp lệ", "the file name is not a valid id"},
          fmt::format("\"{}\"", id),
          Message{"chữ thường không dấu, số và dấu '-', ví dụ ho-ngheo.yaml",
                  "lowercase ASCII letters, digits and '-', e.g. ho-ngheo.yaml"});
      continue;
    }
    if (auto doc = config::Document::load(file, display, context.diagnostics))
      if (auto page = loader::read_page(doc->root(), context, id, display))
        pages.push_back(std::move(*page));
  }
  if (pages.empty() && !context.diagnostics.has_errors())
    context.diagnostics.error(
        config::Position{context.display("pages"), 0, 0}, {},
        Message{"không có trang nào", "there are no pages"}, {},
        Message{"ít nhất một tệp pages/<mã>.yaml", "at least one pages/<id>.yaml"});
}

void warn_empty_categories(loader::LoadContext& context, const Bundle& bundle) {
  for (const auto& category : bundle.categories) {
    const bool used = std::any_of(bundle.pages.begin(), bundle.pages.end(),
                                  [&](const Page& p) { return p.category == category.id; });
    if (!used)
      context.diagnostics.warning(
          context.category_positions[category.id], "categories." + category.id,
          Message{"mục này không có trang nào", "this category has no pages"});
  }
}

}  // namespace

LoadResult load_bundle(const std::filesystem::path& root) { return load_bundle(root, {}); }

LoadResult load_bundle(const std::filesystem::path& root, const LoadOptions& options) {
  LoadResult result;
  result.bundle.root = root;
  std::error_code ec;
  const auto canonical = std::filesystem::canonical(root, ec);
  if (ec || !std::filesystem::is_directory(canonical, ec)) {
    result.diagnostics.error(config::Position{root.generic_string(), 0, 0}, {},
                             Message{"không có thư mục nội dung này", "no such bundle folder"}, {},
                             Message{"thư mục chứa bundle.yaml", "a folder holding bundle.yaml"});
    return result;
  }
  loader::LoadContext context{root, canonical, result.diagnostics};
  context.probes = options.probes;
  Bundle& bundle = result.bundle;
  bundle.root = canonical;

  with_file(context, "bundle.yaml", true,
            [&](const config::Value& v) { loader::read_bundle_info(v, context, bundle.info); });
  with_file(context, "categories.yaml", true, [&](const config::Value& v) {
    loader::read_categories(v, context, bundle.categories);
  });
  read_pages(context, bundle.pages);
  with_file(context, "announcements.yaml", false, [&](const config::Value& v) {
    loader::read_announcements(v, context, bundle.announcements);
  });
  with_file(context, "playlists.yaml", false,
            [&](const config::Value& v) { loader::read_playlists(v, context, bundle.playlists); });
  warn_empty_categories(context, bundle);
  warn_unknown_entries(context);
  result.diagnostics.sort();
  // A load with structural errors may have skipped references (a YAML file that did not parse):
  // keep what the cache holds for them, so fixing the file does not decode them all again.
  if (options.probes != nullptr && result.usable()) {
    std::set<std::filesystem::path> seen;
    for (const auto& entry : context.probed) seen.insert(entry.first);
    options.probes->retain_only(seen);
  }
  return result;
}

}  // namespace tinxa::content
