// Rendering with SDL's offscreen driver and software renderer, which give byte-identical pixels
// from run to run (see the shared recipes), compared against small reference PNGs in
// tests/fixtures/kiosk/. On a mismatch the actual image is written under the build folder.
// TINXA_UPDATE_FIXTURES=1 rewrites the references instead (look at them before committing).
#include "kiosk/render/FontCache.hpp"
#include "kiosk/render/Screenshot.hpp"
#include "kiosk/render/SdlPainter.hpp"
#include "kiosk/ui/Button.hpp"
#include "kiosk/ui/Theme.hpp"

#include <SDL_image.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>

using namespace tinxa::kiosk;

namespace {

const char* const kRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
const char* const kBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
const std::string kVietnamese = "Ủy ban nhân dân xã — Chuẩn nghèo, hộ cận nghèo: ệ ữ ộ ặ";

struct SdlSession {
  SdlSession() {
    SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "offscreen", SDL_HINT_OVERRIDE);
    // Plain memory for the window surface: no GL library is loaded behind the software renderer.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    REQUIRE(SDL_Init(SDL_INIT_VIDEO) == 0);
    REQUIRE(TTF_Init() == 0);
    REQUIRE((IMG_Init(IMG_INIT_PNG) & IMG_INIT_PNG) != 0);
  }
  ~SdlSession() {
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
  }
};

void start_sdl() { static SdlSession session; }

// A hidden window with a software renderer, the fonts, and a painter over them.
struct Canvas {
  Canvas(int w, int h) {
    window.reset(SDL_CreateWindow("test", 0, 0, w, h, SDL_WINDOW_HIDDEN));
    REQUIRE(window);
    renderer.reset(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE));
    REQUIRE(renderer);
    painter = std::make_unique<render::SdlPainter>(renderer.get(), fonts);
    painter->fill_rect({0, 0, w, h}, ui::rgb(0xFFFFFF));
  }

  bool started = (start_sdl(), true);  // first: the members below need SDL and SDL_ttf
  render::WindowPtr window;
  render::RendererPtr renderer;
  render::FontCache fonts{kRegular, kBold};
  std::unique_ptr<render::SdlPainter> painter;
};

// Compares the canvas with tests/fixtures/kiosk/<name>.png: same size, every channel within
// 16 levels on all but 0.1% of the pixels.
void compare_with_fixture(Canvas& canvas, const std::string& name) {
  const auto fixture =
      std::filesystem::path(TINXA_SOURCE_DIR) / "tests" / "fixtures" / "kiosk" / (name + ".png");
  const auto actual_dir = std::filesystem::path(TINXA_BINARY_DIR) / "kiosk-render-actual";
  if (const char* update = std::getenv("TINXA_UPDATE_FIXTURES"); update && *update == '1') {
    render::save_png(canvas.renderer.get(), fixture);
    WARN("rewrote " << fixture.string());
    return;
  }
  const render::SurfacePtr actual = render::read_pixels(canvas.renderer.get());
  render::SurfacePtr loaded{IMG_Load(fixture.c_str())};
  INFO("reference " << fixture.string() << ": " << (loaded ? "" : IMG_GetError()));
  REQUIRE(loaded);
  render::SurfacePtr expected{SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0)};
  REQUIRE(expected);
  long differing = 0;
  int worst = 0;
  const bool same_size = actual->w == expected->w && actual->h == expected->h;
  if (same_size) {
    for (int y = 0; y < actual->h; ++y) {
      const auto* a = static_cast<const Uint8*>(actual->pixels) + y * actual->pitch;
      const auto* e = static_cast<const Uint8*>(expected->pixels) + y * expected->pitch;
      for (int x = 0; x < actual->w; ++x) {
        int diff = 0;
        for (int c = 0; c < 3; ++c) diff = std::max(diff, std::abs(a[4 * x + c] - e[4 * x + c]));
        worst = std::max(worst, diff);
        if (diff > 16) ++differing;
      }
    }
  }
  const long allowed = same_size ? long(actual->w) * actual->h / 1000 : 0;
  const bool ok = same_size && differing <= allowed;
  if (!ok) {
    std::filesystem::create_directories(actual_dir);
    const auto out = actual_dir / (name + ".png");
    render::save_png(canvas.renderer.get(), out);
    FAIL_CHECK(name << ": " << differing << " pixels differ by more than 16 levels (allowed "
                    << allowed << ", worst " << worst << ", sizes " << actual->w << "x" << actual->h
                    << " vs " << expected->w << "x" << expected->h << "); actual image written to "
                    << out.string());
  }
}

ui::TextStyle black(int size, ui::FontWeight weight = ui::FontWeight::regular) {
  return {size, weight, ui::rgb(0x000000)};
}

}  // namespace

