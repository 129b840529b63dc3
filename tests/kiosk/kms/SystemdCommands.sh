#!/bin/bash
# The host's command line in the systemd KMS test guest (tinxa-test-commands.service, made by
# SystemdSetup.sh), on the second serial port (/dev/ttyS1). One command a line:
#   sh COMMAND   run a shell command as root: its output, each line as "| LINE", then "done STATUS"
#   tap X Y W H  a one-finger tap at pixel X,Y of the W x H panel on the test's touchscreen:
#                "done STATUS"
#   off          "done 0", then power off at once
# The guest says "ready" first.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8

# The touchscreen's event node, printed by evemu-device (tinxa-test-touchscreen.service).
touch_node() { grep -o '/dev/input/event[0-9]*' /run/tinxa-touch 2>/dev/null | head -1; }
# Panel pixel $2 of $3 as the device's units on axis $1 (hex, as in the evemu description:
# 00 ABS_X, 01 ABS_Y, 35 ABS_MT_POSITION_X, 36 ABS_MT_POSITION_Y); nothing without that axis.
units() {
  awk -v axis="$1" -v px="$2" -v size="$3" '$1 == "A:" && $2 == axis {
    printf "%d\n", $3 + (px * ($4 - $3) + (size - 1) / 2) / (size - 1) }' /work/Touchscreen.evemu
}
# A tap at panel pixel X,Y of a W x H panel, one finger for a tenth of a second, played by
# evemu-play as one recording (E: seconds type code value): type B frames (slot 0, a tracking id,
# the positions) with BTN_TOUCH and ABS_X/Y, as a kernel driver sends them. The axes the device
# lacks are left out, so a single-touch description works as well.
tap() {
  local node x y mx my
  for _ in $(seq 30); do
    node=$(touch_node)
    [ -n "$node" ] && [ -e "$node" ] && break
    sleep 1
  done
  [ -n "$node" ] || return 1
  x=$(units 00 "$1" "$3") y=$(units 01 "$2" "$4")
  mx=$(units 35 "$1" "$3") my=$(units 36 "$2" "$4")
  {
    if [ -n "$mx" ]; then
      echo "E: 1.000000 0003 002f 0"
      echo "E: 1.000000 0003 0039 1"
      echo "E: 1.000000 0003 0035 $mx"
      echo "E: 1.000000 0003 0036 $my"
    fi
    echo "E: 1.000000 0001 014a 1"
    echo "E: 1.000000 0003 0000 $x"
    echo "E: 1.000000 0003 0001 $y"
    echo "E: 1.000000 0000 0000 0"
    [ -n "$mx" ] && echo "E: 1.100000 0003 0039 -1"
    echo "E: 1.100000 0001 014a 0"
    echo "E: 1.100000 0000 0000 0"
  } >/tmp/tap.recording
  evemu-play "$node" </tmp/tap.recording
}

stty -F /dev/ttyS1 raw -echo
exec 3<>/dev/ttyS1
echo "ready" >&3
while read -r command args <&3; do
  case $command in
    sh)
      bash -c "$args" </dev/null 2>&1 | sed 's/^/| /' >&3
      echo "done ${PIPESTATUS[0]}" >&3
      ;;
    tap)
      # shellcheck disable=SC2086  # the arguments are words
      tap $args >/dev/console 2>&1
      echo "done $?" >&3
      ;;
    off)
      echo "done 0" >&3
      sync
      echo o >/proc/sysrq-trigger
      ;;
    *) echo "done 127" >&3 ;;
  esac
done
