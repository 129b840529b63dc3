#pragma once

#include "config/reader/MapReader.hpp"
#include "config/settings/KioskSettings.hpp"

namespace tinxa::config {

// Reads kiosk.yaml's admin_pin, attract and screen_off keys from `map` (the file's root) into
// `out`; read_kiosk() reads the others. Problems are reported at file:line:column.
void read_kiosk_operation(MapReader& map, KioskSettings& out);

}  // namespace tinxa::config
