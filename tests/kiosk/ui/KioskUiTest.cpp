#include "kiosk/ui/CategoryScreen.hpp"
#include "kiosk/ui/DocumentScreen.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

namespace {

using test::check_targets;
using test::sample_bundle;

// The kiosk as a resident meets it: sample content, 1920x1080 at 21.5", Saturday 28/11/2026
// 14:30 in Hồ Chí Minh City, drawn into a recording painter.
struct Kiosk : test::UiFixture {
  explicit Kiosk(const content::Bundle& b = sample_bundle(),
                 ui::TextScale scale = ui::TextScale::normal)
      : UiFixture(b, {year{2026} / 11 / 28, 14h + 30min}, test::default_theme(scale)) {
    site.commune_name = "Xã Tân Lập";
    draw();
  }

  const ui::HomeScreen& home() const { return dynamic_cast<const ui::HomeScreen&>(kiosk.top()); }
};

// Every touch target drawn on the screen shown keeps its size and distance.
void check_targets(const Kiosk& k) {
  check_targets(k.kiosk.theme(), k.painter.targets, k.kiosk.top().name());
}

}  // namespace

TEST_CASE(
    "The home screen shows the commune, the Vietnamese date and time, and a tile per "
    "category",
    "[kiosk][ui][home]") {
  Kiosk k;
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.painter.drew_text("Xã Tân Lập"));
  CHECK(k.painter.drew_text("Thứ Bảy, 28/11/2026 14:30"));
  CHECK(k.home().tiles().size() == sample_bundle().categories.size());
  CHECK(k.painter.drew_text("Chương trình giảm nghèo"));
  CHECK(k.painter.drew_text("Chữ to"));
  CHECK(k.painter.drew_text("Tương phản cao"));
}

TEST_CASE("On a narrow portrait panel the bar's clock shortens instead of covering the buttons",
          "[kiosk][ui][home]") {
  // A 720x1280 portrait panel from 30" down to 8": the buttons grow (16 mm each) and leave less
  // room; the clock drops the weekday, then the date, then itself, and never covers a button.
  const std::vector<std::string> forms{"Thứ Bảy, 28/11/2026 14:30", "28/11/2026 14:30", "14:30",
                                       ""};
  std::size_t previous = 0;
  std::set<std::size_t> seen;
  for (double inches = 30.0; inches >= 8.0; inches -= 0.5) {
    config::KioskSettings::Display display;
    display.width_px = 720;
    display.height_px = 1280;
    display.diagonal_inches = inches;
    test::UiFixture k(sample_bundle(), {year{2026} / 11 / 28, 14h + 30min},
                      ui::Theme(ui::DisplayMetrics::from_settings(display),
                                ui::ContrastMode::normal, ui::TextScale::normal));
    k.draw();
    INFO("720x1280 at " << inches << "\"");
    const auto* clock = k.painter.find_text("14:30");
    const std::string drawn = clock != nullptr ? clock->text : "";
    const auto form =
        static_cast<std::size_t>(std::find(forms.begin(), forms.end(), drawn) - forms.begin());
    REQUIRE(form < forms.size());
    CHECK(form >= previous);  // a smaller panel never shows more of it
    previous = form;
    seen.insert(form);
    if (clock == nullptr) continue;
    const int bar_bottom = k.kiosk.theme().bar_height_px();
    for (const auto& target : k.painter.targets) {
      if (target.y < bar_bottom) CHECK(clock->at.x >= target.right());
    }
    CHECK(clock->at.x + test::RecordingPainter::width_of(clock->text, clock->style.size_px) <= 720);
  }
  CHECK(seen == std::set<std::size_t>{0, 1, 2, 3});
}

TEST_CASE("The clock in the bar follows the virtual clock, and a new minute asks for a redraw",
          "[kiosk][ui][home]") {
  Kiosk k;
  CHECK_FALSE(k.kiosk.needs_redraw());
  k.clock.advance(20s);
  k.kiosk.update(0ms);
  CHECK_FALSE(k.kiosk.needs_redraw());  // still 14:30
  k.clock.advance(40s);
  k.kiosk.update(0ms);
  CHECK(k.kiosk.needs_redraw());
  k.draw();
  CHECK(k.painter.drew_text("Thứ Bảy, 28/11/2026 14:31"));
}

