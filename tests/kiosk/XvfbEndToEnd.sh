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
source "$(dirname "$0")/XvfbKiosk.bash"
start_kiosk

shot home
expect_same home 01-trang-chu

# A tap on the second tile ("Ai là hộ nghèo, hộ cận nghèo") opens its category.
xdotool mousemove --window "$WID" 480 200 click 1
shot category
expect_same category 11-muc-chuan-ngheo

# A drag upwards scrolls the list and lets it coast.
drag_up
sleep 2
shot dragged
expect_changed dragged category "dragging did not scroll the list" "the drag scrolled the list"

# Back, at the top left, returns home.
xdotool mousemove --window "$WID" 60 25 click 1
shot back
expect_same back 01-trang-chu

stop_kiosk
echo "PASS"
