#include "content/eligibility/ResultFormat.hpp"

#include "content/time/Date.hpp"

#include <fmt/format.h>

namespace tinxa::content {

namespace {

std::string_view role_name(StandardRole role) {
  switch (role) {
    case StandardRole::applies:
      return "applies";
    case StandardRole::provincial_uncertain:
      return "provincial_uncertain";
    case StandardRole::national_if_lapsed:
      return "national_if_lapsed";
  }
  return "applies";
}

std::string_view state_name(IndicatorState state) {
  switch (state) {
    case IndicatorState::deprived:
      return "deprived";
    case IndicatorState::not_deprived:
      return "not_deprived";
    case IndicatorState::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view kind_name(CaveatKind kind) {
  switch (kind) {
    case CaveatKind::indicative:
      return "indicative";
    case CaveatKind::uncertain_standard:
      return "uncertain_standard";
    case CaveatKind::unverified_criterion:
      return "unverified_criterion";
    case CaveatKind::depends_on_unverified:
      return "depends_on_unverified";
    case CaveatKind::unverified_figure:
      return "unverified_figure";
    case CaveatKind::unknown_band:
      return "unknown_band";
    case CaveatKind::unknown_answers:
      return "unknown_answers";
    case CaveatKind::income_range:
      return "income_range";
    case CaveatKind::standard_note:
      return "standard_note";
  }
  return "standard_note";
}

std::string basis_text(const LegalBasis& b) {
  std::string out = b.document;
  out += b.article.empty() ? ", điều khoản chưa xác minh / article not verified" : ", " + b.article;
  return out;
}

std::string page_title(const Bundle* bundle, const std::string& id, std::string_view language) {
  if (bundle == nullptr) return {};
  const Page* page = bundle->find_page(id);
  return page == nullptr ? std::string{} : page->title.get(language);
}

std::string status_vi(FactStatus status) {
  switch (status) {
    case FactStatus::confirmed:
      return "đã xác nhận";
    case FactStatus::partial:
      return "xác nhận một phần";
    case FactStatus::unverified:
      return "chưa xác minh";
  }
  return "chưa xác minh";
}

std::string role_text(const StandardOutcome& o) {
  switch (o.role) {
    case StandardRole::applies:
      return "áp dụng / applies";
    case StandardRole::provincial_uncertain:
      return "nếu tỉnh còn dùng chuẩn riêng (chưa rõ) / if the province still applies it (not "
             "known)";
    case StandardRole::national_if_lapsed:
      return "nếu tỉnh không còn dùng chuẩn riêng / if the province no longer applies its own";
  }
  return {};
}

std::string income_text(const EligibilityResult& r, std::string_view language) {
  if (r.per_person_low == r.per_person_high) return format_vnd(r.per_person_low, language);
  return format_vnd(r.per_person_low, language) + " – " + format_vnd(r.per_person_high, language);
}

}  // namespace

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (u < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(u));
        else
          out += c;
    }
  }
  out += '"';
  return out;
}

