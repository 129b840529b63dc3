#!/usr/bin/env bash
# The demo command: installs what is missing, builds the release preset, and runs tinxa on the
# sample content with the demo settings in deploy/demo (files + SQLite under build/demo-data; no
# server to start):
#   1. tinxa check: the settings, the schedule and the content, checked together;
#   2. tinxa agenda: what the loudspeakers will play in the next two days;
#      then tinxa narrate, as an editor does when publishing: a spoken narration (espeak-ng) for
#      every page and self-check question without a recording, for the kiosk's "Nghe" button;
#   3. the kiosk: a window where there is a display, otherwise a tour of its screens as PNG files;
#   4. tinxa-broadcastd --simulate: the real engine on a virtual clock, each zone's audio to WAV;
#   5. tinxa log: the as-run log it wrote;
#   6. where there is a sound card: tinxa-broadcastd in real time for 20 s, and tinxa play; the
#      daemon also records each zone off air (schedule.yaml `off_air`) into
#      build/demo-data/off-air/<zone>-<date>-<time>.wav. Without one, step 4's files are the
#      loudspeakers' audio.
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
echo "== tinxa narrate: bản đọc cho các trang chưa có bản ghi âm / narrations for pages without a recording =="
"$tinxa" narrate --config deploy/demo

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
echo "== 4. tinxa-broadcastd --simulate: một buổi sáng trên đồng hồ ảo / a morning on a virtual clock =="
# The real engine on a virtual clock, as fast as it can, on a fixed Monday so there is always a
# bulletin to hear: 06:25-06:45 with each zone's audio in build/demo/off-air/<zone>.wav (16-bit,
# 8 kHz), then the rest of the day with no audio files (nothing is played twice). The demo starts
# from an empty as-run log each time.
cmake --build --preset release --target tinxa-broadcastd
broadcastd=build/release/broadcast/daemon/tinxa-broadcastd
day=2026-11-30
rm -f build/demo-data/as-run.sqlite build/demo-data/as-run.sqlite-wal build/demo-data/as-run.sqlite-shm
"$broadcastd" --config deploy/demo --simulate "${day}T06:25" "${day}T06:45" --rate 8000 \
  --off-air build/demo/off-air
"$broadcastd" --config deploy/demo --simulate "${day}T06:45" "${day}T18:00" --rate 8000
echo "Âm thanh từng vùng loa / each zone's audio: build/demo/off-air/"
echo
echo "== 5. tinxa log: nhật ký phát sóng / the as-run log of ${day} =="
"$tinxa" log --config deploy/demo --from "$day"

echo
echo "== 6. tinxa-broadcastd: thời gian thực, nghe được / in real time, audibly =="
# Only where ALSA lists a sound card: the daemon runs for about 20 s on the demo schedule (both
# zones on the default device, one channel each) and `tinxa play` sends one announcement to it.
# It uses a copy of deploy/demo at the same folder depth (so the relative paths still hold) with
# a control socket in build/ open to the current user's group.
if aplay -l 2>/dev/null | grep -q '^card '; then
  rt=build/demo-rt
  mkdir -p "$rt"
  cp deploy/demo/site.yaml deploy/demo/schedule.yaml "$rt/"
  printf 'control_socket: %s\noperators_group: %s\n' "$PWD/$rt/broadcastd.sock" "$(id -gn)" \
    > "$rt/broadcast.yaml"
  "$broadcastd" --config "$rt" &
  daemon=$!
  for _ in $(seq 100); do "$tinxa" status --config "$rt" >/dev/null 2>&1 && break; sleep 0.2; done
  "$tinxa" play ra-soat-bat-dau --config "$rt"
  sleep 20
  "$tinxa" status --config "$rt" || true
  kill -TERM "$daemon"
  wait "$daemon" || true
  echo "Bản ghi phát sóng của từng vùng / each zone's off-air recording (real time):"
  ls -l build/demo-data/off-air/ || true
else
  echo "Máy không có card âm thanh (aplay -l): bỏ qua / no sound card (aplay -l): skipped."
  echo "Âm thanh phát ra loa ở bước 4 / what the loudspeakers would play is in step 4's files:"
  ls -l build/demo/off-air/
fi
