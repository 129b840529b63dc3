#include "content/text/Fold.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/Search.hpp"
#include "kiosk/ui/SearchScreen.hpp"
#include "kiosk/ui/Telex.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tinxa;
using namespace tinxa::kiosk;
using std::chrono::year;

namespace {

using test::sample_bundle;

content::Page page(std::string id, std::string title, std::string summary = {},
                   std::string body = {}, std::vector<std::string> tags = {}) {
  content::Page p;
  p.id = std::move(id);
  p.title = content::LocalizedText(std::move(title));
  p.summary = content::LocalizedText(std::move(summary));
  if (!body.empty())
    p.body.emplace_back(content::Paragraph{content::LocalizedText(std::move(body))});
  p.tags = std::move(tags);
  return p;
}

std::vector<std::string> ids(const std::vector<ui::SearchHit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.page->id);
  return out;
}

struct Kiosk : test::UiFixture {
  Kiosk()
      : UiFixture(sample_bundle(),
                  {year{2026} / 11 / 28, std::chrono::hours{14} + std::chrono::minutes{30}}) {
    kiosk.set_usage_sink(
        [this](ui::UsageEvent e, const std::string& s) { events.emplace_back(e, s); });
    draw();
  }
  using UiFixture::tap;
  void tap(const ui::Rect& r) { tap(ui::Point{r.x + r.width / 2, r.y + r.height / 2}); }
  const ui::SearchScreen& search() const {
    return dynamic_cast<const ui::SearchScreen&>(kiosk.top());
  }
  // Taps the on-screen key labelled `label`.
  void key(const std::string& label) {
    const auto& keys = search().keys();
    const auto it = std::find_if(keys.begin(), keys.end(),
                                 [&](const ui::SearchScreen::Key& k) { return k.label == label; });
    REQUIRE(it != keys.end());
    tap(it->rect);
  }

  std::vector<std::pair<ui::UsageEvent, std::string>> events;
};

