// The kiosk's self-check wizard (issue 5, item 4) driven by taps through KioskUi, with the sample
// content and standards, a recording painter, a recording speaker and a virtual clock.
#include "config/reader/Document.hpp"
#include "config/reader/MapReader.hpp"
#include "content/eligibility/AnswersReader.hpp"
#include "content/eligibility/Eligibility.hpp"
#include "content/eligibility/HouseholdQuestions.hpp"
#include "content/eligibility/StandardReader.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/selfcheck/IncomeBands.hpp"
#include "kiosk/ui/selfcheck/SelfCheckScreen.hpp"
#include "kiosk/ui/selfcheck/SelfCheckSetup.hpp"
#include "tests/kiosk/selfcheck/SelfCheckKiosk.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

using namespace tinxa;
using namespace tinxa::kiosk;
using std::chrono::year;
using namespace tinxa::kiosk::test::selfcheck;

namespace {

struct Row {
  std::string name;
  year_month_day date{};
  std::string province;
  content::Answers answers;
};

// The rows of tests/fixtures/eligibility/households.yaml named in `names`.
std::vector<Row> household_rows(const std::vector<std::string>& names) {
  config::Diagnostics diagnostics;
  const auto document = config::Document::load(
      std::filesystem::path(TINXA_SOURCE_DIR) / "tests/fixtures/eligibility/households.yaml",
      "households.yaml", diagnostics);
  REQUIRE(document);
  config::MapReader root(document->root());
  (void)root.get("sets");
  const auto households = root.get("households", config::Presence::required);
  REQUIRE(households);
  std::vector<Row> rows;
  for (const auto& element : households->elements()) {
    Row row;
    config::MapReader map(element);
    map.read("name", row.name, config::Presence::required);
    map.read("date", row.date, config::Presence::required);
    map.read("province", row.province, config::Presence::required);
    map.read_with("answers", config::Presence::required, [&](const config::Value& v) {
      row.answers = content::read_answers(v).answers;
      return true;
    });
    (void)map.get("expect");
    if (std::find(names.begin(), names.end(), row.name) != names.end()) rows.push_back(row);
  }
  REQUIRE_FALSE(diagnostics.has_errors());
  REQUIRE(rows.size() == names.size());
  return rows;
}

}  // namespace

TEST_CASE("A walk through the wizard by touch gives the engine's result for table households",
          "[kiosk][selfcheck]") {
  const auto rows = household_rows({
      "rural at the line, 0 deprived",
      "rural at the line, 3 deprived",
      "rural 1 đồng per person above the line, 0 deprived",
      "rural 1 đồng above the average-living upper line",
      "urban 1 đồng below the line, 2 deprived",
      "a yearly income exactly at the line",
  });
  for (const Row& row : rows) {
    INFO(row.name);
    Kiosk k(row.date, row.province);
    k.walk(row.answers);
    REQUIRE(k.kiosk.top().name() == "self-check:result");
    const auto* shown = k.wizard().result();
    REQUIRE(shown != nullptr);
    const auto choice = content::select_standards(sample_standards(), row.date, row.province);
    const auto expected = content::evaluate(choice, row.answers, row.date, row.province);
    const auto& got = shown->result();
    CHECK(got.category == expected.category);
    CHECK(got.per_person_low == expected.per_person_low);
    CHECK(got.outcomes.size() == expected.outcomes.size());
    CHECK(got.outcomes.front().deprived == expected.outcomes.front().deprived);
    CHECK(got.outcomes.front().standard->id == expected.outcomes.front().standard->id);
    // The category in large words, the indicative caveat with the decision, the income.
    std::string all;
    for (const auto& op : shown->document().ops()) all += op.text + "\n";
    REQUIRE(expected.category);
    std::string name = content::category_name(*expected.category).get("vi");
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    CHECK(shown->headline() == name);
    CHECK(all.find(name) != std::string::npos);
    CHECK(all.find("Quyết định 24/2021/QĐ-TTg") != std::string::npos);
    CHECK(all.find(content::format_vnd(expected.per_person_low, "vi")) != std::string::npos);
    CHECK(all.find("Điều 3, khoản 2") != std::string::npos);
    // One anonymous count, with no subject: nothing of the answers leaves the screen.
    const auto done = std::count_if(k.events.begin(), k.events.end(), [](const auto& e) {
      return e.first == ui::UsageEvent::self_check_done;
    });
    CHECK(done == 1);
    for (const auto& e : k.events) {
      if (e.first == ui::UsageEvent::self_check_done) CHECK(e.second.empty());
    }
  }
}

