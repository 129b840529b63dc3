#pragma once

#include "content/model/Page.hpp"
#include "kiosk/ui/DocumentScreen.hpp"

namespace tinxa::kiosk::ui {

// One page: title, summary, the body blocks (headings, paragraphs, bullet lists, tables, images,
// notices, with unverified notices marked), then its sources and the "Cập nhật ngày" line. The
// page must outlive the screen.
class PageScreen final : public DocumentScreen {
 public:
  PageScreen(const Theme& theme, Navigator& navigator, const content::Page& page);

  [[nodiscard]] std::string name() const override { return "page:" + m_page.id; }

  // The labels that introduce each kind of notice, and a source's status, as residents read them.
  [[nodiscard]] static std::string notice_label(content::NoticeKind kind);
  [[nodiscard]] static std::string source_line(const content::Source& source);

 protected:
  void build(DisplayList& list, int width, Measurer& measurer) override;

 private:
  const content::Page& m_page;
};

}  // namespace tinxa::kiosk::ui
