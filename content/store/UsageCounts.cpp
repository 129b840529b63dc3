#include "content/store/UsageCounts.hpp"

#include <array>

#include "config/reader/Scalars.hpp"
#include "content/store/Migrations.hpp"
#include "content/time/Date.hpp"

namespace tinxa::content {

namespace {

constexpr std::array<Migration, 1> kMigrations{{
    {1, "create the kiosk usage counts",
     R"sql(
CREATE TABLE usage (
  day     TEXT    NOT NULL,  -- local date, YYYY-MM-DD
  kind    TEXT    NOT NULL CHECK (kind IN ('page_view', 'search_no_result', 'listen',
                                           'self_check_done')),
  subject TEXT    NOT NULL,
  count   INTEGER NOT NULL,
  PRIMARY KEY (day, kind, subject)
);
)sql"},
}};

constexpr std::array<std::string_view, 4> kKindWords{"page_view", "search_no_result", "listen",
                                                     "self_check_done"};

}  // namespace

std::string_view to_string(UsageKind kind) noexcept {
  return kKindWords.at(static_cast<std::size_t>(kind));
}

UsageCounts::UsageCounts(Database& database) : m_database(database) {
  migrate(database, kMigrations);
}

void UsageCounts::add(std::chrono::year_month_day day, UsageKind kind, std::string_view subject) {
  Statement upsert = m_database.prepare(
      "INSERT INTO usage (day, kind, subject, count) VALUES (?1, ?2, ?3, 1) "
      "ON CONFLICT (day, kind, subject) DO UPDATE SET count = count + 1");
  upsert.bind(1, format_iso(day)).bind(2, to_string(kind)).bind(3, subject);
  upsert.run();
}

std::vector<UsageCount> UsageCounts::between(std::chrono::year_month_day from,
                                             std::chrono::year_month_day until) {
  Statement query = m_database.prepare(
      "SELECT day, kind, subject, count FROM usage WHERE day >= ?1 AND day <= ?2 "
      "ORDER BY day, kind, count DESC, subject");
  query.bind(1, format_iso(from)).bind(2, format_iso(until));
  std::vector<UsageCount> out;
  while (query.step()) {
    UsageCount c;
    c.day = config::parse_iso_date(query.column_text(0)).value_or(from);
    const std::string kind = query.column_text(1);
    for (std::size_t i = 0; i < kKindWords.size(); ++i)
      if (kKindWords[i] == kind) c.kind = static_cast<UsageKind>(i);
    c.subject = query.column_text(2);
    c.count = query.column_int64(3);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace tinxa::content
