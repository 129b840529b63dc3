#!/bin/bash
# Rotation and keyboard lock-down under a real Wayland compositor: weston 10 (Debian 12) with
# kiosk-shell on its x11 backend over Xvfb, configured by the shipped deploy/weston/kiosk-weston.ini,
# and tinxa-kiosk as its only client, fullscreen (lock-down on) with `rotation: 90` in kiosk.yaml
# (a 1280x720 panel turned a quarter clockwise: the residents read a 720x1280 portrait picture).
#
# 1. Rotation: weston's screenshot of its 1280x720 output equals the offscreen tour's upright home
#    turned 90 degrees clockwise by ImageMagick (the tour always renders the upright picture the
#    residents read: ScreenshotTour.cpp). A click at the PHYSICAL position where the tile "Ai là hộ
#    nghèo, hộ cận nghèo" appears after the rotation opens that category (the tour's category
#    picture turned the same way).
# 2. Lock-down: with the kiosk focused, xdotool types on weston's X11 window the combinations a
#    passer-by could press (Alt+F4, Alt+Tab, Super, Ctrl+W, Ctrl+Q, F11, Ctrl+Alt+Delete,
#    Ctrl+Alt+F2, Super+S, Super+R twice); weston's x11 backend takes them as
#    keyboard input. Afterwards weston and the kiosk still run and weston's output still shows the
#    category, full screen. Then Ctrl+Alt+Backspace: weston does not quit, and the kiosk reads
#    Backspace as Back (home), so keys do reach the kiosk and act; Escape at home changes nothing.
#    WAYLAND_DEBUG shows which key presses reached the kiosk as wl_keyboard.key.
# What this does not prove: a real keyboard and touch panel on weston's DRM backend (here the X
# server and weston's x11 backend sit in between: Xvfb itself swallows Ctrl+Alt+F<n>, and weston's
# VT switching exists only on DRM), nor wl_touch (the x11 backend has a pointer only).
# Run from the source root:
#   xvfb-run -a -s "-screen 0 1600x900x24" tests/kiosk/WaylandLockdown.sh build/.../tinxa-kiosk OUT
# Exits 77 (skipped) when weston or its x11 backend is not installed (deploy/packages.txt has it).
set -euo pipefail
KIOSK=$1
OUT=$2
SIZE=1280x720  # the panel and weston's output, before rotation
AT=2026-11-28T14:30
SOURCE_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WESTON_INI=$SOURCE_ROOT/deploy/weston/kiosk-weston.ini
source "$(dirname "$0")/XvfbKiosk.bash" # differing, expect_same
source "$(dirname "$0")/WestonX11.bash"  # weston_skip_unless_installed, weston_start, weston_shot
started=$(date +%s%N)
weston_skip_unless_installed

