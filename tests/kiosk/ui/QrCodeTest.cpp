#include "kiosk/ui/PageScreen.hpp"
#include "kiosk/ui/QrCode.hpp"
#include "tests/kiosk/ui/UiFixture.hpp"

#include <qrencode.h>
#include <catch2/catch.hpp>

#include <algorithm>

using namespace tinxa;
using namespace tinxa::kiosk;

namespace {

using test::NoNavigator;
using test::sample_bundle;

constexpr ui::Color kBlack{0, 0, 0, 255};
constexpr ui::Color kWhite{255, 255, 255, 255};

}  // namespace

TEST_CASE("encode_qr gives libqrencode's modules, and nothing for no link", "[kiosk][qr]") {
  CHECK_FALSE(ui::encode_qr("").has_value());
  const std::string link = "https://example.gov.vn/chuan-ngheo?id=1";
  const auto m = ui::encode_qr(link);
  REQUIRE(m.has_value());
  QRcode* ref = QRcode_encodeString8bit(link.c_str(), 0, QR_ECLEVEL_M);
  REQUIRE(ref != nullptr);
  CHECK(m->size == ref->width);
  for (int y = 0; y < ref->width; ++y) {
    for (int x = 0; x < ref->width; ++x) {
      CHECK(m->at(x, y) == ((ref->data[y * ref->width + x] & 1) != 0));
    }
  }
  QRcode_free(ref);
  CHECK_FALSE(ui::encode_qr(std::string(8000, 'x')).has_value());  // too long for any version
}

TEST_CASE("A page's QR code is painted module by module with its quiet zone", "[kiosk][qr]") {
  const content::Page* page = nullptr;
  for (const auto& p : sample_bundle().pages) {
    if (!p.link.empty()) page = &p;
  }
  REQUIRE(page != nullptr);
  for (const auto contrast : {ui::ContrastMode::normal, ui::ContrastMode::high}) {
    const ui::Theme theme(ui::DisplayMetrics::from_settings(config::KioskSettings{}.display),
                          contrast);
    NoNavigator navigator;
    test::RecordingPainter painter;
    ui::PageScreen screen(theme, navigator, *page);
    screen.layout({0, 100, 1920, 980}, painter);
    REQUIRE(screen.qr().has_value());
    const auto q = *screen.qr();
    CHECK(theme.to_mm(q.module_px) >= 1.0);

    QRcode* ref = QRcode_encodeString8bit(page->link.c_str(), 0, QR_ECLEVEL_M);
    REQUIRE(ref != nullptr);
    const int n = ref->width;
    const int quiet = ui::QrMatrix::kQuietZone;
    CHECK(q.quiet.width == (n + 2 * quiet) * q.module_px);
    CHECK(q.quiet.height == q.quiet.width);

    // Rebuild the matrix from the dark squares in the document, and check the white field.
    std::vector<int> painted(static_cast<std::size_t>(n * n), 0);
    bool white_field = false;
    for (const auto& op : screen.document().ops()) {
      if (op.kind != ui::DisplayList::Op::Kind::rect) continue;
      if (op.color == kWhite && op.rect == q.quiet) white_field = true;
      const bool inside = op.rect.x >= q.quiet.x && op.rect.y >= q.quiet.y &&
                          op.rect.right() <= q.quiet.right() &&
                          op.rect.bottom() <= q.quiet.bottom();
      if (!(op.color == kBlack) || !inside) continue;
      REQUIRE(op.rect.width == q.module_px);
      REQUIRE(op.rect.height == q.module_px);
      const int mx = (op.rect.x - q.quiet.x) / q.module_px - quiet;
      const int my = (op.rect.y - q.quiet.y) / q.module_px - quiet;
      REQUIRE((op.rect.x - q.quiet.x) % q.module_px == 0);
      // Inside the code, never in the quiet zone.
      REQUIRE(mx >= 0);
      REQUIRE(my >= 0);
      REQUIRE(mx < n);
      REQUIRE(my < n);
      ++painted[static_cast<std::size_t>(my * n + mx)];
    }
    CHECK(white_field);
    int dark = 0;
    for (int i = 0; i < n * n; ++i) {
      const bool expected = (ref->data[i] & 1) != 0;
      dark += expected ? 1 : 0;
      CHECK(painted[static_cast<std::size_t>(i)] == (expected ? 1 : 0));
    }
    QRcode_free(ref);

    // And through the Painter: replaying the document over the code paints every dark module.
    painter.clear();
    screen.document().render(painter, {0, 0}, {0, q.quiet.y, 1920, q.quiet.height}, -1, kBlack);
    const auto black =
        std::count_if(painter.fills.begin(), painter.fills.end(), [&](const auto& f) {
          return f.color == kBlack && f.rect.width == q.module_px && f.rect.height == q.module_px;
        });
    CHECK(black == dark);
    CHECK(std::any_of(painter.texts.begin(), painter.texts.end(),
                      [](const auto& t) { return t.text == ui::PageScreen::kQrCaption; }));
    CHECK(std::any_of(screen.document().ops().begin(), screen.document().ops().end(),
                      [](const auto& op) { return op.text == ui::PageScreen::kQrCaptionEn; }));
  }
}

TEST_CASE("A page without a link has no QR code", "[kiosk][qr]") {
  const content::Page* page = nullptr;
  for (const auto& p : sample_bundle().pages) {
    if (p.link.empty()) page = &p;
  }
  REQUIRE(page != nullptr);
  const ui::Theme theme(ui::DisplayMetrics::from_settings(config::KioskSettings{}.display));
  NoNavigator navigator;
  test::RecordingPainter painter;
  ui::PageScreen screen(theme, navigator, *page);
  screen.layout({0, 100, 1920, 980}, painter);
  CHECK_FALSE(screen.qr().has_value());
}
