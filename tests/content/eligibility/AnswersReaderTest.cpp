#include "config/reader/Document.hpp"
#include "content/eligibility/AnswersReader.hpp"

#include "Support.hpp"

#include <catch2/catch.hpp>

namespace tinxa::content {

namespace {

const Standard& national() {
  const auto& all = test::sample_standards().standards;
  return *std::find_if(all.begin(), all.end(),
                       [](const Standard& s) { return s.id == "quoc-gia-2022-2026"; });
}

constexpr const char* kIndicators = R"(indicators:
  viec-lam: "yes"
  nguoi-phu-thuoc: 2
  dinh-duong: unknown
  bao-hiem-y-te: "no"
  trinh-do-giao-duc: "no"
  di-hoc-tre-em: "no"
  chat-luong-nha-o: "no"
  dien-tich-nha-o: 40.5
  nguon-nuoc: gieng-khoan
  nha-tieu: tu-hoai
  dich-vu-vien-thong: "yes"
  phuong-tien-thong-tin: "yes"
)";

}  // namespace

TEST_CASE("An answers file is read into typed answers", "[eligibility][answers]") {
  config::Diagnostics d;
  const std::string text = std::string(
                               "area: urban\nmembers: 3\nincome: {from: 60000000, to: "
                               "72000000, per: year}\n") +
                           kIndicators;
  const auto doc = config::Document::parse(text, "a.yaml", d);
  REQUIRE(doc);
  const auto file = std::optional(read_answers(doc->root()));
  INFO(test::all_text(d));
  REQUIRE_FALSE(d.has_errors());
  const Answers& a = file->answers;
  CHECK(a.area == Area::urban);
  CHECK(a.members == 3);
  CHECK(a.income.low == 60'000'000);
  CHECK(a.income.high == 72'000'000);
  CHECK(a.income.per == IncomePeriod::year);
  CHECK(std::get<YesNo>(a.indicators.at("viec-lam")) == YesNo::yes);
  CHECK(std::get<std::int64_t>(a.indicators.at("nguoi-phu-thuoc")) == 2);
  CHECK(std::holds_alternative<AnswerUnknown>(a.indicators.at("dinh-duong")));
  CHECK(std::get<double>(a.indicators.at("dien-tich-nha-o")) == Approx(40.5));
  CHECK(std::get<std::string>(a.indicators.at("nguon-nuoc")) == "gieng-khoan");
  CHECK(check_answers(*file, national(), {}, d));
  CHECK(d.items().empty());
}

TEST_CASE("Mistakes in an answers file are reported where they are", "[eligibility][answers]") {
  config::Diagnostics d;
  const std::string text =
      "area: rurall\nmembers: 0\nincome: {amount: 5000000, per: week}\nanswered_by: me\n" +
      std::string(kIndicators);
  const auto doc = config::Document::parse(text, "a.yaml", d);
  REQUIRE(doc);
  (void)read_answers(doc->root());
  CHECK(d.error_count() == 4);
  const std::string all = test::all_text(d);
  INFO(all);
  CHECK(all.find("a.yaml:1:7: lỗi/error: area: giá trị không hợp lệ / not an allowed value") !=
        std::string::npos);
  CHECK(all.find("did you mean \"rural\"?") != std::string::npos);
  CHECK(all.find("a.yaml:2:10: lỗi/error: members:") != std::string::npos);
  CHECK(all.find("a.yaml:3:32: lỗi/error: income.per:") != std::string::npos);
  CHECK(all.find("a.yaml:4:1: lỗi/error: answered_by: khóa không có trong định dạng") !=
        std::string::npos);
}

TEST_CASE("Indicator answers are checked against the standard", "[eligibility][answers]") {
  config::Diagnostics d;
  std::string text =
      std::string("area: rural\nmembers: 2\nincome: {amount: 1, per: month}\n") + kIndicators;
  text.replace(text.find("nguon-nuoc: gieng-khoan"), 23, "nguon-nuoc: gieng-khoann");
  text.replace(text.find("  phuong-tien-thong-tin: \"yes\"\n"), 30,
               "  phuong-tien-thong-tn: \"yes\"\n");
  const auto doc = config::Document::parse(text, "a.yaml", d);
  REQUIRE(doc);
  const auto file = std::optional(read_answers(doc->root()));
  REQUIRE_FALSE(d.has_errors());
  CHECK_FALSE(check_answers(*file, national(), {}, d));
  const std::string all = test::all_text(d);
  INFO(all);
  // 2 dependants in a household of 2 is allowed; 40.5 m² is a number; the option has a typo.
  CHECK(all.find("a.yaml:13:15: lỗi/error: indicators.nguon-nuoc: không phải một lựa chọn") !=
        std::string::npos);
  CHECK(all.find("did you mean \"gieng-khoan\"?") != std::string::npos);
  CHECK(all.find("indicators.phuong-tien-thong-tn: chuẩn \"quoc-gia-2022-2026\" không có chỉ số") !=
        std::string::npos);
  CHECK(all.find("did you mean \"phuong-tien-thong-tin\"?") != std::string::npos);
  CHECK(all.find("the indicator \"phuong-tien-thong-tin\" (Means of access to information) is "
                 "not answered") != std::string::npos);
  CHECK(d.error_count() == 3);
}

TEST_CASE("A count larger than the household is refused", "[eligibility][answers]") {
  config::Diagnostics d;
  std::string text =
      std::string("area: rural\nmembers: 1\nincome: {amount: 1, per: month}\n") + kIndicators;
  const auto doc = config::Document::parse(text, "a.yaml", d);
  const auto file = std::optional(read_answers(doc->root()));
  REQUIRE_FALSE(d.has_errors());
  CHECK_FALSE(check_answers(*file, national(), {}, d));
  CHECK(test::all_text(d).find("a.yaml:6:20: lỗi/error: indicators.nguoi-phu-thuoc: số người "
                               "không hợp lệ") != std::string::npos);
}

}  // namespace tinxa::content
