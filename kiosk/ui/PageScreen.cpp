#include "kiosk/ui/PageScreen.hpp"

#include "content/time/Date.hpp"
#include "kiosk/ui/QrCode.hpp"
#include "kiosk/ui/UiText.hpp"

#include <cmath>

#include <algorithm>

namespace tinxa::kiosk::ui {
namespace {

// Appends laid-out blocks to a DisplayList, keeping the running y.
class Writer {
 public:
  Writer(DisplayList& list, Measurer& measurer, const Theme& theme, int width,
         std::string_view language)
      : m_list(list), m_measurer(measurer), m_theme(theme), m_width(width), m_lang(language) {}

  int& y() { return m_y; }

  int text(int x, const std::string& s, const TextStyle& style, int width) {
    const Size size = m_measurer.measure_text(s, style, width);
    m_list.add_text({x, m_y, size.width, size.height}, s, style, width);
    return size.height;
  }

  // Text lines stay under about 80 characters, which elderly readers follow more easily.
  [[nodiscard]] int measure_width() const { return std::min(m_width, m_theme.mm(300.0)); }

  void paragraph(const std::string& s, const TextStyle& style, int after) {
    m_y += text(0, s, style, measure_width()) + after;
  }

  void bullets(const std::vector<content::LocalizedText>& items) {
    const TextStyle style = m_theme.body();
    const int indent = m_theme.mm(8.0);
    const int dot = std::max(8, style.size_px / 3);
    const int line = m_measurer.measure_text("Ay", style, 0).height;
    for (const auto& item : items) {
      m_list.add_rounded_rect({m_theme.mm(2.0), m_y + line / 2 - dot / 2, dot, dot}, dot / 2,
                              style.color);
      m_y += text(indent, item.get(m_lang), style, measure_width() - indent) + m_theme.mm(2.0);
    }
    m_y += m_theme.gap_px();
  }

  void table(const content::Table& table) {
    const Palette& p = m_theme.palette();
    const std::size_t n = std::max<std::size_t>(1, table.columns.size());
    const int line = std::max(2, m_theme.mm(0.5));
    const int pad = m_theme.mm(2.5);
    const int cell_w = (m_width - line) / static_cast<int>(n);
    auto row = [&](const std::vector<content::LocalizedText>& cells, bool header) {
      const TextStyle style = header ? m_theme.body_bold() : m_theme.body();
      int h = 0;
      for (const auto& cell : cells) {
        h = std::max(
            h, m_measurer.measure_text(cell.get(m_lang), style, cell_w - line - 2 * pad).height);
      }
      h += 2 * pad;
      m_list.add_rect({0, m_y, cell_w * static_cast<int>(n) + line, h + line}, p.border);
      for (std::size_t i = 0; i < cells.size() && i < n; ++i) {
        const Rect cell{static_cast<int>(i) * cell_w + line, m_y + line, cell_w - line, h - line};
        m_list.add_rect(cell, header ? p.table_header : p.surface);
        const Size s = m_measurer.measure_text(cells[i].get(m_lang), style, cell.width - 2 * pad);
        m_list.add_text({cell.x + pad, cell.y + pad, s.width, s.height}, cells[i].get(m_lang),
                        style, cell.width - 2 * pad);
      }
      m_y += h;
    };
    row(table.columns, true);
    for (const auto& r : table.rows) row(r, false);
    m_y += line + m_theme.gap_px() * 2;
  }

  void figure(const content::Figure& figure, int max_height) {
    const std::string id = figure.image.path.absolute.string();
    if (const auto size = m_measurer.image_size(id); size && size->width > 0 && size->height > 0) {
      double scale = std::min(1.0, double(m_width) / size->width);
      scale = std::min(scale, double(max_height) / size->height);
      // Small images are enlarged up to twice, so line drawings stay legible.
      if (size->width * 2 <= m_width && size->height * 2 <= max_height) scale = 2.0;
      const int w = static_cast<int>(size->width * scale);
      const int h = static_cast<int>(size->height * scale);
      m_list.add_image({(m_width - w) / 2, m_y, w, h}, id);
      m_y += h + m_theme.mm(2.0);
    }
    if (!figure.caption.empty() && !figure.caption.get(m_lang).empty()) {
      const TextStyle caption = m_theme.small();
      const Size size =
          m_measurer.measure_text(figure.caption.get(m_lang), caption, measure_width());
      m_list.add_text({(m_width - size.width) / 2, m_y, size.width, size.height},
                      figure.caption.get(m_lang), caption, measure_width());
      m_y += size.height;
    }
    m_y += m_theme.gap_px() * 2;
  }