TEST_CASE("Every touch target is at least 16 mm with 2.5 mm gaps at 1920x1080 on 21.5 inches",
          "[kiosk][ui][targets]") {
  for (const auto scale : {ui::TextScale::normal, ui::TextScale::large}) {
    Kiosk k(sample_bundle(), scale);
    check_targets(k);  // home
    for (const auto& category : sample_bundle().categories) {
      k.kiosk.go_home();
      k.kiosk.open_category(category.id);
      k.draw();
      check_targets(k);
    }
    k.kiosk.open_page("bao-hiem-y-te");
    k.draw();
    check_targets(k);
  }
}

TEST_CASE("A tile acts when the finger lifts, not when it goes down", "[kiosk][ui][input]") {
  Kiosk k;
  const auto& tile = k.home().tiles().at(1);
  const std::string id = tile.category->id;
  const ui::Point p = tile.rect.center();
  (void)k.kiosk.input(ui::Action::make_press(p));
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.kiosk.needs_redraw());  // the pressed look
  (void)k.kiosk.input(ui::Action::make_tap(p));
  CHECK(k.kiosk.top().name() == "category:" + id);
}

TEST_CASE("A finger that drags off a tile does not open it", "[kiosk][ui][input]") {
  Kiosk k;
  const ui::Point p = k.home().tiles().at(0).rect.center();
  (void)k.kiosk.input(ui::Action::make_press(p));
  (void)k.kiosk.input(ui::Action::make_cancel());
  (void)k.kiosk.input(ui::Action::make_drag({p.x + 100, p.y}, {100, 0}));
  (void)k.kiosk.input(ui::Action::make_drag_end({p.x + 100, p.y}, 0.0));
  CHECK(k.kiosk.top().name() == "home");
}

TEST_CASE("Home and Back stay in the same place, Home returns home and Back goes up one level",
          "[kiosk][ui][navigation]") {
  Kiosk k;
  const ui::Rect back = k.kiosk.back_button().rect();
  const ui::Rect home = k.kiosk.home_button().rect();
  CHECK_FALSE(k.kiosk.back_button().enabled());  // at home: shown, but there is nowhere to go

  k.tap(k.home().tiles().at(1).rect.center());
  REQUIRE(k.kiosk.top().name() == "category:chuan-ngheo");
  const auto& category = dynamic_cast<const ui::CategoryScreen&>(k.kiosk.top());
  REQUIRE(!category.pages().empty());
  const ui::Rect row = category.document().links().at(0);
  const ui::Rect viewport = category.viewport();
  k.tap({viewport.x + row.x + row.width / 2, viewport.y + row.y + row.height / 2});
  CHECK(k.kiosk.top().name() == "page:" + category.pages().at(0)->id);
  CHECK(k.kiosk.depth() == 3);
  CHECK(k.kiosk.back_button().rect() == back);
  CHECK(k.kiosk.home_button().rect() == home);

  k.tap(back.center());
  CHECK(k.kiosk.top().name() == "category:chuan-ngheo");
  k.tap(home.center());
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.kiosk.depth() == 1);
}

TEST_CASE("The Back and Home keys do what the buttons do, and Back at home stays home",
          "[kiosk][ui][navigation]") {
  Kiosk k;
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
  CHECK(k.kiosk.top().name() == "home");
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("hoc-phi");
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
  CHECK(k.kiosk.top().name() == "category:chinh-sach");
  k.kiosk.open_page("hoc-phi");
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::home));
  CHECK(k.kiosk.top().name() == "home");
}