TEST_CASE("Vietnamese stacked diacritics in Noto Sans match the reference image",
          "[kiosk][render]") {
  Canvas canvas(900, 60);
  const ui::Size size = canvas.painter->text({10, 8}, kVietnamese, black(30), 0);
  CHECK(size.width < 880);
  compare_with_fixture(canvas, "vi-diacritics");
}

TEST_CASE("Navigation buttons with drawn icons match the reference image", "[kiosk][render]") {
  Canvas canvas(640, 100);
  const ui::Theme theme(ui::DisplayMetrics::from_settings(tinxa::config::KioskSettings{}.display));
  ui::Button back(theme, "Quay lại", ui::Icon::back, ui::Button::Kind::navigation, {});
  ui::Button home(theme, "Trang chủ", ui::Icon::home, ui::Button::Kind::navigation, {});
  ui::Button contrast(theme, "Xuống", ui::Icon::down, ui::Button::Kind::toggle, {});
  back.set_rect({8, 12, 190, theme.target_px()});
  home.set_rect({210, 12, 230, theme.target_px()});
  contrast.set_rect({452, 12, 180, theme.target_px()});
  back.render(*canvas.painter);
  home.render(*canvas.painter);
  contrast.render(*canvas.painter);
  compare_with_fixture(canvas, "buttons");
}

TEST_CASE("Decomposed (NFD) text is drawn and wrapped exactly like composed (NFC) text",
          "[kiosk][render]") {
  // "Chuẩn nghèo ... ệ ữ" with every tone and vowel mark as a separate combining character.
  const std::string nfd =
      "Chua\xCC\x82\xCC\x89n nghe\xCC\x80o, ho\xCC\xA3\xCC\x82 ca\xCC\x82\xCC\xA3n nghe\xCC\x80o "
      "e\xCC\x82\xCC\xA3 u\xCC\x9B\xCC\x83";
  const std::string nfc = "Chuẩn nghèo, hộ cận nghèo ệ ữ";
  Canvas a(400, 200);
  Canvas b(400, 200);
  CHECK(a.painter->measure_text(nfd, black(28), 220) ==
        a.painter->measure_text(nfc, black(28), 220));
  a.painter->text({4, 4}, nfc, black(28), 220);
  b.painter->text({4, 4}, nfd, black(28), 220);
  const render::SurfacePtr pa = render::read_pixels(a.renderer.get());
  const render::SurfacePtr pb = render::read_pixels(b.renderer.get());
  REQUIRE(pa->h == pb->h);
  CHECK(std::memcmp(pa->pixels, pb->pixels, std::size_t(pa->pitch) * std::size_t(pa->h)) == 0);
}

TEST_CASE("Wrapped lines never exceed the width and break only between words", "[kiosk][render]") {
  Canvas canvas(10, 10);
  TTF_Font* font = canvas.fonts.get(30, ui::FontWeight::regular);
  const std::string text =
      "Hộ nghèo ở nông thôn là hộ có thu nhập bình quân đầu người từ 1.500.000 đồng trở xuống "
      "và thiếu hụt từ 3 chỉ số đo lường mức độ thiếu hụt dịch vụ xã hội cơ bản trở lên.";
  const auto lines = canvas.painter->wrap(text, font, 500);
  REQUIRE(lines.size() >= 3);
  std::string joined;
  for (const auto& line : lines) {
    int w = 0;
    int h = 0;
    TTF_SizeUTF8(font, line.c_str(), &w, &h);
    CHECK(w <= 500);
    CHECK(line.front() != ' ');
    joined += (joined.empty() ? "" : " ") + line;
  }
  CHECK(joined == text);
  // A word longer than the line is cut between letters, keeping each letter whole.
  const auto cut = canvas.painter->wrap("Ệệệệệệệệệệệệệệệệệệệệệệệệệ", font, 120);
  CHECK(cut.size() > 1);
}

TEST_CASE("The text cache stays within its bound however many lines are drawn", "[kiosk][render]") {
  Canvas canvas(200, 50);
  for (int i = 0; i < 1500; ++i) {
    (void)canvas.painter->text({0, 0}, "Dòng số " + std::to_string(i), black(20), 0);
  }
  CHECK(canvas.painter->text_cache().size() <= render::SdlPainter::kTextCacheLines);
}

TEST_CASE("Images are drawn from the bundle, and a missing image is skipped quietly",
          "[kiosk][render]") {
  Canvas canvas(100, 100);
  const std::string icon =
      std::string(TINXA_SOURCE_DIR) + "/content/sample/media/icons/chuan-ngheo.png";
  const auto size = canvas.painter->image_size(icon);
  REQUIRE(size);
  CHECK(size->width > 0);
  CHECK_FALSE(canvas.painter->image_size("/nonexistent/image.png"));
  canvas.painter->image({0, 0, 64, 64}, "/nonexistent/image.png");
  canvas.painter->image({0, 0, 64, 64}, icon);
}
