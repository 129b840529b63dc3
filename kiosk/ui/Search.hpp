#pragma once

#include "content/model/Page.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace tinxa::kiosk::ui {

// Where a query matched a page, best first.
enum class MatchField { title = 0, summary = 1, body = 2 };  // summary includes the tags

struct SearchHit {
  const content::Page* page = nullptr;
  bool exact = false;  // the query with its accents occurs in the page (fold_keep_tones)
  MatchField field = MatchField::body;  // the best field the accent-free query occurs in
};

// Accent-insensitive search over pages: title, summary, tags and body text (headings,
// paragraphs, list items, table cells, notices, captions). The pages must outlive the index.
// Build once per screen; find() is pure and cheap (a substring scan of pre-folded keys).
class SearchIndex {
 public:
  explicit SearchIndex(const std::vector<const content::Page*>& pages);

  // The pages whose fold_for_search() keys contain the query's, ranked: those that also contain
  // the query with its exact accents (fold_keep_tones) first, then title before summary/tags
  // before body matches, then in the given page order. A query that folds to nothing (empty,
  // spaces, punctuation) finds nothing. Invalid UTF-8 finds nothing.
  [[nodiscard]] std::vector<SearchHit> find(std::string_view query) const;

  // The page's searchable body text, one block after another.
  [[nodiscard]] static std::string body_text(const content::Page& page);

 private:
  struct Entry {
    const content::Page* page;
    std::array<std::string, 3> folded;  // by MatchField
    std::array<std::string, 3> toned;
  };
  std::vector<Entry> m_entries;
};

}  // namespace tinxa::kiosk::ui