TEST_CASE("A page not valid today is not listed, and appears on its first day",
          "[kiosk][ui][validity]") {
  content::Bundle bundle;
  bundle.info.title = content::LocalizedText("Thử nghiệm");
  content::Category c;
  c.id = "c";
  c.title = content::LocalizedText("Mục thử");
  bundle.categories.push_back(c);
  content::Category empty;
  empty.id = "het-han";
  empty.title = content::LocalizedText("Chỉ có trang hết hạn");
  bundle.categories.push_back(empty);
  auto page = [&](std::string id, std::string category, std::optional<year_month_day> from,
                  std::optional<year_month_day> until) {
    content::Page p;
    p.id = std::move(id);
    p.category = std::move(category);
    p.title = content::LocalizedText("Trang " + p.id);
    p.summary = content::LocalizedText("Tóm tắt");
    p.validity = {from, until};
    p.body.push_back(content::Paragraph{content::LocalizedText("Nội dung")});
    return p;
  };
  bundle.pages.push_back(page("a-het-han", "c", year{2025} / 1 / 1, year{2026} / 11 / 27));
  bundle.pages.push_back(page("b-hom-nay", "c", year{2026} / 1 / 1, year{2026} / 11 / 28));
  bundle.pages.push_back(page("c-sap-toi", "c", year{2026} / 11 / 29, std::nullopt));
  bundle.pages.push_back(page("d-cu", "het-han", std::nullopt, year{2026} / 1 / 1));

  Kiosk k(bundle);
  REQUIRE(k.home().tiles().size() == 1);  // the category with only expired pages has no tile
  k.tap(k.home().tiles().at(0).rect.center());
  const auto* list = dynamic_cast<const ui::CategoryScreen*>(&k.kiosk.top());
  REQUIRE(list != nullptr);
  REQUIRE(list->pages().size() == 1);
  CHECK(list->pages()[0]->id == "b-hom-nay");
  CHECK_FALSE(k.painter.drew_text("Trang a-het-han"));

  // Two days later: today's page has expired and the coming one is shown.
  k.clock.advance(std::chrono::hours{48});
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::home));
  k.draw();
  k.tap(k.home().tiles().at(0).rect.center());
  list = dynamic_cast<const ui::CategoryScreen*>(&k.kiosk.top());
  REQUIRE(list != nullptr);
  REQUIRE(list->pages().size() == 1);
  CHECK(list->pages()[0]->id == "c-sap-toi");
}

TEST_CASE("A page shows its table, its unverified notice marked, its sources and update date",
          "[kiosk][ui][page]") {
  Kiosk k;
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("bao-hiem-y-te");
  k.draw();
  CHECK(k.kiosk.top().name() == "page:bao-hiem-y-te");
  CHECK(k.painter.drew_text("Bảo hiểm y tế cho hộ nghèo"));
  CHECK(k.painter.drew_text("Đối tượng"));  // a table header cell
  // The sources and the date are at the end of the document, below the first screen.
  const auto& doc = dynamic_cast<const ui::DocumentScreen&>(k.kiosk.top()).document();
  const auto has = [&](std::string_view s) {
    return std::any_of(doc.ops().begin(), doc.ops().end(),
                       [&](const auto& op) { return op.text.find(s) != std::string::npos; });
  };
  CHECK(has("CHƯA XÁC MINH"));
  CHECK(has("Nguồn thông tin:"));
  CHECK(has("Nghị định"));
  CHECK(has("Cập nhật ngày "));
}

TEST_CASE("The Down button scrolls a long page and Up brings it back", "[kiosk][ui][scroll]") {
  Kiosk k;
  k.kiosk.open_category("hoi-o-dau");
  k.kiosk.open_page("cau-hoi-thuong-gap");
  k.draw();
  const auto& page = dynamic_cast<const ui::DocumentScreen&>(k.kiosk.top());
  REQUIRE(page.max_scroll_offset() > 0);
  CHECK(page.scroll_offset() == 0);
  // The Down button is the lowest target on the right.
  const auto down =
      *std::max_element(k.painter.targets.begin(), k.painter.targets.end(),
                        [](const ui::Rect& a, const ui::Rect& b) { return a.x + a.y < b.x + b.y; });
  k.tap(down.center());
  CHECK(k.kiosk.animating());
  for (int i = 0; i < 200 && k.kiosk.animating(); ++i) k.kiosk.update(16ms);
  CHECK_FALSE(k.kiosk.animating());
  CHECK(page.scroll_offset() > page.viewport().height / 2);
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::scroll_up));
  for (int i = 0; i < 200 && k.kiosk.animating(); ++i) k.kiosk.update(16ms);
  CHECK(page.scroll_offset() == 0);
}

