#pragma once

#include <filesystem>
#include <string>

namespace tinxa::config {

// site.yaml: who this installation serves and where its files live. Every member has the default
// a fresh installation runs with; config/README.md documents each key.
struct SiteSettings {
  std::string commune_name = "Xã mẫu";  // shown on the kiosk's home screen
  std::string province = "dong-nai";    // province id: selects provincial standards
  std::string province_name = "Đồng Nai";
  std::string time_zone = "Asia/Ho_Chi_Minh";                    // IANA zone for all local times
  std::filesystem::path content_dir = "/var/lib/tinxa/content";  // the content bundle in use
  std::filesystem::path data_dir = "/var/lib/tinxa";  // SQLite databases (as-run log, usage)
  int expiry_warning_days = 14;  // tinxa check warns this many days before a page expires
};

}  // namespace tinxa::config
