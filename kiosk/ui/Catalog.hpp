#pragma once

// What the kiosk shows at a given instant: the pages valid on the local calendar day, and the
// categories that have at least one. Pure functions over the bundle; any thread.

#include "content/model/Bundle.hpp"
#include "content/time/LocalDateTime.hpp"
#include "content/time/TimeZone.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tinxa::kiosk::ui {

// The pages of `category_id` that content::visible_at() shows at `now` in `zone`, in bundle order
// (by id). Throws content::TimeError as TimeZone::to_local().
[[nodiscard]] std::vector<const content::Page*> visible_pages(const content::Bundle& bundle,
                                                              std::string_view category_id,
                                                              content::TimePoint now,
                                                              const content::TimeZone& zone);

// The categories, in display order, that have at least one visible page at `now`.
[[nodiscard]] std::vector<const content::Category*> visible_categories(
    const content::Bundle& bundle, content::TimePoint now, const content::TimeZone& zone);

// "Thứ Bảy, 28/11/2026 14:30": how the top bar shows the local date and time.
[[nodiscard]] std::string format_date_time_vi(const content::LocalDateTime& local);

}  // namespace tinxa::kiosk::ui