std::string format_result_text(const EligibilityResult& r, const Bundle* bundle) {
  std::string out;
  out += fmt::format("Tự kiểm tra / self-check: {} ({}), tỉnh / province: {}\n", format_vi(r.date),
                     format_iso(r.date), r.province.empty() ? "-" : r.province);
  out += fmt::format("  Khu vực / area: {}; số người / members: {}\n",
                     r.area == Area::rural ? "nông thôn / rural" : "thành thị / urban", r.members);
  out += fmt::format(
      "  Thu nhập bình quân mỗi người mỗi tháng / income per person per month: {} / {}\n"
      "    (làm tròn lên đến đồng / rounded up to the whole đồng)\n",
      income_text(r, "vi"), income_text(r, "en"));
  if (r.category) {
    const auto name = category_name(*r.category);
    out += fmt::format("Kết quả / result: {} / {}\n", name.get("vi"), name.get("en"));
  } else {
    out +=
        "Kết quả / result: chưa xác định được một loại / not settled to one category; xem từng "
        "chuẩn dưới đây / see each standard below\n";
  }
  for (const auto& o : r.outcomes) {
    const Standard& s = *o.standard;
    out += fmt::format("\nChuẩn / standard: {} / {} [{}] ({})\n", s.title.get("vi"),
                       s.title.get("en"), s.id, role_text(o));
    out += fmt::format("  Căn cứ / basis: {} ({})\n", basis_text(s.classification_basis),
                       to_string(s.classification_basis.status));
    out += fmt::format("  Chuẩn nghèo / poverty line: {} / {} ({})\n",
                       format_vnd(o.poverty_line, "vi"), format_vnd(o.poverty_line, "en"),
                       to_string(s.poverty_line.status));
    if (o.average_upper)
      out += fmt::format("  Mức sống trung bình đến / average living up to: {} / {} ({})\n",
                         format_vnd(*o.average_upper, "vi"), format_vnd(*o.average_upper, "en"),
                         to_string(s.average_living_upper->status));
    else
      out += "  Mức sống trung bình / average living band: chưa biết / not known\n";
    out += fmt::format(
        "  Thiếu hụt / deprived: {} chỉ số / indicators (cần {} để là hộ nghèo / {} "
        "needed for poor); không biết / don't know: {}\n",
        o.deprived, s.min_deprivations_for_poor, s.min_deprivations_for_poor, o.unknown);
    for (const auto& f : o.indicators) {
      if (f.state == IndicatorState::not_deprived) continue;
      const Indicator& i = *f.indicator;
      out += fmt::format(
          "    - {}{} / {} [{}; tiêu chí {} / criterion {}]\n",
          i.number ? fmt::format("{}. ", *i.number) : "", i.name.get("vi"), i.name.get("en"),
          f.state == IndicatorState::deprived ? "thiếu hụt / deprived" : "không biết / don't know",
          status_vi(i.status), to_string(i.status));
      out += fmt::format("      {}\n      {}\n", f.reason.get("vi"), f.reason.get("en"));
    }
    std::string possible;
    for (const auto c : o.possible) {
      const auto name = category_name(c);
      possible += (possible.empty() ? "" : "; ") + name.get("vi") + " / " + name.get("en");
    }
    out += fmt::format("  Theo chuẩn này / under this standard: {}\n", possible);
    for (const auto c : o.possible) {
      const auto& policies = policies_for(s, c);
      if (policies.empty()) continue;
      out += fmt::format("  Chính sách cho / policies for {}:\n", category_name(c).get("vi"));
      for (const auto& p : policies) {
        const std::string title = page_title(bundle, p.page, "vi");
        out += fmt::format("    - {}{}", p.page, title.empty() ? "" : ": " + title);
        if (!p.note.empty()) out += fmt::format(" ({} / {})", p.note.get("vi"), p.note.get("en"));
        if (p.status != FactStatus::confirmed) out += fmt::format(" [{}]", to_string(p.status));
        out += '\n';
      }
    }
    out += fmt::format("  Nộp ở đâu / where to apply: {}\n    {}\n", s.where_to_apply.get("vi"),
                       s.where_to_apply.get("en"));
    if (!s.where_to_apply_pages.empty()) {
      std::string pages;
      for (const auto& p : s.where_to_apply_pages) pages += (pages.empty() ? "" : ", ") + p;
      out += fmt::format("    Trang / pages: {}\n", pages);
    }
  }
  out += "\nLưu ý / caveats:\n";
  for (const auto& c : r.caveats)
    out += fmt::format("  - {}\n    {}\n", c.text.get("vi"), c.text.get("en"));
  return out;
}

