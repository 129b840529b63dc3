#include "kiosk/ui/UiText.hpp"

#include <array>
#include <utility>

namespace tinxa::kiosk::ui {
namespace {

constexpr std::size_t kCount = static_cast<std::size_t>(UiText::count_);
using Table = std::array<const char*, kCount>;

struct Entry {
  UiText key;
  const char* text;
};

template <std::size_t N>
constexpr Table make_table(const Entry (&entries)[N]) {
  Table table{};
  for (const Entry& e : entries) table[static_cast<std::size_t>(e.key)] = e.text;
  return table;
}

constexpr bool complete(const Table& table) {
  for (const char* text : table) {
    if (text == nullptr) return false;
  }
  return true;
}

using enum UiText;

constexpr Entry kVietnameseEntries[] = {
    {sunday, "Chủ nhật"},
    {monday, "Thứ Hai"},
    {tuesday, "Thứ Ba"},
    {wednesday, "Thứ Tư"},
    {thursday, "Thứ Năm"},
    {friday, "Thứ Sáu"},
    {saturday, "Thứ Bảy"},
    {back, "Quay lại"},
    {home, "Trang chủ"},
    {search_short, "Tìm"},
    {still_here, "Tôi vẫn đang xem"},
    {idle_question, "Bà con vẫn đang xem chứ?"},
    {idle_message,
     "Nếu không ai chạm vào màn hình, sau {} giây máy sẽ trở về trang chủ và xoá những gì vừa "
     "xem."},
    {large_text, "Chữ to"},
    {high_contrast, "Tương phản cao"},
    {search_wide, "Tìm kiếm"},
    {self_check_title, "Tự kiểm tra hộ nghèo"},
    {self_check_summary, "Trả lời vài câu hỏi để biết hộ mình có thể là hộ nghèo, cận nghèo không"},
    {hear_again_title, "Nghe lại loa hôm nay"},
    {hear_again_summary, "Các thông báo loa xã đã phát hôm nay"},
    {scroll_up, "Lên"},
    {scroll_down, "Xuống"},
    {listen, "Nghe"},
    {pause, "Tạm dừng"},
    {resume, "Nghe tiếp"},
    {stop, "Dừng"},
    {quieter, "Nhỏ"},
    {louder, "To"},
    {no_narration, "Chưa có bản đọc"},
    {no_speaker, "Máy này chưa nghe được: không có loa"},
    {recorded, "Bản ghi âm"},
    {synthetic_voice, "Giọng đọc máy"},
    {playing, "Đang đọc"},
    {paused, "Đã tạm dừng"},
    {key_erase, "Xoá"},
    {key_space, "Dấu cách"},
    {key_clear, "Xoá hết"},
    {tone_caption, "Dấu"},
    {search_prompt, "Gõ chữ cần tìm…"},
    {search_start, "Chạm vào các chữ bên dưới để gõ điều cần tìm."},
    {search_not_found, "Không tìm thấy trang nào có chữ “{}”."},
    {search_no_accents, "Không cần gõ dấu: gõ “bao hiem” cũng tìm được “bảo hiểm”."},
    {search_try_fewer,
     "Hãy thử gõ ít chữ hơn hoặc gõ không dấu. Có thể hỏi cán bộ xã ở bàn tiếp dân."},
    {search_found, "Tìm thấy {} trang. Chạm vào một trang để xem:"},
    {search_more, "Còn {} trang nữa. Gõ thêm chữ để tìm đúng hơn."},
    {progress, "Câu {}/{}"},
    {next, "Tiếp theo"},
    {per_month, "Mỗi tháng"},
    {per_year, "Mỗi năm"},
    {unknown, "Không biết"},
    {yes, "Có"},
    {no, "Không"},
    {rural, "Nông thôn (xã)"},
    {urban, "Thành thị (phường, thị trấn)"},
    {people, "{} người"},
    {money_month, "{} đồng mỗi tháng"},
    {money_year, "{} đồng mỗi năm"},
    {square_metres, "{} m²"},
    {pad_hint, "Bấm số trên các phím, rồi bấm \"Tiếp theo\"."},
    {members_range, "Số người từ 1 đến {}."},
    {per_person_about, "Tức là khoảng {} mỗi người mỗi tháng ({} người)."},
    {at_most_members, "Không thể nhiều hơn số người trong nhà ({} người)."},
    {type_amount, "Nhập số tiền"},
    {income_band_up_to, "Từ {} đồng trở xuống"},
    {income_band_between, "Trên {} đến {} đồng"},
    {income_band_over, "Trên {} đồng"},
    {range_up_to, "từ {} trở xuống"},
    {range_between, "trên {} đến {}"},
    {range_over, "trên {}"},
    {result_label, "Kết quả tự kiểm tra (chỉ để tham khảo):"},
    {undecided, "Chưa xác định được một loại hộ"},
    {under_standard, "Theo {}{}: {}."},
    {role_uncertain, " (nếu tỉnh còn dùng chuẩn riêng; chưa rõ)"},
    {role_lapsed, " (nếu tỉnh không còn dùng chuẩn riêng)"},
    {list_or, " hoặc "},
    {article_unverified, "{} (điều khoản chưa xác minh)"},
    {standard_used, "Chuẩn đã dùng: {}, theo {}."},
    {also_standard, "Và: {}, theo {}."},
    {per_person_income,
     "Thu nhập bình quân mỗi người mỗi tháng: {} (chia cho {} người, làm tròn lên)."},
    {poverty_line, "Mức thu nhập của hộ nghèo theo {}: từ {} mỗi người mỗi tháng trở xuống."},
    {deprived_heading, "Các chỉ số thiếu hụt ({}):"},
    {criterion_unverified, " (tiêu chí chưa được xác minh)"},
    {no_deprivation, "Không có chỉ số nào thiếu hụt."},
    {support_pages, "Các trang hỗ trợ và nơi nộp hồ sơ:"},
    {qr_summary, "Tự kiểm tra hộ nghèo (tham khảo): {}. Xã quyết định qua rà soát hằng năm."},
    {qr_caption, "Quét mã để lưu kết quả và tên các trang vào điện thoại"},
    {answers_not_kept, "Máy này không lưu câu trả lời của bà con."},
    {restart, "Làm lại từ đầu"},
    {hear_again_nothing, "Hôm nay loa xã chưa phát thông báo nào."},
    {hear_again_choose, "Chạm vào một thông báo ở trên để nghe"},
    {hear_again_zones, " · Cụm loa: "},
    {page_sources, "Nguồn thông tin:"},
    {page_updated, "Cập nhật ngày {}"},
    {page_qr_caption, "Quét mã để xem nguồn"},
    {page_note, "Lưu ý"},
    {page_warning, "Cần chú ý"},
    {page_unverified, "CHƯA XÁC MINH — cần hỏi lại cán bộ xã"},
    {source_partial, " (mới xác minh một phần)"},
    {source_unverified, " (CHƯA XÁC MINH)"},
    {ticker_notice, "Thông báo: {}"},
    {ticker_new, "Mới: {}"},
    {next_broadcast, "Phát thanh tiếp theo: {}"},
    {attract_hint, "Chạm vào màn hình để xem thêm"},
    {category_empty, "Hiện chưa có thông tin nào trong mục này."},
    {maintenance_title, "Thông tin đang được cập nhật"},
    {maintenance_hint, "Xin mời bà con quay lại sau ít phút. Xin cảm ơn."},
};

constexpr Entry kEnglishEntries[] = {
    {sunday, "Sunday"},
    {monday, "Monday"},
    {tuesday, "Tuesday"},
    {wednesday, "Wednesday"},
    {thursday, "Thursday"},
    {friday, "Friday"},
    {saturday, "Saturday"},
    {back, "Back"},
    {home, "Home"},
    {search_short, "Search"},
    {still_here, "I am still reading"},
    {idle_question, "Are you still reading?"},
    {idle_message,
     "If nobody touches the screen, in {} seconds the kiosk returns to the home screen and "
     "clears what was viewed."},
    {large_text, "Large text"},
    {high_contrast, "High contrast"},
    {search_wide, "Search"},
    {self_check_title, "Poverty self-check"},
    {self_check_summary,
     "Answer a few questions to see whether your household may be poor or near-poor"},
    {hear_again_title, "Today's loudspeaker news"},
    {hear_again_summary, "The announcements the commune's loudspeakers played today"},
    {scroll_up, "Up"},
    {scroll_down, "Down"},
    {listen, "Listen"},
    {pause, "Pause"},
    {resume, "Resume"},
    {stop, "Stop"},
    {quieter, "Softer"},
    {louder, "Louder"},
    {no_narration, "No reading yet"},
    {no_speaker, "Listening is not available here: no speaker"},
    {recorded, "Recording"},
    {synthetic_voice, "Computer voice"},
    {playing, "Playing"},
    {paused, "Paused"},
    {key_erase, "Erase"},
    {key_space, "Space"},
    {key_clear, "Clear"},
    {tone_caption, "Tones"},
    {search_prompt, "Type what to look for…"},
    {search_start, "Touch the letters below to type what you are looking for."},
    {search_not_found, "No page contains “{}”."},
    {search_no_accents, "Accents are optional: “bao hiem” also finds “bảo hiểm”."},
    {search_try_fewer,
     "Try fewer words, or type without accents. You can also ask the commune officer at the "
     "front desk."},
    {search_found, "{} pages found. Touch one to read it:"},
    {search_more, "{} more pages. Type more to narrow the search."},
    {progress, "Question {}/{}"},
    {next, "Next"},
    {per_month, "Per month"},
    {per_year, "Per year"},
    {unknown, "Don't know"},
    {yes, "Yes"},
    {no, "No"},
    {rural, "Rural (a commune)"},
    {urban, "Urban (a ward or town)"},
    {people, "{} people"},
    {money_month, "{} đồng per month"},
    {money_year, "{} đồng per year"},
    {square_metres, "{} m²"},
    {pad_hint, "Press the number on the keys, then press \"Next\"."},
    {members_range, "From 1 to {} people."},
    {per_person_about, "That is about {} per person per month ({} people)."},
    {at_most_members, "Cannot be more than the people in the household ({} people)."},
    {type_amount, "Type the amount"},
    {income_band_up_to, "VND {} or less"},
    {income_band_between, "Over VND {} up to {}"},
    {income_band_over, "Over VND {}"},
    {range_up_to, "{} or less"},
    {range_between, "over {} up to {}"},
    {range_over, "over {}"},
    {result_label, "Self-check result (indicative only):"},
    {undecided, "No single category could be determined"},
    {under_standard, "Under {}{}: {}."},
    {role_uncertain, " (if the province still uses its own standard; not certain)"},
    {role_lapsed, " (if the province no longer uses its own standard)"},
    {list_or, " or "},
    {article_unverified, "{} (article not verified)"},
    {standard_used, "Standard applied: {}, under {}."},
    {also_standard, "And: {}, under {}."},
    {per_person_income,
     "Average income per person per month: {} (divided by {} people, rounded up)."},
    {poverty_line, "Income line of a poor household under {}: {} per person per month or less."},
    {deprived_heading, "Deprived indicators ({}):"},
    {criterion_unverified, " (criterion not verified)"},
    {no_deprivation, "No indicator is deprived."},
    {support_pages, "Support pages and where to apply:"},
    {qr_summary,
     "Poverty self-check (indicative): {}. The commune decides in its annual review "
     "(Quyết định 24/2021/QĐ-TTg)."},
    {qr_caption, "Scan the code to keep the result and the pages' names on your phone"},
    {answers_not_kept, "This kiosk does not keep your answers."},
    {restart, "Start again"},
    {hear_again_nothing, "The commune's loudspeakers have played no announcement today."},
    {hear_again_choose, "Touch an announcement above to hear it"},
    {hear_again_zones, " · Loudspeakers: "},
    {page_sources, "Sources:"},
    {page_updated, "Updated on {}"},
    {page_qr_caption, "Scan for the source"},
    {page_note, "Note"},
    {page_warning, "Important"},
    {page_unverified, "NOT VERIFIED — ask the commune officer"},
    {source_partial, " (partly verified)"},
    {source_unverified, " (NOT VERIFIED)"},
    {ticker_notice, "Notice: {}"},
    {ticker_new, "New: {}"},
    {next_broadcast, "Next on the loudspeakers: {}"},
    {attract_hint, "Touch the screen to see more"},
    {category_empty, "There is nothing in this section yet."},
    {maintenance_title, "Information is being updated"},
    {maintenance_hint, "Please come back in a few minutes. Thank you."},
};

constexpr Table kVietnamese = make_table(kVietnameseEntries);
constexpr Table kEnglish = make_table(kEnglishEntries);
static_assert(complete(kVietnamese), "every kiosk text needs its Vietnamese");

// Another language: its table here and one line below.
constexpr std::pair<std::string_view, const Table*> kLanguages[] = {
    {"vi", &kVietnamese},
    {"en", &kEnglish},
};

const Table* table_for(std::string_view language) {
  for (const auto& [code, table] : kLanguages) {
    if (code == language) return table;
  }
  return nullptr;
}

}  // namespace

std::string_view ui_text(UiText key, std::string_view language) {
  const auto i = static_cast<std::size_t>(key);
  if (i >= kCount) return {};
  if (const Table* table = table_for(language); table != nullptr && (*table)[i] != nullptr) {
    return (*table)[i];
  }
  return kVietnamese[i];
}

std::string ui_format(UiText key, std::string_view language,
                      std::initializer_list<std::string_view> values) {
  const std::string_view text = ui_text(key, language);
  std::string out;
  out.reserve(text.size() + 16);
  auto value = values.begin();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}' && value != values.end()) {
      out += *value++;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool has_ui_language(std::string_view language) { return table_for(language) != nullptr; }

std::string_view ui_language(std::string_view language) {
  for (const auto& [code, table] : kLanguages) {
    if (code == language) return code;
  }
  return "vi";
}

}  // namespace tinxa::kiosk::ui
