// The search results scroll as a page does (ui::Scroller): drag with inertia, the Up/Down
// column, a tap on a row that opens it on release, the list back at the top at each new letter.
// Fingers go through the real PointerTracker (tap slop, fling speed) on a virtual time line.

#include "kiosk/ui/PointerTracker.hpp"
#include "kiosk/ui/SearchScreen.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <string>
#include <vector>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;
using std::chrono::year;

namespace {

// A Navigator that remembers the pages opened.
struct PageNavigator final : ui::Navigator {
  void open_category(const std::string&) override {}
  void open_page(const std::string& id) override { opened.push_back(id); }
  void open_search() override {}
  void go_home() override {}
  void go_back() override {}
  void toggle_large_text() override {}
  void toggle_high_contrast() override {}
  std::vector<std::string> opened;
};

// `n` pages whose titles all contain "nước": "Nước sạch số 1", ...
std::deque<content::Page> water_pages(int n) {
  std::deque<content::Page> pages;
  for (int i = 1; i <= n; ++i) {
    content::Page& p = pages.emplace_back();
    p.id = "nuoc-" + std::to_string(i);
    p.title = content::LocalizedText("Nước sạch số " + std::to_string(i));
    p.summary = content::LocalizedText("Trang thử");
  }
  return pages;
}

// One finger at a time through the real PointerTracker, its time line advanced by hand.
struct Finger {
  explicit Finger(int slop_px) : tracker(slop_px) {}

  // Down at `from`, `steps` moves 16 ms apart to `to`, then up (after `rest` without moving).
  template <typename Send>
  void stroke(ui::Point from, ui::Point to, int steps, std::chrono::milliseconds rest,
              Send&& send) {
    for (const auto& a : tracker.down(from, now)) send(a);
    for (int i = 1; i <= steps; ++i) {
      now += 16ms;
      const ui::Point at{from.x + (to.x - from.x) * i / steps,
                         from.y + (to.y - from.y) * i / steps};
      for (const auto& a : tracker.move(at, now)) send(a);
    }
    now += std::max(rest, std::chrono::milliseconds{1});
    for (const auto& a : tracker.up(to, now)) send(a);
  }

  ui::PointerTracker tracker;
  ui::PointerTracker::Clock::time_point now{};
};

// A search screen alone, below where the bar would be, on a 21.5" panel of `size`.
struct Search {
  explicit Search(std::deque<content::Page> owned, ui::Size size = {1920, 1080},
                  ui::TextScale scale = ui::TextScale::normal, std::string language = "vi")
      : theme(ui::DisplayMetrics::from_settings(config::KioskSettings{}.display, size),
              ui::ContrastMode::normal, scale),
        pages(std::move(owned)),
        screen(theme, navigator, pointers(pages), std::move(language)),
        finger(theme.slop_px()) {
    area = {0, theme.bar_height_px(), size.width, size.height - theme.bar_height_px()};
    screen.layout(area, painter);
    draw();
  }

  static std::vector<const content::Page*> pointers(const std::deque<content::Page>& pages) {
    std::vector<const content::Page*> out;
    for (const auto& p : pages) out.push_back(&p);
    return out;
  }

  void draw() {
    painter.clear();
    screen.render(painter);
  }
  void send(const ui::Action& action) { (void)screen.input(action); }
  void drag(ui::Point from, ui::Point to, std::chrono::milliseconds rest = 0ms) {
    finger.stroke(from, to, 8, rest, [this](const ui::Action& a) { send(a); });
    draw();
  }
  void tap(ui::Point at) {
    finger.stroke(at, at, 0, 0ms, [this](const ui::Action& a) { send(a); });
    draw();
  }
  // 16 ms frames until the list stands still; how many it took.
  int settle() {
    int frames = 0;
    while (screen.animating() && frames < 1000) {
      screen.update(16ms);
      ++frames;
    }
    draw();
    return frames;
  }
  const ui::SearchScreen::Key& key(const std::string& label) const {
    const auto& keys = screen.keys();
    const auto it = std::find_if(keys.begin(), keys.end(),
                                 [&](const ui::SearchScreen::Key& k) { return k.label == label; });
    REQUIRE(it != keys.end());
    return *it;
  }
  [[nodiscard]] bool is_target(const ui::Rect& r) const {
    return std::find(painter.targets.begin(), painter.targets.end(), r) != painter.targets.end();
  }
  [[nodiscard]] const ui::Rect& window() const { return screen.results_window(); }
  [[nodiscard]] int offset() const { return screen.scroller().offset(); }
  [[nodiscard]] int keyboard_top() const {
    int top = area.bottom();
    for (const auto& k : screen.keys()) top = std::min(top, k.rect.y);
    return top;
  }
  // The row whose tappable part holds `p`, or null.
  [[nodiscard]] const ui::SearchScreen::Row* row_at(ui::Point p) const {
    for (const auto& row : screen.rows()) {
      if (screen.touch_rect(row).contains(p)) return &row;
    }
    return nullptr;
  }