bool drawn(const test::RecordingPainter& p, const std::string& needle) {
  return std::any_of(p.texts.begin(), p.texts.end(),
                     [&](const auto& t) { return t.text.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("Telex turns plain keys into Vietnamese", "[kiosk][search][telex]") {
  struct Case {
    const char* keys;
    const char* text;
  };
  const Case cases[] = {
      {"aa", "â"},
      {"aw", "ă"},
      {"ee", "ê"},
      {"oo", "ô"},
      {"ow", "ơ"},
      {"uw", "ư"},
      {"w", "ư"},
      {"dd", "đ"},
      {"DD", "Đ"},
      {"as", "á"},
      {"af", "à"},
      {"ar", "ả"},
      {"ax", "ã"},
      {"aj", "ạ"},
      {"asz", "a"},
      {"ass", "as"},
      {"aaa", "aa"},
      {"ddd", "dd"},
      {"hoaf", "hòa"},
      {"hoafn", "hoàn"},
      {"hoanf", "hoàn"},
      {"tieengs", "tiếng"},
      {"tiengse", "tiếng"},
      {"vieejt", "việt"},
      {"nguwowif", "người"},
      {"nguoiwf", "người"},
      {"ddoongf nai", "đồng nai"},
      {"Ddoongf Nai", "Đồng Nai"},
      {"baor hieemr", "bảo hiểm"},
      {"giuwax", "giữa"},
      {"quar", "quả"},
      {"gias", "giá"},
      {"sang", "sang"},
      {"xin", "xin"},
      {"khuyar", "khuỷa"},
      {"ngoaif", "ngoài"},
      {"muaf", "mùa"},
      {"cuar", "của"},
      {"tieengs vieejt", "tiếng việt"},
      {"chuaw", "chưa"},
      {"quawng", "quăng"},
      {"hoc5", "hoc5"},
  };
  for (const Case& c : cases) {
    INFO(c.keys);
    CHECK(ui::telex(c.keys) == c.text);
  }
  CHECK(ui::telex_type("hòa", U'n') == "hoàn");
  // Every vowel form the table makes folds back to its base letter.
  CHECK(content::fold_for_search(ui::telex("aws aaf eex oor owj uwx yf")) == "a a e o o u y");
}

TEST_CASE("The on-screen tone and letter keys", "[kiosk][search][telex]") {
  CHECK(ui::apply_tone("hoa", ui::Tone::grave) == "hòa");
  CHECK(ui::apply_tone("hòa", ui::Tone::grave) == "hoa");  // the same key again takes it off
  CHECK(ui::apply_tone("hòa", ui::Tone::acute) == "hóa");
  CHECK(ui::apply_tone("bảo hiêm", ui::Tone::hook) == "bảo hiểm");
  CHECK(ui::apply_tone("nguơi", ui::Tone::grave) == "nguời");
  CHECK(ui::apply_tone("ngươi", ui::Tone::grave) == "người");
  CHECK(ui::apply_tone("xyz ", ui::Tone::grave) == "xyz ");  // no word: unchanged
  CHECK(ui::apply_tone("th", ui::Tone::grave) == "th");
  CHECK(ui::type_letter("hòa", "n") == "hoàn");
  CHECK(ui::type_letter("đ", "ô") == "đô");
  CHECK(ui::erase_last("hoà") == "ho");
  CHECK(ui::erase_last("ho\xCC\x80") == "h");  // NFD: the composed ò goes as one
  CHECK(ui::erase_last("") == "");
}

TEST_CASE("Search is accent-insensitive and ranks exact accents, then titles", "[kiosk][search]") {
  const content::Page a = page("a", "Giấy khai sinh", "Thủ tục", "Làm tại Ủy ban xã hòa bình");
  const content::Page b = page("b", "Hòa giải ở cơ sở", "Tổ hòa giải");
  const content::Page c = page("c", "Hoa màu vụ đông", "", "Giống hoa và rau");
  const content::Page d = page("d", "Trợ giúp pháp lý", "", "", {"hoà giải"});
  const content::Page e = page("e", "Tỉnh Đồng Nai", "", "Thông tin");
  const content::Page f = page("f", "Khoa học", "", "");
  const ui::SearchIndex index({&a, &b, &c, &d, &e, &f});

  SECTION("typing hoa finds hòa and hoà, the plain hoa first") {
    const auto hits = index.find("hoa");
    // c has "hoa" itself (exact), f's "khoa" also contains it; then the accented ones by field.
    REQUIRE(ids(hits) == std::vector<std::string>{"c", "f", "b", "d", "a"});
    CHECK(hits[0].exact);
    CHECK_FALSE(hits[2].exact);
    CHECK(hits[2].field == ui::MatchField::title);
    CHECK(hits[3].field == ui::MatchField::summary);  // a tag
    CHECK(hits[4].field == ui::MatchField::body);
  }
  SECTION("with the accent typed, the exact matches come first, either tone placement") {
    const auto hits = index.find("hòa");
    REQUIRE(ids(hits).size() == 5);
    CHECK(ids(hits) == std::vector<std::string>{"b", "d", "a", "c", "f"});
    CHECK(ids(index.find("hoà")) == ids(hits));
  }
  SECTION("dong nai finds Đồng Nai") {
    CHECK(ids(index.find("dong nai")) == std::vector<std::string>{"e"});
    CHECK(ids(index.find("ĐỒNG NAI")) == std::vector<std::string>{"e"});
    CHECK(ids(index.find("  dong   nai ")) == std::vector<std::string>{"e"});
  }
  SECTION("nothing to search, or nothing found") {
    CHECK(index.find("").empty());
    CHECK(index.find(" ,. ").empty());
    CHECK(index.find("xyzw").empty());
    CHECK(index.find("\xFF").empty());
  }
}

TEST_CASE("Search over the sample content finds its pages", "[kiosk][search]") {
  std::vector<const content::Page*> pages;
  for (const auto& p : sample_bundle().pages) pages.push_back(&p);
  const ui::SearchIndex index(pages);
  const auto hits = index.find("bao hiem y te");
  REQUIRE(!hits.empty());
  CHECK(hits.front().page->id == "bao-hiem-y-te");
  CHECK(hits.front().field == ui::MatchField::title);
}

TEST_CASE("The search screen: reach it, type on the keys, see results, open one",
          "[kiosk][search]") {
  Kiosk k;
  const auto& home = dynamic_cast<const ui::HomeScreen&>(k.kiosk.top());
  k.tap(home.search_button().rect());
  REQUIRE(k.kiosk.top().name() == "search");
  CHECK_FALSE(k.kiosk.search_button().enabled());
  CHECK(drawn(k.painter, "Chạm vào các chữ bên dưới"));

  // Every key is a touch target of at least 16 mm with at least 2.5 mm between keys.
  const ui::Theme& theme = k.kiosk.theme();
  const auto& keys = k.search().keys();
  CHECK(keys.size() == 29 + 1 + 5 + 2);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    CHECK(theme.to_mm(keys[i].rect.width) >= ui::Theme::kMinTargetMm);
    CHECK(theme.to_mm(keys[i].rect.height) >= ui::Theme::kMinTargetMm);
    for (std::size_t j = i + 1; j < keys.size(); ++j) {
      const ui::Rect a = keys[i].rect;
      const ui::Rect b = keys[j].rect;
      const int dx = std::max(b.x - a.right(), a.x - b.right());
      const int dy = std::max(b.y - a.bottom(), a.y - b.bottom());
      CHECK(theme.to_mm(std::max(dx, dy)) >= ui::Theme::kMinGapMm - 0.3);
    }
  }

  // "b a o" then the hook key: "bảo"; space; "y"; "t" "e" and the dot: "tế".
  for (const char* l : {"b", "a", "o"}) k.key(l);
  k.key("ả");
  CHECK(k.search().query() == "bảo");
  k.key("Dấu cách");
  for (const char* l : {"h", "i", "ê", "m"}) k.key(l);
  k.key("ả");
  CHECK(k.search().query() == "bảo hiểm");
  REQUIRE(!k.search().hits().empty());
  REQUIRE(!k.search().rows().empty());
  CHECK(drawn(k.painter, "Tìm thấy"));
  const std::string first = k.search().rows().front().page->id;

  k.tap(k.search().touch_rect(k.search().rows().front()));
  CHECK(k.kiosk.top().name() == "page:" + first);
  REQUIRE(k.events.size() == 1);
  CHECK(k.events[0].first == ui::UsageEvent::page_view);
  k.tap(k.kiosk.back_button().rect());
  CHECK(k.kiosk.top().name() == "search");
  k.tap(k.kiosk.home_button().rect());
  CHECK(k.events.size() == 1);  // a search that found something is not counted
}

TEST_CASE("A search without a result says so, and is counted once when left", "[kiosk][search]") {
  Kiosk k;
  k.tap(k.kiosk.search_button().rect());
  REQUIRE(k.kiosk.top().name() == "search");
  // A physical keyboard, with Telex.
  for (const char* c : {"x", "y", "z", "w", "w", "q"}) {
    (void)k.kiosk.input(ui::Action::make_text(c));
  }
  k.draw();
  CHECK(k.search().hits().empty());
  CHECK(drawn(k.painter, ui::SearchScreen::kNotFound));
  CHECK(drawn(k.painter, "Hãy thử gõ ít chữ hơn"));
  // Backspace erases while there is text ...
  const std::string before = k.search().query();
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::erase));
  CHECK(k.search().query() == ui::erase_last(before));
  CHECK(k.events.empty());
  k.tap(k.kiosk.home_button().rect());
  REQUIRE(k.events.size() == 1);
  CHECK(k.events[0].first == ui::UsageEvent::search_no_result);
  CHECK(k.events[0].second == content::fold_for_search(ui::erase_last(before)));

  // ... and goes back when there is none.
  k.tap(k.kiosk.search_button().rect());
  REQUIRE(k.kiosk.top().name() == "search");
  (void)k.kiosk.input(ui::Action::make(ui::ActionKind::erase));
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.events.size() == 1);  // nothing typed, nothing counted
}