TEST_CASE("The result lists the category's support pages and opens them, with a QR code",
          "[kiosk][selfcheck]") {
  const auto rows = household_rows({"rural at the line, 3 deprived"});
  Kiosk k(rows[0].date, rows[0].province);
  k.walk(rows[0].answers);
  const auto* shown = k.wizard().result();
  REQUIRE(shown != nullptr);
  const content::Standard& standard = *shown->result().outcomes.front().standard;
  for (const auto& ref : standard.policies_poor) {
    CHECK(std::find(shown->pages().begin(), shown->pages().end(), ref.page) !=
          shown->pages().end());
  }
  CHECK_FALSE(shown->qr_text().empty());
  CHECK(shown->qr_text().find("Hộ nghèo") != std::string::npos);
  // The deprived indicators are named.
  std::string all;
  for (const auto& op : shown->document().ops()) all += op.text + "\n";
  CHECK(all.find("Bảo hiểm y tế") != std::string::npos);
  // The first page row opens its page; Back returns to the result.
  const auto& links = shown->document().links();
  REQUIRE_FALSE(links.empty());
  const ui::Rect first = links.front();
  const ui::Rect viewport = shown->viewport();
  auto centre_y = [&] { return viewport.y + first.y + first.height / 2 - shown->scroll_offset(); };
  for (int i = 0; i < 40 && centre_y() > viewport.bottom() - first.height / 2; ++i) {
    (void)k.kiosk.input(ui::Action::make(ui::ActionKind::scroll_down));
    for (int f = 0; f < 200 && k.kiosk.animating(); ++f)
      k.kiosk.update(std::chrono::milliseconds{16});
  }
  k.tap({viewport.x + first.x + first.width / 2, centre_y()});
  CHECK(k.kiosk.top().name() == "page:" + shown->link_targets().front());
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
  CHECK(k.kiosk.top().name() == "self-check:result");
}

TEST_CASE("Back goes to the previous question and keeps every answer", "[kiosk][selfcheck]") {
  Kiosk k(year{2026} / 6 / 1, "ha-giang");
  k.open();
  CHECK(k.wizard().progress_text() == "Câu 1/15");
  k.tap_answer("Thành thị (phường, thị trấn)");
  CHECK(k.kiosk.top().name() == "self-check:so-nguoi");
  CHECK(k.wizard().progress_text() == "Câu 2/15");
  CHECK_FALSE(k.wizard().next_button().enabled());
  k.type(4);
  CHECK(k.wizard().display_text() == "4 người");
  k.tap(k.wizard().next_button());
  k.tap(k.wizard().type_amount_button());
  k.type(2500000);
  CHECK(k.wizard().display_text() == "2.500.000 đồng mỗi tháng");
  k.tap(k.wizard().next_button());
  CHECK(k.kiosk.top().name() == "self-check:viec-lam");

  // The bar's Back: the amount typed is still there, on the digit keys.
  k.tap(k.kiosk.back_button());
  CHECK(k.kiosk.top().name() == "self-check:thu-nhap");
  CHECK_FALSE(k.wizard().showing_bands());
  CHECK(k.wizard().display_text() == "2.500.000 đồng mỗi tháng");
  CHECK(k.wizard().next_button().enabled());
  // Back from the digit keys shows the bands; once more, the household's size.
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
  k.draw();
  CHECK(k.kiosk.top().name() == "self-check:thu-nhap");
  CHECK(k.wizard().showing_bands());
  CHECK(k.wizard().flow().income() == 2500000);
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
  k.draw();
  CHECK(k.kiosk.top().name() == "self-check:so-nguoi");
  CHECK(k.wizard().pad()->digits() == "4");
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
  k.draw();
  CHECK(k.kiosk.top().name() == "self-check:khu-vuc");
  const auto& buttons = k.wizard().answer_buttons();
  REQUIRE(buttons.size() == 2);
  // The chosen answer is shown on; Back from the first question leaves the wizard.
  CHECK(k.wizard().flow().area() == content::Area::urban);
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
  k.draw();
  CHECK(k.kiosk.top().name() == "home");
}

TEST_CASE("Digit keys: 000, erase, Backspace, and a count larger than the household refused",
          "[kiosk][selfcheck]") {
  Kiosk k(year{2026} / 6 / 1, "ha-giang");
  k.open();
  k.tap_answer("Nông thôn (xã)");
  k.type(3);
  k.tap(k.wizard().next_button());
  k.tap(k.wizard().type_amount_button());
  k.tap_key("2");
  k.tap_key("5");
  k.tap_key("000");
  k.tap_key("000");
  CHECK(k.wizard().display_text() == "25.000.000 đồng mỗi tháng");
  k.tap_key("Xoá");
  CHECK(k.wizard().display_text() == "2.500.000 đồng mỗi tháng");
  k.tap(k.wizard().per_year_button());
  CHECK(k.wizard().flow().income_period() == content::IncomePeriod::year);
  CHECK(k.wizard().display_text() == "2.500.000 đồng mỗi năm");
  // A physical keyboard: digits type, Backspace erases a digit (not Back).
  (void)k.kiosk.input(ui::Action::make_text("1"));
  CHECK(k.wizard().pad()->digits() == "25000001");
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::erase));
  CHECK(k.wizard().pad()->digits() == "2500000");
  CHECK(k.kiosk.top().name() == "self-check:thu-nhap");
  k.tap(k.wizard().next_button());
  k.tap_answer("Không");  // viec-lam
  CHECK(k.kiosk.top().name() == "self-check:nguoi-phu-thuoc");
  k.type(4);  // 4 dependants in a household of 3
  CHECK_FALSE(k.wizard().next_button().enabled());
  k.type(2);
  CHECK(k.wizard().next_button().enabled());
  // "Không biết" is an answer too.
  k.tap(k.wizard().unknown_button());
  CHECK(k.kiosk.top().name() == "self-check:dinh-duong");
  const auto* answer = k.wizard().flow().indicator_answer("nguoi-phu-thuoc");
  REQUIRE(answer != nullptr);
  CHECK(std::holds_alternative<content::AnswerUnknown>(*answer));
}