std::string format_result_json(const EligibilityResult& r, const Bundle* bundle) {
  std::string out = "{\n";
  out += fmt::format("  \"date\": {},\n", json_string(format_iso(r.date)));
  out += fmt::format("  \"province\": {},\n", json_string(r.province));
  out += fmt::format("  \"area\": {},\n", json_string(to_string(r.area)));
  out += fmt::format("  \"members\": {},\n", r.members);
  out += fmt::format(
      "  \"income_per_person_monthly\": {{\"low\": {}, \"high\": {}, \"rounding\": "
      "\"up to the whole dong\"}},\n",
      r.per_person_low, r.per_person_high);
  out += fmt::format("  \"category\": {},\n",
                     r.category ? json_string(to_string(*r.category)) : "null");
  out +=
      fmt::format("  \"certain\": {},\n", r.category && r.outcomes.size() == 1 ? "true" : "false");
  out += "  \"outcomes\": [";
  for (std::size_t k = 0; k < r.outcomes.size(); ++k) {
    const auto& o = r.outcomes[k];
    const Standard& s = *o.standard;
    out += k == 0 ? "\n" : ",\n";
    out += "    {\n";
    out += fmt::format("      \"standard\": {},\n", json_string(s.id));
    out += fmt::format("      \"title\": {{\"vi\": {}, \"en\": {}}},\n",
                       json_string(s.title.get("vi")), json_string(s.title.get("en")));
    out += fmt::format("      \"role\": {},\n", json_string(role_name(o.role)));
    out += fmt::format("      \"basis\": {{\"text\": {}, \"status\": {}}},\n",
                       json_string(basis_text(s.classification_basis)),
                       json_string(to_string(s.classification_basis.status)));
    out += fmt::format("      \"poverty_line\": {},\n", o.poverty_line);
    out += fmt::format("      \"average_upper\": {},\n",
                       o.average_upper ? std::to_string(*o.average_upper) : "null");
    std::string possible;
    for (const auto c : o.possible)
      possible += (possible.empty() ? "" : ", ") + json_string(to_string(c));
    out += fmt::format("      \"possible\": [{}],\n", possible);
    out += fmt::format("      \"category\": {},\n",
                       o.category ? json_string(to_string(*o.category)) : "null");
    out += fmt::format("      \"deprived_count\": {},\n", o.deprived);
    out += fmt::format("      \"unknown_count\": {},\n", o.unknown);
    out += fmt::format("      \"depends_on_unverified\": {},\n",
                       o.depends_on_unverified ? "true" : "false");
    out += "      \"indicators\": [";
    for (std::size_t i = 0; i < o.indicators.size(); ++i) {
      const auto& f = o.indicators[i];
      out += i == 0 ? "\n" : ",\n";
      out += fmt::format(
          "        {{\"id\": {}, \"number\": {}, \"name\": {{\"vi\": {}, \"en\": {}}}, "
          "\"status\": {}, \"state\": {}, \"reason\": {{\"vi\": {}, \"en\": {}}}}}",
          json_string(f.indicator->id),
          f.indicator->number ? std::to_string(*f.indicator->number) : "null",
          json_string(f.indicator->name.get("vi")), json_string(f.indicator->name.get("en")),
          json_string(to_string(f.indicator->status)), json_string(state_name(f.state)),
          json_string(f.reason.get("vi")), json_string(f.reason.get("en")));
    }
    out += "\n      ],\n      \"policies\": {";
    bool first_category = true;
    for (const auto c : o.possible) {
      out += first_category ? "\n" : ",\n";
      first_category = false;
      out += fmt::format("        {}: [", json_string(to_string(c)));
      const auto& policies = policies_for(s, c);
      for (std::size_t p = 0; p < policies.size(); ++p) {
        const auto& ref = policies[p];
        out += p == 0 ? "" : ", ";
        out += fmt::format("{{\"page\": {}, \"title\": {}, \"note\": {}, \"status\": {}}}",
                           json_string(ref.page), json_string(page_title(bundle, ref.page, "vi")),
                           ref.note.empty() ? "null"
                                            : fmt::format("{{\"vi\": {}, \"en\": {}}}",
                                                          json_string(ref.note.get("vi")),
                                                          json_string(ref.note.get("en"))),
                           json_string(to_string(ref.status)));
      }
      out += "]";
    }
    out += "\n      },\n";
    std::string pages;
    for (const auto& p : s.where_to_apply_pages)
      pages += (pages.empty() ? "" : ", ") + json_string(p);
    out += fmt::format(
        "      \"where_to_apply\": {{\"vi\": {}, \"en\": {}, \"pages\": [{}]}}\n    }}",
        json_string(s.where_to_apply.get("vi")), json_string(s.where_to_apply.get("en")), pages);
  }
  out += "\n  ],\n  \"caveats\": [";
  for (std::size_t i = 0; i < r.caveats.size(); ++i) {
    const auto& c = r.caveats[i];
    out += i == 0 ? "\n" : ",\n";
    out +=
        fmt::format("    {{\"kind\": {}, \"vi\": {}, \"en\": {}}}", json_string(kind_name(c.kind)),
                    json_string(c.text.get("vi")), json_string(c.text.get("en")));
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace tinxa::content
