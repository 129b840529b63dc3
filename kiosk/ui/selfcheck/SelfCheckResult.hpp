#pragma once

#include "content/eligibility/Eligibility.hpp"
#include "content/model/Bundle.hpp"
#include "kiosk/ui/DocumentScreen.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui::selfcheck {

// The self-check's result, as one scrolling document: the category in large words (or, when the
// answers or the standards leave it open, what each standard gives), that it is only indicative
// and the commune's annual review decides (Quyết định 24/2021/QĐ-TTg), the standard and article
// applied, the per-person monthly income computed, the deprived indicators, every caveat of the
// engine (unverified criteria, uncertain standard, ...), the support pages the category opens
// (rows that open them), where to apply, a QR code that carries the result's category and the
// pages' titles and links to a phone, and "Làm lại từ đầu". The result's standards and the bundle
// must outlive the view. Everything is in `language`: the kiosk's words from UiText, the
// standards', the engine's and the pages' texts from their translations (Vietnamese where they have
// none).
class SelfCheckResult final : public DocumentScreen {
 public:
  SelfCheckResult(const Theme& theme, Navigator& navigator, content::EligibilityResult result,
                  const content::Bundle* bundle, std::function<void()> restart,
                  std::string language = "vi");

  [[nodiscard]] std::string name() const override { return "self-check:result"; }
  [[nodiscard]] const content::EligibilityResult& result() const noexcept { return m_result; }

  // The headline: "Hộ cận nghèo" ("Near-poor household"), or "Chưa xác định được một loại hộ"
  // when not settled.
  [[nodiscard]] std::string headline() const;
  // The pages offered, in order (policies of the category, then where to apply), each once.
  [[nodiscard]] const std::vector<std::string>& pages() const noexcept { return m_pages; }
  // The text the QR code carries (empty when none is shown).
  [[nodiscard]] const std::string& qr_text() const noexcept { return m_qr_text; }
  // Where link `index` leads: a page id, or empty for "start again".
  [[nodiscard]] const std::vector<std::string>& link_targets() const noexcept { return m_targets; }

  static constexpr const char* kRestart = "Làm lại từ đầu";  // in Vietnamese

 protected:
  void build(DisplayList& list, int width, Measurer& measurer) override;
  void activate_link(int index) override;

 private:
  content::EligibilityResult m_result;
  const content::Bundle* m_bundle;
  std::function<void()> m_restart;
  std::string m_language;
  std::vector<std::string> m_pages;
  std::vector<std::string> m_targets;  // by link index
  std::string m_qr_text;
};

}  // namespace tinxa::kiosk::ui::selfcheck
