#include "content/eligibility/ResultFormat.hpp"

#include "Support.hpp"

#include <catch2/catch.hpp>

namespace tinxa::content {

namespace {

using std::chrono::year;

EligibilityResult dong_nai_2026() {
  const auto& all = test::sample_standards().standards;
  const auto choice = select_standards(all, year{2026} / 6 / 1, "dong-nai");
  Answers a;
  a.area = Area::rural;
  a.members = 4;
  a.income = {8'000'000, 8'000'000, IncomePeriod::month};
  a.indicators = {{"viec-lam", YesNo::yes},
                  {"nguoi-phu-thuoc", std::int64_t{0}},
                  {"dinh-duong", AnswerUnknown{}},
                  {"bao-hiem-y-te", YesNo::yes},
                  {"trinh-do-giao-duc", YesNo::no},
                  {"di-hoc-tre-em", YesNo::no},
                  {"chat-luong-nha-o", YesNo::no},
                  {"dien-tich-nha-o", std::int64_t{60}},
                  {"nguon-nuoc", std::string("nuoc-may")},
                  {"nha-tieu", std::string("tu-hoai")},
                  {"dich-vu-vien-thong", YesNo::yes},
                  {"phuong-tien-thong-tin", YesNo::yes}};
  return evaluate(choice, a, year{2026} / 6 / 1, "dong-nai");
}

}  // namespace

TEST_CASE("JSON strings are escaped", "[eligibility][format]") {
  CHECK(json_string("Đồng Nai") == "\"Đồng Nai\"");
  CHECK(json_string("a \"b\" \\ c") == R"("a \"b\" \\ c")");
  CHECK(json_string("x\ny\t\x01") == R"("x\ny\t\u0001")");
}

TEST_CASE("The JSON result carries both standards and every caveat", "[eligibility][format]") {
  const auto json = format_result_json(dong_nai_2026(), nullptr);
  CHECK(json.find("\"category\": null") != std::string::npos);
  CHECK(json.find("\"standard\": \"dong-nai-2022-2025\"") != std::string::npos);
  CHECK(json.find("\"role\": \"provincial_uncertain\"") != std::string::npos);
  CHECK(json.find("\"role\": \"national_if_lapsed\"") != std::string::npos);
  CHECK(json.find("\"income_per_person_monthly\": {\"low\": 2000000, \"high\": 2000000") !=
        std::string::npos);
  CHECK(json.find("\"kind\": \"indicative\"") != std::string::npos);
  CHECK(json.find("\"kind\": \"uncertain_standard\"") != std::string::npos);
  CHECK(json.find("\"kind\": \"unknown_answers\"") != std::string::npos);
  CHECK(json.find("\"state\": \"unknown\"") != std::string::npos);
  // Balanced braces and brackets outside strings: a cheap well-formedness check.
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
      CHECK(depth >= 0);
    }
  }
  CHECK(depth == 0);
  CHECK_FALSE(in_string);
}

TEST_CASE("The text result is bilingual and says it is indicative", "[eligibility][format]") {
  const auto text = format_result_text(dong_nai_2026(), nullptr);
  CHECK(text.find("Kết quả / result: chưa xác định được một loại / not settled") !=
        std::string::npos);
  CHECK(text.find("Quyết định 24/2021/QĐ-TTg") != std::string::npos);
  CHECK(text.find("2.000.000 đồng / VND 2,000,000") != std::string::npos);
  CHECK(text.find("rounded up to the whole đồng") != std::string::npos);
}

}  // namespace tinxa::content
