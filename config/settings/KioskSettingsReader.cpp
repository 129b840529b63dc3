#include "config/settings/KioskSettingsReader.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace tinxa::config {
namespace {

using Renderer = KioskSettings::Renderer;
using VideoDriver = KioskSettings::VideoDriver;

constexpr std::array<EnumName<Renderer>, 3> kRenderers{{{"auto", Renderer::automatic},
                                                        {"software", Renderer::software},
                                                        {"accelerated", Renderer::accelerated}}};

constexpr std::array<EnumName<VideoDriver>, 4> kVideoDrivers{{{"auto", VideoDriver::automatic},
                                                              {"x11", VideoDriver::x11},
                                                              {"wayland", VideoDriver::wayland},
                                                              {"kmsdrm", VideoDriver::kmsdrm}}};

template <class E, std::size_t N>
std::string_view name_of(E value, const std::array<EnumName<E>, N>& names) noexcept {
  for (const auto& n : names)
    if (n.value == value) return n.name;
  return {};
}

}  // namespace

std::string_view to_string(KioskSettings::Renderer renderer) noexcept {
  return name_of(renderer, kRenderers);
}

std::string_view to_string(KioskSettings::VideoDriver driver) noexcept {
  return name_of(driver, kVideoDrivers);
}

std::string_view video_driver_name(KioskSettings::VideoDriver driver) noexcept {
  return driver == VideoDriver::automatic ? std::string_view{} : to_string(driver);
}

void read_kiosk_operation(MapReader& map, KioskSettings& out) {
  if (auto v = map.get("admin_pin")) {
    std::string pin;
    if (read_value(*v, pin)) {
      const bool digits =
          std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!pin.empty() && (!digits || pin.size() < 4 || pin.size() > 8)) {
        v->error(Message{"mã PIN không hợp lệ", "not a valid PIN"},
                 Message{"từ 4 đến 8 chữ số, trong dấu ngoặc kép, ví dụ \"2468\"",
                         "4 to 8 digits, in double quotes, for example \"2468\""});
      } else {
        out.admin_pin = std::move(pin);
      }
    }
  }
  if (auto attract_value = map.get("attract")) {
    MapReader attract(*attract_value);
    attract.read("after", out.attract.after);
    if (auto v = attract.get("slide")) {
      std::chrono::milliseconds slide{};
      if (read_value(*v, slide)) {
        if (slide < std::chrono::seconds{3})
          v->error(Message{"mỗi trang hiện quá ngắn để đọc", "each page is shown too briefly"},
                   Message{"ít nhất 3s", "at least 3s"});
        else
          out.attract.slide = slide;
      }
    }
  }
  if (auto v = map.get("renderer")) {
    read_enum<Renderer>(*v, out.renderer, kRenderers);
  }
  if (auto v = map.get("video_driver")) {
    read_enum<VideoDriver>(*v, out.video_driver, kVideoDrivers);
  }
  if (auto off_value = map.get("screen_off")) {
    MapReader off(*off_value);
    KioskSettings::ScreenOff screen_off;
    bool ok = off.read("from", screen_off.from, Presence::required);
    ok = off.read("to", screen_off.to, Presence::required) && ok;
    ok = off.read("wake_for", screen_off.wake_for) && ok;
    if (ok && screen_off.from == screen_off.to) {
      off_value->error(Message{"giờ tắt và giờ bật màn hình trùng nhau",
                               "the screen would go off and on at the same time"},
                       Message{"hai giờ khác nhau, ví dụ from: \"22:00\", to: \"06:00\"",
                               "two different times, for example from: \"22:00\", to: \"06:00\""});
      ok = false;
    }
    if (ok) out.screen_off = screen_off;
  }
}

}  // namespace tinxa::config
