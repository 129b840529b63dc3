#pragma once

#include "content/model/Page.hpp"
#include "kiosk/ui/DocumentScreen.hpp"

#include <optional>

namespace tinxa::kiosk::ui {

// One page: title, summary, the body blocks (headings, paragraphs, bullet lists, tables, images,
// notices, with unverified notices marked), then its sources, the QR code of its link (black
// squares on white, with the quiet zone, whatever the palette, each module at least 1.2 mm) with
// "Quét mã để xem nguồn", and the "Cập nhật ngày" line. The page must outlive the screen.
class PageScreen final : public DocumentScreen {
 public:
  PageScreen(const Theme& theme, Navigator& navigator, const content::Page& page);

  [[nodiscard]] std::string name() const override { return "page:" + m_page.id; }

  // The labels that introduce each kind of notice, and a source's status, as residents read them.
  [[nodiscard]] static std::string notice_label(content::NoticeKind kind);
  [[nodiscard]] static std::string source_line(const content::Source& source);

  // Where the QR code was laid out, in document coordinates: the white square including the
  // quiet zone, and the side of one module. Empty when the page has no link or before layout.
  struct QrPlacement {
    Rect quiet{};
    int module_px = 0;
  };
  [[nodiscard]] const std::optional<QrPlacement>& qr() const noexcept { return m_qr; }
  static constexpr const char* kQrCaption = "Quét mã để xem nguồn";
  static constexpr const char* kQrCaptionEn = "Scan for the source";

 protected:
  void build(DisplayList& list, int width, Measurer& measurer) override;

 private:
  const content::Page& m_page;
  std::optional<QrPlacement> m_qr;
};

}  // namespace tinxa::kiosk::ui
