#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace tinxa::kiosk::ui {

// A QR code's modules, from libqrencode (error correction level M, 8-bit mode, the smallest
// version that holds the text). Value type; any thread.
struct QrMatrix {
  int size = 0;            // modules per side, without the quiet zone
  std::vector<bool> dark;  // row by row, size * size

  [[nodiscard]] bool at(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                static_cast<std::size_t>(x)];
  }
  static constexpr int kQuietZone = 4;  // light modules around the code, as the standard asks
};

// The QR code of `text`, or nullopt when it is empty or too long for a QR code (then no code is
// shown). Throws std::bad_alloc only.
[[nodiscard]] std::optional<QrMatrix> encode_qr(std::string_view text);

}  // namespace tinxa::kiosk::ui
