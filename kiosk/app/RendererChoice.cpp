#include "kiosk/app/RendererChoice.hpp"

#include "config/settings/KioskSettingsReader.hpp"

#include <system_error>

namespace tinxa::kiosk::app {

bool has_gpu_device(const std::filesystem::path& dri) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dri, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("card", 0) == 0 || name.rfind("renderD", 0) == 0) return true;
  }
  return false;
}

sdl::KioskWindow::Renderer choose_renderer(config::KioskSettings::Renderer wanted, bool gpu) {
  using Wanted = config::KioskSettings::Renderer;
  using Chosen = sdl::KioskWindow::Renderer;
  switch (wanted) {
    case Wanted::software:
      return Chosen::software;
    case Wanted::accelerated:
      return Chosen::accelerated;
    case Wanted::automatic:
      break;
  }
  return gpu ? Chosen::accelerated : Chosen::software;
}

sdl::KioskWindow::Renderer renderer_for_driver(sdl::KioskWindow::Renderer chosen,
                                               std::string_view driver) {
  if (driver == "KMSDRM") return sdl::KioskWindow::Renderer::accelerated;
  return chosen;
}

std::string describe_choice(config::KioskSettings::Renderer wanted, bool gpu) {
  const bool software = choose_renderer(wanted, gpu) == sdl::KioskWindow::Renderer::software;
  std::string line = software ? "software" : "accelerated";
  line += " (renderer: " + std::string(config::to_string(wanted));
  if (wanted == config::KioskSettings::Renderer::automatic) {
    line += gpu ? ", a GPU device in /dev/dri" : ", no GPU device in /dev/dri";
  }
  return line + ")";
}

}  // namespace tinxa::kiosk::app
