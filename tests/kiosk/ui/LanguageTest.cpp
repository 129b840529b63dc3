// The language switch and the kiosk's own words (UiText): after choosing English at home every
// screen's fixed words are English, a language without a table falls back to Vietnamese, and the
// session reset returns to Vietnamese. Recording painter, virtual clock, sample content.
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/PageScreen.hpp"
#include "kiosk/ui/SearchScreen.hpp"
#include "kiosk/ui/UiText.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;
using std::chrono::year;
using ui::UiText;

namespace {

// The Vietnamese words that are on the home screen and its bar before a language is chosen.
constexpr std::string_view kVietnameseHome[] = {"Quay lại", "Trang chủ",      "Tìm kiếm",
                                                "Chữ to",   "Tương phản cao", "Tự kiểm tra"};

struct Kiosk : test::UiFixture {
  explicit Kiosk(const content::Bundle& b = test::sample_bundle())
      : UiFixture(b, {year{2026} / 11 / 28, 14h + 30min}) {
    site.commune_name = "Xã Tân Lập";
    kiosk.set_self_check([](const ui::Theme&, ui::Navigator&, const std::string&) {
      return std::unique_ptr<ui::Screen>{};  // the tile only: the wizard has its own test
    });
    draw();
  }

  const ui::HomeScreen& home() const {
    const auto* screen = dynamic_cast<const ui::HomeScreen*>(&kiosk.top());
    REQUIRE(screen != nullptr);
    return *screen;
  }
  // Taps the language switch's button named `name` ("English", "Tiếng Việt", ...).
  void choose(std::string_view name) {
    for (const auto& b : home().language_buttons()) {
      if (b->label() == name) {
        tap(b->rect().center());
        return;
      }
    }
    FAIL("no language button " << name);
  }
  const ui::SearchScreen& search() const {
    const auto* screen = dynamic_cast<const ui::SearchScreen*>(&kiosk.top());
    REQUIRE(screen != nullptr);
    return *screen;
  }
  bool has_key(std::string_view label) const {
    const auto& keys = search().keys();
    return std::any_of(keys.begin(), keys.end(), [&](const auto& k) { return k.label == label; });
  }
};

}  // namespace

TEST_CASE("Every kiosk text has its Vietnamese, and English where the table has it",
          "[kiosk][ui][language]") {
  for (std::size_t i = 0; i < static_cast<std::size_t>(UiText::count_); ++i) {
    const auto key = static_cast<UiText>(i);
    INFO("text " << i);
    CHECK_FALSE(ui::ui_text(key, "vi").empty());
    CHECK_FALSE(ui::ui_text(key, "en").empty());
    // A language the kiosk has no words for shows the Vietnamese ones.
    CHECK(ui::ui_text(key, "km") == ui::ui_text(key, "vi"));
    CHECK(ui::ui_text(key, "") == ui::ui_text(key, "vi"));
  }
  CHECK(ui::ui_text(UiText::home, "en") == "Home");
  CHECK(ui::ui_text(UiText::back, "en") == "Back");
  CHECK(ui::ui_text(UiText::still_here, "vi") == "Tôi vẫn đang xem");
  CHECK(ui::ui_format(UiText::progress, "vi", {"3", "15"}) == "Câu 3/15");
  CHECK(ui::ui_format(UiText::progress, "en", {"3", "15"}) == "Question 3/15");
  CHECK(ui::ui_format(UiText::progress, "en", {"3"}) == "Question 3/{}");  // a value missing
  CHECK(ui::has_ui_language("vi"));
  CHECK(ui::has_ui_language("en"));
  CHECK_FALSE(ui::has_ui_language("km"));
  CHECK(ui::ui_language("km") == "vi");
  CHECK(ui::ui_language("en") == "en");
}