TEST_CASE("Dragging moves the page with the finger and a fling coasts to a stop",
          "[kiosk][ui][scroll]") {
  Kiosk k;
  k.kiosk.open_category("hoi-o-dau");
  k.kiosk.open_page("cau-hoi-thuong-gap");
  k.draw();
  const auto& page = dynamic_cast<const ui::DocumentScreen&>(k.kiosk.top());
  const ui::Point c = page.viewport().center();
  (void)k.kiosk.input(ui::Action::make_press(c));
  (void)k.kiosk.input(ui::Action::make_cancel());
  (void)k.kiosk.input(ui::Action::make_drag({c.x, c.y - 100}, {0, -100}));
  CHECK(page.scroll_offset() == 100);
  (void)k.kiosk.input(ui::Action::make_drag_end({c.x, c.y - 100}, -1500.0));
  CHECK(k.kiosk.animating());
  int frames = 0;
  while (k.kiosk.animating() && frames < 1000) {
    k.kiosk.update(16ms);
    ++frames;
  }
  CHECK_FALSE(k.kiosk.animating());
  CHECK(frames < 200);  // it stops by itself within about three seconds
  CHECK(page.scroll_offset() > 300);
  CHECK(page.scroll_offset() <= page.max_scroll_offset());
}

TEST_CASE("The large-text switch on the home screen enlarges the text everywhere",
          "[kiosk][ui][switches]") {
  Kiosk k;
  const int before = k.kiosk.theme().body().size_px;
  const auto* label = k.painter.find_text("Chữ to");
  REQUIRE(label != nullptr);
  k.tap({label->at.x + 10, label->at.y + 10});
  CHECK(k.kiosk.theme().text_scale() == ui::TextScale::large);
  CHECK(k.kiosk.theme().body().size_px > before);
  const auto* contrast = k.painter.find_text("Tương phản cao");
  REQUIRE(contrast != nullptr);
  k.tap({contrast->at.x + 10, contrast->at.y + 10});
  CHECK(k.kiosk.theme().contrast() == ui::ContrastMode::high);
  check_targets(k);
}

TEST_CASE("After a minute without a touch a warning asks whether the resident is still reading",
          "[kiosk][ui][idle]") {
  Kiosk k;
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("hoc-phi");
  k.kiosk.update(59s);
  CHECK_FALSE(k.kiosk.idle_warning_shown());
  CHECK(k.kiosk.idle_wakeup() == 1s);
  k.kiosk.update(1s);
  REQUIRE(k.kiosk.idle_warning_shown());
  k.draw();
  CHECK(k.painter.drew_text("Tôi vẫn đang xem"));
  CHECK(k.painter.drew_text("sau 20 giây"));
  k.kiosk.update(5s);
  k.draw();
  CHECK(k.painter.drew_text("sau 15 giây"));
  check_targets(k);  // the button, and the bar and page below it, keep their sizes

  // "Tôi vẫn đang xem": the warning goes and the page stays.
  k.tap(k.kiosk.still_here_button().rect().center());
  CHECK_FALSE(k.kiosk.idle_warning_shown());
  CHECK(k.kiosk.top().name() == "page:hoc-phi");
  k.kiosk.update(59s);
  CHECK_FALSE(k.kiosk.idle_warning_shown());  // the minute starts again from the last touch
}

TEST_CASE("When nobody answers the warning the kiosk returns home and clears the session",
          "[kiosk][ui][idle]") {
  Kiosk k;
  k.kiosk.toggle_large_text();
  k.kiosk.toggle_high_contrast();
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("hoc-phi");
  for (int i = 0; i < 80; ++i) k.kiosk.update(1s);
  CHECK_FALSE(k.kiosk.idle_warning_shown());
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.kiosk.depth() == 1);
  CHECK(k.kiosk.theme().text_scale() == ui::TextScale::normal);
  CHECK(k.kiosk.theme().contrast() == ui::ContrastMode::normal);
}

TEST_CASE("An untouched home screen with the switches off never warns", "[kiosk][ui][idle]") {
  Kiosk k;
  for (int i = 0; i < 10; ++i) k.kiosk.update(60s);
  CHECK_FALSE(k.kiosk.idle_warning_shown());
  // Nothing to wake for but the ticker's next page (when it has more than one notice).
  CHECK((k.kiosk.idle_wakeup() >= 1h || k.kiosk.idle_wakeup() == k.kiosk.ticker().until_next()));
}

