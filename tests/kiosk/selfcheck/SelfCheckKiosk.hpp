#pragma once
// The kiosk with the self-check tile, driven by taps (SelfCheckTest.cpp, IncomeBandsTest.cpp):
// sample content and standards, a recording painter, a recording speaker and a virtual clock.
#include "content/eligibility/Eligibility.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/selfcheck/IncomeBands.hpp"
#include "kiosk/ui/selfcheck/SelfCheckScreen.hpp"
#include "kiosk/ui/selfcheck/SelfCheckSetup.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

namespace tinxa::kiosk::test::selfcheck {

using namespace tinxa::kiosk;
using std::chrono::year_month_day;
using Screen = ui::selfcheck::SelfCheckScreen;
using Flow = ui::selfcheck::SelfCheckFlow;

inline const std::filesystem::path kSample =
    std::filesystem::path(TINXA_SOURCE_DIR) / "content/sample";

using test::sample_bundle;

inline const std::vector<content::Standard>& sample_standards() {
  static const std::vector<content::Standard> standards = [] {
    std::ostringstream log;
    auto loaded = ui::selfcheck::load_kiosk_standards(kSample, sample_bundle(), log);
    INFO(log.str());
    REQUIRE(loaded.size() == 3);
    return loaded;
  }();
  return standards;
}

// The kiosk at 1920x1080 on 21.5", in `province`, at noon of `day`, with the self-check tile.
struct Kiosk : test::UiFixture {
  Kiosk(year_month_day day, std::string province, std::filesystem::path data_dir = {})
      : UiFixture(sample_bundle(), {day, std::chrono::hours{12}}) {
    site.commune_name = "Xã Tân Lập";
    site.province = std::move(province);
    site.data_dir = std::move(data_dir);
    kiosk.set_usage_sink([this](ui::UsageEvent event, const std::string& subject) {
      events.emplace_back(event, subject);
    });
    kiosk.set_self_check(ui::selfcheck::self_check_factory(sample_standards(), sample_bundle(),
                                                           site, clock, zone, &speaker));
    draw();
  }

  using UiFixture::tap;
  void tap(const ui::Button& b) {
    REQUIRE(b.enabled());
    tap(b.rect().center());
  }

  const ui::HomeScreen* home() const { return dynamic_cast<const ui::HomeScreen*>(&kiosk.top()); }
  const Screen& wizard() const {
    const auto* s = dynamic_cast<const Screen*>(&kiosk.top());
    REQUIRE(s != nullptr);
    return *s;
  }
  void open() {
    REQUIRE(home() != nullptr);
    REQUIRE_FALSE(home()->self_check_tile().empty());
    tap(home()->self_check_tile().center());
    REQUIRE(kiosk.top().name().rfind("self-check:", 0) == 0);
  }

  void tap_answer(const std::string& label) {
    for (const auto& b : wizard().answer_buttons()) {
      if (b->label() == label) {
        tap(*b);
        return;
      }
    }
    FAIL("no answer button \"" << label << "\" on " << kiosk.top().name());
  }
  void type(std::int64_t value) {
    const auto* pad = wizard().pad();
    REQUIRE(pad != nullptr);
    // Erase what is there, then type digit by digit on the keys.
    while (!wizard().pad()->digits().empty()) tap_key("Xoá");
    for (const char c : std::to_string(value)) tap_key(std::string(1, c));
  }
  void tap_key(const std::string& label) {
    for (const auto& key : wizard().pad()->keys()) {
      if (key.label == label) {
        tap(key.rect.center());
        return;
      }
    }
    FAIL("no key " << label);
  }

  // Answers every question by touch as `answers` says.
  void walk(const content::Answers& answers) {
    open();
    while (!wizard().flow().at_result()) {
      const Flow::Step& step = wizard().flow().step();
      INFO(kiosk.top().name());
      check_targets();
      switch (step.kind) {
        case Flow::StepKind::area:
          tap_answer(answers.area == content::Area::rural ? "Nông thôn (xã)"
                                                          : "Thành thị (phường, thị trấn)");
          break;
        case Flow::StepKind::members:
          type(answers.members);
          tap(wizard().next_button());
          break;
        case Flow::StepKind::income:
          REQUIRE(wizard().showing_bands());
          if (answers.income.low != answers.income.high) {
            tap_band(answers.income);
            break;
          }
          tap(wizard().type_amount_button());
          REQUIRE_FALSE(wizard().showing_bands());
          check_targets();
          tap(answers.income.per == content::IncomePeriod::month ? wizard().per_month_button()
                                                                 : wizard().per_year_button());
          type(answers.income.low);
          tap(wizard().next_button());
          break;
        case Flow::StepKind::indicator: {
          const auto it = answers.indicators.find(step.id);
          REQUIRE(it != answers.indicators.end());
          const auto& a = it->second;
          const auto& q = step.indicator->question;
          if (std::holds_alternative<content::AnswerUnknown>(a)) {
            if (q.kind == content::AnswerKind::count || q.kind == content::AnswerKind::area_m2) {
              tap(wizard().unknown_button());
            } else {
              tap_answer("Không biết");
            }
          } else if (const auto* yn = std::get_if<content::YesNo>(&a)) {
            tap_answer(*yn == content::YesNo::yes ? "Có" : "Không");
          } else if (const auto* id = std::get_if<std::string>(&a)) {
            const auto option = std::find_if(q.options.begin(), q.options.end(),
                                             [&](const auto& o) { return o.id == *id; });
            REQUIRE(option != q.options.end());
            tap_answer(option->text.get("vi"));
          } else {
            double number = 0;
            if (const auto* n = std::get_if<std::int64_t>(&a)) number = double(*n);
            if (const auto* d = std::get_if<double>(&a)) number = *d;
            REQUIRE(number == std::floor(number));
            type(static_cast<std::int64_t>(number));
            tap(wizard().next_button());
          }
          break;
        }
      }
    }
    draw();
  }

  // Taps the band button whose engine answer is `income`.
  void tap_band(const content::IncomeAnswer& income) {
    const auto bands = wizard().flow().income_bands();
    const int members = wizard().flow().members().value_or(1);
    REQUIRE(bands.size() == wizard().answer_buttons().size());
    for (std::size_t i = 0; i < bands.size(); ++i) {
      const auto a = ui::selfcheck::income_answer(bands[i], members);
      if (a.low == income.low && a.high == income.high && a.per == income.per) {
        tap(*wizard().answer_buttons()[i]);
        return;
      }
    }
    FAIL("no band " << income.low << " - " << income.high);
  }

  // Every touch target drawn is at least 16 mm, and any two are 2.5 mm apart.
  void check_targets() {
    draw();
    test::check_targets(kiosk.theme(), painter.targets, kiosk.top().name());
  }

  std::vector<std::pair<ui::UsageEvent, std::string>> events;
};

}  // namespace tinxa::kiosk::test::selfcheck
