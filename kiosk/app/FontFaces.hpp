#pragma once

#include <filesystem>
#include <string>

namespace tinxa::kiosk::app {

// The bold face beside the configured regular one: "NotoSans-Regular.ttf" -> "NotoSans-Bold.ttf".
inline std::filesystem::path bold_face(const std::filesystem::path& regular) {
  std::string name = regular.filename().string();
  if (const auto at = name.find("Regular"); at != std::string::npos) {
    name.replace(at, 7, "Bold");
    const auto bold = regular.parent_path() / name;
    if (std::filesystem::exists(bold)) return bold;
  }
  return regular;
}

}  // namespace tinxa::kiosk::app