  ui::Theme theme;
  test::RecordingPainter painter;
  PageNavigator navigator;
  std::deque<content::Page> pages;
  ui::SearchScreen screen;
  Finger finger;
  ui::Rect area{};
};

}  // namespace

TEST_CASE("More results than fit: all reachable by scrolling, the list ends with how many more",
          "[kiosk][search][scroll]") {
  Search s(water_pages(45));
  s.screen.set_query("nuoc");
  s.draw();
  REQUIRE(s.screen.hits().size() == 45);
  REQUIRE(s.screen.rows().size() == ui::SearchScreen::kMaxRows);
  const ui::Scroller& scroller = s.screen.scroller();
  REQUIRE(scroller.overflows());
  CHECK(s.offset() == 0);
  // The last row and the count of the rest lie below the window until scrolled to.
  CHECK(s.screen.touch_rect(s.screen.rows().back()).empty());
  const auto* more = s.painter.find_text("Còn 15 trang nữa");
  REQUIRE(more != nullptr);
  CHECK(more->at.y >= s.window().bottom());

  // Down (and Page Down) until it has nothing more to show.
  int steps = 0;
  while (scroller.down_button().enabled() && steps < 50) {
    s.tap(scroller.down_button().rect().center());
    s.settle();
    ++steps;
  }
  CHECK(steps > 1);
  CHECK(s.offset() == scroller.max_offset());
  const auto& last = s.screen.rows().back();
  CHECK(s.screen.touch_rect(last) == s.screen.on_screen(last));  // wholly in view
  more = s.painter.find_text("Còn 15 trang nữa");
  REQUIRE(more != nullptr);
  CHECK(more->at.y >= s.window().y);
  CHECK(more->at.y + s.painter.measure_text(more->text, more->style, s.window().width).height <=
        s.window().bottom());
  CHECK(s.painter.drew_text("Gõ thêm chữ để tìm đúng hơn"));

  SECTION("in English") {
    Search en(water_pages(45), {1920, 1080}, ui::TextScale::normal, "en");
    en.screen.set_query("nuoc");
    en.draw();
    CHECK(en.painter.drew_text("15 more pages"));
    CHECK(en.screen.scroller().down_button().label() == "Down");
    CHECK(en.screen.scroller().up_button().label() == "Up");
  }
}

TEST_CASE("Results that fit show no scroll column and use the full width",
          "[kiosk][search][scroll]") {
  Search s(water_pages(3));
  s.screen.set_query("nuoc");
  s.draw();
  REQUIRE(s.screen.rows().size() == 3);
  const ui::Scroller& scroller = s.screen.scroller();
  CHECK_FALSE(scroller.overflows());
  CHECK_FALSE(s.is_target(scroller.up_button().rect()));
  CHECK_FALSE(s.is_target(scroller.down_button().rect()));
  CHECK_FALSE(s.painter.drew_text("Xuống"));
  CHECK(s.window().right() == s.area.right() - s.theme.margin_px());
  // Nothing to scroll: a drag and Page Down leave it still.
  s.drag(s.window().center(), {s.window().center().x, s.window().center().y - 200});
  (void)s.screen.input(ui::Action::make(ui::ActionKind::scroll_down));
  CHECK_FALSE(s.screen.animating());
  CHECK(s.offset() == 0);

  // More pages: the column appears at the right, the window narrows to leave it a margin.
  Search many(water_pages(45));
  many.screen.set_query("nuoc");
  many.draw();
  const ui::Scroller& column = many.screen.scroller();
  REQUIRE(column.overflows());
  CHECK(many.is_target(column.down_button().rect()));
  CHECK_FALSE(many.is_target(column.up_button().rect()));  // dimmed at the top
  CHECK_FALSE(column.up_button().enabled());
  CHECK(many.painter.drew_text("Xuống"));
  CHECK(many.painter.drew_text("Lên"));
  CHECK(many.window().right() + many.theme.margin_px() <= column.down_button().rect().x);
  CHECK(column.down_button().rect().right() == many.area.right() - many.theme.margin_px());
  // Typing on to a text with fewer results takes the column away again.
  many.tap(many.key("Xoá hết").rect.center());
  CHECK_FALSE(many.screen.scroller().overflows());
  many.draw();
  CHECK_FALSE(many.is_target(column.down_button().rect()));
}

