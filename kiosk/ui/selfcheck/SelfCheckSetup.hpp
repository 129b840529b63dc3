#pragma once

#include "config/settings/SiteSettings.hpp"
#include "content/eligibility/Standard.hpp"
#include "content/model/Bundle.hpp"
#include "content/time/Clock.hpp"
#include "content/time/TimeZone.hpp"
#include "kiosk/ui/Navigator.hpp"
#include "kiosk/ui/Screen.hpp"
#include "kiosk/ui/Speaker.hpp"
#include "kiosk/ui/Theme.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace tinxa::kiosk::ui::selfcheck {

// The standards of the bundle in `content_dir` (content::load_standards, checked against the
// bundle's pages). Problems are written to `log`, one per line at file:line:column; with an
// error, no standard is returned and the kiosk offers no self-check (`tinxa check` says why).
[[nodiscard]] std::vector<content::Standard> load_kiosk_standards(
    const std::filesystem::path& content_dir, const content::Bundle& bundle, std::ostream& log);

// What KioskUi::set_self_check takes: a wizard for the local date of `clock` in `zone` and the
// site's province, each time it is opened; null when no standard applies that day. The narrations
// are looked for where `tinxa narrate` puts them for this bundle under `site.data_dir`. The wizard
// speaks the language the factory is called with (KioskUi::language()). Everything given by
// reference (and `speaker`, which may be null) must outlive the factory.
[[nodiscard]] std::function<std::unique_ptr<Screen>(const Theme&, Navigator&, const std::string&)>
self_check_factory(const std::vector<content::Standard>& standards, const content::Bundle& bundle,
                   const config::SiteSettings& site, const content::Clock& clock,
                   const content::TimeZone& zone, Speaker* speaker);

}  // namespace tinxa::kiosk::ui::selfcheck
