#include "bench/kiosk/StaticSite.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <variant>

namespace tinxa::bench {
namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string css_color(kiosk::ui::Color c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

std::string head(const kiosk::ui::Theme& theme, const std::filesystem::path& regular,
                 const std::filesystem::path& bold, const std::string& title) {
  const auto& p = theme.palette();
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" << escape(title)
    << "</title>\n<style>\n"
    << "@font-face{font-family:Noto;font-weight:400;src:url('file://" << regular.string() << "')}\n"
    << "@font-face{font-family:Noto;font-weight:700;src:url('file://" << bold.string() << "')}\n"
    << "html,body{margin:0;background:" << css_color(p.background) << ";color:" << css_color(p.text)
    << ";font-family:Noto;font-size:" << theme.body().size_px << "px}\n"
    << "header{display:flex;justify-content:space-between;align-items:center;height:"
    << theme.target_px() + 2 * theme.gap_px() << "px;padding:0 " << theme.margin_px()
    << "px;background:" << css_color(p.accent) << ";color:" << css_color(p.accent_text)
    << ";font-size:" << theme.bar().size_px << "px;font-weight:700}\n"
    << "main{padding:" << theme.margin_px() << "px;max-width:" << theme.mm(300) << "px}\n"
    << ".tiles{display:grid;grid-template-columns:repeat(3,1fr);gap:" << theme.gap_px()
    << "px;max-width:none}\n"
    << ".tile{background:" << css_color(p.surface) << ";border:2px solid " << css_color(p.border)
    << ";border-radius:" << theme.radius_px() << "px;padding:" << theme.gap_px()
    << "px;min-height:" << theme.target_px() * 2 << "px}\n"
    << ".tile b{font-size:" << theme.tile_title().size_px << "px}\n"
    << "h1{font-size:" << theme.title().size_px << "px}h2{font-size:" << theme.heading().size_px
    << "px}\n"
    << "table{border-collapse:collapse}td,th{border:2px solid " << css_color(p.border)
    << ";padding:8px}th{background:" << css_color(p.table_header) << "}\n"
    << ".notice{background:" << css_color(p.info_background) << ";padding:" << theme.gap_px()
    << "px}\n"
    << ".small{font-size:" << theme.small().size_px << "px;color:" << css_color(p.muted_text)
    << "}\n</style></head><body>\n";
  return o.str();
}

}  // namespace

void write_static_site(const content::Bundle& bundle, const std::string& commune_name,
                       const kiosk::ui::Theme& theme, const content::Page& page,
                       const std::filesystem::path& dir, const std::filesystem::path& regular_font,
                       const std::filesystem::path& bold_font) {
  std::filesystem::create_directories(dir);
  const std::string bar = "<header><span>" + escape(commune_name) +
                          "</span><span>14:30 · Thứ Bảy, 28/11/2026</span></header>\n";
  {
    std::ofstream home(dir / "home.html");
    home << head(theme, regular_font, bold_font, commune_name) << bar
         << "<main style=\"max-width:none\"><div class=\"tiles\">\n";
    for (const auto& category : bundle.categories) {
      home << "<div class=\"tile\"><b>" << escape(category.title.get()) << "</b><p>"
           << escape(category.summary.get()) << "</p></div>\n";
    }
    home << "</div></main></body></html>\n";
  }
  std::ofstream out(dir / "page.html");
  out << head(theme, regular_font, bold_font, page.title.get()) << bar << "<main><h1>"
      << escape(page.title.get()) << "</h1>\n<p>" << escape(page.summary.get()) << "</p>\n";
  for (const auto& block : page.body) {
    if (const auto* h = std::get_if<content::Heading>(&block)) {
      out << "<h2>" << escape(h->text.get()) << "</h2>\n";
    } else if (const auto* para = std::get_if<content::Paragraph>(&block)) {
      out << "<p>" << escape(para->text.get()) << "</p>\n";
    } else if (const auto* list = std::get_if<content::BulletList>(&block)) {
      out << "<ul>";
      for (const auto& item : list->items) out << "<li>" << escape(item.get()) << "</li>";
      out << "</ul>\n";
    } else if (const auto* table = std::get_if<content::Table>(&block)) {
      out << "<table><tr>";
      for (const auto& c : table->columns) out << "<th>" << escape(c.get()) << "</th>";
      out << "</tr>";
      for (const auto& row : table->rows) {
        out << "<tr>";
        for (const auto& c : row) out << "<td>" << escape(c.get()) << "</td>";
        out << "</tr>";
      }
      out << "</table>\n";
    } else if (const auto* notice = std::get_if<content::Notice>(&block)) {
      out << "<div class=\"notice\">" << escape(notice->text.get()) << "</div>\n";
    } else if (const auto* figure = std::get_if<content::Figure>(&block)) {
      out << "<p class=\"small\">" << escape(figure->caption.get()) << "</p>\n";
    }
  }
  for (const auto& source : page.sources) {
    out << "<p class=\"small\">Nguồn: " << escape(source.document) << " " << escape(source.article)
        << "</p>\n";
  }
  out << "</main></body></html>\n";
}

}  // namespace tinxa::bench