TEST_CASE("A drag on the results moves them with the finger and a fling coasts to a stop",
          "[kiosk][search][scroll]") {
  Search s(water_pages(45));
  s.screen.set_query("nuoc");
  s.draw();
  const ui::Point c = s.window().center();
  const ui::Rect first_before = s.screen.on_screen(s.screen.rows().front());
  s.drag(c, {c.x, c.y - 200});  // lifted while moving
  CHECK(s.offset() == 200);     // the list followed the finger exactly
  CHECK(s.screen.on_screen(s.screen.rows().front()).y == first_before.y - 200);
  CHECK(s.navigator.opened.empty());
  REQUIRE(s.screen.animating());  // and coasts on
  const int frames = s.settle();
  CHECK_FALSE(s.screen.animating());
  CHECK(frames > 5);
  CHECK(frames < 200);  // it stops by itself within about three seconds
  CHECK(s.offset() > 300);
  CHECK(s.offset() <= s.screen.scroller().max_offset());
  CHECK(s.screen.scroller().up_button().enabled());

  // A finger that rests before lifting does not fling; dragging down brings the list back.
  const int at = s.offset();
  s.drag(c, {c.x, c.y + 120}, 300ms);
  CHECK(s.offset() == at - 120);
  CHECK_FALSE(s.screen.animating());

  // A finger that goes down on the moving list stops it, as on a phone.
  s.drag(c, {c.x, c.y - 150});
  REQUIRE(s.screen.animating());
  s.screen.update(16ms);
  (void)s.screen.input(ui::Action::make_press(c));
  CHECK_FALSE(s.screen.animating());
  (void)s.screen.input(ui::Action::make_cancel());
  (void)s.screen.input(ui::Action::make_drag_end(c, 0.0));
}

TEST_CASE("A drag that starts on the keyboard or the box scrolls nothing and types nothing",
          "[kiosk][search][scroll]") {
  Search s(water_pages(45));
  s.screen.set_query("nuoc");
  s.draw();
  const ui::Point key = s.key("m").rect.center();
  s.drag(key, {key.x, key.y - s.theme.mm(60.0)});
  CHECK(s.offset() == 0);
  CHECK_FALSE(s.screen.animating());
  CHECK(s.screen.query() == "nuoc");
  CHECK(s.navigator.opened.empty());
  // The keyboard stays where it was.
  CHECK(s.key("m").rect.center() == key);
}

TEST_CASE("The Up and Down buttons step through the list, each enabled only where there is more",
          "[kiosk][search][scroll]") {
  for (const ui::Size size : {ui::Size{1920, 1080}, ui::Size{1080, 1920}}) {
    INFO(size.width << "x" << size.height);
    Search s(water_pages(45), size);
    s.screen.set_query("nuoc");
    s.draw();
    const ui::Scroller& scroller = s.screen.scroller();
    REQUIRE(scroller.overflows());
    const ui::Rect up = scroller.up_button().rect();
    const ui::Rect down = scroller.down_button().rect();
    for (const ui::Rect& b : {up, down}) {
      CHECK(s.theme.to_mm(b.width) >= ui::Theme::kMinTargetMm);
      CHECK(s.theme.to_mm(b.height) >= ui::Theme::kMinTargetMm);
    }
    // Up at the top of the list, Down at its bottom, above the keyboard.
    CHECK(up.y == s.window().y);
    CHECK(down.bottom() == s.window().bottom());
    CHECK(s.theme.to_mm(s.keyboard_top() - down.bottom()) >= ui::Theme::kMinGapMm);
    CHECK(s.theme.to_mm(down.y - up.bottom()) >= ui::Theme::kMinGapMm);
    CHECK_FALSE(scroller.up_button().enabled());
    CHECK(scroller.down_button().enabled());

    s.tap(down.center());
    CHECK(s.offset() == 0);  // a step is animated
    REQUIRE(s.screen.animating());
    s.settle();
    CHECK(std::abs(s.offset() - s.window().height * 8 / 10) <= 1);
    CHECK(scroller.up_button().enabled());
    CHECK(s.is_target(up));

    // Page Down on a physical keyboard does the same.
    const int one = s.offset();
    (void)s.screen.input(ui::Action::make(ui::ActionKind::scroll_down));
    s.settle();
    CHECK(s.offset() > one);

    for (int i = 0; i < 50 && scroller.down_button().enabled(); ++i) {
      s.tap(down.center());
      s.settle();
    }
    CHECK(s.offset() == scroller.max_offset());
    CHECK_FALSE(scroller.down_button().enabled());
    CHECK_FALSE(s.is_target(down));
    for (int i = 0; i < 50 && scroller.up_button().enabled(); ++i) {
      s.tap(up.center());
      s.settle();
    }
    CHECK(s.offset() == 0);
    CHECK_FALSE(scroller.up_button().enabled());
  }
}

