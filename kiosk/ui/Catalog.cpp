#include "kiosk/ui/Catalog.hpp"

#include "content/time/Date.hpp"
#include "content/time/Validity.hpp"

#include <cstdio>

namespace tinxa::kiosk::ui {

std::vector<const content::Page*> visible_pages(const content::Bundle& bundle,
                                                std::string_view category_id,
                                                content::TimePoint now,
                                                const content::TimeZone& zone) {
  std::vector<const content::Page*> out;
  for (const content::Page& page : bundle.pages) {
    if (page.category == category_id && content::visible_at(page.validity, now, zone)) {
      out.push_back(&page);
    }
  }
  return out;
}

std::vector<const content::Category*> visible_categories(const content::Bundle& bundle,
                                                         content::TimePoint now,
                                                         const content::TimeZone& zone) {
  std::vector<const content::Category*> out;
  for (const content::Category& category : bundle.categories) {
    if (!visible_pages(bundle, category.id, now, zone).empty()) out.push_back(&category);
  }
  return out;
}

std::string format_date_time_vi(const content::LocalDateTime& local) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local.time_of_day).count();
  char hhmm[8];
  std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return content::weekday_vi(local.date) + ", " + content::format_vi(local.date) + " " + hhmm;
}

}  // namespace tinxa::kiosk::ui
