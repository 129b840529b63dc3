#!/bin/bash
# End to end on KMS/DRM without a desktop: tinxa-kiosk as the only program on the console of a
# Debian 12 guest under qemu (no X11, no Wayland, no systemd), SDL's kmsdrm driver on the guest's
# DRM device (qemu's virtio-vga, virtio_gpu without 3D: Mesa draws with llvmpipe), touch
# through a uinput multitouch (type B) panel (evemu-device, Touchscreen.evemu, 0..4095 on both
# axes) that SDL reads through evdev. qemu's `screendump` (QMP) captures what is on the display,
# and each capture is compared with the offscreen tour for the same size and time:
#   - rotation 0 (1280x720 panel): home; a tap on the second tile reaches SDL at that place and
#     opens its category; a drag scrolls its list; Back; a finger held on the second tile while
#     a second finger taps the third changes nothing, and lifting the first opens the second;
#   - rotation 90 (the same panel, the kiosk's picture 720x1280 portrait): home (the capture
#     turned back a quarter); a finger on the second tile while the panel is unplugged, then a
#     tap on a new panel where that tile is seen opens it;
#   - weston 10 on the same DRM device (drm backend, kiosk-shell, deploy/weston/kiosk-weston.ini,
#     as root on tty1) with the kiosk as its Wayland client: home; a tap of the same panel,
#     through libinput, reaches the kiosk as wl_touch.down and opens the tile; Ctrl+Alt+F2 on a
#     uinput keyboard reaches the kiosk and leaves the screen as it was (vt-switching=false).
# Run from the source root, as root (debootstrap, chroot); the guest is built once into
# GUEST (MakeGuest.sh) and reused:
#   tests/kiosk/kms/KmsEndToEnd.sh build/.../tinxa-kiosk OUT GUEST
# Exits 77 (skipped) when qemu-system-x86_64, debootstrap or ImageMagick is missing, or when not
# root. Uses KVM when /dev/kvm is usable, else qemu's software emulation (TCG, much slower).
set -euo pipefail
KIOSK=$(realpath "$1")
OUT=$2
GUEST=$3
AT=2026-11-28T14:30
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/../XvfbKiosk.bash"  # differing, expect_changed
source "$HERE/QemuGuest.bash"      # kms_skip_unless_possible, qemu_start, qemu_shot
started=$SECONDS

kms_skip_unless_possible

"$HERE/MakeGuest.sh" "$KIOSK" "$GUEST"
echo "figure: guest ready after $((SECONDS - started)) s"

rm -rf "$OUT"
mkdir -p "$OUT/work"
# The kiosk's settings: fullscreen on a 1280x720 panel, turned or not; no idle question and no
# attract mode while the test is slow. The accelerated renderer (OpenGL on Mesa's llvmpipe
# through EGL/GBM, what `auto` picks with a DRM device): SDL 2.26's software renderer segfaults
# on kmsdrm here (its window texture), in the kiosk and in a 30-line SDL program alike.
config() {
  mkdir -p "$OUT/work/$1"
  cat >"$OUT/work/$1/site.yaml" <<'EOF'
commune_name: Xã thử KMS
province: dong-nai
province_name: Đồng Nai
time_zone: Asia/Ho_Chi_Minh
content_dir: ../content
data_dir: data
EOF
  cat >"$OUT/work/$1/kiosk.yaml" <<EOF
display:
  width_px: 1280
  height_px: 720
  rotation: $2
  diagonal_inches: 15.6
  fullscreen: true
renderer: accelerated
video_driver: kmsdrm
idle:
  warn_after: 1h
attract:
  after: 0s
EOF
}
config upright 0
config turned 90
config wayland 0
sed -i 's/^video_driver: kmsdrm/video_driver: wayland/' "$OUT/work/wayland/kiosk.yaml"
SDL_VIDEODRIVER=offscreen "$KIOSK" --config "$OUT/work/upright" --content content/sample \
  --size 1280x720 --at "$AT" --screenshots "$OUT/expected" >/dev/null
