#!/bin/bash
# End to end on a real X11 window: tinxa-kiosk under Xvfb, driven by xdotool with a mouse (which
# SDL delivers as touch), the window captured with ImageMagick's import, and each capture compared
# with the screen the offscreen tour renders for the same size and time. Run from the source root:
#   xvfb-run -a -s "-screen 0 1600x900x24" tests/kiosk/XvfbEndToEnd.sh build/.../tinxa-kiosk OUT
set -euo pipefail
KIOSK=$1
OUT=$2
SIZE=1280x720
AT=2026-11-28T14:30
rm -rf "$OUT"
mkdir -p "$OUT"

SDL_VIDEODRIVER=offscreen "$KIOSK" --content content/sample --size $SIZE --at $AT \
  --screenshots "$OUT/expected" >/dev/null

SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software "$KIOSK" --content content/sample --size $SIZE \
  --at $AT >"$OUT/kiosk.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
WID=$(timeout 30 xdotool search --sync --name '^tinxa-kiosk$' | head -1)

shot() { sleep 1; import -window "$WID" "$OUT/$1.png"; }
# Pixels that differ by more than 10% between two images.
differing() { compare -metric AE -fuzz 10% "$1" "$2" null: 2>&1 | cut -d' ' -f1 || true; }
expect_same() {
  local n
  n=$(differing "$OUT/$1.png" "$OUT/expected/$2.png")
  if [ "${n%.*}" -gt 2000 ]; then
    echo "FAIL: $1 should look like $2, but $n pixels differ" >&2
    exit 1
  fi
  echo "ok: $1 looks like $2 ($n pixels differ)"
}

shot home
expect_same home 01-trang-chu

# A tap on the second tile ("Ai là hộ nghèo, hộ cận nghèo") opens its category.
xdotool mousemove --window "$WID" 480 200 click 1
shot category
expect_same category 11-muc-chuan-ngheo

# A drag upwards scrolls the list and lets it coast.
xdotool mousemove --window "$WID" 500 600 mousedown 1
for y in 560 520 480 440 400 360 320; do
  xdotool mousemove --window "$WID" 500 $y
  sleep 0.02
done
xdotool mouseup 1
sleep 2
shot dragged
n=$(differing "$OUT/dragged.png" "$OUT/category.png")
if [ "${n%.*}" -lt 20000 ]; then
  echo "FAIL: dragging did not scroll the list ($n pixels changed)" >&2
  exit 1
fi
echo "ok: the drag scrolled the list ($n pixels changed)"

# Back, at the top left, returns home.
xdotool mousemove --window "$WID" 60 25 click 1
shot back
expect_same back 01-trang-chu

kill $PID
wait $PID 2>/dev/null || true
trap - EXIT
echo "PASS"
