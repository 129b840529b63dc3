#include "content/store/UsageCounts.hpp"

#include <catch2/catch.hpp>

namespace tinxa::content {

namespace {

constexpr auto kDay = std::chrono::year{2026} / 11 / 28;
constexpr auto kNextDay = std::chrono::year{2026} / 11 / 29;

}  // namespace

TEST_CASE("Usage is counted per day, kind and subject, most used first", "[store][usage]") {
  Database db = Database::open_memory();
  UsageCounts usage(db);
  usage.add(kDay, UsageKind::page_view, "bao-hiem-y-te");
  usage.add(kDay, UsageKind::page_view, "chuan-ngheo-2022-2026");
  usage.add(kDay, UsageKind::page_view, "chuan-ngheo-2022-2026");
  usage.add(kDay, UsageKind::search_no_result, "tien dien");
  usage.add(kDay, UsageKind::self_check_done);
  usage.add(kNextDay, UsageKind::page_view, "bao-hiem-y-te");

  const auto day = usage.between(kDay, kDay);
  REQUIRE(day.size() == 4);
  CHECK(day[0].kind == UsageKind::page_view);
  CHECK(day[0].subject == "chuan-ngheo-2022-2026");
  CHECK(day[0].count == 2);
  CHECK(day[1].subject == "bao-hiem-y-te");
  CHECK(day[1].count == 1);
  CHECK(day[2].kind == UsageKind::search_no_result);
  CHECK(day[3].kind == UsageKind::self_check_done);
  CHECK(day[3].subject.empty());

  const auto both = usage.between(kDay, kNextDay);
  CHECK(both.size() == 5);
  CHECK(both.back().day == kNextDay);
}

TEST_CASE("The usage table stores days, never times of day", "[store][usage]") {
  Database db = Database::open_memory();
  UsageCounts usage(db);
  usage.add(kDay, UsageKind::listen, "ra-soat-bat-dau");
  Statement columns = db.prepare("SELECT name FROM pragma_table_info('usage') ORDER BY cid");
  std::vector<std::string> names;
  while (columns.step()) names.push_back(columns.column_text(0));
  CHECK(names == std::vector<std::string>{"day", "kind", "subject", "count"});
  Statement day = db.prepare("SELECT day FROM usage");
  REQUIRE(day.step());
  CHECK(day.column_text(0) == "2026-11-28");
}

}  // namespace tinxa::content
