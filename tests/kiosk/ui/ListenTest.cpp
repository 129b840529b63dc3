// The "Nghe" bar, the hear-again screen and the language switch, without SDL: a recording
// painter, a recording speaker and the virtual clock.

#include "content/speech/Narrator.hpp"
#include "content/speech/SpokenText.hpp"
#include "content/store/Database.hpp"
#include "content/store/StoreFiles.hpp"
#include "kiosk/ui/HearAgainScreen.hpp"
#include "kiosk/ui/HomeScreen.hpp"
#include "kiosk/ui/KioskUi.hpp"
#include "kiosk/ui/ListenBar.hpp"
#include "kiosk/ui/PageScreen.hpp"
#include "tests/kiosk/ui/AsRunRecordFixture.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace tinxa;
using namespace tinxa::kiosk;
using namespace std::chrono_literals;
using std::chrono::year;
using State = ui::Speaker::State;

namespace {

using test::check_targets;
using test::RecordingSpeaker;
using test::sample_bundle;

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::path(TINXA_BINARY_DIR) / "kiosk-listen-test" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void touch(const std::filesystem::path& file) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << "x";
}

ui::Point centre(const ui::Rect& r) { return {r.x + r.width / 2, r.y + r.height / 2}; }

struct Bar {
  explicit Bar(ui::Speaker* speaker, int width = 1920)
      : theme(test::default_theme()),
        bar(theme, {speaker, [this](const std::string& s) { listened.push_back(s); }}) {
    file = scratch("bar") / "page.ogg";
    touch(file);
    bar.set_source(ui::ListenSource{file, "bao-hiem-y-te", false});
    lay_out(width);
  }
  void lay_out(int width) {
    const int h = bar.height_for(width, painter);
    bar.layout({0, 1080 - h, width, h}, painter);
    draw();
  }
  void draw() {
    painter.clear();
    bar.render(painter);
  }
  bool tap(const ui::Rect& r) {
    const bool a = bar.input(ui::Action::make_press(centre(r)));
    const bool b = bar.input(ui::Action::make_tap(centre(r)));
    draw();
    return a && b;
  }

  ui::Theme theme;
  test::RecordingPainter painter;
  std::vector<std::string> listened;
  std::filesystem::path file;
  ui::ListenBar bar;
};

}  // namespace

TEST_CASE("The Nghe bar plays, pauses, resumes and stops, and counts each listen once",
          "[kiosk][ui][listen]") {
  RecordingSpeaker speaker;
  Bar b(&speaker);
  REQUIRE(b.bar.mode() == ui::ListenBar::Mode::ready);
  CHECK(b.painter.drew_text("Nghe"));
  CHECK(b.painter.drew_text("Giọng đọc máy"));
  // Play, Stop dimmed (nothing plays), Nhỏ, To: three live targets of the theme's size.
  CHECK(b.painter.targets.size() == 3);
  check_targets(b.theme, b.painter.targets);

  REQUIRE(b.tap(b.bar.play_rect()));
  CHECK(speaker.state() == State::playing);
  CHECK(speaker.plays == std::vector<std::filesystem::path>{b.file});
  CHECK(b.listened == std::vector<std::string>{"bao-hiem-y-te"});
  CHECK(b.bar.play_label() == "Tạm dừng");
  CHECK(b.painter.targets.size() == 4);  // Stop is live now
  check_targets(b.theme, b.painter.targets);

  b.tap(b.bar.play_rect());
  CHECK(speaker.state() == State::paused);
  CHECK(b.bar.play_label() == "Nghe tiếp");
  CHECK(b.bar.status_text().rfind("Đã tạm dừng", 0) == 0);
  b.tap(b.bar.play_rect());
  CHECK(speaker.state() == State::playing);
  CHECK(b.listened.size() == 1);  // a resume is not a new listen

  b.tap(b.bar.stop_rect());
  CHECK(speaker.state() == State::stopped);
  CHECK(b.bar.play_label() == "Nghe");
  b.tap(b.bar.play_rect());
  CHECK(b.listened.size() == 2);

  // The sound ends by itself: the bar shows "Nghe" again.
  speaker.finish();
  CHECK(b.bar.shown_state() == State::stopped);
  CHECK(b.bar.play_label() == "Nghe");
}