TEST_CASE("English at home redraws the bar and home in English", "[kiosk][ui][language]") {
  Kiosk k;
  k.kiosk.set_next_broadcast("17:00 Bản tin buổi chiều");
  k.draw();
  for (const auto words : kVietnameseHome) CHECK(k.painter.drew_text(words));
  CHECK(k.painter.drew_text("Phát thanh tiếp theo: 17:00 Bản tin buổi chiều"));
  const ui::Button* english = nullptr;
  for (const auto& b : k.home().language_buttons()) {
    if (b->label() == "English") english = b.get();
  }
  REQUIRE(english != nullptr);
  const ui::Point at = english->rect().center();
  CHECK_FALSE(k.kiosk.needs_redraw());
  (void)k.kiosk.input(ui::Action::make_press(at));
  (void)k.kiosk.input(ui::Action::make_tap(at));
  CHECK(k.kiosk.language() == "en");
  CHECK(k.kiosk.needs_redraw());
  k.draw();
  // Everything visible is English now: the bar, the switches, the drawn tiles, the heading.
  for (const auto words : kVietnameseHome) {
    INFO(words);
    CHECK_FALSE(k.painter.drew_text(words));
  }
  CHECK(k.kiosk.home_button().label() == "Home");
  CHECK(k.kiosk.back_button().label() == "Back");
  CHECK(k.kiosk.search_button().label() == "Search");
  CHECK(k.painter.drew_text("Large text"));
  CHECK(k.painter.drew_text("High contrast"));
  CHECK(k.painter.drew_text("Poverty self-check"));
  CHECK(k.painter.drew_text("Sustainable poverty reduction"));
  CHECK(k.painter.drew_text("Saturday, 28/11/2026 14:30"));  // the bar's clock
  CHECK(k.painter.drew_text("Next on the loudspeakers: 17:00 Bản tin buổi chiều"));
  CHECK_FALSE(k.painter.drew_text("Phát thanh tiếp theo"));
  CHECK_FALSE(k.painter.drew_text("Thứ Bảy"));
  // The switch itself still names each language in its own words.
  CHECK(k.painter.drew_text("Tiếng Việt"));
  test::check_targets(k.kiosk.theme(), k.painter.targets, "home in English");

  // Back to Vietnamese by the switch.
  k.choose("Tiếng Việt");
  CHECK(k.kiosk.home_button().label() == "Trang chủ");
  for (const auto words : kVietnameseHome) CHECK(k.painter.drew_text(words));
  CHECK(k.painter.drew_text("Thứ Bảy, 28/11/2026 14:30"));
}

TEST_CASE("After English at home, search, pages and the idle warning speak English",
          "[kiosk][ui][language]") {
  Kiosk k;
  k.kiosk.set_speaker(&k.speaker);
  k.draw();
  k.choose("English");

  // Search: its words, its command keys (the letters stay the Vietnamese alphabet), its results.
  k.tap(k.home().search_button().rect().center());
  REQUIRE(k.kiosk.top().name() == "search");
  CHECK(k.painter.drew_text("Type what to look for"));
  CHECK(k.painter.drew_text("Touch the letters below"));
  CHECK(k.painter.drew_text("Tones"));
  CHECK(k.has_key("Erase"));
  CHECK(k.has_key("Space"));
  CHECK(k.has_key("Clear"));
  CHECK(k.has_key("ư"));
  CHECK_FALSE(k.painter.drew_text("Gõ chữ cần tìm"));
  CHECK_FALSE(k.painter.drew_text("Xoá"));
  for (const char* c : {"c", "h", "u", "a", "n", " ", "n", "g", "h", "e", "o"}) {
    (void)k.kiosk.input(ui::Action::make_text(c));
  }
  k.draw();
  REQUIRE_FALSE(k.search().rows().empty());
  CHECK(k.painter.drew_text("pages found. Touch one to read it"));
  CHECK(k.painter.drew_text("The poverty standard 2022–2026"));  // the page's English title
  CHECK(k.kiosk.back_button().label() == "Back");
  for (const char* c : {"q", "q", "q"}) (void)k.kiosk.input(ui::Action::make_text(c));
  k.draw();
  CHECK(k.painter.drew_text("No page contains"));
  CHECK(k.painter.drew_text("Try fewer words"));
  test::check_targets(k.kiosk.theme(), k.painter.targets, "search in English");

  // A page: the scroll buttons and the "Nghe" bar.
  k.kiosk.open_category("chuan-ngheo");
  k.kiosk.open_page("chuan-ngheo-2022-2026");
  k.draw();
  const auto* page = dynamic_cast<const ui::PageScreen*>(&k.kiosk.top());
  REQUIRE(page != nullptr);
  CHECK(page->up_button().label() == "Up");
  CHECK(page->listen_bar().play_label() == "Listen");
  CHECK(k.painter.drew_text("Back"));
  CHECK(k.painter.drew_text("Home"));
  CHECK_FALSE(k.painter.drew_text("Quay lại"));
  CHECK_FALSE(k.painter.drew_text("Lên"));
  test::check_targets(k.kiosk.theme(), k.painter.targets, "page in English");

  // The idle warning.
  k.kiosk.update(60s);
  REQUIRE(k.kiosk.idle_warning_shown());
  k.draw();
  CHECK(k.painter.drew_text("Are you still reading?"));
  CHECK(k.painter.drew_text("in 20 seconds"));
  CHECK(k.painter.drew_text("I am still reading"));
  CHECK_FALSE(k.painter.drew_text("Tôi vẫn đang xem"));
}