SDL_VIDEODRIVER=offscreen "$KIOSK" --config "$OUT/work/turned" --content content/sample \
  --size 1280x720 --at "$AT" --screenshots "$OUT/expected-turned" >/dev/null

# The second disk: the kiosk (without its debug information), the content, the settings.
objcopy --strip-debug "$KIOSK" "$OUT/work/tinxa-kiosk"
cp -r content/sample "$OUT/work/content"
cp "$HERE/GuestCommands.sh" "$HERE/Touchscreen.evemu" "$HERE/Keyboard.evemu" "$OUT/work/"
cp deploy/weston/kiosk-weston.ini "$OUT/work/"
echo "$AT" >"$OUT/work/at"
mke2fs -q -t ext4 -d "$OUT/work" "$OUT/work.img" "$(($(du -sm "$OUT/work" | cut -f1) + 32))M"

# The guest (QemuGuest.bash): GuestInit.sh and GuestCommands.sh answer on its second serial port.
boot=$SECONDS
qemu_start "root=/dev/vda ro console=ttyS0 init=/tinxa-init loglevel=4 panic=-1"

# A command to the guest; its answer must start with "ok".
guest() {
  local answer
  echo "$*" >&5
  if ! read -r -t 300 answer <&6; then
    echo "FAIL: the guest did not answer \"$*\" (see $OUT/serial.log)" >&2
    tail -20 "$OUT/serial.log" >&2
    exit 1
  fi
  answer=${answer%$'\r'}
  case $answer in
    ok*) ;;
    *)
      echo "FAIL: the guest answered \"$answer\" to \"$*\"" >&2
      exit 1
      ;;
  esac
}
# The guest says "ok ready" once udev and the touchscreen are up.
ready=
for _ in $(seq 120); do
  read -r -t 5 ready <&6 && break
  if ! kill -0 "$QEMU_PID" 2>/dev/null; then
    echo "FAIL: qemu stopped:" >&2
    cat "$OUT/monitor.log" >&2
    exit 1
  fi
done
if [ -z "$ready" ]; then
  echo "FAIL: the guest did not start in 10 minutes (see $OUT/serial.log)" >&2
  tail -20 "$OUT/serial.log" >&2
  exit 1
fi
echo "figure: guest booted in $((SECONDS - boot)) s (${ready%$'\r'}, accel $accel)"
grep -a '^tinxa-guest:' "$OUT/serial.log" || true
if ! grep -aq 'ID_INPUT_TOUCHSCREEN=1' "$OUT/serial.log"; then
  echo "FAIL: udev did not make the uinput device a touchscreen" >&2
  exit 1
fi

shot() { qemu_shot "$@"; }
# Captures until the screen looks like the tour's image $2 ($3: expected or expected-turned),
# for up to $4 seconds: the kiosk is slow to start under software emulation.
await_screen() {
  local name=$1 image=$OUT/$3/$2.png n=
  local deadline=$((SECONDS + $4))
  while [ $SECONDS -lt "$deadline" ]; do
    shot "$name" "${3#expected-}"
    n=$(differing "$OUT/$name.png" "$image")
    if [ "${n%.*}" -le 2000 ]; then
      echo "ok: $name looks like $2 ($n pixels differ, after $((SECONDS - deadline + $4)) s)"
      return
    fi
    sleep 2
  done
  echo "FAIL: $name should look like $2, but $n pixels differ (see $OUT/$name.png)" >&2
  grep -a '^tinxa-kiosk' "$OUT/serial.log" >&2 || true
  exit 1
}