TEST_CASE("Telex from the physical keyboard finds accented titles", "[kiosk][search]") {
  Kiosk k;
  k.tap(k.kiosk.search_button().rect());
  for (const char* c : {"b", "a", "o", "r", " ", "h", "i", "e", "e", "m", "r"}) {
    (void)k.kiosk.input(ui::Action::make_text(c));
  }
  CHECK(k.search().query() == "bảo hiểm");
  REQUIRE(!k.search().hits().empty());
  CHECK(k.search().hits().front().exact);
  // The idle reset clears the text for the next resident's privacy.
  k.kiosk.update(std::chrono::minutes{5});
  CHECK(k.kiosk.top().name() == "home");
}

TEST_CASE("Search from a page found returns to the same search", "[kiosk][search]") {
  Kiosk k;
  k.tap(k.kiosk.search_button().rect());
  for (const char* c : {"y", " ", "t", "e", "e", "s"})
    (void)k.kiosk.input(ui::Action::make_text(c));
  k.draw();
  REQUIRE(!k.search().rows().empty());
  k.tap(k.search().touch_rect(k.search().rows().front()));
  REQUIRE(k.kiosk.depth() == 3);
  k.tap(k.kiosk.search_button().rect());
  REQUIRE(k.kiosk.top().name() == "search");
  CHECK(k.kiosk.depth() == 2);
  CHECK(k.search().query() == "y tế");
}

