// The self-check wizard after the resident chose English at home: the questions from the
// standards' and HouseholdQuestions' translations, the wizard's words, and a result that keeps its
// legal wording (indicative, the commune's annual review decides, Quyết định 24/2021/QĐ-TTg) in
// both languages. Recording painter, virtual clock, sample content and standards.
#include "content/eligibility/Eligibility.hpp"
#include "content/eligibility/HouseholdQuestions.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/selfcheck/SelfCheckScreen.hpp"
#include "kiosk/ui/selfcheck/SelfCheckSetup.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace tinxa;
using namespace tinxa::kiosk;
using std::chrono::year;
using Screen = ui::selfcheck::SelfCheckScreen;
using Flow = ui::selfcheck::SelfCheckFlow;

namespace {

const std::vector<content::Standard>& standards() {
  static const std::vector<content::Standard> loaded = [] {
    std::ostringstream log;
    auto s = ui::selfcheck::load_kiosk_standards(
        std::filesystem::path(TINXA_SOURCE_DIR) / "content/sample", test::sample_bundle(), log);
    INFO(log.str());
    REQUIRE_FALSE(s.empty());
    return s;
  }();
  return loaded;
}

struct Kiosk : test::UiFixture {
  Kiosk() : UiFixture(test::sample_bundle(), {year{2026} / 6 / 1, std::chrono::hours{12}}) {
    site.commune_name = "Xã Tân Lập";
    site.province = "ha-giang";
    kiosk.set_self_check(ui::selfcheck::self_check_factory(standards(), test::sample_bundle(), site,
                                                           clock, zone, nullptr));
    draw();
  }
  const ui::HomeScreen& home() const {
    const auto* h = dynamic_cast<const ui::HomeScreen*>(&kiosk.top());
    REQUIRE(h != nullptr);
    return *h;
  }
  const Screen& wizard() const {
    const auto* s = dynamic_cast<const Screen*>(&kiosk.top());
    REQUIRE(s != nullptr);
    return *s;
  }
  void choose(std::string_view language_name) {
    for (const auto& b : home().language_buttons()) {
      if (b->label() == language_name) {
        tap(b->rect().center());
        return;
      }
    }
    FAIL("no language button " << language_name);
  }
  void tap_button(const ui::Button& b) {
    REQUIRE(b.enabled());
    tap(b.rect().center());
  }
  void tap_answer(std::string_view label) {
    for (const auto& b : wizard().answer_buttons()) {
      if (b->label() == label) {
        tap_button(*b);
        return;
      }
    }
    FAIL("no answer " << label << " on " << kiosk.top().name());
  }
  void type(const std::string& digits) {
    for (const char c : digits) {
      bool found = false;
      for (const auto& key : wizard().pad()->keys()) {
        if (key.label == std::string(1, c)) {
          tap(key.rect.center());
          found = true;
          break;
        }
      }
      REQUIRE(found);
    }
  }
  // Rural, 4 people, the lowest income band (6.000.000 a month or less), then "No" (or the first
  // option, none, 60 m²) to every indicator, in the words of the language chosen.
  void walk(std::string_view yes_no_answer, std::string_view unknown) {
    tap(home().self_check_tile().center());
    while (!wizard().flow().at_result()) {
      const Flow::Step& step = wizard().flow().step();
      INFO(kiosk.top().name());
      switch (step.kind) {
        case Flow::StepKind::area:
          tap_button(*wizard().answer_buttons().front());
          break;
        case Flow::StepKind::members:
          type("4");
          tap_button(wizard().next_button());
          break;
        case Flow::StepKind::income:
          REQUIRE(wizard().showing_bands());
          tap_button(*wizard().answer_buttons().front());
          break;
        case Flow::StepKind::indicator:
          switch (step.indicator->question.kind) {
            case content::AnswerKind::yes_no:
              tap_answer(yes_no_answer);
              break;
            case content::AnswerKind::choice:
              tap_button(*wizard().answer_buttons().front());
              break;
            case content::AnswerKind::count:
              CHECK(wizard().unknown_button().label() == unknown);
              type("0");
              tap_button(wizard().next_button());
              break;
            case content::AnswerKind::area_m2:
              CHECK(wizard().unknown_button().label() == unknown);
              type("60");
              tap_button(wizard().next_button());
              break;
          }
          break;
      }
    }
    draw();
  }
  std::string result_text() const {
    const auto* result = wizard().result();
    REQUIRE(result != nullptr);
    std::string all;
    for (const auto& op : result->document().ops()) all += op.text + "\n";
    return all;
  }
};

}  // namespace