# How many SDL events of kind $1 (SDL_FINGERDOWN, SDL_FINGERUP) the kiosk logged so far
# (SDL_EVENT_LOGGING, in the serial log).
events() { grep -ac "SDL EVENT: $1" "$OUT/serial.log" || true; }
# Waits up to 60 s until there are more than $2 events of kind $1.
await_event() {
  for _ in $(seq 60); do
    [ "$(events "$1")" -gt "$2" ] && return
    sleep 1
  done
}
# The last finger down SDL reported must be at panel pixel $1,$2 (within 2 pixels); SDL gives
# it as "x y" normalised to 0..1. $3 says how it came; $4, if given, what the line starts with.
expect_finger() {
  local finger
  finger=$(grep -a "^${4:-}.*SDL EVENT: SDL_FINGERDOWN" "$OUT/serial.log" | tail -1 |
    sed -n 's/.* x=\([0-9.]*\) y=\([0-9.]*\) .*/\1 \2/p')
  if ! awk -v f="$finger" -v x="$1" -v y="$2" 'BEGIN { split(f, p, " ")
      dx = p[1] * 1279 - x; dy = p[2] * 719 - y
      exit !(f != "" && dx * dx + dy * dy <= 4) }'; then
    echo "FAIL: SDL reported no finger down at $1,$2 (last: ${finger:-none})" >&2
    exit 1
  fi
  echo "ok: $3 at $1,$2 reached SDL as a finger at $finger"
}
# A command that puts a finger down at panel pixel $2,$3 ("tap X Y", "down SLOT X Y"): SDL must
# report it there.
finger() {
  local before
  before=$(events SDL_FINGERDOWN)
  guest "$@"
  await_event SDL_FINGERDOWN "$before"
  if [ "$(events SDL_FINGERDOWN)" -le "$before" ]; then
    echo "FAIL: SDL reported no finger down after \"$*\" in 60 s" >&2
    exit 1
  fi
  expect_finger "${@: -2:1}" "${@: -1}" "the $1 (type B)"
}
tap() { finger tap "$1" "$2"; }
# Captures $1 and $2 show the same screen: fewer than 20000 pixels differ (home's news line
# may turn to its next item between them, about 4800 pixels; another screen differs in more
# than 100000). $3 says what failed otherwise.
expect_alike() {
  local n
  n=$(differing "$OUT/$1.png" "$OUT/$2.png")
  if [ "${n%.*}" -ge 20000 ]; then
    echo "FAIL: $3 ($n pixels differ between $1 and $2)" >&2
    exit 1
  fi
  echo "ok: $1 looks like $2 ($n pixels differ)"
}
# Upright: home, then a tap on the second tile ("Ai là hộ nghèo, hộ cận nghèo"; 15.6 inches
# make the tiles larger than in the Xvfb test: this one spans x 273-501, y 230-411).
guest kiosk upright
await_screen home 01-trang-chu expected 300
if ! grep -aq '^tinxa-kiosk: KMSDRM' "$OUT/serial.log"; then
  echo "FAIL: SDL did not use its kmsdrm driver:" >&2
  grep -a '^tinxa-kiosk' "$OUT/serial.log" >&2 || true
  exit 1
fi
echo "ok: $(grep -a '^tinxa-kiosk: KMSDRM' "$OUT/serial.log" | head -1)"
phase=$SECONDS
tap 387 320
await_screen category 11-muc-chuan-ngheo expected 120
echo "figure: tap to category $((SECONDS - phase)) s"

# A drag upwards over the list (from y 640 to 300, 8 moves of 30 ms, lifted moving) scrolls it.
phase=$SECONDS
ups=$(events SDL_FINGERUP)
guest drag 600 640 600 300
await_event SDL_FINGERUP "$ups"
sleep 3
shot dragged
expect_changed dragged category "dragging did not scroll the list" "the drag scrolled the list"
echo "figure: drag $((SECONDS - phase)) s"

# Back (top left) goes home.
tap 123 44
await_screen back-home 01-trang-chu expected 120

# Two fingers. The kiosk follows the first finger down and ignores others (sdl::EventMapper):
# a finger held on the second tile, a second finger tapping the third tile ("Chính sách hỗ
# trợ") meanwhile must change nothing on the screen, and lifting the first finger opens the
# second tile's category, not the third's.
phase=$SECONDS
finger down 0 387 320
sleep 2
shot held
finger down 1 638 320
ups=$(events SDL_FINGERUP)
guest up 1
await_event SDL_FINGERUP "$ups"
sleep 2
shot second-finger
expect_alike second-finger held "the second finger's tap changed the screen"
guest up 0
await_screen two-fingers 11-muc-chuan-ngheo expected 120
echo "figure: two fingers $((SECONDS - phase)) s"
guest stop