TEST_CASE("The search screen keeps its sizes in portrait and at large text", "[kiosk][search]") {
  test::NoNavigator navigator;
  std::vector<const content::Page*> pages;
  for (const auto& p : sample_bundle().pages) pages.push_back(&p);
  for (const ui::Size size : {ui::Size{1920, 1080}, ui::Size{1080, 1920}}) {
    for (const auto scale : {ui::TextScale::normal, ui::TextScale::large}) {
      const ui::Theme theme(
          ui::DisplayMetrics::from_settings(config::KioskSettings{}.display, size),
          ui::ContrastMode::normal, scale);
      test::RecordingPainter painter;
      ui::SearchScreen screen(theme, navigator, pages);
      const ui::Rect area{0, theme.bar_height_px(), size.width,
                          size.height - theme.bar_height_px()};
      screen.layout(area, painter);
      screen.set_query("y");  // many results
      screen.render(painter);
      INFO(size.width << "x" << size.height << (scale == ui::TextScale::large ? " large" : ""));
      CHECK(painter.depth == 0);
      int keyboard_top = area.bottom();
      for (const auto& key : screen.keys()) {
        CHECK(theme.to_mm(key.rect.width) >= ui::Theme::kMinTargetMm);
        CHECK(theme.to_mm(key.rect.height) >= ui::Theme::kMinTargetMm);
        CHECK(key.rect.right() <= size.width);
        CHECK(key.rect.bottom() <= area.bottom());
        keyboard_top = std::min(keyboard_top, key.rect.y);
      }
      REQUIRE(!screen.rows().empty());
      // The rows scroll in a window that ends above the keyboard; what shows of them is clipped
      // to it.
      CHECK(theme.to_mm(keyboard_top - screen.results_window().bottom()) >= ui::Theme::kMinGapMm);
      for (const auto& row : screen.rows()) {
        CHECK(theme.to_mm(row.rect.height) >= ui::Theme::kMinTargetMm);
        const ui::Rect touch = screen.touch_rect(row);
        if (!touch.empty()) {
          CHECK(theme.to_mm(keyboard_top - touch.bottom()) >= ui::Theme::kMinGapMm);
        }
      }
    }
  }
}
