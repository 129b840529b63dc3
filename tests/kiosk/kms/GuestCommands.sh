#!/bin/sh
# The command loop of the KMS test guest, run by its PID 1 (GuestInit.sh) from the second disk
# (/work): it makes the input devices, then reads the host's commands from the second serial port
# (/dev/ttyS1), one a line, each answered by a line that starts with "ok" or "error":
#   kiosk DIR        start tinxa-kiosk with /work/DIR as its --config on the DRM device
#                    (SDL_VIDEODRIVER=kmsdrm; SDL reads the touch panel through evdev)
#   stop             stop the kiosk (SIGTERM) and wait for it
#   tap X Y          a one-finger tap at panel pixel X,Y (type B frames, slot 0)
#   down SLOT X Y    a finger put down in SLOT (0..9) at X,Y and held
#   up SLOT          the finger in SLOT lifted
#   drag X Y X2 Y2   a finger down at X,Y, moved to X2,Y2 in 8 steps of 30 ms, lifted moving
#   unplug           the touch panel goes (its uinput device is destroyed), fingers and all
#   plug             a new touch panel comes (the same description, a new device)
#   sttap X Y        a tap as a single-touch panel sends it (BTN_TOUCH and ABS_X/Y only, no MT
#                    frames): not what this panel sends, for showing what SDL makes of it
#   weston INI       weston on the DRM device with /work/INI (drm backend, kiosk-shell), as root
#                    on tty1 (its direct launcher), the pixman renderer, socket wayland-1
#   wkiosk DIR       tinxa-kiosk as weston's client (SDL_VIDEODRIVER=wayland, WAYLAND_DEBUG);
#                    its output in /tmp/wkiosk.log
#   wstop            stop that kiosk and weston
#   keys KEY...      press the keys (evdev codes) one after the other on the uinput keyboard,
#                    then release them in reverse order (a combination)
#   sh COMMAND       run a shell command, its output on the console
#   off              power off
# Everything the kiosk prints on KMS goes to the console (/dev/ttyS0), the host's serial log.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp LANG=C.UTF-8 MESA_SHADER_CACHE_DISABLE=true
say() { echo "tinxa-guest: $*" >/dev/console; }
say "drm: $(ls /dev/dri 2>/dev/null | tr '\n' ' ')driver $(basename "$(readlink /sys/class/drm/card0/device/driver)")"

# A uinput device from an evemu description; evemu-device keeps it while it runs (its process
# id in /tmp/NAME.pid) and prints its event node.
make_device() {
  evemu-device "/work/$1" >"/tmp/$1.node" 2>&1 &
  echo $! >"/tmp/$1.pid"
  for _ in $(seq 50); do
    grep -q '/dev/input/event' "/tmp/$1.node" && break
    sleep 0.2
  done
  grep -o '/dev/input/event[0-9]*' "/tmp/$1.node" | head -1
}
TOUCH=$(make_device Touchscreen.evemu)
KEYBOARD=$(make_device Keyboard.evemu)
udevadm settle --timeout=30
say "touchscreen $TOUCH: $(udevadm info --query=property --name="$TOUCH" | grep -E '^ID_INPUT_TOUCHSCREEN=' || echo 'not a touchscreen for udev')"
say "keyboard $KEYBOARD: $(udevadm info --query=property --name="$KEYBOARD" | grep -E '^ID_INPUT_KEYBOARD=' || echo 'not a keyboard for udev')"