TEST_CASE("The Nghe bar steps the volume by fifths between 0.2 and 1", "[kiosk][ui][listen]") {
  RecordingSpeaker speaker;
  speaker.set_volume(0.8f);
  Bar b(&speaker);
  b.tap(b.bar.louder_rect());
  CHECK(speaker.volume() == Approx(1.0));
  b.tap(b.bar.louder_rect());  // dimmed at the top: nothing changes
  CHECK(speaker.volume() == Approx(1.0));
  for (int i = 0; i < 10; ++i) b.tap(b.bar.quieter_rect());
  CHECK(speaker.volume() == Approx(ui::ListenBar::kMinVolume));  // never silent by accident
  b.tap(b.bar.louder_rect());
  CHECK(speaker.volume() == Approx(0.4));
}

TEST_CASE("Without narration or without a sound device the bar says so and has no buttons",
          "[kiosk][ui][listen]") {
  RecordingSpeaker speaker;
  {
    Bar b(&speaker);
    b.bar.set_source(std::nullopt);
    b.lay_out(1920);
    CHECK(b.bar.mode() == ui::ListenBar::Mode::no_source);
    CHECK(b.painter.drew_text("Chưa có bản đọc"));
    CHECK(b.painter.targets.empty());
    CHECK_FALSE(b.tap(b.bar.play_rect()));
    CHECK(speaker.plays.empty());
  }
  {
    speaker.has_device = false;
    Bar b(&speaker);
    CHECK(b.bar.mode() == ui::ListenBar::Mode::unavailable);
    CHECK(b.painter.drew_text(ui::ListenBar::kUnavailable));
    CHECK(b.painter.targets.empty());
  }
  {
    Bar b(nullptr);
    CHECK(b.bar.mode() == ui::ListenBar::Mode::unavailable);
  }
}

TEST_CASE("On a narrow screen the bar takes two rows and keeps its targets apart",
          "[kiosk][ui][listen]") {
  RecordingSpeaker speaker;
  Bar b(&speaker, 700);
  CHECK(b.bar.rect().height > b.theme.target_px() * 2);
  b.tap(b.bar.play_rect());
  check_targets(b.theme, b.painter.targets);
  CHECK(b.painter.targets.size() == 4);
}

TEST_CASE("A page's narration: the recording, else the rendered narration, else none",
          "[kiosk][ui][listen]") {
  const auto folder = scratch("narration");
  content::Page page;
  page.id = "trang";
  page.title = content::LocalizedText("Tiêu đề");
  page.summary = content::LocalizedText("Tóm tắt");
  page.languages = {"vi", "en"};
  page.title.set("en", "Title");
  page.summary.set("en", "Summary");
  CHECK_FALSE(ui::page_listen_source(page, "vi", folder));
  CHECK_FALSE(ui::page_listen_source(page, "vi", {}));

  // What `tinxa narrate` renders with its default voice, found by its exact name.
  const auto exact =
      content::NarrationCache(folder, content::Voice{})
          .path_for(content::narration_key("trang", "vi"), content::spoken_text(page, "vi"));
  touch(exact);
  auto source = ui::page_listen_source(page, "vi", folder);
  REQUIRE(source);
  CHECK(source->file == exact);
  CHECK(source->subject == "trang");
  CHECK_FALSE(source->recorded);
  // English falls back to Vietnamese until an English narration exists (another voice: any hash).
  CHECK(ui::page_listen_source(page, "en", folder)->file == exact);
  const auto english = folder / "trang.en-00000000000000ab.ogg";
  touch(english);
  CHECK(ui::page_listen_source(page, "en", folder)->file == english);

  // A recording beats the synthetic voice in Vietnamese.
  content::AudioClip clip;
  clip.path.absolute = folder / "recorded.wav";
  page.narration = clip;
  source = ui::page_listen_source(page, "vi", folder);
  CHECK(source->file == clip.path.absolute);
  CHECK(source->recorded);
}

