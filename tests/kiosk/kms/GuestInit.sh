#!/bin/sh
# PID 1 of the KMS test guest (kernel command line init=/tinxa-init), a shell after the initramfs
# has mounted the root file system read-only. No systemd, no getty, no display server: udev for
# the devices, a uinput touchscreen (single touch) made by evemu-device, and the kiosk on the DRM device.
#
# The host drives it through the second serial port (/dev/ttyS1), one command a line, each
# answered by a line that starts with "ok" or "error":
#   kiosk DIR      start tinxa-kiosk with /work/DIR as its --config (SDL_VIDEODRIVER=kmsdrm)
#   stop           stop the kiosk (SIGTERM) and wait for it
#   tap X Y        a one-finger tap at panel pixel X,Y on the touchscreen
#   sh COMMAND     run a shell command, its output on the console (for debugging the guest)
#   off            power off
# Everything the kiosk prints goes to the console (/dev/ttyS0), the host's serial log.
# /work is the second disk (/dev/vdb): the kiosk binary, the content, the configs.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp LANG=C.UTF-8 MESA_SHADER_CACHE_DISABLE=true
mountpoint -q /proc || mount -t proc proc /proc
mountpoint -q /sys || mount -t sysfs sysfs /sys
mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
mountpoint -q /run || mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mkdir -p /work
mount /dev/vdb /work

say() { echo "tinxa-guest: $*" >/dev/console; }

/lib/systemd/systemd-udevd --daemon
udevadm trigger --action=add
udevadm settle --timeout=60
modprobe uinput
say "drm: $(ls /dev/dri 2>/dev/null | tr '\n' ' ')driver $(basename "$(readlink /sys/class/drm/card0/device/driver)")"

# The touchscreen: evemu-device keeps it while it runs and prints its event node.
evemu-device /work/Touchscreen.evemu >/tmp/touch 2>&1 &
for _ in $(seq 50); do
  grep -q '/dev/input/event' /tmp/touch && break
  sleep 0.2
done
TOUCH=$(grep -o '/dev/input/event[0-9]*' /tmp/touch | head -1)
udevadm settle --timeout=30
say "touchscreen $TOUCH: $(udevadm info --query=property --name="$TOUCH" | grep -E '^ID_INPUT_TOUCHSCREEN=' || echo 'not a touchscreen for udev')"

# A tap: the finger down at X,Y, a tenth of a second, up.
tap() {
  evemu-event "$TOUCH" --type EV_KEY --code BTN_TOUCH --value 1
  evemu-event "$TOUCH" --type EV_ABS --code ABS_X --value "$1"
  evemu-event "$TOUCH" --type EV_ABS --code ABS_Y --value "$2" --sync
  sleep 0.1
  evemu-event "$TOUCH" --type EV_KEY --code BTN_TOUCH --value 0 --sync
}

KIOSK=
stty -F /dev/ttyS1 raw -echo
exec 3<>/dev/ttyS1
echo "ok ready" >&3
say "ready"
while read -r command args <&3; do
  # shellcheck disable=SC2086  # the arguments are words
  set -- $args
  a=${1:-} b=${2:-}
  case $command in
    kiosk)
      # SDL_EVENT_LOGGING: SDL prints every event but motion (the host looks for the taps).
      TZ=Asia/Ho_Chi_Minh SDL_VIDEODRIVER=kmsdrm SDL_AUDIODRIVER=dummy SDL_EVENT_LOGGING=1 \
        /work/tinxa-kiosk --config "/work/$a" --content /work/content --at "$(cat /work/at)" \
        </dev/null >/dev/console 2>&1 &
      KIOSK=$!
      echo "ok kiosk $KIOSK" >&3
      ;;
    stop)
      kill "$KIOSK" 2>/dev/null
      wait "$KIOSK"
      echo "ok stopped $?" >&3
      ;;
    tap)
      if [ -n "$TOUCH" ] && tap "$a" "$b" >/dev/console 2>&1; then
        echo "ok tap" >&3
      else
        echo "error tap" >&3
      fi
      ;;
    sh)
      sh -c "$args" </dev/null >/dev/console 2>&1
      echo "ok sh $?" >&3
      ;;
    off)
      echo "ok off" >&3
      sync
      echo o >/proc/sysrq-trigger
      ;;
    *) echo "error unknown command: $command" >&3 ;;
  esac
done