TEST_CASE("After English at home the self-check asks and answers in English",
          "[kiosk][selfcheck][language]") {
  Kiosk k;
  k.choose("English");
  CHECK(k.painter.drew_text("Poverty self-check"));
  k.tap(k.home().self_check_tile().center());
  REQUIRE(k.kiosk.top().name() == "self-check:khu-vuc");
  // The household questions carry English in HouseholdQuestions.
  const auto& area = content::household_questions().front();
  REQUIRE(area.text.has("en"));
  CHECK(k.painter.drew_text(area.text.get("en")));
  CHECK_FALSE(k.painter.drew_text(area.text.get("vi")));
  CHECK(k.wizard().progress_text().rfind("Question 1/", 0) == 0);
  REQUIRE(k.wizard().answer_buttons().size() == 2);
  CHECK(k.wizard().answer_buttons()[0]->label() == "Rural (a commune)");
  CHECK(k.painter.drew_text("Back"));
  CHECK(k.painter.drew_text("Home"));
  k.tap_button(*k.wizard().answer_buttons()[0]);

  // The digit keys and the words around them.
  REQUIRE(k.kiosk.top().name() == "self-check:so-nguoi");
  CHECK(k.painter.drew_text("Press the number on the keys"));
  const auto& keys = k.wizard().pad()->keys();
  CHECK(
      std::any_of(keys.begin(), keys.end(), [](const auto& key) { return key.label == "Erase"; }));
  k.type("4");
  CHECK(k.wizard().display_text() == "4 people");
  k.tap_button(k.wizard().next_button());
  // The income bands, in English amounts, and the way to the digit keys.
  REQUIRE(k.wizard().showing_bands());
  CHECK(k.painter.drew_text(
      "About how much does the whole household earn in a month? Press one band."));
  const auto& bands = k.wizard().answer_buttons();
  REQUIRE(bands.size() == 3);
  CHECK(bands[0]->label() == "VND 6,000,000 or less");
  CHECK(bands[1]->label() == "Over VND 6,000,000 up to 9,000,000");
  CHECK(bands[2]->label() == "Over VND 9,000,000");
  CHECK(k.wizard().type_amount_button().label() == "Type the amount");
  test::check_targets(k.kiosk.theme(), k.painter.targets, k.kiosk.top().name());
  k.tap_button(k.wizard().type_amount_button());
  CHECK(k.wizard().next_button().label() == "Next");
  CHECK(k.wizard().per_month_button().label() == "Per month");
  k.type("6000000");
  CHECK(k.wizard().display_text() == "6.000.000 đồng per month");
  CHECK(k.painter.drew_text("per person per month (4 people)"));
  k.tap_button(k.wizard().next_button());

  // An indicator's question, from the standard's English text, with English answers.
  const Flow::Step& step = k.wizard().flow().step();
  REQUIRE(step.kind == Flow::StepKind::indicator);
  REQUIRE(step.text->has("en"));
  CHECK(k.painter.drew_text(step.text->get("en")));
  CHECK_FALSE(k.painter.drew_text(step.text->get("vi")));
  test::check_targets(k.kiosk.theme(), k.painter.targets, k.kiosk.top().name());
}

TEST_CASE("The result keeps its legal wording in English and in Vietnamese",
          "[kiosk][selfcheck][language]") {
  SECTION("English") {
    Kiosk k;
    k.choose("English");
    k.walk("No", "Don't know");
    REQUIRE(k.kiosk.top().name() == "self-check:result");
    const std::string all = k.result_text();
    CHECK(all.find("Self-check result (indicative only):") != std::string::npos);
    CHECK(all.find("Indicative only: the commune's annual review decides") != std::string::npos);
    CHECK(all.find("Quyết định 24/2021/QĐ-TTg") != std::string::npos);
    CHECK(all.find("Average income per person per month: VND 1,500,000 or less") !=
          std::string::npos);
    CHECK(all.find("Start again") != std::string::npos);
    const auto* result = k.wizard().result();
    REQUIRE(result->result().category);
    std::string name = content::category_name(*result->result().category).get("en");
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    CHECK(result->headline() == name);
    CHECK(result->qr_text().find("The commune decides in its annual review") != std::string::npos);
    CHECK(result->up_button().label() == "Up");
    // Nothing of the Vietnamese fixed wording is left.
    CHECK(all.find("Kết quả tự kiểm tra") == std::string::npos);
    CHECK(all.find("Làm lại từ đầu") == std::string::npos);
    CHECK(all.find("Chuẩn đã dùng") == std::string::npos);
  }
  SECTION("Vietnamese") {
    Kiosk k;
    k.walk("Không", "Không biết");
    REQUIRE(k.kiosk.top().name() == "self-check:result");
    const std::string all = k.result_text();
    CHECK(all.find("Kết quả tự kiểm tra (chỉ để tham khảo):") != std::string::npos);
    CHECK(all.find("rà soát hằng năm theo Quyết định 24/2021/QĐ-TTg") != std::string::npos);
    CHECK(all.find("mỗi người mỗi tháng: từ 1.500.000 đồng trở xuống") != std::string::npos);
    CHECK(all.find("Làm lại từ đầu") != std::string::npos);
    CHECK(k.wizard().result()->qr_text().find("Xã quyết định qua rà soát hằng năm") !=
          std::string::npos);
  }
}

TEST_CASE("The session reset after an English self-check returns to Vietnamese",
          "[kiosk][selfcheck][language][idle]") {
  Kiosk k;
  k.choose("English");
  k.tap(k.home().self_check_tile().center());
  REQUIRE(k.kiosk.top().name() == "self-check:khu-vuc");
  for (int i = 0; i < 80; ++i) k.kiosk.update(std::chrono::seconds{1});
  k.draw();
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.kiosk.language() == "vi");
  k.tap(k.home().self_check_tile().center());
  CHECK(k.wizard().progress_text().rfind("Câu 1/", 0) == 0);
  CHECK(k.painter.drew_text(content::household_questions().front().text.get("vi")));
}
