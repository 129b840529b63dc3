// The income bands of the self-check (IncomeBands): made from the lines of the standards in use,
// each band settled by the engine under every standard, chosen by touch in one tap, shown as a
// range in the result, and forgotten when the household's size changes or the kiosk resets.
#include "content/eligibility/Eligibility.hpp"
#include "content/eligibility/HouseholdQuestions.hpp"
#include "content/time/Date.hpp"
#include "kiosk/ui/selfcheck/IncomeBands.hpp"
#include "tests/kiosk/selfcheck/SelfCheckKiosk.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>

using namespace tinxa;
using namespace tinxa::kiosk::test::selfcheck;
using std::chrono::year;
using ui::selfcheck::IncomeBand;

namespace {

// A definite answer to every indicator of `choice` (no "Không biết"), so only the income and the
// deprivations decide; all "deprived" answers when `deprived`.
std::map<std::string, content::IndicatorAnswer, std::less<>> definite_answers(
    const content::StandardChoice& choice, int members, bool deprived) {
  std::map<std::string, content::IndicatorAnswer, std::less<>> out;
  for (const auto& [standard, role] : choice.candidates) {
    for (const auto& d : standard->dimensions) {
      for (const auto& i : d.indicators) {
        const auto& q = i.question;
        switch (q.kind) {
          case content::AnswerKind::yes_no:
            out[i.id] = (deprived == q.deprived_if_yes) ? content::YesNo::yes : content::YesNo::no;
            break;
          case content::AnswerKind::count:
            out[i.id] = std::int64_t{deprived ? members : 0};
            break;
          case content::AnswerKind::area_m2:
            out[i.id] = deprived ? 1.0 : 1000.0;
            break;
          case content::AnswerKind::choice: {
            const auto it = std::find_if(q.options.begin(), q.options.end(),
                                         [&](const auto& o) { return o.deprived == deprived; });
            out[i.id] = (it == q.options.end() ? q.options.front() : *it).id;
            break;
          }
        }
      }
    }
  }
  return out;
}

std::vector<std::string> ids(const content::StandardChoice& choice) {
  std::vector<std::string> out;
  for (const auto& [s, role] : choice.candidates) out.push_back(s->id);
  return out;
}

// Every distinct set of standards the sample content yields: on the first and last day of each
// standard, the day after, and the last uncertain day, in Đồng Nai, another province and none.
std::vector<std::pair<year_month_day, std::string>> every_combination() {
  std::vector<year_month_day> days;
  for (const auto& s : sample_standards()) {
    days.push_back(s.from);
    days.push_back(s.until);
    days.push_back(std::chrono::sys_days(s.until) + std::chrono::days{1});
    if (s.uncertain_until) days.push_back(*s.uncertain_until);
  }
  std::set<std::vector<std::string>> seen;
  std::vector<std::pair<year_month_day, std::string>> out;
  for (const auto day : days) {
    for (const std::string province : {"dong-nai", "ha-giang", ""}) {
      const auto choice = content::select_standards(sample_standards(), day, province);
      if (choice.candidates.empty()) continue;
      if (seen.insert(ids(choice)).second) out.emplace_back(day, province);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Every band of every standard combination gives a settled result under each standard",
          "[kiosk][selfcheck][bands]") {
  const auto combinations = every_combination();
  std::set<std::vector<std::string>> sets;
  for (const auto& [day, province] : combinations) {
    sets.insert(ids(content::select_standards(sample_standards(), day, province)));
  }
  // Đồng Nai in 2026 uses its own standard and the national one, whose lines differ.
  CHECK(sets.count({"dong-nai-2022-2025", "quoc-gia-2022-2026"}) == 1);
  CHECK(sets.count({"dong-nai-2022-2025"}) == 1);
  CHECK(sets.count({"quoc-gia-2022-2026"}) == 1);
  CHECK(sets.count({"quoc-gia-2027-2030"}) == 1);

  for (const auto& [day, province] : combinations) {
    const auto choice = content::select_standards(sample_standards(), day, province);
    for (const auto area : {content::Area::rural, content::Area::urban}) {
      for (const int members : {1, 2, 3, 4, 5, 7, 10, 100}) {
        INFO(content::format_iso(day)
             << " " << province << " " << content::to_string(area) << " " << members << " people");
        const auto bands = ui::selfcheck::income_bands(choice, area, members);
        const auto lines = ui::selfcheck::income_lines(choice, area);
        REQUIRE(bands.size() == lines.size() + 1);
        // From 0 to no end, without gaps or overlaps.
        CHECK(bands.front().low == 0);
        CHECK_FALSE(bands.back().high);
        for (std::size_t i = 0; i + 1 < bands.size(); ++i) {
          REQUIRE(bands[i].high);
          CHECK(bands[i + 1].low == *bands[i].high + 1);
        }
        std::set<std::vector<content::HouseholdCategory>> seen;
        for (const IncomeBand& band : bands) {
          INFO(ui::selfcheck::band_label(band, "vi"));
          content::Answers answers;
          answers.area = area;
          answers.members = members;
          answers.income = ui::selfcheck::income_answer(band, members);
          std::vector<content::HouseholdCategory> categories;
          for (const bool deprived : {false, true}) {
            answers.indicators = definite_answers(choice, members, deprived);
            const auto result = content::evaluate(choice, answers, day, province);
            REQUIRE(result.outcomes.size() == choice.candidates.size());
            for (const auto& o : result.outcomes) {
              INFO(o.standard->id);
              // Settled: one category, and both ends of the band classify alike.
              REQUIRE(o.category);
              CHECK(o.possible.size() == 1);
              CHECK(content::classify(*o.standard, area, result.per_person_low, o.deprived) ==
                    *o.category);
              CHECK(content::classify(*o.standard, area, result.per_person_high, o.deprived) ==
                    *o.category);
              categories.push_back(*o.category);
            }
            for (const auto& c : result.caveats) CHECK(c.kind != content::CaveatKind::income_range);
          }
          // No two bands give the same categories: each line splits two bands.
          CHECK(seen.insert(categories).second);
        }
      }
    }
  }
}

TEST_CASE("Bands are the lines times the household's size, in Vietnamese money format",
          "[kiosk][selfcheck][bands]") {
  auto labels = [](year_month_day day, const std::string& province, content::Area area, int members,
                   const std::string& language = "vi") {
    const auto choice = content::select_standards(sample_standards(), day, province);
    std::vector<std::string> out;
    for (const auto& b : ui::selfcheck::income_bands(choice, area, members))
      out.push_back(ui::selfcheck::band_label(b, language));
    return out;
  };
  using V = std::vector<std::string>;
  // National 2022–2026: 1.500.000 and 2.250.000 rural, 2.000.000 and 3.000.000 urban.
  CHECK(
      labels(year{2026} / 6 / 1, "ha-giang", content::Area::rural, 1) ==
      V{"Từ 1.500.000 đồng trở xuống", "Trên 1.500.000 đến 2.250.000 đồng", "Trên 2.250.000 đồng"});
  CHECK(
      labels(year{2026} / 6 / 1, "ha-giang", content::Area::rural, 4) ==
      V{"Từ 6.000.000 đồng trở xuống", "Trên 6.000.000 đến 9.000.000 đồng", "Trên 9.000.000 đồng"});
  CHECK(
      labels(year{2026} / 6 / 1, "ha-giang", content::Area::urban, 3) ==
      V{"Từ 6.000.000 đồng trở xuống", "Trên 6.000.000 đến 9.000.000 đồng", "Trên 9.000.000 đồng"});
  CHECK(labels(year{2026} / 6 / 1, "ha-giang", content::Area::urban, 7) ==
        V{"Từ 14.000.000 đồng trở xuống", "Trên 14.000.000 đến 21.000.000 đồng",
          "Trên 21.000.000 đồng"});
  CHECK(labels(year{2026} / 6 / 1, "ha-giang", content::Area::urban, 7, "en") ==
        V{"VND 14,000,000 or less", "Over VND 14,000,000 up to 21,000,000", "Over VND 21,000,000"});
  // Đồng Nai in 2026: its lines (2.000.000, 3.000.000 rural) and the national ones together.
  CHECK(labels(year{2026} / 6 / 1, "dong-nai", content::Area::rural, 2) ==
        V{"Từ 3.000.000 đồng trở xuống", "Trên 3.000.000 đến 4.000.000 đồng",
          "Trên 4.000.000 đến 4.500.000 đồng", "Trên 4.500.000 đến 6.000.000 đồng",
          "Trên 6.000.000 đồng"});
  // From 2027 the national standard gives no average-living band: two bands only.
  const auto after = labels(year{2027} / 6 / 1, "ha-giang", content::Area::rural, 4);
  CHECK(after.size() == 2);
}

TEST_CASE("Choosing a band by touch gives the engine's result for that band",
          "[kiosk][selfcheck][bands]") {
  struct Case {
    year_month_day day;
    std::string province;
    content::Area area;
    int members;
  };
  const std::vector<Case> cases{
      {year{2026} / 6 / 1, "ha-giang", content::Area::rural, 4},
      {year{2026} / 6 / 1, "dong-nai", content::Area::urban, 3},
      {year{2027} / 3 / 1, "ha-giang", content::Area::rural, 1},
  };
  for (const Case& c : cases) {
    const auto choice = content::select_standards(sample_standards(), c.day, c.province);
    const auto bands = ui::selfcheck::income_bands(choice, c.area, c.members);
    for (std::size_t i = 0; i < bands.size(); ++i) {
      INFO(c.province << " " << c.members << " people, band " << i);
      content::Answers answers;
      answers.area = c.area;
      answers.members = c.members;
      answers.income = ui::selfcheck::income_answer(bands[i], c.members);
      answers.indicators = definite_answers(choice, c.members, i % 2 == 0);
      Kiosk k(c.day, c.province);
      k.walk(answers);
      REQUIRE(k.kiosk.top().name() == "self-check:result");
      const auto* shown = k.wizard().result();
      REQUIRE(shown != nullptr);
      CHECK(k.wizard().flow().income_band() == bands[i]);
      CHECK_FALSE(k.wizard().flow().income());
      const auto expected = content::evaluate(choice, answers, c.day, c.province);
      const auto& got = shown->result();
      CHECK(got.category == expected.category);
      CHECK(got.per_person_low == expected.per_person_low);
      CHECK(got.per_person_high == expected.per_person_high);
      REQUIRE(got.outcomes.size() == expected.outcomes.size());
      for (std::size_t o = 0; o < got.outcomes.size(); ++o) {
        REQUIRE(got.outcomes[o].category);
        CHECK(got.outcomes[o].category == expected.outcomes[o].category);
      }
      // The result names the range chosen, per person, never one invented amount.
      std::string all;
      for (const auto& op : shown->document().ops()) all += op.text + "\n";
      const std::string range = ui::selfcheck::per_person_range_text(
          expected.per_person_low, expected.per_person_high, "vi");
      CHECK(all.find("Thu nhập bình quân mỗi người mỗi tháng: " + range) != std::string::npos);
      const auto lines = ui::selfcheck::income_lines(choice, c.area);
      if (i == 0) {
        CHECK(range == "từ " + content::format_vnd(lines[0], "vi") + " trở xuống");
      } else if (i + 1 == bands.size()) {
        CHECK(range == "trên " + content::format_vnd(lines.back(), "vi"));
      } else {
        CHECK(range == "trên " + content::format_vnd(lines[i - 1], "vi") + " đến " +
                           content::format_vnd(lines[i], "vi"));
      }
      CHECK(all.find(ui::selfcheck::group_thousands(ui::selfcheck::kNoUpperEnd)) ==
            std::string::npos);
    }
  }
}

TEST_CASE("The income question shows big band buttons first, and the digit keys on request",
          "[kiosk][selfcheck][bands]") {
  for (const std::string province : {"ha-giang", "dong-nai"}) {
    for (const auto area : {content::Area::rural, content::Area::urban}) {
      INFO(province << " " << content::to_string(area));
      Kiosk k(year{2026} / 6 / 1, province);
      k.open();
      k.tap_answer(area == content::Area::rural ? "Nông thôn (xã)"
                                                : "Thành thị (phường, thị trấn)");
      k.type(4);
      k.tap(k.wizard().next_button());
      REQUIRE(k.kiosk.top().name() == "self-check:thu-nhap");
      REQUIRE(k.wizard().showing_bands());
      CHECK(k.wizard().answer_buttons().size() == (province == "dong-nai" ? 5u : 3u));
      CHECK(k.painter.drew_text(
          "Mỗi tháng, cả nhà có tổng thu nhập khoảng bao nhiêu? Bấm vào một mức."));
      CHECK(k.wizard().type_amount_button().label() == "Nhập số tiền");
      CHECK(k.wizard().pad() == nullptr);
      k.check_targets();
      // The bands in one column, lowest first, each a full-height target.
      const auto& b = k.wizard().answer_buttons();
      for (std::size_t i = 0; i + 1 < b.size(); ++i) CHECK(b[i]->rect().y < b[i + 1]->rect().y);
      CHECK(k.wizard().type_amount_button().rect().y > b.back()->rect().bottom());
      // "Nhập số tiền" opens the digit keys; Back returns to the bands.
      k.tap(k.wizard().type_amount_button());
      CHECK_FALSE(k.wizard().showing_bands());
      REQUIRE(k.wizard().pad() != nullptr);
      k.check_targets();
      k.tap(k.kiosk.back_button());
      CHECK(k.kiosk.top().name() == "self-check:thu-nhap");
      CHECK(k.wizard().showing_bands());
    }
  }
}

TEST_CASE("A band chosen is kept by Back, forgotten when the size changes or the kiosk resets",
          "[kiosk][selfcheck][bands]") {
  Kiosk k(year{2026} / 6 / 1, "ha-giang");
  k.open();
  k.tap_answer("Nông thôn (xã)");
  k.type(4);
  k.tap(k.wizard().next_button());
  k.tap_answer("Trên 6.000.000 đến 9.000.000 đồng");
  CHECK(k.kiosk.top().name() == "self-check:viec-lam");
  const IncomeBand chosen{6000001, 9000000};
  CHECK(k.wizard().flow().income_band() == chosen);
  // Back: the bands again, the choice kept.
  k.tap(k.kiosk.back_button());
  REQUIRE(k.wizard().showing_bands());
  CHECK(k.wizard().flow().income_band() == chosen);
  // Typing an amount replaces the band.
  k.tap(k.wizard().type_amount_button());
  CHECK_FALSE(k.wizard().flow().income_band());
  CHECK_FALSE(k.wizard().next_button().enabled());
  k.tap(k.kiosk.back_button());
  k.tap_answer("Trên 6.000.000 đến 9.000.000 đồng");
  // Another household size: the band's amounts no longer fit, so it is asked again.
  k.tap(k.kiosk.back_button());
  k.tap(k.kiosk.back_button());
  REQUIRE(k.kiosk.top().name() == "self-check:so-nguoi");
  CHECK(k.wizard().flow().income_band() == chosen);
  k.type(5);
  CHECK_FALSE(k.wizard().flow().income_band());
  k.tap(k.wizard().next_button());
  CHECK(k.wizard().answer_buttons()[1]->label() == "Trên 7.500.000 đến 11.250.000 đồng");
  k.tap_answer("Từ 7.500.000 đồng trở xuống");
  CHECK(k.wizard().flow().income_band() == IncomeBand{0, 7500000});
  // The idle reset clears the choice.
  const config::KioskSettings::Idle idle;
  k.kiosk.update(idle.warn_after);
  k.kiosk.update(idle.warning_length);
  k.draw();
  REQUIRE(k.kiosk.top().name() == "home");
  k.open();
  CHECK_FALSE(k.wizard().flow().income_band());
  CHECK_FALSE(k.wizard().flow().answered(2));
}

TEST_CASE("Nghe on the bands reads the bands' own question", "[kiosk][selfcheck][bands][listen]") {
  const auto data = std::filesystem::temp_directory_path() / "tinxa-selfcheck-bands-listen";
  std::filesystem::remove_all(data);
  const auto folder = data / "narration" / sample_bundle().info.id;
  std::filesystem::create_directories(folder);
  const std::string key = content::question_narration_key(content::kHouseholdQuestionOwner,
                                                          content::kIncomeBandsQuestion, "vi");
  CHECK(key == "question.ho-gia-dinh.thu-nhap-muc.vi");
  const auto bands_file = folder / (key + "-0123456789abcdef.ogg");
  std::ofstream(bands_file) << "x";
  const auto typed_file = folder / "question.ho-gia-dinh.thu-nhap.vi-0123456789abcdef.ogg";
  std::ofstream(typed_file) << "x";
  Kiosk k(year{2026} / 6 / 1, "ha-giang", data);
  k.open();
  k.tap_answer("Nông thôn (xã)");
  k.type(2);
  k.tap(k.wizard().next_button());
  REQUIRE(k.wizard().showing_bands());
  CHECK(k.wizard().narration_file() == bands_file);
  k.tap(k.wizard().listen_button());
  REQUIRE(k.speaker.plays.size() == 1);
  CHECK(k.speaker.plays[0] == bands_file);
  CHECK(k.speaker.subject() == "question:ho-gia-dinh.thu-nhap-muc");
  // The digit keys keep the typed question's narration.
  k.tap(k.wizard().type_amount_button());
  CHECK(k.wizard().narration_file() == typed_file);
  std::filesystem::remove_all(data);
}
