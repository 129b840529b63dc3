#include "kiosk/ui/selfcheck/SelfCheckResult.hpp"

#include "content/eligibility/Eligibility.hpp"
#include "kiosk/ui/QrCode.hpp"

#include <algorithm>
#include <cmath>

namespace tinxa::kiosk::ui::selfcheck {

namespace {

// "hộ cận nghèo" -> "Hộ cận nghèo" (the first letter of every category name is an ASCII h or k).
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string basis_line(const content::LegalBasis& b) {
  return b.article.empty() ? b.document + " (điều khoản chưa xác minh)"
                           : b.document + ", " + b.article;
}

std::string role_words(content::StandardRole role) {
  switch (role) {
    case content::StandardRole::applies:
      return "";
    case content::StandardRole::provincial_uncertain:
      return " (nếu tỉnh còn dùng chuẩn riêng; chưa rõ)";
    case content::StandardRole::national_if_lapsed:
      return " (nếu tỉnh không còn dùng chuẩn riêng)";
  }
  return "";
}

std::string possible_words(const content::StandardOutcome& o) {
  std::string out;
  for (std::size_t i = 0; i < o.possible.size(); ++i) {
    if (i > 0) out += i + 1 == o.possible.size() ? " hoặc " : ", ";
    out += content::category_name(o.possible[i]).get("vi");
  }
  return out;
}

}  // namespace

SelfCheckResult::SelfCheckResult(const Theme& theme, Navigator& navigator,
                                 content::EligibilityResult result, const content::Bundle* bundle,
                                 std::function<void()> restart)
    : DocumentScreen(theme, navigator),
      m_result(std::move(result)),
      m_bundle(bundle),
      m_restart(std::move(restart)) {
  auto add_page = [&](const std::string& id) {
    if (std::find(m_pages.begin(), m_pages.end(), id) == m_pages.end()) m_pages.push_back(id);
  };
  // The policies of every category the household may be in, most likely standard first.
  for (const auto& o : m_result.outcomes) {
    for (const auto category : o.possible) {
      for (const auto& ref : content::policies_for(*o.standard, category)) add_page(ref.page);
    }
  }
  for (const auto& o : m_result.outcomes) {
    for (const auto& id : o.standard->where_to_apply_pages) add_page(id);
  }
}

std::string SelfCheckResult::headline() const {
  if (m_result.category) return capitalised(content::category_name(*m_result.category).get("vi"));
  return "Chưa xác định được một loại hộ";
}

void SelfCheckResult::build(DisplayList& list, int width, Measurer& measurer) {
  const Theme& t = m_theme;
  const Palette& p = t.palette();
  const int reading = std::min(width, t.mm(300.0));
  const int gap = t.gap_px();
  int y = t.mm(3.0);
  m_targets.clear();
  auto text = [&](const std::string& s, const TextStyle& style, int x, int w) {
    const Size size = measurer.measure_text(s, style, w);
    list.add_text({x, y, size.width, size.height}, s, style, w);
    return size.height;
  };
  auto paragraph = [&](const std::string& s, const TextStyle& style, int after) {
    y += text(s, style, 0, reading) + after;
  };
  // A box with a thick left edge, in the colours of the page notices.
  auto notice = [&](const std::string& s, Color background, Color stripe) {
    const int pad = t.mm(3.0);
    const int edge = t.mm(2.0);
    const int inner = reading - 2 * pad - edge;
    const Size size = measurer.measure_text(s, t.body(), inner);
    const int h = size.height + 2 * pad;
    list.add_rect({0, y, reading, h}, background);
    list.add_rect({0, y, edge, h}, stripe);
    list.add_text({edge + pad, y + pad, size.width, size.height}, s, t.body(), inner);
    y += h + gap;
  };
  auto link_row = [&](const std::string& title, const std::string& note, const std::string& target,
                      bool accent) {
    const int pad = t.mm(3.0);
    const int border = std::max(2, t.mm(0.6));
    TextStyle title_style = t.body_bold();
    TextStyle note_style = t.small();
    if (accent) {
      title_style.color = p.accent_text;
      note_style.color = p.accent_text;
    }
    const int inner = reading - 2 * pad - t.mm(8.0);
    const Size ts = measurer.measure_text(title, title_style, inner);
    const Size ns = note.empty() ? Size{} : measurer.measure_text(note, note_style, inner);
    const int content_h = ts.height + (note.empty() ? 0 : t.mm(1.0) + ns.height);
    const int h = std::max(t.target_px(), content_h + 2 * pad);
    const Rect row{0, y, reading, h};
    const int link = list.add_link(row);
    m_targets.push_back(target);
    list.add_rounded_rect(row, t.radius_px(), accent ? p.accent_text : p.border);
    list.add_rounded_rect(row.inset(border), t.radius_px(), accent ? p.accent : p.surface, link);
    const int top = y + (h - content_h) / 2;
    list.add_text({pad, top, ts.width, ts.height}, title, title_style, inner);
    if (!note.empty()) {
      list.add_text({pad, top + ts.height + t.mm(1.0), ns.width, ns.height}, note, note_style,
                    inner);
    }
    TextStyle arrow = t.title();
    arrow.color = title_style.color;
    const Size as = measurer.measure_text("›", arrow, 0);
    list.add_text({reading - pad - as.width, y + (h - as.height) / 2, as.width, as.height}, "›",
                  arrow, 0);
    y += h + gap;
  };

  TextStyle label = t.body_bold();
  label.color = p.muted_text;
  paragraph("Kết quả tự kiểm tra (chỉ để tham khảo):", label, t.mm(1.5));
  TextStyle big = t.title();
  big.size_px = t.title().size_px * 3 / 2;
  paragraph(headline(), big, gap);
  if (!m_result.category || m_result.outcomes.size() > 1) {
    for (const auto& o : m_result.outcomes) {
      paragraph("Theo " + o.standard->title.get("vi") + role_words(o.role) + ": " +
                    possible_words(o) + ".",
                t.body(), t.mm(1.5));
    }
    y += gap;
  }
  if (!m_result.caveats.empty()) {
    notice(m_result.caveats.front().text.get("vi"), p.info_background, p.accent);
  }

  const auto& first = m_result.outcomes.front();
  paragraph("Chuẩn đã dùng: " + first.standard->title.get("vi") + ", theo " +
                basis_line(first.standard->classification_basis) + ".",
            t.body(), t.mm(1.5));
  for (std::size_t i = 1; i < m_result.outcomes.size(); ++i) {
    const auto& o = m_result.outcomes[i];
    paragraph("Và: " + o.standard->title.get("vi") + ", theo " +
                  basis_line(o.standard->classification_basis) + ".",
              t.body(), t.mm(1.5));
  }
  std::string income = content::format_vnd(m_result.per_person_low, "vi");
  if (m_result.per_person_high != m_result.per_person_low) {
    income += " – " + content::format_vnd(m_result.per_person_high, "vi");
  }
  paragraph("Thu nhập bình quân mỗi người mỗi tháng: " + income + " (chia cho " +
                std::to_string(m_result.members) + " người, làm tròn lên).",
            t.body_bold(), t.mm(1.5));
  for (const auto& o : m_result.outcomes) {
    paragraph("Mức thu nhập của hộ nghèo theo " + o.standard->title.get("vi") + ": từ " +
                  content::format_vnd(o.poverty_line, "vi") + " mỗi người mỗi tháng trở xuống.",
              t.body(), t.mm(1.5));
  }
  y += gap;

  paragraph("Các chỉ số thiếu hụt (" + std::to_string(first.deprived) + "):", t.heading(),
            t.mm(2.0));
  bool any = false;
  for (const auto& f : first.indicators) {
    if (f.state != content::IndicatorState::deprived) continue;
    any = true;
    std::string line = "• " + f.indicator->name.get("vi");
    if (f.indicator->status == content::FactStatus::unverified) {
      line += " (tiêu chí chưa được xác minh)";
    }
    paragraph(line, t.body(), t.mm(1.5));
  }
  if (!any) paragraph("Không có chỉ số nào thiếu hụt.", t.body(), t.mm(1.5));
  y += gap;

  for (std::size_t i = 1; i < m_result.caveats.size(); ++i) {
    notice(m_result.caveats[i].text.get("vi"), p.unverified_background, p.unverified_stripe);
  }

  if (!m_pages.empty()) {
    y += gap;
    paragraph("Các trang hỗ trợ và nơi nộp hồ sơ:", t.heading(), t.mm(2.0));
  }
  // The note a standard gives a policy page (the first outcome that lists it).
  auto note_for = [&](const std::string& id) -> std::string {
    for (const auto& o : m_result.outcomes) {
      for (const auto category : o.possible) {
        for (const auto& ref : content::policies_for(*o.standard, category)) {
          if (ref.page == id && !ref.note.empty()) return ref.note.get("vi");
        }
      }
    }
    return {};
  };
  m_qr_text = "Tự kiểm tra hộ nghèo (tham khảo): " + headline() +
              ". Xã quyết định qua rà soát "
              "hằng năm.";
  for (const auto& id : m_pages) {
    const content::Page* page = m_bundle == nullptr ? nullptr : m_bundle->find_page(id);
    if (page == nullptr) continue;
    link_row(page->title.get("vi"), note_for(id), id, false);
    m_qr_text += "\n- " + page->title.get("vi");
    if (!page->link.empty()) m_qr_text += " " + page->link;
  }
  if (!first.standard->where_to_apply.empty()) {
    paragraph(first.standard->where_to_apply.get("vi"), t.body(), gap);
    m_qr_text += "\n" + first.standard->where_to_apply.get("vi");
  }

  if (const auto code = encode_qr(m_qr_text)) {
    const Color white{255, 255, 255, 255};
    const Color black{0, 0, 0, 255};
    const int module = std::max(2, static_cast<int>(std::ceil(t.metrics().px_per_mm * 1.2)));
    const int side = (code->size + 2 * QrMatrix::kQuietZone) * module;
    y += gap;
    const Rect quiet{0, y, side, side};
    list.add_rect(quiet, white);
    for (int qy = 0; qy < code->size; ++qy) {
      for (int qx = 0; qx < code->size; ++qx) {
        if (!code->at(qx, qy)) continue;
        list.add_rect({quiet.x + (QrMatrix::kQuietZone + qx) * module,
                       quiet.y + (QrMatrix::kQuietZone + qy) * module, module, module},
                      black);
      }
    }
    const int cx = side + gap * 2;
    const int cw = std::max(t.mm(40.0), reading - cx);
    int cy = y + t.mm(2.0);
    const std::string caption = "Quét mã để lưu kết quả và tên các trang vào điện thoại";
    const Size s1 = measurer.measure_text(caption, t.body_bold(), cw);
    list.add_text({cx, cy, s1.width, s1.height}, caption, t.body_bold(), cw);
    cy += s1.height + t.mm(1.0);
    const std::string note = "Máy này không lưu câu trả lời của bà con.";
    const Size s2 = measurer.measure_text(note, t.small(), cw);
    list.add_text({cx, cy, s2.width, s2.height}, note, t.small(), cw);
    y += side + gap * 2;
  } else {
    m_qr_text.clear();
  }
  link_row(kRestart, "", "", true);
  y += t.mm(4.0);
  list.add_rect({0, y, 1, 1}, p.background);
}

void SelfCheckResult::activate_link(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= m_targets.size()) return;
  const std::string& target = m_targets[static_cast<std::size_t>(index)];
  if (target.empty()) {
    if (m_restart) m_restart();
  } else {
    m_navigator.open_page(target);
  }
}

}  // namespace tinxa::kiosk::ui::selfcheck