# Events are written as an evemu recording (E: seconds type code value), then played by
# evemu-play with their timing: one process per gesture. T is the time in microseconds.
EV_SYN=0 EV_KEY=1 EV_ABS=3
BTN_TOUCH=330 ABS_X=0 ABS_Y=1 ABS_MT_SLOT=47 ABS_MT_POSITION_X=53 ABS_MT_POSITION_Y=54
ABS_MT_TRACKING_ID=57
RECORDING=/tmp/recording
T=1000000
NEXT_ID=1   # the tracking id of the next contact
FINGERS=0   # contacts on the glass
begin() { : >"$RECORDING"; T=1000000; }
ev() { printf 'E: %d.%06d %04x %04x %d\n' $((T / 1000000)) $((T % 1000000)) "$1" "$2" "$3" >>"$RECORDING"; }
syn() { ev $EV_SYN 0 0; }
later() { T=$((T + $1 * 1000)); }  # milliseconds
play() { evemu-play "$1" <"$RECORDING"; }
# A panel pixel as the panel's 0..4095 units (1280x720 pixels).
unit_x() { echo $((($1 * 4095 + 639) / 1279)); }
unit_y() { echo $((($1 * 4095 + 359) / 719)); }
# Type B: the slot, a new tracking id, the position; BTN_TOUCH and ABS_X/Y (single-touch
# emulation, as the kernel's drivers send it) follow the first contact.
finger_down() {
  ev $EV_ABS $ABS_MT_SLOT "$1"
  ev $EV_ABS $ABS_MT_TRACKING_ID $NEXT_ID
  NEXT_ID=$((NEXT_ID + 1))
  ev $EV_ABS $ABS_MT_POSITION_X "$(unit_x "$2")"
  ev $EV_ABS $ABS_MT_POSITION_Y "$(unit_y "$3")"
  if [ $FINGERS = 0 ]; then
    ev $EV_KEY $BTN_TOUCH 1
    ev $EV_ABS $ABS_X "$(unit_x "$2")"
    ev $EV_ABS $ABS_Y "$(unit_y "$3")"
  fi
  FINGERS=$((FINGERS + 1))
  syn
}
finger_move() {
  ev $EV_ABS $ABS_MT_SLOT "$1"
  ev $EV_ABS $ABS_MT_POSITION_X "$(unit_x "$2")"
  ev $EV_ABS $ABS_MT_POSITION_Y "$(unit_y "$3")"
  ev $EV_ABS $ABS_X "$(unit_x "$2")"
  ev $EV_ABS $ABS_Y "$(unit_y "$3")"
  syn
}
finger_up() {
  ev $EV_ABS $ABS_MT_SLOT "$1"
  ev $EV_ABS $ABS_MT_TRACKING_ID -1
  FINGERS=$((FINGERS - 1))
  [ $FINGERS = 0 ] && ev $EV_KEY $BTN_TOUCH 0
  syn
}
tap() {
  begin
  finger_down 0 "$1" "$2"
  later 100
  finger_up 0
  play "$TOUCH"
}
hold() {
  begin
  finger_down "$1" "$2" "$3"
  play "$TOUCH"
}
lift() {
  begin
  finger_up "$1"
  play "$TOUCH"
}
drag() {
  begin
  finger_down 0 "$1" "$2"
  for step in 1 2 3 4 5 6 7 8; do
    later 30
    finger_move 0 $(($1 + ($3 - $1) * step / 8)) $(($2 + ($4 - $2) * step / 8))
  done
  finger_up 0
  play "$TOUCH"
}
single_touch_tap() {
  begin
  ev $EV_KEY $BTN_TOUCH 1
  ev $EV_ABS $ABS_X "$(unit_x "$1")"
  ev $EV_ABS $ABS_Y "$(unit_y "$2")"
  syn
  later 100
  ev $EV_KEY $BTN_TOUCH 0
  syn
  play "$TOUCH"
}
keys() {
  begin
  reversed=
  for key in "$@"; do
    ev $EV_KEY "$key" 1
    syn
    later 50
    reversed="$key $reversed"
  done
  for key in $reversed; do
    ev $EV_KEY "$key" 0
    syn
    later 50
  done
  play "$KEYBOARD"
}

