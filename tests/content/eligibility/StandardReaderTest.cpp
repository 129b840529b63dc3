#include "config/reader/Document.hpp"
#include "content/check/CheckReport.hpp"
#include "content/eligibility/Eligibility.hpp"
#include "content/loader/BundleLoader.hpp"
#include "content/time/Clock.hpp"

#include "Support.hpp"
#include "tests/content/loader/BundleCopy.hpp"

#include <catch2/catch.hpp>

#include <fstream>

namespace tinxa::content {

namespace {

std::optional<Standard> read_file(const std::filesystem::path& path, config::Diagnostics& d) {
  const auto doc = config::Document::load(path, path.filename().string(), d);
  if (!doc) return std::nullopt;
  return read_standard(doc->root(), path.stem().string(), path.filename().string(),
                       test::sample_page_ids());
}

struct Broken {
  const char* file;
  int line;
  int column;
  const char* key_path;
  const char* message_en;  // a part of the English message
  const char* suggestion;
};

// Each file of tests/fixtures/eligibility/broken is valid/nho.yaml with one mistake; its first
// errors must point at that mistake (file:line:column, key path, message, suggestion).
const Broken kBroken[] = {
    {"unknown-key.yaml", 8, 5, "legal_basis[0].artcle", "unknown key", "article"},
    {"status-typo.yaml", 9, 13, "legal_basis[0].status", "not an allowed value", "confirmed"},
    {"unknown-page.yaml", 42, 15, "policies.near_poor[0]",
     "the bundle has no page \"bao-hiem-yte\"", "bao-hiem-y-te"},
    {"bad-date.yaml", 5, 10, "applies.until", "not a valid date", ""},
    {"until-before-from.yaml", 5, 10, "applies.until", "the end comes before the start", ""},
    {"upper-below-line.yaml", 15, 25, "income_lines.average_living_upper",
     "the upper line must be above the poverty line", ""},
    {"deprived-if-maybe.yaml", 29, 24, "dimensions[0].indicators[0].question.deprived_if",
     "not an allowed value", ""},
    {"duplicate-indicator.yaml", 30, 9, "dimensions[0].indicators[1]",
     "the indicator id \"viec-lam\" is used twice", ""},
    {"missing-english.yaml", 32, 15, "dimensions[0].indicators[1].name", "the en text is missing",
     ""},
    {"line-not-number.yaml", 14, 20, "income_lines.poverty.rural", "wrong kind of value", ""},
    {"missing-question.yaml", 30, 9, "dimensions[0].indicators[1]",
     "the required key \"question\" is missing", ""},
    {"missing-question.yaml", 36, 9, "dimensions[0].indicators[1].questions", "unknown key",
     "question"},
    {"tab-indent.yaml", 4, 6, "", "YAML syntax error", ""},
};

}  // namespace

TEST_CASE("The small valid standard reads cleanly", "[eligibility][reader]") {
  config::Diagnostics d;
  const auto s = read_file(test::kEligibility / "valid/nho.yaml", d);
  INFO(test::all_text(d));
  REQUIRE(s);
  CHECK(d.items().empty());
  CHECK(s->indicator_count() == 2);
  CHECK(s->poverty_line.rural == 1500000);
  CHECK(s->average_living_upper->urban == 3000000);
  CHECK(s->average_living_upper->status == FactStatus::partial);
  REQUIRE(s->policies_poor.size() == 2);
  CHECK(s->policies_poor[1].page == "tien-dien");
  CHECK(s->policies_poor[1].status == FactStatus::unverified);
  CHECK(s->find_indicator("nguoi-phu-thuoc")->question.kind == AnswerKind::count);
}

TEST_CASE("A malformed standard is rejected where the mistake is", "[eligibility][reader]") {
  for (const auto& b : kBroken) {
    INFO(b.file);
    config::Diagnostics d;
    const auto s = read_file(test::kEligibility / "broken" / b.file, d);
    INFO(test::all_text(d));
    CHECK_FALSE(s);
    REQUIRE(d.has_errors());
    const auto found = std::find_if(d.items().begin(), d.items().end(), [&](const auto& x) {
      return x.severity == config::Severity::error && x.position.line == b.line &&
             x.position.column == b.column;
    });
    REQUIRE(found != d.items().end());
    CHECK(found->position.file == b.file);
    CHECK(found->key_path == b.key_path);
    CHECK(found->message.en.find(b.message_en) != std::string::npos);
    CHECK(found->suggestion == b.suggestion);
    CHECK_FALSE(found->message.vi.empty());
  }
}

TEST_CASE("The sample bundle's standards load cleanly, and every page they name exists",
          "[eligibility][sample]") {
  const LoadResult bundle = load_bundle(test::kSample);
  REQUIRE(bundle.ok());
  std::vector<std::string> ids;
  for (const auto& p : bundle.bundle.pages) ids.push_back(p.id);
  const auto standards = load_standards(test::kSample, ids);
  INFO(test::all_text(standards.diagnostics));
  CHECK(standards.diagnostics.items().empty());
  REQUIRE(standards.standards.size() == 3);
  for (const auto& s : standards.standards) {
    INFO(s.id);
    CHECK_FALSE(s.legal_basis.empty());
    CHECK(s.indicator_count() == 12);
    for (const auto* list : {&s.policies_poor, &s.policies_near_poor, &s.policies_average})
      for (const auto& p : *list) CHECK(bundle.bundle.find_page(p.page) != nullptr);
    for (const auto& p : s.where_to_apply_pages) CHECK(bundle.bundle.find_page(p) != nullptr);
    CHECK_FALSE(s.policies_poor.empty());
    CHECK_FALSE(s.where_to_apply.get("en").empty());
    for (const auto& d : s.dimensions)
      for (const auto& i : d.indicators) {
        CHECK(i.question.text.has("vi"));
        CHECK(i.question.text.has("en"));
      }
  }
}

TEST_CASE("The sample standards carry the facts of FACTS.md with their status",
          "[eligibility][sample]") {
  const auto& all = test::sample_standards().standards;
  const auto find = [&](std::string_view id) {
    return *std::find_if(all.begin(), all.end(), [&](const Standard& s) { return s.id == id; });
  };
  const Standard& old = find("quoc-gia-2022-2026");
  CHECK(old.poverty_line.rural == 1500000);
  CHECK(old.poverty_line.urban == 2000000);
  CHECK(old.poverty_line.status == FactStatus::confirmed);
  CHECK(old.average_living_upper->status == FactStatus::partial);
  CHECK(old.find_indicator("dich-vu-vien-thong")->status == FactStatus::unverified);
  CHECK(old.find_indicator("phuong-tien-thong-tin")->status == FactStatus::unverified);
  CHECK(old.find_indicator("viec-lam")->number == 1);

  const Standard& next = find("quoc-gia-2027-2030");
  CHECK(next.poverty_line.rural == 2200000);
  CHECK(next.poverty_line.urban == 2800000);
  CHECK_FALSE(next.average_living_upper.has_value());              // [U]: not invented
  CHECK(next.find_indicator("phuong-tien-thong-tin") == nullptr);  // removed by NĐ 351
  CHECK(next.find_indicator("rac-thai") != nullptr);               // added by NĐ 351
  CHECK(next.find_indicator("rac-thai")->status == FactStatus::unverified);

  const Standard& dn = find("dong-nai-2022-2025");
  CHECK(dn.province == "dong-nai");
  CHECK(dn.poverty_line.rural == 2000000);
  CHECK(dn.poverty_line.urban == 2500000);
  CHECK(dn.dimensions_from == "quoc-gia-2022-2026");
  CHECK(dn.dimensions_status == FactStatus::unverified);
  CHECK(dn.indicator_count() == 12);
  CHECK(dn.uncertain_until.has_value());
}

TEST_CASE("Standards that overlap or borrow from a missing standard are reported",
          "[eligibility][reader]") {
  tinxa::test::TempDir folder;
  std::filesystem::create_directories(folder.path() / "standards");
  const auto base = [] {
    std::ifstream in(test::kEligibility / "valid/nho.yaml");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  std::ofstream(folder.path() / "standards/mot.yaml") << base;
  std::ofstream(folder.path() / "standards/hai.yaml") << base;  // the same period: overlap
  std::string borrow = base;
  const auto from = borrow.find("dimensions:");
  const auto to = borrow.find("policies:");
  borrow.replace(from, to - from, "dimensions_from: {standard: mott, status: unverified}\n");
  const auto applies = borrow.find("applies:");
  borrow.insert(applies, "province: dong-nai\nprovince_name: {vi: Đồng Nai, en: Đồng Nai}\n");
  std::ofstream(folder.path() / "standards/tinh.yaml") << borrow;

  const auto result = load_standards(folder.path(), test::sample_page_ids());
  const std::string text = test::all_text(result.diagnostics);
  INFO(text);
  CHECK(result.diagnostics.error_count() == 2);
  CHECK(text.find("standards/mot.yaml:4:3: lỗi/error: applies: thời gian áp dụng trùng với chuẩn "
                  "\"hai\"") != std::string::npos);
  CHECK(text.find("standards/tinh.yaml:") != std::string::npos);
  CHECK(text.find("there is no standard \"mott\"") != std::string::npos);
  CHECK(text.find("did you mean \"mot\"?") != std::string::npos);
}

TEST_CASE("tinxa check reports a malformed standard with file:line:column",
          "[eligibility][check]") {
  test::BundleCopy bundle("minimal");
  std::filesystem::create_directories(bundle.root() / "standards");
  std::filesystem::copy_file(test::kEligibility / "broken/status-typo.yaml",
                             bundle.root() / "standards/quoc-gia.yaml");
  CheckRequest request;
  request.content_folder = bundle.root();
  const VirtualClock clock(std::chrono::sys_days{std::chrono::year{2026} / 11 / 1});
  const CheckReport report = check_installation(request, clock);
  CHECK_FALSE(report.ok());
  const std::string text = format_report(report);
  INFO(text);
  // The minimal bundle has no page bao-hiem-y-te either: both problems are reported at once.
  CHECK(text.find("standards/quoc-gia.yaml:9:13: lỗi/error: legal_basis[0].status: giá trị "
                  "không hợp lệ / not an allowed value") != std::string::npos);
  CHECK(text.find("did you mean \"confirmed\"?") != std::string::npos);
  CHECK(text.find("the bundle has no page \"bao-hiem-y-te\"") != std::string::npos);
}

TEST_CASE("tinxa check passes the sample standards and warns when none applies today",
          "[eligibility][check]") {
  CheckRequest request;
  request.content_folder = test::kSample;
  const VirtualClock today(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28});
  const CheckReport ok = check_installation(request, today);
  INFO(format_report(ok));
  CHECK(ok.ok());
  const VirtualClock later(std::chrono::sys_days{std::chrono::year{2031} / 1 / 2});
  const CheckReport after = check_installation(request, later);
  const std::string text = format_report(after);
  CHECK(text.find("no national standard applies on 2031-01-02") != std::string::npos);
}

}  // namespace tinxa::content