namespace {

// The kiosk with the sample content at 28/11/2026 14:30, a data folder of its own and a speaker.
struct Kiosk : test::UiFixture {
  explicit Kiosk(const std::string& name)
      : UiFixture(sample_bundle(), {year{2026} / 11 / 28, 14h + 30min}) {
    site.data_dir = scratch(name);
    kiosk.set_usage_sink([this](ui::UsageEvent e, const std::string& s) {
      if (e == ui::UsageEvent::listen) listens.push_back(s);
    });
    kiosk.set_speaker(&speaker);
    draw();
  }
  // Every drawing comes after an update(0ms), as in the kiosk's loop.
  void draw() override {
    kiosk.update(0ms);
    UiFixture::draw();
  }
  std::filesystem::path narration(const std::string& page_id) {
    const auto folder = content::narration_folder(site.data_dir, sample_bundle().info.id);
    const auto file = folder / (content::narration_key(page_id, "vi") + "-0123456789abcdef.ogg");
    touch(file);
    return file;
  }

  std::vector<std::string> listens;
};

const ui::PageScreen& page_of(const ui::KioskUi& k) {
  return dynamic_cast<const ui::PageScreen&>(k.top());
}

}  // namespace

TEST_CASE("Every page has the Nghe bar; a listen is counted, leaving stops it",
          "[kiosk][ui][listen]") {
  Kiosk k("pages");
  const auto file = k.narration("bao-hiem-y-te");
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("tien-dien");
  k.draw();
  CHECK(page_of(k.kiosk).listen_bar().mode() == ui::ListenBar::Mode::no_source);
  CHECK(k.painter.drew_text("Chưa có bản đọc"));
  k.kiosk.go_back();
  k.kiosk.open_page("bao-hiem-y-te");
  k.draw();
  const auto& bar = page_of(k.kiosk).listen_bar();
  REQUIRE(bar.mode() == ui::ListenBar::Mode::ready);
  // The bar sits under the document and the scroll column, inside the screen.
  CHECK(bar.rect().bottom() == k.kiosk.theme().screen().height);
  k.tap(centre(bar.play_rect()));
  CHECK(k.speaker.plays.back() == file);
  CHECK(k.listens == std::vector<std::string>{"bao-hiem-y-te"});
  CHECK(k.painter.drew_text("Tạm dừng"));
  // Listening is not idleness: no warning while the sound plays.
  for (int i = 0; i < 90; ++i) k.kiosk.update(1s);
  CHECK_FALSE(k.kiosk.idle_warning_shown());
  CHECK(k.kiosk.idle_wakeup() <= 250ms);
  k.kiosk.go_back();
  k.draw();
  CHECK(k.speaker.state() == State::stopped);
}

TEST_CASE("The idle reset clears the volume and the language", "[kiosk][ui][listen]") {
  Kiosk k("reset");
  k.narration("bao-hiem-y-te");
  CHECK(k.speaker.volume() == Approx(ui::ListenBar::kDefaultVolume));
  k.kiosk.choose_language("en");
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("bao-hiem-y-te");
  k.draw();
  const auto& bar = page_of(k.kiosk).listen_bar();
  k.tap(centre(bar.louder_rect()));
  CHECK(k.speaker.volume() == Approx(1.0));
  CHECK(k.kiosk.language() == "en");
  k.kiosk.update(config::KioskSettings::Idle{}.warn_after);
  k.kiosk.update(config::KioskSettings::Idle{}.warning_length);
  CHECK(k.kiosk.top().name() == "home");
  CHECK(k.kiosk.language() == "vi");
  CHECK(k.speaker.volume() == Approx(ui::ListenBar::kDefaultVolume));
  // A language alone is a session the idle reset clears.
  k.kiosk.choose_language("en");
  k.kiosk.update(config::KioskSettings::Idle{}.warn_after);
  k.kiosk.update(config::KioskSettings::Idle{}.warning_length);
  CHECK(k.kiosk.language() == "vi");
}