KIOSK=
WESTON=
export XDG_RUNTIME_DIR=/run/weston
answer() { echo "$*" >&3; }
# Runs a command that touches a device; ok or error after it.
touch_command() {
  name=$1
  shift
  if [ -n "$TOUCH" ] && "$@" >/dev/console 2>&1; then answer "ok $name"; else answer "error $name"; fi
}
stty -F /dev/ttyS1 raw -echo
exec 3<>/dev/ttyS1
answer "ok ready"
say "ready"
while read -r command args <&3; do
  # shellcheck disable=SC2086  # the arguments are words
  set -- $args
  case $command in
    kiosk)
      # SDL_EVENT_LOGGING: SDL prints every event but motion (the host looks for the taps).
      TZ=Asia/Ho_Chi_Minh SDL_VIDEODRIVER=kmsdrm SDL_AUDIODRIVER=dummy SDL_EVENT_LOGGING=1 \
        /work/tinxa-kiosk --config "/work/$1" --content /work/content --at "$(cat /work/at)" \
        </dev/null >/dev/console 2>&1 &
      KIOSK=$!
      answer "ok kiosk $KIOSK"
      ;;
    stop | wstop)
      kill "$KIOSK" 2>/dev/null
      wait "$KIOSK"
      status=$?
      if [ "$command" = wstop ] && [ -n "$WESTON" ]; then
        kill "$WESTON" 2>/dev/null
        wait "$WESTON"
        WESTON=
      fi
      answer "ok stopped $status"
      ;;
    tap) touch_command tap tap "$1" "$2" ;;
    down) touch_command down hold "$1" "$2" "$3" ;;
    up) touch_command up lift "$1" ;;
    drag) touch_command drag drag "$1" "$2" "$3" "$4" ;;
    sttap) touch_command sttap single_touch_tap "$1" "$2" ;;
    unplug)
      kill "$(cat /tmp/Touchscreen.evemu.pid)"
      udevadm settle --timeout=30
      answer "ok unplugged $TOUCH"
      ;;
    plug)
      TOUCH=$(make_device Touchscreen.evemu)
      FINGERS=0
      udevadm settle --timeout=30
      # SDL opens a new panel when it next reads udev's events, and what the panel sends before
      # that is lost to it: wait (up to 60 s, software emulation) until the kiosk holds the new
      # node open. (A tap sent at once was lost once when the machine was busy.)
      for _ in $(seq 300); do
        ls -l "/proc/$KIOSK/fd" 2>/dev/null | grep -q " -> $TOUCH\$" && break
        sleep 0.2
      done
      if ls -l "/proc/$KIOSK/fd" 2>/dev/null | grep -q " -> $TOUCH\$"; then
        answer "ok plugged $TOUCH"
      else
        answer "error plugged $TOUCH, but the kiosk did not open it in 60 s"
      fi
      ;;
    keys)
      if [ -n "$KEYBOARD" ] && keys "$@" >/dev/console 2>&1; then answer "ok keys"; else answer "error keys"; fi
      ;;
    weston)
      # As root on tty1: weston 10's direct launcher (no logind, no seatd here) opens the VT and
      # the DRM device itself. Its working directory / is read-only (kiosk-weston.ini).
      mkdir -p "$XDG_RUNTIME_DIR"
      chmod 0700 "$XDG_RUNTIME_DIR"
      (cd / && exec weston --config="/work/$1" --tty=1 --use-pixman --socket=wayland-1 \
        --log=/tmp/weston.log </dev/null >/dev/console 2>&1) &
      WESTON=$!
      for _ in $(seq 120); do
        [ -S "$XDG_RUNTIME_DIR/wayland-1" ] && break
        kill -0 "$WESTON" 2>/dev/null || break
        sleep 0.5
      done
      if [ -S "$XDG_RUNTIME_DIR/wayland-1" ]; then
        answer "ok weston $WESTON"
      else
        cat /tmp/weston.log >/dev/console
        answer "error weston"
      fi
      ;;
    wkiosk)
      TZ=Asia/Ho_Chi_Minh WAYLAND_DISPLAY=wayland-1 SDL_VIDEODRIVER=wayland SDL_AUDIODRIVER=dummy \
        SDL_EVENT_LOGGING=1 WAYLAND_DEBUG=1 \
        /work/tinxa-kiosk --config "/work/$1" --content /work/content --at "$(cat /work/at)" \
        </dev/null >/tmp/wkiosk.log 2>&1 &
      KIOSK=$!
      answer "ok wkiosk $KIOSK"
      ;;
    sh)
      sh -c "$args" </dev/null >/dev/console 2>&1
      answer "ok sh $?"
      ;;
    off)
      answer "ok off"
      sync
      echo o >/proc/sysrq-trigger
      ;;
    *) answer "error unknown command: $command" ;;
  esac
done
