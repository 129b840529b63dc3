#include "kiosk/ui/Search.hpp"

#include "content/text/Fold.hpp"

#include <algorithm>
#include <stdexcept>

namespace tinxa::kiosk::ui {
namespace {

void add(std::string& out, const content::LocalizedText& text) {
  if (text.empty()) return;
  if (!out.empty()) out += '\n';
  out += text.get();
}

}  // namespace

std::string SearchIndex::body_text(const content::Page& page) {
  std::string out;
  for (const content::Block& block : page.body) {
    if (const auto* h = std::get_if<content::Heading>(&block)) {
      add(out, h->text);
    } else if (const auto* p = std::get_if<content::Paragraph>(&block)) {
      add(out, p->text);
    } else if (const auto* b = std::get_if<content::BulletList>(&block)) {
      for (const auto& item : b->items) add(out, item);
    } else if (const auto* t = std::get_if<content::Table>(&block)) {
      for (const auto& cell : t->columns) add(out, cell);
      for (const auto& row : t->rows) {
        for (const auto& cell : row) add(out, cell);
      }
    } else if (const auto* f = std::get_if<content::Figure>(&block)) {
      add(out, f->caption);
    } else if (const auto* n = std::get_if<content::Notice>(&block)) {
      add(out, n->text);
    }
  }
  return out;
}

SearchIndex::SearchIndex(const std::vector<const content::Page*>& pages) {
  m_entries.reserve(pages.size());
  for (const content::Page* page : pages) {
    std::string summary = page->summary.empty() ? std::string{} : page->summary.get();
    for (const std::string& tag : page->tags) summary += "\n" + tag;
    const std::array<std::string, 3> texts{page->title.get(), summary, body_text(*page)};
    Entry e{page, {}, {}};
    for (std::size_t i = 0; i < texts.size(); ++i) {
      e.folded[i] = content::fold_for_search(texts[i]);
      e.toned[i] = content::fold_keep_tones(texts[i]);
    }
    m_entries.push_back(std::move(e));
  }
}

std::vector<SearchHit> SearchIndex::find(std::string_view query) const {
  std::string folded;
  std::string toned;
  try {
    folded = content::fold_for_search(query);
    toned = content::fold_keep_tones(query);
  } catch (const std::invalid_argument&) {
    return {};
  }
  std::vector<SearchHit> hits;
  if (folded.empty()) return hits;
  for (const Entry& e : m_entries) {
    for (std::size_t i = 0; i < e.folded.size(); ++i) {
      if (!content::contains_folded(e.folded[i], folded)) continue;
      SearchHit hit{e.page, false, static_cast<MatchField>(i)};
      for (const std::string& t : e.toned) {
        if (content::contains_folded(t, toned)) hit.exact = true;
      }
      hits.push_back(hit);
      break;
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    if (a.exact != b.exact) return a.exact;
    return static_cast<int>(a.field) < static_cast<int>(b.field);
  });
  return hits;
}

}  // namespace tinxa::kiosk::ui
