#pragma once

// The kiosk's anonymous usage counts, per local day: which pages were opened, which searches found
// nothing, which recordings were listened to, how many self-checks were completed. Nothing that
// identifies a resident is ever stored: no times finer than a day, no answers, no sessions.
// `tinxa report` prints them for the commune's periodic report.
//
// Durability and threading as AsRunLog: each count is its own transaction; one thread at a time.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/store/Database.hpp"

namespace tinxa::content {

enum class UsageKind {
  page_view,         // subject: the page id
  search_no_result,  // subject: the folded search text (see content/text/Fold.hpp)
  listen,            // subject: the page or announcement id
  self_check_done,   // subject: empty (the answers are never stored)
};

[[nodiscard]] std::string_view to_string(UsageKind kind) noexcept;

struct UsageCount {
  std::chrono::year_month_day day;
  UsageKind kind = UsageKind::page_view;
  std::string subject;
  std::int64_t count = 0;
};

class UsageCounts {
 public:
  // Brings `database`'s schema up to date; the database must outlive this and hold nothing else.
  explicit UsageCounts(Database& database);

  // Adds one to the count of (day, kind, subject). Durable on return.
  void add(std::chrono::year_month_day day, UsageKind kind, std::string_view subject = {});

  // Every count of the days in [from, until], by day, kind, then count (largest first).
  [[nodiscard]] std::vector<UsageCount> between(std::chrono::year_month_day from,
                                                std::chrono::year_month_day until);

 private:
  Database& m_database;
};

}  // namespace tinxa::content
