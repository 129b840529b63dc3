// kiosk.yaml's renderer on machines with and without a GPU device.
#include "kiosk/app/RendererChoice.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace tinxa;
using Wanted = config::KioskSettings::Renderer;
using Chosen = kiosk::sdl::KioskWindow::Renderer;

TEST_CASE("renderer auto draws in software without a GPU device, else on the GPU", "[kiosk][app]") {
  CHECK(kiosk::app::choose_renderer(Wanted::automatic, false) == Chosen::software);
  CHECK(kiosk::app::choose_renderer(Wanted::automatic, true) == Chosen::accelerated);
  CHECK(kiosk::app::choose_renderer(Wanted::software, true) == Chosen::software);
  CHECK(kiosk::app::choose_renderer(Wanted::accelerated, false) == Chosen::accelerated);
  CHECK(kiosk::app::describe_choice(Wanted::automatic, false) ==
        "software (renderer: auto, no GPU device in /dev/dri)");
  CHECK(kiosk::app::describe_choice(Wanted::accelerated, false) ==
        "accelerated (renderer: accelerated)");
}

TEST_CASE("On KMSDRM the kiosk draws with the accelerated renderer, software crashes there",
          "[kiosk][app]") {
  CHECK(kiosk::app::renderer_for_driver(Chosen::software, "KMSDRM") == Chosen::accelerated);
  CHECK(kiosk::app::renderer_for_driver(Chosen::accelerated, "KMSDRM") == Chosen::accelerated);
  CHECK(kiosk::app::renderer_for_driver(Chosen::software, "x11") == Chosen::software);
  CHECK(kiosk::app::renderer_for_driver(Chosen::software, "wayland") == Chosen::software);
}

TEST_CASE("A GPU device is a card or render node in the DRI folder", "[kiosk][app]") {
  tinxa::test::TempDir dri;
  CHECK_FALSE(kiosk::app::has_gpu_device(dri / "missing"));
  CHECK_FALSE(kiosk::app::has_gpu_device(dri.path()));
  std::ofstream(dri / "by-path");
  CHECK_FALSE(kiosk::app::has_gpu_device(dri.path()));
  std::ofstream(dri / "renderD128");
  CHECK(kiosk::app::has_gpu_device(dri.path()));
}