# Turned a quarter clockwise: the same panel shows the portrait picture (720x1280, the tour's
# for the same panel and rotation). A point (x, y) of that picture is seen on the panel at
# (1279 - y, x): the second tile, at (360, 350) in portrait, is touched at (929, 360).
# First the panel goes while a finger is on the second tile and comes back (a USB panel that
# resets): SDL 2.26 sends no SDL_FINGERUP for that finger, and the kiosk must still follow
# the next one (sdl::EventMapper lets the lost finger go).
guest kiosk turned
await_screen turned-home 01-trang-chu expected-turned 300
phase=$SECONDS
finger down 0 $((1279 - 350)) 360
guest unplug
guest plug
tap $((1279 - 350)) 360
await_screen turned-category 11-muc-chuan-ngheo expected-turned 120
echo "figure: unplugged, plugged and tapped $((SECONDS - phase)) s"
guest stop

# Weston on the DRM device, the kiosk as its client (kiosk-shell shows it fullscreen), the same
# panel and a keyboard read by weston through libinput. The kiosk's output, with WAYLAND_DEBUG
# and SDL_EVENT_LOGGING, is /tmp/wkiosk.log in the guest: `wlog` prints its lines that match
# into the serial log, each behind "wkiosk: ".
wlog() { guest sh "grep -a -e '$1' /tmp/wkiosk.log | sed 's/^/wkiosk: /'"; }
phase=$SECONDS
guest weston kiosk-weston.ini
echo "figure: weston up after $((SECONDS - phase)) s"
guest wkiosk wayland
await_screen wayland-home 01-trang-chu expected 300
wlog '^tinxa-kiosk: '
if ! grep -aq '^wkiosk: tinxa-kiosk: wayland' "$OUT/serial.log"; then
  echo "FAIL: the kiosk did not use SDL's wayland driver:" >&2
  grep -a '^wkiosk: ' "$OUT/serial.log" >&2 || true
  exit 1
fi
echo "ok: $(grep -a '^wkiosk: tinxa-kiosk: wayland' "$OUT/serial.log" | head -1)"
echo "figure: weston and the kiosk to home $((SECONDS - phase)) s"
guest tap 387 320
await_screen wayland-category 11-muc-chuan-ngheo expected 120
wlog 'wl_touch@[0-9]*\.down\|SDL_FINGERDOWN'
if ! grep -aq '^wkiosk: .*wl_touch@[0-9]*\.down' "$OUT/serial.log"; then
  echo "FAIL: the kiosk's WAYLAND_DEBUG log shows no wl_touch.down" >&2
  exit 1
fi
echo "ok: $(grep -a '^wkiosk: .*wl_touch@[0-9]*\.down' "$OUT/serial.log" | tail -1 | cut -c1-160)"
expect_finger 387 320 "the tap through weston (wl_touch)" "wkiosk: "
# Ctrl+Alt+F2 (KEY_LEFTCTRL 29, KEY_LEFTALT 56, KEY_F2 60): with the shipped vt-switching=false
# weston keeps the terminal and passes the keys to the kiosk, which ignores them.
guest keys 29 56 60
sleep 3
wlog 'wl_keyboard@[0-9]*\.key'
if [ "$(grep -ac '^wkiosk: .*wl_keyboard@[0-9]*\.key' "$OUT/serial.log")" -lt 6 ]; then
  echo "FAIL: the kiosk did not get the six key events of Ctrl+Alt+F2 as wl_keyboard.key" >&2
  exit 1
fi
echo "ok: Ctrl+Alt+F2 reached the kiosk as six wl_keyboard.key events"
shot vt-switch
expect_alike vt-switch wayland-category "Ctrl+Alt+F2 changed the screen under weston"
guest wstop
echo "figure: weston phase $((SECONDS - phase)) s"

guest off
wait "$QEMU_PID" 2>/dev/null || true
QEMU_PID=
echo "figure: whole test $((SECONDS - started)) s"
echo "PASS"
