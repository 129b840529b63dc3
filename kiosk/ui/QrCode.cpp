#include "kiosk/ui/QrCode.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace tinxa::kiosk::ui {

std::optional<QrMatrix> encode_qr(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const std::string copy(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) return std::nullopt;  // too long (ERANGE) or out of memory
  QrMatrix m;
  m.size = code->width;
  m.dark.resize(static_cast<std::size_t>(m.size) * static_cast<std::size_t>(m.size));
  for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1u) != 0;
  return m;
}

}  // namespace tinxa::kiosk::ui