TEST_CASE("No text on any screen is smaller than 6 mm", "[kiosk][ui][text]") {
  Kiosk k;
  const int smallest = k.kiosk.theme().mm(6.0);
  auto check_texts = [&] {
    REQUIRE(!k.painter.texts.empty());
    for (const auto& t : k.painter.texts) {
      INFO(k.kiosk.top().name() << ": \"" << t.text << "\"");
      CHECK(t.style.size_px >= smallest);
    }
  };
  check_texts();
  for (const auto& category : sample_bundle().categories) {
    k.kiosk.go_home();
    k.kiosk.open_category(category.id);
    k.draw();
    check_texts();
    for (const auto* page : dynamic_cast<const ui::CategoryScreen&>(k.kiosk.top()).pages()) {
      k.kiosk.open_page(page->id);
      k.draw();
      check_texts();
      // The whole document, not just its first screen.
      const auto& doc = dynamic_cast<const ui::DocumentScreen&>(k.kiosk.top()).document();
      REQUIRE(!doc.ops().empty());
      for (const auto& op : doc.ops()) {
        if (op.kind == ui::DisplayList::Op::Kind::text) {
          INFO(page->id << ": \"" << op.text << "\"");
          CHECK(op.style.size_px >= smallest);
        }
      }
      k.kiosk.go_back();
    }
  }
}

TEST_CASE("100 000 random touches, drags, keys and clock steps never break the kiosk",
          "[kiosk][ui][monkey]") {
  Kiosk k;
  std::uint32_t state = 20261128u;  // a fixed seed: a failure can be replayed
  auto next = [&](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  const ui::Size screen = k.kiosk.theme().screen();
  auto random_point = [&] {
    return ui::Point{static_cast<int>(next(static_cast<std::uint32_t>(screen.width))),
                     static_cast<int>(next(static_cast<std::uint32_t>(screen.height)))};
  };
  std::size_t deepest = 0;
  for (int i = 0; i < 100'000; ++i) {
    const ui::Point p = random_point();
    switch (next(10)) {
      case 0:
      case 1:
      case 2:
      case 3:
        (void)k.kiosk.input(ui::Action::make_press(p));
        (void)k.kiosk.input(ui::Action::make_tap(p));
        break;
      case 4:
        (void)k.kiosk.input(ui::Action::make_press(p));
        break;
      case 5:
        (void)k.kiosk.input(ui::Action::make_drag(
            p, {static_cast<int>(next(401)) - 200, static_cast<int>(next(401)) - 200}));
        break;
      case 6:
        (void)k.kiosk.input(ui::Action::make_drag_end(p, static_cast<double>(next(8001)) - 4000.0));
        break;
      case 7:
        (void)k.kiosk.input(
            ui::Action::make(next(2) == 0 ? ui::ActionKind::back : ui::ActionKind::home));
        break;
      case 8: {
        // Page keys, and typing from a physical keyboard (Telex letters, a broken UTF-8 byte,
        // Backspace), which only the search screen takes.
        static constexpr const char* kTyped[] = {"a", "w", "d", "s", "f", "r", "x",    "j",
                                                 "z", "o", "e", "u", " ", "ư", "\xC3", "Đ"};
        const auto r = next(4);
        if (r < 2) {
          (void)k.kiosk.input(
              ui::Action::make(r == 0 ? ui::ActionKind::scroll_up : ui::ActionKind::scroll_down));
        } else if (r == 2) {
          (void)k.kiosk.input(ui::Action::make_text(kTyped[next(std::size(kTyped))]));
        } else {
          (void)k.kiosk.input(ui::Action::make(ui::ActionKind::erase));
        }
        break;
      }
      default:
        k.kiosk.update(std::chrono::milliseconds{next(3000)});
        if (next(50) == 0) k.clock.advance(std::chrono::hours{next(48)});
        break;
    }
    if (i % 16 == 0) k.draw();
    deepest = std::max(deepest, k.kiosk.depth());
    REQUIRE(k.kiosk.depth() >= 1);
    REQUIRE(k.kiosk.depth() <= 3);  // home, category or search, page: nothing stacks up
  }
  CHECK(deepest == 3);  // the monkey did reach pages
}