TEST_CASE("After scrolling, a tap on a result opens that result when the finger lifts",
          "[kiosk][search][scroll]") {
  Search s(water_pages(45));
  s.screen.set_query("nuoc");
  s.draw();
  const ui::Point c = s.window().center();
  const auto* before = s.row_at(c);
  REQUIRE(before != nullptr);
  const std::string there_before = before->page->id;

  s.drag(c, {c.x, c.y - 333}, 300ms);  // rests, so no fling
  REQUIRE(s.offset() == 333);
  const auto* row = s.row_at(c);
  REQUIRE(row != nullptr);
  CHECK(row->page->id != there_before);
  const std::string expected = row->page->id;

  // Down: pressed, nothing opened yet.
  for (const auto& a : s.finger.tracker.down(c, s.finger.now)) s.send(a);
  CHECK(s.navigator.opened.empty());
  CHECK(row->tap.pressed());
  // A wobble within the slop is still a tap.
  for (const auto& a : s.finger.tracker.move({c.x + 2, c.y + 2}, s.finger.now + 50ms)) s.send(a);
  for (const auto& a : s.finger.tracker.up({c.x + 2, c.y + 2}, s.finger.now + 100ms)) s.send(a);
  s.finger.now += 100ms;
  REQUIRE(s.navigator.opened.size() == 1);
  CHECK(s.navigator.opened[0] == expected);
  CHECK(s.offset() == 333);

  // A finger that moves beyond the slop scrolls and opens nothing.
  s.drag(c, {c.x, c.y - s.theme.slop_px() * 3}, 300ms);
  CHECK(s.navigator.opened.size() == 1);
  for (const auto& r : s.screen.rows()) CHECK_FALSE(r.tap.pressed());
}

TEST_CASE("A sliver of a row at the edge of the list only scrolls", "[kiosk][search][scroll]") {
  Search s(water_pages(45));
  s.screen.set_query("nuoc");
  s.draw();
  const ui::Point c = s.window().center();
  s.drag(c, {c.x, c.y - 400}, 300ms);
  // The row cut by the bottom of the window: move it so that 5 mm of it shows.
  const ui::SearchScreen::Row* cut = nullptr;
  for (const auto& row : s.screen.rows()) {
    const ui::Rect r = s.screen.on_screen(row);
    if (r.y < s.window().bottom() && r.bottom() > s.window().bottom()) cut = &row;
  }
  REQUIRE(cut != nullptr);
  const int shown = s.window().bottom() - s.screen.on_screen(*cut).y;
  const int move = shown - s.theme.mm(5.0);  // > 0: the finger moves down, the list with it
  if (move > s.theme.slop_px()) {
    s.drag(c, {c.x, c.y + move}, 300ms);
  } else {
    s.drag(c, {c.x, c.y - (s.theme.slop_px() * 2 - move)}, 300ms);
    s.drag(c, {c.x, c.y + s.theme.slop_px() * 2}, 300ms);
  }
  const ui::Rect r = s.screen.on_screen(*cut);
  REQUIRE(s.theme.to_mm(s.window().bottom() - r.y) == Approx(5.0).margin(0.5));
  CHECK(s.screen.touch_rect(*cut).empty());
  CHECK_FALSE(s.is_target(r.intersection(s.window())));
  s.tap({r.x + r.width / 2, r.y + s.theme.mm(2.0)});
  CHECK(s.navigator.opened.empty());
  // Every target drawn keeps its size and gaps, keys included.
  test::check_targets(s.theme, s.painter.targets, "search scrolled");
}

TEST_CASE("A new letter, an erased one or a cleared text puts the list back at the top",
          "[kiosk][search][scroll]") {
  Search s(water_pages(45));
  for (const char* l : {"n", "u", "o"}) s.tap(s.key(l).rect.center());
  REQUIRE(s.screen.query() == "nuo");
  const ui::Point c = s.window().center();
  auto scroll_down = [&] {
    s.drag(c, {c.x, c.y - 300}, 300ms);
    REQUIRE(s.offset() == 300);
  };
  scroll_down();
  s.tap(s.key("c").rect.center());
  CHECK(s.screen.query() == "nuoc");
  CHECK(s.offset() == 0);
  CHECK(s.screen.on_screen(s.screen.rows().front()).y ==
        s.window().y + s.screen.rows().front().rect.y);

  scroll_down();
  (void)s.screen.input(ui::Action::make_text("w"));  // Telex: nuoc + w = nươc
  CHECK(s.screen.query() == "nươc");
  CHECK(s.offset() == 0);

  scroll_down();
  s.drag(c, {c.x, c.y - 100});  // still coasting when the next letter comes
  REQUIRE(s.screen.animating());
  s.tap(s.key("Xoá").rect.center());
  CHECK(s.offset() == 0);
  CHECK_FALSE(s.screen.animating());
  s.screen.update(500ms);
  CHECK(s.offset() == 0);
}

