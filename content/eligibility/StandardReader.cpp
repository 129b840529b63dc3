#include "content/eligibility/StandardReader.hpp"

#include "config/reader/Document.hpp"
#include "config/reader/MapReader.hpp"
#include "config/reader/Read.hpp"
#include "config/reader/Scalars.hpp"
#include "config/reader/Suggest.hpp"
#include "content/loader/TextReader.hpp"
#include "content/time/Date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <system_error>

namespace tinxa::content {

using config::MapReader;
using config::Message;
using config::Presence;
using config::Value;

namespace {

constexpr Vnd kMaxLine = 1'000'000'000;  // a line above a billion đồng a month is a typo

const loader::TextReader& bilingual() {
  static const loader::TextReader reader({"vi", "en"});
  return reader;
}

bool read_status(const Value& value, FactStatus& out) {
  static constexpr std::array<config::EnumName<FactStatus>, 3> kNames{{
      {"confirmed", FactStatus::confirmed},
      {"partial", FactStatus::partial},
      {"unverified", FactStatus::unverified},
  }};
  return config::read_enum<FactStatus>(value, out, kNames);
}

bool read_page_ref(const Value& value, const std::vector<std::string>& page_ids, std::string& out) {
  std::string id;
  if (!config::read_id(value, id)) return false;
  if (std::find(page_ids.begin(), page_ids.end(), id) == page_ids.end()) {
    value.error(Message{fmt::format("gói nội dung không có trang \"{}\"", id),
                        fmt::format("the bundle has no page \"{}\"", id)},
                Message{"mã của một trang trong pages/", "the id of a page in pages/"},
                config::closest_match(id, page_ids));
    return false;
  }
  out = std::move(id);
  return true;
}

bool read_basis(const Value& value, LegalBasis& out) {
  MapReader map(value);
  if (!map.valid()) return false;
  LegalBasis b;
  bool ok = map.read_with("document", Presence::required,
                          [&](const Value& v) { return loader::read_nonempty(v, b.document); });
  ok &= map.read("article", b.article);
  ok &= map.read("issued", b.issued);
  ok &= map.read("effective", b.effective);
  ok &= map.read_with("status", Presence::optional,
                      [&](const Value& v) { return read_status(v, b.status); });
  ok &= bilingual().read(map, "note", b.note, Presence::optional);
  map.finish();
  if (ok) out = std::move(b);
  return ok;
}

bool read_lines(const Value& value, AreaLines& out) {
  MapReader map(value);
  if (!map.valid()) return false;
  AreaLines lines;
  const auto amount = [](Vnd& target) {
    return [&target](const Value& v) {
      return config::read_in_range<Vnd>(v, target, Vnd{1}, kMaxLine);
    };
  };
  bool ok = map.read_with("rural", Presence::required, amount(lines.rural));
  ok &= map.read_with("urban", Presence::required, amount(lines.urban));
  ok &= map.read_with("status", Presence::required,
                      [&](const Value& v) { return read_status(v, lines.status); });
  ok &= map.read_with("source", Presence::required,
                      [&](const Value& v) { return loader::read_nonempty(v, lines.source); });
  map.finish();
  if (ok) out = std::move(lines);
  return ok;
}

bool read_yes_no_word(const Value& value, bool& yes) {
  enum class Word { affirmative, negative };
  static constexpr std::array<config::EnumName<Word>, 2> kNames{
      {{"yes", Word::affirmative}, {"no", Word::negative}}};
  Word word = Word::affirmative;
  if (!config::read_enum<Word>(value, word, kNames)) return false;
  yes = word == Word::affirmative;
  return true;
}

bool read_question(const Value& value, Question& out) {
  MapReader map(value);
  if (!map.valid()) return false;
  Question q;
  bool ok = bilingual().read(map, "text", q.text, Presence::required);
  static constexpr std::array<config::EnumName<AnswerKind>, 4> kKinds{{
      {"yes_no", AnswerKind::yes_no},
      {"count", AnswerKind::count},
      {"area_m2", AnswerKind::area_m2},
      {"choice", AnswerKind::choice},
  }};
  const bool kind_ok = map.read_with("answer", Presence::required, [&](const Value& v) {
    return config::read_enum<AnswerKind>(v, q.kind, kKinds);
  });
  ok &= kind_ok;
  if (kind_ok) {
    switch (q.kind) {
      case AnswerKind::yes_no:
        ok &= map.read_with("deprived_if", Presence::required,
                            [&](const Value& v) { return read_yes_no_word(v, q.deprived_if_yes); });
        break;
      case AnswerKind::count:
        ok &= map.read_with(
            "deprived_if_more_than_percent_of_members", Presence::required, [&](const Value& v) {
              return config::read_in_range(v, q.more_than_percent_of_members, 0, 100);
            });
        break;
      case AnswerKind::area_m2:
        ok &= map.read_with("deprived_if_below_m2_per_member", Presence::required,
                            [&](const Value& v) {
                              return config::read_in_range(v, q.per_member_below_m2, 0.01, 1000.0);
                            });
        break;
      case AnswerKind::choice:
        ok &= map.read_with("options", Presence::required, [&](const Value& v) {
          MapReader options(v);
          if (!options.valid()) return false;
          bool all = true;
          bool any_deprived = false, any_not = false;
          for (auto& [id, option_value] : options.entries()) {
            ChoiceOption option;
            option.id = id;
            if (!config::is_valid_id(id)) {
              option_value.error(Message{"mã lựa chọn không hợp lệ", "not a valid option id"},
                                 Message{"chữ thường không dấu, số và '-'",
                                         "lowercase ASCII letters, digits and '-'"});
              all = false;
              continue;
            }
            MapReader o(option_value);
            bool good = o.valid();
            good &= bilingual().read(o, "text", option.text, Presence::required);
            good &= o.read("deprived", option.deprived, Presence::required);
            o.finish();
            if (!good) {
              all = false;
              continue;
            }
            (option.deprived ? any_deprived : any_not) = true;
            q.options.push_back(std::move(option));
          }
          if (all && (!any_deprived || !any_not)) {
            v.error(Message{"cần ít nhất một lựa chọn thiếu hụt và một lựa chọn không thiếu hụt",
                            "at least one deprived and one not-deprived option are needed"},
                    Message{"các lựa chọn với deprived: true và deprived: false",
                            "options with deprived: true and deprived: false"});
            all = false;
          }
          return all;
        });
        break;
    }
  }
  map.finish();
  if (ok) out = std::move(q);
  return ok;
}

bool read_indicator(const Value& value, Indicator& out) {
  MapReader map(value);
  if (!map.valid()) return false;
  Indicator i;
  i.at = value.position();
  bool ok = map.read_with("id", Presence::required,
                          [&](const Value& v) { return config::read_id(v, i.id); });
  ok &= map.read_with("number", Presence::optional, [&](const Value& v) {
    int n = 0;
    if (!config::read_in_range(v, n, 1, 99)) return false;
    i.number = n;
    return true;
  });
  ok &= bilingual().read(map, "name", i.name, Presence::required);
  ok &= bilingual().read(map, "criterion", i.criterion, Presence::required);
  ok &= map.read_with("status", Presence::required,
                      [&](const Value& v) { return read_status(v, i.status); });
  ok &= map.read_with("source", Presence::required,
                      [&](const Value& v) { return loader::read_nonempty(v, i.source); });
  ok &= map.read_with("question", Presence::required,
                      [&](const Value& v) { return read_question(v, i.question); });
  map.finish();
  if (ok) out = std::move(i);
  return ok;
}

bool read_dimensions(const Value& value, std::vector<Dimension>& out) {
  if (!loader::require_items(value,
                             Message{"cần một danh sách chiều", "a list of dimensions is needed"},
                             Message{"các dòng \"- id: ...\"", "lines \"- id: ...\""}))
    return false;
  std::vector<Dimension> dimensions;
  std::vector<std::string> dimension_ids, indicator_ids;
  bool ok = true;
  for (const Value& element : value.elements()) {
    MapReader map(element);
    if (!map.valid()) {
      ok = false;
      continue;
    }
    Dimension d;
    bool good = map.read_with("id", Presence::required, [&](const Value& v) {
      if (!config::read_id(v, d.id)) return false;
      if (std::find(dimension_ids.begin(), dimension_ids.end(), d.id) != dimension_ids.end()) {
        v.error(Message{"mã chiều bị trùng", "the dimension id is used twice"},
                Message{"mỗi chiều một mã riêng", "a distinct id per dimension"});
        return false;
      }
      dimension_ids.push_back(d.id);
      return true;
    });
    good &= bilingual().read(map, "name", d.name, Presence::required);
    good &= map.read_with("indicators", Presence::required, [&](const Value& v) {
      if (!loader::require_items(
              v, Message{"cần một danh sách chỉ số", "a list of indicators is needed"},
              Message{"các dòng \"- id: ...\"", "lines \"- id: ...\""}))
        return false;
      bool all = true;
      for (const Value& iv : v.elements()) {
        Indicator indicator;
        if (!read_indicator(iv, indicator)) {
          all = false;
          continue;
        }
        if (std::find(indicator_ids.begin(), indicator_ids.end(), indicator.id) !=
            indicator_ids.end()) {
          iv.error(Message{fmt::format("mã chỉ số \"{}\" bị trùng", indicator.id),
                           fmt::format("the indicator id \"{}\" is used twice", indicator.id)},
                   Message{"mỗi chỉ số một mã riêng", "a distinct id per indicator"});
          all = false;
          continue;
        }
        indicator_ids.push_back(indicator.id);
        d.indicators.push_back(std::move(indicator));
      }
      return all;
    });
    map.finish();
    if (good)
      dimensions.push_back(std::move(d));
    else
      ok = false;
  }
  if (ok) out = std::move(dimensions);
  return ok;
}

bool read_policies(const Value& value, const std::vector<std::string>& page_ids,
                   std::vector<PolicyRef>& out) {
  if (!value.is_sequence()) {
    value.error(Message{"sai kiểu giá trị", "wrong kind of value"},
                Message{"danh sách mã trang, ví dụ [bao-hiem-y-te, hoc-phi]",
                        "a list of page ids, for example [bao-hiem-y-te, hoc-phi]"});
    return false;
  }
  std::vector<PolicyRef> policies;
  bool ok = true;
  for (const Value& element : value.elements()) {
    PolicyRef p;
    if (element.is_map()) {
      MapReader map(element);
      bool good = map.read_with("page", Presence::required,
                                [&](const Value& v) { return read_page_ref(v, page_ids, p.page); });
      good &= bilingual().read(map, "note", p.note, Presence::optional);
      good &= map.read_with("status", Presence::optional,
                            [&](const Value& v) { return read_status(v, p.status); });
      map.finish();
      if (!good) {
        ok = false;
        continue;
      }
    } else if (!read_page_ref(element, page_ids, p.page)) {
      ok = false;
      continue;
    }
    policies.push_back(std::move(p));
  }
  if (ok) out = std::move(policies);
  return ok;
}

}  // namespace

std::optional<Standard> read_standard(const Value& root, std::string id, std::string file,
                                      const std::vector<std::string>& page_ids) {
  const std::size_t errors_before = root.diagnostics().error_count();
  MapReader map(root);
  if (!map.valid()) return std::nullopt;
  Standard s;
  s.id = std::move(id);
  s.file = std::move(file);
  bool ok = bilingual().read(map, "title", s.title, Presence::required);
  ok &= map.read_with("province", Presence::optional,
                      [&](const Value& v) { return config::read_id(v, s.province); });
  ok &= bilingual().read(map, "province_name", s.province_name,
                         s.province.empty() ? Presence::optional : Presence::required);
  ok &= map.read_with("applies", Presence::required, [&](const Value& v) {
    s.applies_at = v.position();
    MapReader applies(v);
    if (!applies.valid()) return false;
    bool good = applies.read("from", s.from, Presence::required);
    good &= applies.read("until", s.until, Presence::required);
    good &= applies.read_with("status", Presence::optional,
                              [&](const Value& sv) { return read_status(sv, s.period_status); });
    const bool has_uncertain =
        applies.read_with("uncertain_until", Presence::optional, [&](const Value& uv) {
          std::chrono::year_month_day d{};
          if (!config::read_value(uv, d)) return false;
          if (good && d <= s.until) {
            uv.error(Message{"phải sau ngày until", "must come after until"},
                     Message{"một ngày sau " + format_iso(s.until),
                             "a date after " + format_iso(s.until)});
            return false;
          }
          s.uncertain_until = d;
          return true;
        });
    good &= has_uncertain;
    good &= bilingual().read(applies, "uncertain_note", s.uncertain_note,
                             s.uncertain_until ? Presence::required : Presence::optional);
    if (good && s.until < s.from) {
      if (auto until = applies.get("until"))
        until->error(Message{"ngày kết thúc trước ngày bắt đầu", "the end comes before the start"},
                     Message{"một ngày từ " + format_iso(s.from) + " trở đi",
                             "a date on or after " + format_iso(s.from)});
      good = false;
    }
    applies.finish();
    return good;
  });
  ok &= map.read_with("legal_basis", Presence::required, [&](const Value& v) {
    if (!loader::require_items(
            v, Message{"cần ít nhất một văn bản", "at least one legal text is needed"},
            Message{"các dòng \"- document: ...\"", "lines \"- document: ...\""}))
      return false;
    bool all = true;
    for (const Value& element : v.elements()) {
      LegalBasis b;
      if (read_basis(element, b))
        s.legal_basis.push_back(std::move(b));
      else
        all = false;
    }
    return all;
  });
  ok &= map.read_with("classification", Presence::required, [&](const Value& v) {
    MapReader c(v);
    if (!c.valid()) return false;
    bool good = c.read_with("basis", Presence::required, [&](const Value& bv) {
      return read_basis(bv, s.classification_basis);
    });
    good &= c.read_with("min_deprivations_for_poor", Presence::required, [&](const Value& mv) {
      return config::read_in_range(mv, s.min_deprivations_for_poor, 1, 99);
    });
    c.finish();
    return good;
  });
  ok &= map.read_with("income_lines", Presence::required, [&](const Value& v) {
    MapReader lines(v);
    if (!lines.valid()) return false;
    bool good = lines.read_with("poverty", Presence::required,
                                [&](const Value& pv) { return read_lines(pv, s.poverty_line); });
    good &= lines.read_with("average_living_upper", Presence::required, [&](const Value& av) {
      if (av.is_scalar() && av.scalar() == "unknown") return true;
      if (!av.is_map()) {
        av.error(Message{"sai kiểu giá trị", "wrong kind of value"},
                 Message{"unknown, hoặc {rural, urban, status, source}",
                         "unknown, or {rural, urban, status, source}"});
        return false;
      }
      AreaLines upper;
      if (!read_lines(av, upper)) return false;
      if (good && (upper.rural <= s.poverty_line.rural || upper.urban <= s.poverty_line.urban)) {
        av.error(
            Message{"mức trên phải cao hơn chuẩn nghèo ở cả hai khu vực",
                    "the upper line must be above the poverty line in both areas"},
            Message{
                fmt::format("rural > {}, urban > {}", s.poverty_line.rural, s.poverty_line.urban),
                fmt::format("rural > {}, urban > {}", s.poverty_line.rural, s.poverty_line.urban)});
        return false;
      }
      s.average_living_upper = upper;
      return true;
    });
    lines.finish();
    return good;
  });
  const bool has_from = map.read_with("dimensions_from", Presence::optional, [&](const Value& v) {
    MapReader from(v);
    if (!from.valid()) return false;
    bool good = from.read_with("standard", Presence::required, [&](const Value& sv) {
      s.dimensions_from_at = sv.position();
      return config::read_id(sv, s.dimensions_from);
    });
    good &= from.read_with("status", Presence::required,
                           [&](const Value& sv) { return read_status(sv, s.dimensions_status); });
    from.finish();
    return good;
  });
  ok &= has_from;
  if (s.dimensions_from.empty()) {
    ok &= map.read_with("dimensions", Presence::required,
                        [&](const Value& v) { return read_dimensions(v, s.dimensions); });
  } else if (auto dims = map.get("dimensions")) {
    dims->error(Message{"không dùng cùng lúc dimensions và dimensions_from",
                        "dimensions and dimensions_from cannot both be given"},
                Message{"chỉ một trong hai khóa", "only one of the two keys"});
    ok = false;
  }
  ok &= map.read_with("policies", Presence::required, [&](const Value& v) {
    MapReader p(v);
    if (!p.valid()) return false;
    const auto list = [&](std::vector<PolicyRef>& target) {
      return [&](const Value& lv) { return read_policies(lv, page_ids, target); };
    };
    bool good = p.read_with("poor", Presence::required, list(s.policies_poor));
    good &= p.read_with("near_poor", Presence::required, list(s.policies_near_poor));
    good &= p.read_with("average_living_standard", Presence::optional, list(s.policies_average));
    p.finish();
    return good;
  });
  ok &= map.read_with("where_to_apply", Presence::required, [&](const Value& v) {
    MapReader w(v);
    if (!w.valid()) return false;
    bool good = bilingual().read(w, "text", s.where_to_apply, Presence::required);
    good &= w.read_with("pages", Presence::optional, [&](const Value& pv) {
      if (!pv.is_sequence()) {
        pv.error(Message{"sai kiểu giá trị", "wrong kind of value"},
                 Message{"danh sách mã trang", "a list of page ids"});
        return false;
      }
      bool all = true;
      for (const Value& e : pv.elements()) {
        std::string page;
        if (read_page_ref(e, page_ids, page))
          s.where_to_apply_pages.push_back(std::move(page));
        else
          all = false;
      }
      return all;
    });
    w.finish();
    return good;
  });
  ok &= map.read_with("notes", Presence::optional, [&](const Value& v) {
    if (!v.is_sequence()) {
      v.error(Message{"sai kiểu giá trị", "wrong kind of value"},
              Message{"các dòng \"- text: ...\"", "lines \"- text: ...\""});
      return false;
    }
    bool all = true;
    for (const Value& e : v.elements()) {
      MapReader n(e);
      StandardNote note;
      bool good = n.valid();
      good &= bilingual().read(n, "text", note.text, Presence::required);
      good &= n.read_with("status", Presence::required,
                          [&](const Value& sv) { return read_status(sv, note.status); });
      n.finish();
      if (good)
        s.notes.push_back(std::move(note));
      else
        all = false;
    }
    return all;
  });
  map.finish();  // unknown keys are errors too
  if (!ok || root.diagnostics().error_count() != errors_before) return std::nullopt;
  return s;
}

namespace {

bool overlaps(const Standard& a, const Standard& b) {
  const auto a_end = a.uncertain_until.value_or(a.until);
  const auto b_end = b.uncertain_until.value_or(b.until);
  return a.from <= b_end && b.from <= a_end;
}

}  // namespace

StandardsLoadResult load_standards(const std::filesystem::path& root,
                                   const std::vector<std::string>& page_ids) {
  StandardsLoadResult result;
  const auto folder = root / "standards";
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) return result;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string display = (root / "standards" / file.filename()).generic_string();
    if (file.extension() != ".yaml") {
      result.diagnostics.warning(
          config::Position{display, 0, 0}, {},
          Message{"không phải tệp .yaml nên bị bỏ qua", "not a .yaml file, so it is ignored"});
      continue;
    }
    const std::string id = file.stem().string();
    if (!config::is_valid_id(id)) {
      result.diagnostics.error(
          config::Position{display, 0, 0}, {},
          Message{"tên tệp không phải mã hợp lệ", "the file name is not a valid id"},
          fmt::format("\"{}\"", id),
          Message{"chữ thường không dấu, số và dấu '-', ví dụ quoc-gia-2022-2026.yaml",
                  "lowercase ASCII letters, digits and '-', e.g. quoc-gia-2022-2026.yaml"});
      continue;
    }
    if (auto doc = config::Document::load(file, display, result.diagnostics))
      if (auto standard = read_standard(doc->root(), id, display, page_ids))
        result.standards.push_back(std::move(*standard));
  }

  // dimensions_from: copy the named standard's indicators.
  std::vector<std::string> ids;
  for (const auto& s : result.standards) ids.push_back(s.id);
  for (auto& s : result.standards) {
    if (s.dimensions_from.empty()) continue;
    const auto source = std::find_if(result.standards.begin(), result.standards.end(),
                                     [&](const Standard& o) { return o.id == s.dimensions_from; });
    if (source == result.standards.end() || !source->dimensions_from.empty()) {
      result.diagnostics.error(
          s.dimensions_from_at, "dimensions_from.standard",
          source == result.standards.end()
              ? Message{fmt::format("không có chuẩn \"{}\"", s.dimensions_from),
                        fmt::format("there is no standard \"{}\"", s.dimensions_from)}
              : Message{"chuẩn này cũng lấy chỉ số từ chuẩn khác",
                        "that standard takes its indicators from another one too"},
          fmt::format("\"{}\"", s.dimensions_from),
          Message{"mã một chuẩn trong standards/ có khóa dimensions",
                  "the id of a standard in standards/ with its own dimensions"},
          config::closest_match(s.dimensions_from, ids));
      continue;
    }
    s.dimensions = source->dimensions;
  }

  // No day may have two national standards, nor two standards of one province.
  for (std::size_t i = 0; i < result.standards.size(); ++i) {
    for (std::size_t j = i + 1; j < result.standards.size(); ++j) {
      const Standard& a = result.standards[i];
      const Standard& b = result.standards[j];
      if (a.province != b.province || !overlaps(a, b)) continue;
      result.diagnostics.error(
          b.applies_at, "applies",
          Message{fmt::format("thời gian áp dụng trùng với chuẩn \"{}\" ({} đến {})", a.id,
                              format_vi(a.from), format_vi(a.uncertain_until.value_or(a.until))),
                  fmt::format("the period overlaps the standard \"{}\" ({} to {})", a.id,
                              format_iso(a.from), format_iso(a.uncertain_until.value_or(a.until)))},
          {},
          Message{"mỗi ngày chỉ một chuẩn quốc gia và một chuẩn của mỗi tỉnh",
                  "one national standard and one per province on any day"});
    }
  }
  result.diagnostics.sort();
  return result;
}

}  // namespace tinxa::content
