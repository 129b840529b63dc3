#include "kiosk/ui/selfcheck/SelfCheckSetup.hpp"

#include "config/reader/DiagnosticFormat.hpp"
#include "content/eligibility/StandardReader.hpp"
#include "content/speech/Narrator.hpp"
#include "kiosk/ui/selfcheck/SelfCheckScreen.hpp"

namespace tinxa::kiosk::ui::selfcheck {

std::vector<content::Standard> load_kiosk_standards(const std::filesystem::path& content_dir,
                                                    const content::Bundle& bundle,
                                                    std::ostream& log) {
  std::vector<std::string> page_ids;
  for (const auto& page : bundle.pages) page_ids.push_back(page.id);
  content::StandardsLoadResult loaded = content::load_standards(content_dir, page_ids);
  loaded.diagnostics.sort();
  for (const auto& d : loaded.diagnostics.items()) log << config::format_diagnostic(d);
  if (!loaded.ok()) {
    log << "tinxa-kiosk: the standards have errors; the self-check is off (tinxa check)\n";
    return {};
  }
  return std::move(loaded.standards);
}

std::function<std::unique_ptr<Screen>(const Theme&, Navigator&, const std::string&)>
self_check_factory(const std::vector<content::Standard>& standards, const content::Bundle& bundle,
                   const config::SiteSettings& site, const content::Clock& clock,
                   const content::TimeZone& zone, Speaker* speaker) {
  return [&standards, &bundle, &site, &clock, &zone, speaker](
             const Theme& theme, Navigator& navigator,
             const std::string& language) -> std::unique_ptr<Screen> {
    SelfCheckScreen::Sources sources;
    sources.language = language;
    sources.bundle = &bundle;
    sources.speaker = speaker;
    if (!site.data_dir.empty()) {
      sources.narrations = content::narration_folder(site.data_dir, bundle.info.id);
    }
    return make_self_check_screen(theme, navigator, standards, zone.to_local(clock.now()).date,
                                  site.province, std::move(sources));
  };
}

}  // namespace tinxa::kiosk::ui::selfcheck