TEST_CASE("A language the kiosk has no words for shows them in Vietnamese",
          "[kiosk][ui][language]") {
  content::Bundle bundle = test::sample_bundle();
  bundle.info.languages.push_back("km");
  Kiosk k(bundle);
  k.choose("ខ្មែរ");
  CHECK(k.kiosk.language() == "km");
  CHECK(k.kiosk.home_button().label() == "Trang chủ");
  CHECK(k.painter.drew_text("Chữ to"));
  CHECK(k.painter.drew_text("Giảm nghèo bền vững"));  // the content has no Khmer either
  k.tap(k.home().search_button().rect().center());
  CHECK(k.painter.drew_text("Gõ chữ cần tìm"));
  CHECK(k.has_key("Xoá"));
}

TEST_CASE("The session reset returns to Vietnamese", "[kiosk][ui][language][idle]") {
  Kiosk k;
  k.choose("English");
  k.kiosk.open_search();
  k.draw();
  REQUIRE(k.painter.drew_text("Type what to look for"));
  // Nobody answers the warning: home, in Vietnamese, for the next resident.
  for (int i = 0; i < 80; ++i) k.kiosk.update(1s);
  k.draw();
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.kiosk.language() == "vi");
  CHECK(k.kiosk.home_button().label() == "Trang chủ");
  for (const auto words : kVietnameseHome) CHECK(k.painter.drew_text(words));
  CHECK_FALSE(k.painter.drew_text("Large text"));
  k.kiosk.open_search();
  k.draw();
  CHECK(k.painter.drew_text("Gõ chữ cần tìm"));
}

TEST_CASE("A page's source lines and notice labels follow the language", "[kiosk][language]") {
  using namespace std::chrono;
  content::Source source;
  source.document = "Nghị định 07/2021/NĐ-CP";
  source.article = "Điều 3";
  source.issued = year{2021} / January / 28;
  source.status = content::SourceStatus::partial;
  CHECK(ui::PageScreen::source_line(source, "vi") ==
        "Nghị định 07/2021/NĐ-CP, Điều 3, ngày 28/01/2021 (mới xác minh một phần)");
  CHECK(ui::PageScreen::source_line(source, "en") ==
        "Nghị định 07/2021/NĐ-CP, Điều 3, 28/01/2021 (partly verified)");
  source.status = content::SourceStatus::unverified;
  CHECK(ui::PageScreen::source_line(source, "en").ends_with("(NOT VERIFIED)"));
  CHECK(ui::PageScreen::notice_label(content::NoticeKind::unverified, "vi") ==
        "CHƯA XÁC MINH — cần hỏi lại cán bộ xã");
  CHECK(ui::PageScreen::notice_label(content::NoticeKind::unverified, "en") ==
        "NOT VERIFIED — ask the commune officer");
  // A language without the kiosk's words falls back to Vietnamese.
  CHECK(ui::PageScreen::notice_label(content::NoticeKind::warning, "km") == "Cần chú ý");
}
