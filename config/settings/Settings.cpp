#include "config/settings/Settings.hpp"

#include "config/reader/Document.hpp"
#include "config/reader/MapReader.hpp"
#include "config/reader/Suggest.hpp"
#include "config/settings/KioskSettingsReader.hpp"

#include <array>
#include <string>
#include <system_error>
#include <vector>

namespace tinxa::config {

namespace {

bool read_path(const Value& value, std::filesystem::path& out) {
  std::string text;
  if (!read_value(value, text)) return false;
  if (text.empty()) {
    value.error(Message{"đường dẫn bị bỏ trống", "the path is empty"},
                Message{"một đường dẫn tệp hoặc thư mục", "a file or folder path"});
    return false;
  }
  out = text;
  return true;
}

constexpr std::array<EnumName<Rotation>, 4> kRotations{{{"0", Rotation::none},
                                                        {"90", Rotation::quarter},
                                                        {"180", Rotation::half},
                                                        {"270", Rotation::three_quarters}}};

// An IANA zone name that names a zone file of the tzdata package; a typo gets the closest zone
// of the same region as a suggestion.
bool read_time_zone(const Value& value, std::string& out) {
  std::string name;
  if (!read_value(value, name)) return false;
  const std::filesystem::path zones = "/usr/share/zoneinfo";
  const bool well_formed = !name.empty() && name.front() != '/' &&
                           name.find("..") == std::string::npos &&
                           name.find_first_not_of(
                               "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                               "0123456789_+-/") == std::string::npos;
  std::error_code ec;
  if (well_formed && std::filesystem::is_regular_file(zones / name, ec)) {
    out = std::move(name);
    return true;
  }
  std::vector<std::string> candidates;
  const auto region = std::filesystem::path(name).parent_path();
  if (well_formed)
    for (const auto& entry : std::filesystem::directory_iterator(zones / region, ec))
      candidates.push_back((region / entry.path().filename()).generic_string());
  value.error(Message{"không có múi giờ này", "no such time zone"},
              Message{"tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh",
                      "an IANA time zone name, for example Asia/Ho_Chi_Minh"},
              closest_match(name, candidates));
  return false;
}

constexpr std::array<EnumName<ResampleQuality>, 3> kResampleQualities{
    {{"fastest", ResampleQuality::fastest},
     {"medium", ResampleQuality::medium},
     {"best", ResampleQuality::best}}};

void resolve(std::filesystem::path& path, const std::filesystem::path& folder) {
  if (path.is_relative()) path = (folder / path).lexically_normal();
}

}  // namespace

void read_site(const Value& root, SiteSettings& out) {
  MapReader map(root);
  map.read("commune_name", out.commune_name);
  if (auto v = map.get("province")) read_id(*v, out.province);
  map.read("province_name", out.province_name);
  if (auto v = map.get("time_zone")) read_time_zone(*v, out.time_zone);
  if (auto v = map.get("content_dir")) read_path(*v, out.content_dir);
  if (auto v = map.get("data_dir")) read_path(*v, out.data_dir);
  if (auto v = map.get("expiry_warning_days")) read_in_range(*v, out.expiry_warning_days, 0, 365);
}

void read_kiosk(const Value& root, KioskSettings& out) {
  MapReader map(root);
  if (auto display_value = map.get("display")) {
    MapReader display(*display_value);
    if (auto v = display.get("width_px")) read_in_range(*v, out.display.width_px, 320, 16384);
    if (auto v = display.get("height_px")) read_in_range(*v, out.display.height_px, 240, 16384);
    if (auto v = display.get("rotation")) read_enum<Rotation>(*v, out.display.rotation, kRotations);
    if (auto v = display.get("diagonal_inches"))
      read_in_range(*v, out.display.diagonal_inches, 5.0, 120.0);
    display.read("fullscreen", out.display.fullscreen);
  }
  if (auto idle_value = map.get("idle")) {
    MapReader idle(*idle_value);
    idle.read("warn_after", out.idle.warn_after);
    if (auto v = idle.get("warning_length")) {
      std::chrono::milliseconds length{};
      if (read_value(*v, length)) {
        if (length < std::chrono::seconds{20})
          v->error(Message{"thời gian cảnh báo quá ngắn cho người cao tuổi",
                           "the warning is too short for elderly readers"},
                   Message{"ít nhất 20s", "at least 20s"});
        else
          out.idle.warning_length = length;
      }
    }
  }
  if (auto v = map.get("font")) read_path(*v, out.font);
  read_kiosk_operation(map, out);
}

void read_broadcast(const Value& root, BroadcastSettings& out) {
  MapReader map(root);
  if (auto v = map.get("schedule_file")) read_path(*v, out.schedule_file);
  if (auto v = map.get("control_socket")) read_path(*v, out.control_socket);
  map.read("operators_group", out.operators_group);
  if (auto v = map.get("loudness_target_lufs"))
    read_in_range(*v, out.loudness_target_lufs, -40.0, -5.0);
  if (auto v = map.get("sample_rate_hz")) read_in_range(*v, out.sample_rate_hz, 8000, 192000);
  if (auto v = map.get("resample_quality"))
    read_enum<ResampleQuality>(*v, out.resample_quality, kResampleQualities);
  map.read("catch_up_grace", out.catch_up_grace);
  map.read("device_retry", out.device_retry);
  if (auto v = map.get("silence_fallback")) {
    std::chrono::milliseconds after{};
    if (read_value(*v, after)) {
      if (after < std::chrono::milliseconds{0} || after > std::chrono::hours{1})
        v->error(Message{"thời gian im lặng trước khi trở về ngoài khoảng cho phép",
                         "the silence before falling back is out of range"},
                 Message{"từ 0s (không bao giờ) đến 1h", "from 0s (never) to 1h"});
      else
        out.silence_fallback = after;
    }
  }
  if (auto v = map.get("silence_threshold_dbfs"))
    read_in_range(*v, out.silence_threshold_dbfs, -90.0, -10.0);
  if (auto v = map.get("off_air_days")) read_in_range(*v, out.off_air_days, 0, 3660);
}

Settings default_settings() { return Settings{}; }

Settings load_settings(const std::filesystem::path& folder, Diagnostics& diagnostics) {
  Settings settings;
  settings.folder = folder;
  const auto load = [&](const char* name, auto reader) {
    const auto path = folder / name;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return;
    if (auto doc = Document::load(path, path.string(), diagnostics)) reader(doc->root());
  };
  load("site.yaml", [&](const Value& root) { read_site(root, settings.site); });
  load("kiosk.yaml", [&](const Value& root) { read_kiosk(root, settings.kiosk); });
  load("broadcast.yaml", [&](const Value& root) { read_broadcast(root, settings.broadcast); });
  resolve(settings.site.content_dir, folder);
  resolve(settings.site.data_dir, folder);
  resolve(settings.broadcast.schedule_file, folder);
  return settings;
}

}  // namespace tinxa::config