  void notice(const content::Notice& notice) {
    const Palette& p = m_theme.palette();
    Color background = p.info_background;
    Color stripe = p.accent;
    if (notice.kind == content::NoticeKind::warning) {
      background = p.warning_background;
      stripe = p.text;
    } else if (notice.kind == content::NoticeKind::unverified) {
      background = p.unverified_background;
      stripe = p.unverified_stripe;
    }
    const int pad = m_theme.mm(4.0);
    const int stripe_w = m_theme.mm(3.0);
    const int inner_w = m_width - stripe_w - 2 * pad;
    TextStyle label = m_theme.body_bold();
    label.color = notice.kind == content::NoticeKind::unverified ? p.unverified_stripe : p.text;
    const std::string label_text = PageScreen::notice_label(notice.kind, m_lang);
    const Size ls = m_measurer.measure_text(label_text, label, inner_w);
    const Size ts = m_measurer.measure_text(notice.text.get(m_lang), m_theme.body(), inner_w);
    const int h = pad + ls.height + m_theme.mm(1.0) + ts.height + pad;
    m_list.add_rounded_rect({0, m_y, m_width, h}, m_theme.radius_px(), background);
    m_list.add_rect({0, m_y, stripe_w, h}, stripe);
    if (notice.kind == content::NoticeKind::unverified) {
      // A dashed frame, so the mark survives printing in grey and colour-blind eyes.
      const int dash = m_theme.mm(4.0);
      const int thick = std::max(2, m_theme.mm(0.6));
      for (int x = stripe_w; x < m_width; x += 2 * dash) {
        const int w = std::min(dash, m_width - x);
        m_list.add_rect({x, m_y, w, thick}, stripe);
        m_list.add_rect({x, m_y + h - thick, w, thick}, stripe);
      }
    }
    const int x = stripe_w + pad;
    m_list.add_text({x, m_y + pad, ls.width, ls.height}, label_text, label, inner_w);
    m_list.add_text({x, m_y + pad + ls.height + m_theme.mm(1.0), ts.width, ts.height},
                    notice.text.get(m_lang), m_theme.body(), inner_w);
    m_y += h + m_theme.gap_px() * 2;
  }