TEST_CASE("The language switch on home shows the content in English where it has it",
          "[kiosk][ui][listen]") {
  Kiosk k("language");
  const auto& home = dynamic_cast<const ui::HomeScreen&>(k.kiosk.top());
  REQUIRE(home.language_buttons().size() == 2);
  CHECK(k.painter.drew_text("Tiếng Việt"));
  CHECK(k.painter.drew_text("English"));
  CHECK(k.painter.drew_text("Chương trình giảm nghèo"));
  k.tap(centre(home.language_buttons()[1]->rect()));
  CHECK(k.kiosk.language() == "en");
  CHECK(k.painter.drew_text("Sustainable poverty reduction"));
  CHECK(k.painter.drew_text("The programme"));
  // A translated page in English; an untranslated one in Vietnamese, saying so.
  // The category in English too: its title and summary.
  k.kiosk.open_category("hoi-o-dau");
  k.draw();
  CHECK(k.painter.drew_text("Where to go and common questions"));
  CHECK_FALSE(k.painter.drew_text("Nơi hỏi và các câu hỏi thường gặp"));
  k.kiosk.open_page("hoi-o-dau");
  k.draw();
  CHECK(k.painter.drew_text("Where to ask"));
  CHECK(k.painter.drew_text("Where to go for each need"));
  k.kiosk.go_home();
  k.kiosk.open_category("chinh-sach");
  k.kiosk.open_page("tien-dien");
  k.draw();
  CHECK(k.painter.drew_text(ui::PageScreen::kOnlyVietnamese));
}

namespace {}  // namespace

TEST_CASE("Hear again lists what the loudspeakers played, newest first, one row per item",
          "[kiosk][ui][listen]") {
  const auto zone = content::TimeZone::load("Asia/Ho_Chi_Minh");
  const auto at = [&](int h) {
    return zone.from_local({year{2026} / 11 / 28, std::chrono::hours{h}});
  };
  const std::vector<content::AsRunRecord> records{
      test::as_run_record("sang", "ban-tin-sang", at(6), {"ap-1"}),
      test::as_run_record("sang", "ban-tin-sang", at(6), {"ap-2"}),
      test::as_run_record("trua", "hoc-nghe", at(11), {"ap-1"}),
      test::as_run_record("trua-hong", "ung-ho-quy", at(12), {"ap-1"},
                          content::AsRunOutcome::skipped_file),
      test::as_run_record("tiep-song", "vtv1", at(13), {"ap-1"}),  // a relay: nothing to hear again
  };
  const auto heard = ui::heard_broadcasts(records, sample_bundle());
  REQUIRE(heard.size() == 5);  // hoc-nghe, then the morning bulletin's four announcements
  CHECK(heard[0].announcement->id == "hoc-nghe");
  CHECK(heard[0].playlist == nullptr);
  CHECK(heard[1].announcement->id == "ra-soat-bat-dau");
  CHECK(heard[1].playlist->id == "ban-tin-sang");
  CHECK(heard[1].zones == std::vector<std::string>{"ap-1", "ap-2"});
  CHECK(heard[4].announcement->id == "hoi-o-dau");
}

