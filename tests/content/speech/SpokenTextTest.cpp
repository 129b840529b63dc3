#include "content/speech/SpokenText.hpp"

#include <catch2/catch.hpp>

#include "content/loader/BundleLoader.hpp"

namespace tinxa::content {

TEST_CASE("Dates, document numbers, abbreviations and symbols are written out for speech",
          "[speech]") {
  struct Case {
    const char* written;
    const char* spoken;
  };
  const Case cases[] = {
      {"Rà soát từ ngày 01/09/2026.", "Rà soát từ ngày 1 tháng 9 năm 2026."},
      {"Hạn chót 14/12/2026", "Hạn chót ngày 14 tháng 12 năm 2026"},
      {"Tháng cao điểm 17/10 – 18/11", "Tháng cao điểm ngày 17 tháng 10 đến ngày 18 tháng 11"},
      {"Nghị định 07/2021/NĐ-CP", "Nghị định số 7 năm 2021"},
      {"Quyết định 24/2021/QĐ-TTg, Điều 3", "Quyết định số 24 năm 2021, Điều 3"},
      {"Kế hoạch 259/KH-UBND", "Kế hoạch số 259"},
      {"giai đoạn 2022–2025", "giai đoạn 2022 đến 2025"},
      {"Hỏi UBND xã về BHYT.", "Hỏi Ủy ban nhân dân xã về bảo hiểm y tế."},
      {"hỗ trợ 70% mức đóng", "hỗ trợ 70 phần trăm mức đóng"},
      {"dưới 8 m² mỗi người", "dưới 8 mét vuông mỗi người"},
      {"≤ 1.500.000 đ/người/tháng", "không quá 1.500.000 đồng mỗi người mỗi tháng"},
      {"Vì người nghèo – Không để ai bị bỏ lại phía sau",
       "Vì người nghèo – Không để ai bị bỏ lại phía sau"},
      {"TTg và NĐ-CP giữ nguyên khi không đứng riêng",
       "TTg và NĐ-CP giữ nguyên khi không đứng riêng"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.written);
    CHECK(expand_for_speech(c.written) == c.spoken);
  }
}

TEST_CASE("A page is read as title, summary, blocks, table rows and sources", "[speech]") {
  const auto loaded =
      load_bundle(std::filesystem::path(TINXA_SOURCE_DIR) / "tests/fixtures/bundles/minimal");
  REQUIRE(loaded.ok());
  const Page* page = loaded.bundle.find_page("chuan-ngheo");
  REQUIRE(page != nullptr);
  CHECK(spoken_text(*page) ==
        "Chuẩn nghèo 2022 đến 2026. Thu nhập và thiếu hụt. Tiêu chí thu nhập. Nông thôn "
        "1.500.000 đồng. Nông thôn. Thành thị. Khu vực: Nông thôn; Chuẩn nghèo: 1.500.000 đồng. "
        "Biểu tượng. Chưa đối chiếu. Nguồn: Nghị định số 7 năm 2021, Điều 3.");
  const Page* bilingual = loaded.bundle.find_page("bao-hiem");
  REQUIRE(bilingual != nullptr);
  CHECK(spoken_text(*bilingual, "en") ==
        "Health insurance. Poor households get a card. The state pays all of it. Source: Nghị "
        "định 188/2025/NĐ-CP.");
}

}  // namespace tinxa::content
