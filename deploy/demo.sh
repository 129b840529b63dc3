#!/usr/bin/env bash
# The demo command: installs what is missing, builds the release preset, and runs tinxa on the
# sample content with the demo settings in deploy/demo (files + SQLite under build/demo-data; no
# server to start):
#   1. tinxa check: the settings, the schedule and the content, checked together;
#   2. tinxa agenda: what the loudspeakers will play in the next two days;
#   3. the kiosk: a window where there is a display, otherwise a tour of its screens as PNG files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./deploy/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target tinxa tinxa-kiosk
tinxa=build/release/broadcast/cli/tinxa
kiosk=build/release/kiosk/tinxa-kiosk
mkdir -p build/demo-data

echo
echo "== 1. tinxa check: cấu hình, lịch phát và nội dung mẫu / settings, schedule and sample content =="
"$tinxa" check --config deploy/demo

echo
echo "== 2. tinxa agenda: loa sẽ phát gì trong 2 ngày tới / what the loudspeakers play in the next 2 days =="
"$tinxa" agenda --config deploy/demo --days 2

echo
echo "== 3. tinxa-kiosk: điểm thông tin điện tử / the public information kiosk =="
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "Mở cửa sổ điểm thông tin; đóng cửa sổ để kết thúc / opening the kiosk window; close it to end."
  "$kiosk" --config deploy/demo
else
  tour=build/demo/kiosk-tour
  echo "Máy không có màn hình: chụp các màn hình ra tệp PNG / no display: rendering the screens to PNG"
  "$kiosk" --config deploy/demo --screenshots "$tour"
  echo "Ảnh các màn hình / the screens are in: $tour"
fi
echo
echo "Đài truyền thanh (tinxa-broadcastd) chưa có trong bản này / the loudspeaker daemon is not built yet (issue #3)."