TEST_CASE("Hear again reads today's as-run log and plays an announcement from the bundle",
          "[kiosk][ui][listen]") {
  Kiosk k("hear-again");
  {
    auto db = content::Database::open(content::as_run_path(k.site.data_dir));
    content::AsRunLog log(db);
    log.append(test::as_run_record("hom-qua", "hoc-nghe", k.clock.now() - 24h, {"ap-1"}));
    log.append(test::as_run_record("sang", "the-bao-hiem-y-te", k.clock.now() - 6h, {"ap-1"}));
  }
  const auto& home = dynamic_cast<const ui::HomeScreen&>(k.kiosk.top());
  REQUIRE(home.hear_again_tile().width > 0);
  CHECK(k.painter.drew_text(ui::HomeScreen::kHearAgainTitle));
  k.tap(centre(home.hear_again_tile()));
  REQUIRE(k.kiosk.top().name() == "hear-again");
  const auto& screen = dynamic_cast<const ui::HearAgainScreen&>(k.kiosk.top());
  REQUIRE(screen.heard().size() == 1);  // yesterday's is not today's
  CHECK(k.painter.drew_text("08:30 · Cụm loa: ap-1"));
  const content::Announcement* a = sample_bundle().find_announcement("the-bao-hiem-y-te");
  CHECK(k.painter.drew_text(a->title.get()));
  k.tap(centre(screen.play_button(0)));
  CHECK(k.speaker.plays.back() == a->audio.path.absolute);
  CHECK(k.speaker.subject() == "broadcast:the-bao-hiem-y-te");
  CHECK(k.listens == std::vector<std::string>{"broadcast:the-bao-hiem-y-te"});
  CHECK(k.painter.drew_text("Tạm dừng"));
  // Tapping the row again pauses it.
  k.tap(centre(screen.play_button(0)));
  CHECK(k.speaker.state() == State::paused);
  k.kiosk.go_home();
  k.draw();
  CHECK(k.speaker.state() == State::stopped);
}

TEST_CASE("Hear again with nothing played today says so", "[kiosk][ui][listen]") {
  Kiosk k("hear-again-empty");  // no as-run database at all: none is created
  k.kiosk.open_hear_again();
  k.draw();
  CHECK(k.kiosk.top().name() == "hear-again");
  CHECK(k.painter.drew_text("Hôm nay loa xã chưa phát thông báo nào."));
  CHECK_FALSE(std::filesystem::exists(content::as_run_path(k.site.data_dir)));
}

TEST_CASE("10 000 random touches with the Nghe bar and hear-again keep the speaker consistent",
          "[kiosk][ui][listen][monkey]") {
  Kiosk k("monkey");
  for (const auto& page : sample_bundle().pages) k.narration(page.id);
  {
    auto db = content::Database::open(content::as_run_path(k.site.data_dir));
    content::AsRunLog log(db);
    log.append(test::as_run_record("sang", "ban-tin-sang", k.clock.now() - 8h, {"ap-1"}));
  }
  std::uint32_t state = 20261128u;  // a fixed seed: a failure can be replayed
  auto next = [&](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  const ui::Size screen = k.kiosk.theme().screen();
  std::size_t plays = 0;
  bool heard_again = false;
  for (int i = 0; i < 10'000; ++i) {
    // Half the touches on the bottom strip, where the bar is.
    const int y = next(2) == 0 ? screen.height - static_cast<int>(next(160))
                               : static_cast<int>(next(static_cast<std::uint32_t>(screen.height)));
    const ui::Point p{static_cast<int>(next(static_cast<std::uint32_t>(screen.width))), y};
    switch (next(8)) {
      case 0:
        // Rarely: each opening reads the as-run database.
        if (next(16) == 0) k.kiosk.open_hear_again();
        break;
      case 1:
        (void)k.kiosk.input(ui::Action::make(ui::ActionKind::back));
        break;
      case 2:
        k.speaker.finish();  // the sound ended by itself
        break;
      case 3:
        k.kiosk.update(std::chrono::milliseconds{next(30'000)});
        break;
      default:
        (void)k.kiosk.input(ui::Action::make_press(p));
        (void)k.kiosk.input(ui::Action::make_tap(p));
        break;
    }
    if (i % 8 == 0) k.draw();
    const std::string top = k.kiosk.top().name();
    heard_again = heard_again || (top == "hear-again" && k.speaker.state() != State::stopped);
    // A sound plays only on the screen it was started from.
    if (top.rfind("page:", 0) != 0 && top != "hear-again") {
      REQUIRE(k.speaker.state() == State::stopped);
    }
    REQUIRE(k.speaker.volume() >= ui::ListenBar::kMinVolume - 0.01f);
    REQUIRE(k.speaker.volume() <= 1.0f);
    plays = k.speaker.plays.size();
  }
  CHECK(k.listens.size() == plays);  // every sound started was counted, once
  CHECK(plays > 30);                 // the monkey did listen
  CHECK(heard_again);
}
