#pragma once

#include "content/model/Bundle.hpp"
#include "kiosk/ui/Theme.hpp"

#include <filesystem>
#include <string>

namespace tinxa::bench {

// The kiosk's home screen and one page as a static web site, for the Chromium comparison: the
// same texts, the same Noto Sans files, the theme's sizes and colours, no script. Writes
// `dir`/home.html and `dir`/page.html.
void write_static_site(const content::Bundle& bundle, const std::string& commune_name,
                       const kiosk::ui::Theme& theme, const content::Page& page,
                       const std::filesystem::path& dir, const std::filesystem::path& regular_font,
                       const std::filesystem::path& bold_font);

}  // namespace tinxa::bench
