#pragma once

#include "content/model/Page.hpp"
#include "kiosk/ui/DocumentScreen.hpp"
#include "kiosk/ui/ListenBar.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tinxa::kiosk::ui {

// One page: title, summary, the body blocks (headings, paragraphs, bullet lists, tables, images,
// notices, with unverified notices marked), then its sources, the QR code of its link (black
// squares on white, with the quiet zone, whatever the palette, each module at least 1.2 mm) with
// "Quét mã để xem nguồn", and the "Cập nhật ngày" line. The page must outlive the screen.
// The page's texts are shown in `language` where it has them (a page without it says so and
// stays in Vietnamese). Along the bottom, fixed, the "Nghe" bar plays the page's recording or its
// narration from `narration_folder` (see page_listen_source()).
class PageScreen final : public DocumentScreen {
 public:
  PageScreen(const Theme& theme, Navigator& navigator, const content::Page& page,
             std::string language = "vi", ListenContext listen = {},
             const std::filesystem::path& narration_folder = {});

  [[nodiscard]] bool input(const Action& action) override;
  void render(Painter& painter) const override;
  [[nodiscard]] const ListenBar& listen_bar() const noexcept { return m_bar; }
  [[nodiscard]] const std::string& language() const noexcept { return m_language; }
  static constexpr const char* kOnlyVietnamese =
      "Trang này chỉ có tiếng Việt. / This page is only in Vietnamese.";

  [[nodiscard]] std::string name() const override { return "page:" + m_page.id; }

  // The labels that introduce each kind of notice, and a source's status, as residents read them.
  [[nodiscard]] static std::string notice_label(content::NoticeKind kind,
                                                std::string_view language = "vi");
  [[nodiscard]] static std::string source_line(const content::Source& source,
                                               std::string_view language = "vi");

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
  [[nodiscard]] int footer_height(int width, Measurer& measurer) override;
  void layout_footer(const Rect& rect, Measurer& measurer) override;

 private:
  const content::Page& m_page;
  std::string m_language;
  ListenBar m_bar;
  std::optional<QrPlacement> m_qr;
};

}  // namespace tinxa::kiosk::ui