TEST_CASE("The scrolled list keeps its sizes and gaps in landscape and portrait, at both sizes",
          "[kiosk][search][scroll][targets]") {
  for (const ui::Size size : {ui::Size{1920, 1080}, ui::Size{1080, 1920}}) {
    for (const auto scale : {ui::TextScale::normal, ui::TextScale::large}) {
      const std::string where = std::to_string(size.width) + "x" + std::to_string(size.height) +
                                (scale == ui::TextScale::large ? " large" : "");
      INFO(where);
      Search s(water_pages(45), size, scale);
      s.screen.set_query("nuoc");
      s.draw();
      REQUIRE(s.screen.scroller().overflows());
      std::vector<ui::Rect> keys;
      for (const auto& k : s.screen.keys()) keys.push_back(k.rect);
      const ui::Scroller& scroller = s.screen.scroller();
      // Top, a drag into the middle, the bottom.
      test::check_targets(s.theme, s.painter.targets, where + " top");
      const ui::Point c = s.window().center();
      s.drag(c, {c.x, c.y - s.window().height / 3}, 300ms);
      CHECK(s.offset() > 0);
      test::check_targets(s.theme, s.painter.targets, where + " middle");
      s.screen.update(0ms);
      for (int i = 0; i < 50 && scroller.down_button().enabled(); ++i) {
        s.tap(scroller.down_button().rect().center());
        s.settle();
      }
      CHECK(s.offset() == scroller.max_offset());
      test::check_targets(s.theme, s.painter.targets, where + " bottom");
      CHECK(s.painter.depth == 0);
      // Only the list moved.
      std::vector<ui::Rect> after;
      for (const auto& k : s.screen.keys()) after.push_back(k.rect);
      CHECK(after == keys);
      CHECK(s.window().bottom() <= s.keyboard_top() - s.theme.mm(ui::Theme::kMinGapMm));
      CHECK(s.window().y > s.area.y + s.theme.target_px());  // under the box
    }
  }
}

namespace {

struct Kiosk : test::UiFixture {
  Kiosk() : UiFixture(test::sample_bundle(), {year{2026} / 11 / 28, 14h + 30min}) { draw(); }
  const ui::SearchScreen& search() const {
    return dynamic_cast<const ui::SearchScreen&>(kiosk.top());
  }
  void frame() {
    clock.advance(16ms);
    kiosk.update(16ms);
  }
};

}  // namespace

TEST_CASE("In the kiosk, the results fling on the virtual clock and the idle reset clears them",
          "[kiosk][search][scroll]") {
  Kiosk k;
  k.tap(k.kiosk.search_button().rect().center());
  REQUIRE(k.kiosk.top().name() == "search");
  (void)k.kiosk.input(ui::Action::make_text("a"));
  k.draw();
  REQUIRE(k.search().scroller().overflows());
  CHECK(k.search().rows().size() == std::min(k.search().hits().size(), ui::SearchScreen::kMaxRows));

  Finger finger(k.kiosk.theme().slop_px());
  const ui::Point c = k.search().results_window().center();
  finger.stroke(c, {c.x, c.y - 240}, 8, 0ms, [&](const ui::Action& a) { (void)k.kiosk.input(a); });
  CHECK(k.search().scroller().offset() == 240);
  REQUIRE(k.kiosk.animating());
  int frames = 0;
  while (k.kiosk.animating() && frames < 1000) {
    k.frame();
    CHECK(k.kiosk.needs_redraw());
    k.draw();
    ++frames;
  }
  CHECK(frames < 200);
  CHECK(k.search().scroller().offset() > 240);
  CHECK(k.kiosk.top().name() == "search");  // a drag opens nothing

  // The next resident finds an empty search at the top.
  k.kiosk.update(5min);
  CHECK(k.kiosk.top().name() == "home");
  k.tap(k.kiosk.search_button().rect().center());
  REQUIRE(k.kiosk.top().name() == "search");
  CHECK(k.search().query().empty());
  CHECK(k.search().scroller().offset() == 0);
  CHECK_FALSE(k.search().scroller().overflows());
}