rm -rf "$OUT"
mkdir -p "$OUT/config" "$OUT/weston-cwd"
# data_dir does not exist: no usage counts, no last-good copy. The idle warning and the attract
# slideshow are kept out of the run's minute.
printf 'time_zone: Asia/Ho_Chi_Minh\ndata_dir: no-data\n' >"$OUT/config/site.yaml"
cat >"$OUT/config/kiosk.yaml" <<EOF
display:
  width_px: ${SIZE%x*}
  height_px: ${SIZE#*x}
  rotation: 90
  fullscreen: true
idle:
  warn_after: 10min
attract:
  after: 0s
renderer: software
video_driver: wayland
EOF
# The offscreen tour for the same settings, upright, turned as the panel shows it; made while
# weston and the kiosk start (waited for before the first comparison).
expected_pictures() {
  SDL_VIDEODRIVER=offscreen "$KIOSK" --config "$OUT/config" --content content/sample --at "$AT" \
    --screenshots "$OUT/expected" >"$OUT/tour.log" 2>&1
  local tour_size
  tour_size=$(identify -format %wx%h "$OUT/expected/01-trang-chu.png")
  if [ "$tour_size" != "${SIZE#*x}x${SIZE%x*}" ]; then
    echo "FAIL: the tour for rotation 90 should be upright ${SIZE#*x}x${SIZE%x*}, not $tour_size" >&2
    return 1
  fi
  for name in 01-trang-chu 11-muc-chuan-ngheo; do
    convert "$OUT/expected/$name.png" -rotate 90 "$OUT/expected/$name-r90.png"
  done
}
expected_pictures &
TOUR_PID=$!
BACKGROUND_PIDS+=("$TOUR_PID")

# The shipped weston.ini (kiosk-shell, no idle fade, no VT switching). Weston works in a folder of
# its own, where Super+S and Super+R leave their files (deploy/weston/kiosk-weston.ini says why a
# kiosk's weston must not be able to write there).
weston_start tinxa-kiosk-lockdown "$OUT/weston-cwd" --config="$WESTON_INI"
if ! grep -q "Using config file '$WESTON_INI'" "$OUT/weston.log" ||
  ! grep -q 'kiosk-shell.so' "$OUT/weston.log"; then
  echo "FAIL: weston did not read $WESTON_INI or load kiosk-shell (see $OUT/weston.log)" >&2
  exit 1
fi

# The kiosk sees only the Wayland socket; kiosk.yaml asks for wayland and the software renderer.
env -u DISPLAY -u SDL_VIDEODRIVER XDG_RUNTIME_DIR="$RUNTIME" WAYLAND_DISPLAY="$SOCKET" \
  WAYLAND_DEBUG=client SDL_AUDIODRIVER=dummy \
  "$KIOSK" --config "$OUT/config" --content content/sample --at "$AT" >"$OUT/kiosk.log" 2>&1 &
KIOSK_PID=$!
for _ in $(seq 200); do
  grep -q 'wl_surface@[0-9]*\.attach(wl_buffer@' "$OUT/kiosk.log" && break
  kill -0 "$KIOSK_PID" 2>/dev/null || break
  sleep 0.1
done
if ! grep -q '^tinxa-kiosk: wayland, renderer software' "$OUT/kiosk.log"; then
  echo "FAIL: the kiosk did not start on wayland with the software renderer:" >&2
  grep -v '^\[' "$OUT/kiosk.log" | tail -3 >&2
  exit 1
fi

shot() { weston_shot "$1"; }
still_running() {
  local who
  for who in "kiosk:$KIOSK_PID" "weston:$WESTON_PID"; do
    if ! kill -0 "${who#*:}" 2>/dev/null; then
      echo "FAIL: $1: ${who%%:*} is no longer running" >&2
      exit 1
    fi
  done
}

# 1. Rotation: the picture on weston's output, and a click where the tile is on the glass.
if ! wait "$TOUR_PID"; then
  echo "FAIL: the offscreen tour failed (see $OUT/tour.log)" >&2
  exit 1
fi
shot home
expect_same home 01-trang-chu-r90
# Weston's window takes the X keyboard focus before the click (focused after it, weston's x11
# backend left the kiosk without keyboard focus: no wl_keyboard.enter came back, no key arrived).
xdotool windowfocus --sync "$WID"
# The tile's centre in the upright picture (the tour's 01-trang-chu.png), then on the panel: turned
# a quarter clockwise, upright (x, y) is at (panel width - 1 - y, x).
tile_x=535
tile_y=255
xdotool mousemove --window "$WID" $((${SIZE%x*} - 1 - tile_y)) "$tile_x" click 1
shot category
expect_same category 11-muc-chuan-ngheo-r90

# 2. Lock-down: every combination at once, then one look.
xdotool key alt+F4 alt+Tab super ctrl+w ctrl+q F11 ctrl+alt+Delete ctrl+alt+F2 super+s super+r \
  super+r
shot keys
still_running "after the key combinations"
expect_same keys 11-muc-chuan-ngheo-r90
echo "ok: weston and the kiosk still run, full screen, on the same category"

# Ctrl+Alt+Backspace: weston's kiosk-shell has no "zap"; the kiosk reads Backspace (with nothing
# to erase) as Back, as on every screen. Escape, also Back, then does nothing at home.
xdotool key ctrl+alt+BackSpace
shot zap
still_running "after Ctrl+Alt+Backspace"
expect_same zap 01-trang-chu-r90
xdotool key Escape
shot escape
still_running "after Escape"
expect_same escape 01-trang-chu-r90

# Which key presses (evdev codes in wl_keyboard.key, state 1) reached the kiosk.
pressed() { grep -q "wl_keyboard@[0-9]*\.key([0-9]*, [0-9]*, $1, 1)" "$OUT/kiosk.log"; }
for key in F4:62 Tab:15 Super:125 W:17 Q:16 F11:87 Delete:111 Backspace:14 Escape:1; do
  if ! pressed "${key#*:}"; then
    echo "FAIL: the press of ${key%:*} did not reach the kiosk as wl_keyboard.key" >&2
    exit 1
  fi
done
echo "ok: Alt+F4, Alt+Tab, Super, Ctrl+W, Ctrl+Q, F11, Ctrl+Alt+Delete, Ctrl+Alt+Backspace and" \
  "Escape reached the kiosk as wl_keyboard.key"
held=
pressed 60 || held+=" Ctrl+Alt+F2 (the X server's VT switch)"
pressed 31 || held+=" Super+S (weston's screenshot)"
pressed 19 || held+=" Super+R (weston's recorder)"
echo "note: held before the kiosk:${held:- none}; weston wrote in its folder:" \
  "$(cd "$OUT/weston-cwd" && echo *)"

if ! grep -q 'wl_pointer@[0-9]*\.button(' "$OUT/kiosk.log"; then
  echo "FAIL: the click did not reach the kiosk as a wl_pointer event" >&2
  exit 1
fi
echo "figure: $((($(date +%s%N) - started) / 1000000)) ms in all"
echo "PASS"
