#!/bin/bash
# End to end under a real Wayland compositor: weston 10 (Debian 12), with its own runtime folder
# and socket, and tinxa-kiosk as a pure Wayland client (SDL_VIDEODRIVER=wayland, no DISPLAY).
# Weston's output is captured with weston-screenshooter (what the compositor composited, not what
# the kiosk thinks it drew) and compared with the screen the offscreen tour renders for the same
# size and time; a tap, a drag and Back go through weston's wl_pointer.
#
# Weston runs on its x11 backend, as a window on the Xvfb that xvfb-run starts (WestonX11.bash
# says why not headless): xdotool's clicks on weston's window reach the kiosk as Wayland pointer
# events. Also prints the kiosk's resident memory and its start to first frame (from
# WAYLAND_DEBUG's timestamps); figures only, nothing asserted on them. Run from the source root:
#   xvfb-run -a -s "-screen 0 1600x900x24" tests/kiosk/WaylandEndToEnd.sh build/.../tinxa-kiosk OUT
# Exits 77 (skipped) when weston or its x11 backend is not installed (deploy/packages.txt has it).
set -euo pipefail
KIOSK=$1
OUT=$2
SIZE=1280x720
AT=2026-11-28T14:30
source "$(dirname "$0")/XvfbKiosk.bash"  # differing, expect_same, expect_changed, drag_up
source "$(dirname "$0")/WestonX11.bash"  # weston_skip_unless_installed, weston_start, weston_shot
weston_skip_unless_installed

rm -rf "$OUT"
mkdir -p "$OUT"
SDL_VIDEODRIVER=offscreen "$KIOSK" --content content/sample --size "$SIZE" --at "$AT" \
  --screenshots "$OUT/expected" >/dev/null

# kiosk-shell makes every toplevel fullscreen on the output, as a kiosk compositor would.
weston_start tinxa-kiosk-test "$OUT" --shell=kiosk-shell.so --no-config

# The kiosk sees only the Wayland socket. WAYLAND_DEBUG timestamps every request in microseconds
# of the real-time clock modulo 2^32, printed as milliseconds.
start_us=$(($(date +%s%6N) % 4294967296))
env -u DISPLAY XDG_RUNTIME_DIR="$RUNTIME" WAYLAND_DISPLAY="$SOCKET" WAYLAND_DEBUG=client \
  SDL_VIDEODRIVER=wayland SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy \
  "$KIOSK" --content content/sample --size "$SIZE" --at "$AT" >"$OUT/kiosk.log" 2>&1 &
KIOSK_PID=$!

# WAYLAND_DEBUG's timestamp of a line; the first request; the first frame (the first commit
# after a buffer was attached to a surface).
STAMP='function stamp() { match($0, /[0-9]+\.[0-9]+/); return substr($0, RSTART, RLENGTH) }'
first_request() { awk "$STAMP"' /^\[ *[0-9]+\.[0-9]+\]/ { print stamp(); exit }' "$OUT/kiosk.log"; }
first_commit() {
  awk "$STAMP"' !surface && /\.attach\(wl_buffer@/ { match($0, /wl_surface@[0-9]+/)
                                                   surface = substr($0, RSTART, RLENGTH) }
    surface && index($0, surface ".commit()") { print stamp(); exit }' "$OUT/kiosk.log"
}
for _ in $(seq 200); do
  [ -n "$(first_commit)" ] && break
  kill -0 "$KIOSK_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$(first_commit)" ]; then
  echo "FAIL: the kiosk committed no frame to weston (see $OUT/kiosk.log)" >&2
  grep -v '^\[' "$OUT/kiosk.log" | tail -3 >&2
  exit 1
fi
if ! grep -q '^tinxa-kiosk: wayland, renderer software' "$OUT/kiosk.log"; then
  echo "FAIL: SDL did not use its wayland driver with the software renderer:" >&2
  grep '^tinxa-kiosk:' "$OUT/kiosk.log" >&2 || true
  exit 1
fi
echo "ok: SDL's video driver is wayland, renderer software, no DISPLAY"

shot() { weston_shot "$1"; }
tap() { xdotool mousemove --window "$WID" "$1" "$2" click 1; }

shot home
expect_same home 01-trang-chu
# Milliseconds from the kiosk's start to a WAYLAND_DEBUG timestamp.
since_start() { echo $(((10#${1/./} - start_us + 4294967296) % 4294967296 / 1000)); }
echo "figure: start to first frame under Wayland $(since_start "$(first_commit)") ms" \
  "(connected to weston at $(since_start "$(first_request)") ms; WAYLAND_DEBUG on)"
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$KIOSK_PID/status")
echo "figure: resident memory under Wayland at home $((rss_kb / 1024)) MB"

# A tap on the second tile ("Ai là hộ nghèo, hộ cận nghèo") opens its category.
tap 480 200
shot category
expect_same category 11-muc-chuan-ngheo

# A drag upwards scrolls the list and lets it coast.
drag_up
sleep 1
shot dragged
expect_changed dragged category "dragging did not scroll the list" "the drag scrolled the list"

# Back, at the top left, returns home.
tap 60 25
shot back
expect_same back 01-trang-chu

if ! grep -q 'wl_pointer@[0-9]*\.button(' "$OUT/kiosk.log"; then
  echo "FAIL: the kiosk received no wl_pointer button event" >&2
  exit 1
fi
echo "ok: the taps reached the kiosk as wl_pointer events"
echo "PASS"