 private:
  DisplayList& m_list;
  Measurer& m_measurer;
  const Theme& m_theme;
  int m_width;
  std::string_view m_lang;
  int m_y = 0;
};

}  // namespace

PageScreen::PageScreen(const Theme& theme, Navigator& navigator, const content::Page& page,
                       std::string language, ListenContext listen,
                       const std::filesystem::path& narration_folder)
    : DocumentScreen(theme, navigator),
      m_page(page),
      m_language(std::move(language)),
      m_bar(theme, std::move(listen)) {
  m_bar.set_source(page_listen_source(page, m_language, narration_folder));
}

bool PageScreen::input(const Action& action) {
  if (m_bar.input(action)) return true;
  return DocumentScreen::input(action);
}

void PageScreen::render(Painter& painter) const {
  DocumentScreen::render(painter);
  m_bar.render(painter);
}

int PageScreen::footer_height(int width, Measurer& measurer) {
  return m_bar.height_for(width, measurer);
}

void PageScreen::layout_footer(const Rect& rect, Measurer& measurer) {
  m_bar.layout(rect, measurer);
}

std::string PageScreen::notice_label(content::NoticeKind kind, std::string_view language) {
  switch (kind) {
    case content::NoticeKind::info:
      return std::string{ui_text(UiText::page_note, language)};
    case content::NoticeKind::warning:
      return std::string{ui_text(UiText::page_warning, language)};
    case content::NoticeKind::unverified:
      return std::string{ui_text(UiText::page_unverified, language)};
  }
  return {};
}

std::string PageScreen::source_line(const content::Source& source, std::string_view language) {
  std::string line = source.document;
  if (!source.article.empty()) line += ", " + source.article;
  if (source.issued)
    line +=
        (language == content::kVietnamese ? ", ngày " : ", ") + content::format_vi(*source.issued);
  switch (source.status) {
    case content::SourceStatus::confirmed:
      break;
    case content::SourceStatus::partial:
      line += ui_text(UiText::source_partial, language);
      break;
    case content::SourceStatus::unverified:
      line += ui_text(UiText::source_unverified, language);
      break;
  }
  return line;
}

void PageScreen::build(DisplayList& list, int width, Measurer& measurer) {
  const Theme& t = m_theme;
  Writer w(list, measurer, t, width, m_language);
  w.y() = t.mm(4.0);
  w.paragraph(m_page.title.get(m_language), t.title(), t.gap_px());
  if (m_language != content::kVietnamese &&
      std::find(m_page.languages.begin(), m_page.languages.end(), m_language) ==
          m_page.languages.end()) {
    TextStyle note = t.small();
    note.color = t.palette().muted_text;
    w.paragraph(kOnlyVietnamese, note, t.gap_px());
  }
  w.paragraph(m_page.summary.get(m_language), t.body_bold(), t.gap_px() * 2);
  const int max_image_h = std::max(t.mm(40.0), viewport().height * 3 / 5);
  for (const content::Block& block : m_page.body) {
    if (const auto* h = std::get_if<content::Heading>(&block)) {
      w.y() += t.gap_px();
      w.paragraph(h->text.get(m_language), t.heading(), t.mm(2.0));
    } else if (const auto* para = std::get_if<content::Paragraph>(&block)) {
      w.paragraph(para->text.get(m_language), t.body(), t.gap_px());
    } else if (const auto* b = std::get_if<content::BulletList>(&block)) {
      w.bullets(b->items);
    } else if (const auto* table = std::get_if<content::Table>(&block)) {
      w.table(*table);
    } else if (const auto* figure = std::get_if<content::Figure>(&block)) {
      w.figure(*figure, max_image_h);
    } else if (const auto* notice = std::get_if<content::Notice>(&block)) {
      w.notice(*notice);
    }
  }

  w.y() += t.gap_px();
  list.add_rect({0, w.y(), width, std::max(2, t.mm(0.5))}, t.palette().border);
  w.y() += t.gap_px();
  TextStyle label = t.small();
  label.weight = FontWeight::bold;
  w.paragraph(std::string{ui_text(UiText::page_sources, m_language)}, label, t.mm(1.5));
  for (const content::Source& source : m_page.sources) {
    w.paragraph("• " + source_line(source, m_language), t.small(), t.mm(1.5));
  }
  m_qr.reset();
  if (const auto code = encode_qr(m_page.link)) {
    // Black on white in every palette: phone cameras need the dark modules on a light field.
    const Color white{255, 255, 255, 255};
    const Color black{0, 0, 0, 255};
    const int module = std::max(2, static_cast<int>(std::ceil(t.metrics().px_per_mm * 1.2)));
    const int side = (code->size + 2 * QrMatrix::kQuietZone) * module;
    w.y() += t.gap_px();
    const Rect quiet{0, w.y(), side, side};
    list.add_rect(quiet, white);
    for (int y = 0; y < code->size; ++y) {
      for (int x = 0; x < code->size; ++x) {
        if (!code->at(x, y)) continue;
        list.add_rect({quiet.x + (QrMatrix::kQuietZone + x) * module,
                       quiet.y + (QrMatrix::kQuietZone + y) * module, module, module},
                      black);
      }
    }
    m_qr = QrPlacement{quiet, module};
    // The caption beside the code where there is room, else under it.
    const int caption_x = side + t.margin_px();
    const int caption_w = width - caption_x;
    const bool beside = caption_w >= t.mm(70.0);
    const int cx = beside ? caption_x : 0;
    const int cw = beside ? caption_w : width;
    int cy = beside ? quiet.y + t.mm(4.0) : quiet.bottom() + t.mm(2.0);
    const Size s1 = measurer.measure_text(kQrCaption, t.body_bold(), cw);
    list.add_text({cx, cy, s1.width, s1.height}, kQrCaption, t.body_bold(), cw);
    cy += s1.height + t.mm(1.0);
    const Size s2 = measurer.measure_text(kQrCaptionEn, t.small(), cw);
    list.add_text({cx, cy, s2.width, s2.height}, kQrCaptionEn, t.small(), cw);
    cy += s2.height;
    w.y() = std::max(quiet.bottom(), cy) + t.gap_px();
  }
  w.y() += t.mm(2.0);
  w.paragraph(ui_format(UiText::page_updated, m_language, {content::format_vi(m_page.updated)}),
              label, 0);
}

}  // namespace tinxa::kiosk::ui