TEST_CASE("The idle reset clears every answer", "[kiosk][selfcheck]") {
  Kiosk k(year{2026} / 6 / 1, "ha-giang");
  k.open();
  k.tap_answer("Nông thôn (xã)");
  k.type(5);
  k.tap(k.wizard().next_button());
  k.tap(k.wizard().type_amount_button());
  k.type(9000000);
  const config::KioskSettings::Idle idle;
  k.kiosk.update(idle.warn_after);
  CHECK(k.kiosk.idle_warning_shown());
  k.kiosk.update(idle.warning_length);
  k.draw();
  CHECK(k.kiosk.top().name() == "home");
  // Opened again: the first question, nothing answered.
  k.open();
  CHECK(k.wizard().flow().position() == 0);
  CHECK_FALSE(k.wizard().flow().area());
  CHECK_FALSE(k.wizard().flow().members());
  CHECK_FALSE(k.wizard().flow().income());
  // Home clears it the same way.
  k.tap_answer("Nông thôn (xã)");
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::home));
  k.draw();
  k.open();
  CHECK_FALSE(k.wizard().flow().area());
  // Nothing was counted: no self-check was completed.
  for (const auto& e : k.events) CHECK(e.first != ui::UsageEvent::self_check_done);
}

TEST_CASE("The standard switches on 01/01/2027, as `tinxa self-check` chooses it",
          "[kiosk][selfcheck]") {
  auto ids_on = [](year_month_day day, const std::string& province) {
    Kiosk k(day, province);
    k.open();
    std::vector<std::string> ids;
    for (const auto& s : k.wizard().flow().steps()) ids.push_back(s.id);
    std::vector<std::string> standards;
    for (const auto& [s, role] : k.wizard().flow().choice().candidates) standards.push_back(s->id);
    return std::pair{ids, standards};
  };
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  const auto [before, before_standards] = ids_on(year{2026} / 12 / 31, "ha-giang");
  const auto [after, after_standards] = ids_on(year{2027} / 1 / 1, "ha-giang");
  CHECK(before_standards == std::vector<std::string>{"quoc-gia-2022-2026"});
  CHECK(after_standards == std::vector<std::string>{"quoc-gia-2027-2030"});
  CHECK(has(before, "dich-vu-vien-thong"));
  CHECK_FALSE(has(before, "rac-thai"));
  CHECK(has(after, "rac-thai"));
  CHECK_FALSE(has(after, "dich-vu-vien-thong"));
  // Đồng Nai in 2026: both its own standard and the national one, each indicator asked once.
  const auto [dong_nai, dong_nai_standards] = ids_on(year{2026} / 6 / 1, "dong-nai");
  CHECK(dong_nai_standards == std::vector<std::string>{"dong-nai-2022-2025", "quoc-gia-2022-2026"});
  CHECK(dong_nai.size() == 15);
}

TEST_CASE("Nghe plays the question's narration from the cache of tinxa narrate",
          "[kiosk][selfcheck][listen]") {
  const auto data = std::filesystem::temp_directory_path() / "tinxa-selfcheck-listen";
  std::filesystem::remove_all(data);
  const auto folder = data / "narration" / sample_bundle().info.id;
  std::filesystem::create_directories(folder);
  const std::string key = content::question_narration_key(content::kHouseholdQuestionOwner,
                                                          content::kAreaQuestion, "vi");
  CHECK(key == "question.ho-gia-dinh.khu-vuc.vi");
  const auto file = folder / (key + "-0123456789abcdef.ogg");
  std::ofstream(file) << "x";
  Kiosk k(year{2026} / 6 / 1, "ha-giang", data);
  k.open();
  REQUIRE(k.wizard().has_listen());
  CHECK(k.wizard().narration_file() == file);
  k.tap(k.wizard().listen_button());
  REQUIRE(k.speaker.plays.size() == 1);
  CHECK(k.speaker.plays[0] == file);
  CHECK(k.speaker.subject() == "question:ho-gia-dinh.khu-vuc");
  // The next question has no narration here: its button is dimmed, and moving on stopped the
  // question being read.
  k.tap_answer("Nông thôn (xã)");
  CHECK(k.speaker.state() == ui::Speaker::State::stopped);
  CHECK_FALSE(k.wizard().listen_button().enabled());
  std::filesystem::remove_all(data);
}
