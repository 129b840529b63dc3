#!/bin/bash
# End to end of the kiosk's systemd unit (deploy/systemd/tinxa-kiosk.service) on KMS/DRM: the
# Debian 12 guest of KmsEndToEnd.sh (MakeGuest.sh, the same cache), booted with systemd as PID 1
# after SystemdSetup.sh has installed the kiosk as deploy/install.sh --kiosk and the unit's header
# do (users and groups, /etc/tinxa, /var/lib/tinxa, the unit enabled, getty@tty1 disabled).
# The guest's clock starts at AT (qemu -rtc), so the kiosk's own clock shows the tour's time.
# Checked as the commune would see it:
#   - qemu's screendump equals the offscreen tour's home (fullscreen 1280x720, SDL's kmsdrm);
#   - the kiosk runs as tinxa-kiosk, in an active logind session on seat0, tty1, and its first
#     line in the journal is "tinxa-kiosk: KMSDRM, renderer ...";
#   - a tap on the uinput touchscreen (evemu-device in a unit) opens the second tile: the
#     kiosk's user reads /dev/input/event* (the group input);
#   - /var/lib/tinxa/usage.sqlite exists, the kiosk's and the group tinxa's;
#   - after kill -SEGV systemd starts it again (a new process, NRestarts 1), home is back, again
#     with a session on tty1 and KMSDRM first in its log.
# The guest talks on its second serial port (SystemdCommands.sh, a unit); its console (kernel,
# systemd) is $OUT/serial.log. Run from the source root, as root:
#   tests/kiosk/kms/SystemdEndToEnd.sh build/.../tinxa-kiosk OUT GUEST
# TINXA_KMS_SYSTEMD_BREAK=no-input|no-restart|no-session breaks the install on purpose
# (SystemdSetup.sh): the test must then fail. Exits 77 (skipped) as KmsEndToEnd.sh does.
set -euo pipefail
KIOSK=$(realpath "$1")
OUT=$2
GUEST=$3
AT=2026-11-28T14:30
AT_UTC=2026-11-28T07:30:00 # AT in Asia/Ho_Chi_Minh (site.yaml time_zone), the guest's clock
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/../XvfbKiosk.bash" # differing
source "$HERE/QemuGuest.bash"     # kms_skip_unless_possible, qemu_start, qemu_shot
started=$SECONDS
phase=$SECONDS
# The seconds since the last figure, for the phase just done.
figure() {
  echo "figure: $1 $((SECONDS - phase)) s"
  phase=$SECONDS
}

kms_skip_unless_possible

"$HERE/MakeGuest.sh" "$KIOSK" "$GUEST"
figure "guest ready:"

rm -rf "$OUT"
mkdir -p "$OUT/work/defaults"
# What the install needs: the program (without its debug information), the defaults and the
# sample content (cmake/Install.cmake), the unit, the lines of deploy/install.sh from the users to
# the data folder (run in the guest with kiosk=true, as `install.sh --kiosk`).
objcopy --strip-debug "$KIOSK" "$OUT/work/tinxa-kiosk"
cp config/defaults/*.yaml "$OUT/work/defaults/"
cp -r content/sample "$OUT/work/content"
cp deploy/systemd/tinxa-kiosk.service "$OUT/work/"
sed -n '/^# The daemon.s user/,/^if \[\[ -d \/run\/systemd\/system \]\]/p' deploy/install.sh |
  sed '$d' >"$OUT/work/InstallSteps.bash"
if ! grep -q 'useradd .*tinxa-kiosk' "$OUT/work/InstallSteps.bash" ||
  ! grep -q '/var/lib/tinxa' "$OUT/work/InstallSteps.bash"; then
  echo "FAIL: deploy/install.sh no longer has the steps this test runs (users ... data folder)" >&2
  exit 1
fi
cp "$HERE/SystemdSetup.sh" "$HERE/SystemdCommands.sh" "$HERE/Touchscreen.evemu" "$OUT/work/"
printf '%s' "${TINXA_KMS_SYSTEMD_BREAK:-}" >"$OUT/work/break"
# The panel: the defaults with a 1280x720 15.6" mode (fullscreen, as installed); no idle
# question and no attract mode while the test is slow.
sed -e 's/^  width_px: .*/  width_px: 1280/' -e 's/^  height_px: .*/  height_px: 720/' \
  -e 's/^  diagonal_inches: .*/  diagonal_inches: 15.6/' -e 's/^  warn_after: .*/  warn_after: 1h/' \
  -e 's/^  after: .*/  after: 0s/' config/defaults/kiosk.yaml >"$OUT/work/kiosk.yaml"
grep -q '^  fullscreen: true' "$OUT/work/kiosk.yaml"
# The tour with the same settings, content and time (its data folder a scratch one).
mkdir -p "$OUT/tour-config"
cp "$OUT/work/kiosk.yaml" "$OUT/tour-config/"
sed "s|^data_dir: .*|data_dir: $OUT/tour-data|" config/defaults/site.yaml >"$OUT/tour-config/site.yaml"
SDL_VIDEODRIVER=offscreen "$KIOSK" --config "$OUT/tour-config" --content content/sample \
  --size 1280x720 --at "$AT" --screenshots "$OUT/expected" >/dev/null
mke2fs -q -t ext4 -d "$OUT/work" "$OUT/work.img" "$(($(du -sm "$OUT/work" | cut -f1) + 32))M"
figure "work disk and tour:"

# The guest (QemuGuest.bash), booted into SystemdSetup.sh: SystemdCommands.sh answers on its
# second serial port. Its clock starts at the tour's time.
qemu_start "root=/dev/vda ro console=ttyS0 loglevel=4 panic=-1 init=/bin/sh -- -c \"mount /dev/vdb /work && exec /work/SystemdSetup.sh\"" \
  -rtc base="$AT_UTC"

failing=
fail() {
  echo "FAIL: $*" >&2
  if [ -z "$failing" ]; then
    failing=yes
    save_journal
  fi
  echo "(console: $OUT/serial.log; the journal: $OUT/journal.log)" >&2
  exit 1
}
# Runs a shell command in the guest as root; prints its output; returns its status.
in_guest() {
  local line
  echo "sh $*" >&5
  while IFS= read -r -t 300 line <&6; do
    line=${line%$'\r'}
    case $line in
      "| "*) printf '%s\n' "${line#| }" ;;
      "done "*) return "${line#done }" ;;
    esac
  done
  fail "the guest did not answer \"$*\""
}
# The guest's journal since boot, saved for whoever reads a failure. The kiosk's own lines are
# not under -u tinxa-kiosk.service: its logind session moves it into the session's scope.
save_journal() {
  in_guest journalctl -b --no-pager -o short-monotonic >"$OUT/journal.log" 2>&1 || true
}

# "ready" from SystemdCommands.sh once systemd has started its unit.
ready=
for _ in $(seq 120); do
  IFS= read -r -t 5 ready <&6 && break
  kill -0 "$QEMU_PID" 2>/dev/null || fail "qemu stopped: $(cat "$OUT/monitor.log")"
done
[ -n "$ready" ] || fail "the guest did not start in 10 minutes"
figure "guest booted to its command line (accel $accel):"
grep -a '^tinxa-setup:' "$OUT/serial.log" || true

# What is on the DRM display now, as $OUT/NAME.png.
shot() { qemu_shot "$1"; }
# Captures until the screen looks like the tour's image $2, for up to $3 seconds. The kiosk's
# clock runs (a minute more differs in about 150 pixels) and so does the ticker, which comes back
# to the tour's notice every 30 s.
await_screen() {
  local name=$1 image=$OUT/expected/$2.png n=
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt "$deadline" ]; do
    shot "$name"
    n=$(differing "$OUT/$name.png" "$image")
    if [ "${n%.*}" -le 2000 ]; then
      echo "ok: $name looks like $2 ($n pixels differ, after $((SECONDS - deadline + $3)) s)"
      return
    fi
    sleep 2
  done
  in_guest systemctl status --no-pager tinxa-kiosk.service >&2 || true
  fail "$name should look like $2, but $n pixels differ (see $OUT/$name.png)"
}
# The kiosk's main process, as systemd knows it (0 when it does not run).
main_pid() { in_guest systemctl show --property=MainPID --value tinxa-kiosk.service; }
# Process $1 runs as tinxa-kiosk, leads an active logind session on seat0 and tty1, and its first
# line in the journal says SDL's kmsdrm driver is in use.
check_process() {
  local pid=$1 user session first
  user=$(in_guest stat -c %U "/proc/$pid")
  [ "$user" = tinxa-kiosk ] || fail "the kiosk (pid $pid) runs as \"$user\", not tinxa-kiosk"
  # One line: the command line is line by line. (Expanded in the guest.)
  # shellcheck disable=SC2016
  session=$(in_guest 'for s in $(loginctl list-sessions --no-legend | awk "{print \$1}"); do' \
    'loginctl show-session "$s" -p Leader -p Name -p Seat -p TTY -p VTNr -p Active -p Type' \
    '-p Class | tr "\n" " " | grep "Leader='"$pid"' " && echo "(session $s)"; done' || true)
  for want in Name=tinxa-kiosk Seat=seat0 TTY=tty1 VTNr=1 Active=yes Class=user; do
    grep -q "\\b$want\\b" <<<"$session" ||
      fail "the kiosk (pid $pid) should lead an active logind session on seat0, tty1 ($want): \
${session:-no session}; loginctl: $(in_guest loginctl list-sessions --no-legend)"
  done
  echo "ok: pid $pid runs as $user in the logind session: $(tr '\n' ' ' <<<"$session")"
  first=$(in_guest "journalctl -b -o cat -t tinxa-kiosk _PID=$pid | head -1")
  case $first in
    "tinxa-kiosk: KMSDRM, renderer "*)
      echo "ok: its first journal line: $first ($(in_guest "journalctl -b -o cat" \
        "-u tinxa-kiosk.service | grep -c KMSDRM") such lines under -u tinxa-kiosk.service)"
      ;;
    *) fail "the kiosk's first journal line should say KMSDRM: \"$first\""
      ;;
  esac
}

await_screen home 01-trang-chu 300
figure "kiosk started by systemd, home on the screen:"
pid=$(main_pid)
[ "${pid:-0}" != 0 ] || fail "systemd shows no main process of tinxa-kiosk.service"
check_process "$pid"
in_guest systemctl is-enabled getty@tty1.service >/dev/null &&
  fail "getty@tty1 is still enabled"
state=$(in_guest stat -c "'%U:%G %a'" /var/lib/tinxa /var/lib/tinxa/usage.sqlite || true)
grep -q '^tinxa:tinxa 2775$' <<<"$state" || fail "/var/lib/tinxa should be tinxa:tinxa 2775: $state"
grep -q '^tinxa-kiosk:tinxa 6[67]4$' <<<"$state" ||
  fail "the kiosk should have made /var/lib/tinxa/usage.sqlite, group tinxa, writable by it: $state"
echo "ok: /var/lib/tinxa and the usage database: $(tr '\n' ' ' <<<"$state")"
# What the unit's sandbox or ordering would make the journal say (ProtectSystem=, ProtectHome=,
# a deprecated dependency).
complaints=$(in_guest "{ journalctl -b -o cat -t tinxa-kiosk | grep -iE 'denied|read-only';" \
  "journalctl -b -o cat | grep -E 'deprecated.*tinxa-kiosk'; } || true")
[ -z "$complaints" ] || fail "the journal complains about the kiosk's unit: $complaints"
echo "ok: the journal does not complain about the unit; the kiosk's home folder:" \
  "$(in_guest ls -A /var/lib/tinxa-kiosk | tr '\n' ' ')"
figure "session, journal and data checks:"

# The second tile ("Ai là hộ nghèo, hộ cận nghèo", x 273-501, y 230-411 on this 15.6" panel).
echo "tap 387 320 1280 720" >&5
IFS= read -r -t 300 answer <&6 || fail "the guest did not answer the tap"
[ "${answer%$'\r'}" = "done 0" ] || fail "the tap failed in the guest (${answer%$'\r'})"
await_screen category 11-muc-chuan-ngheo 120
figure "tap to category:"

# A crash: systemd starts the kiosk again (RestartSec=2s), on its home screen.
in_guest kill -SEGV "$pid"
new=
for _ in $(seq 60); do
  new=$(main_pid)
  [ "${new:-0}" != 0 ] && [ "$new" != "$pid" ] && break
  sleep 2
done
if [ "${new:-0}" = 0 ] || [ "$new" = "$pid" ]; then
  fail "systemd did not start the kiosk again after SIGSEGV:" \
    "$(in_guest systemctl status --no-pager tinxa-kiosk.service)"
fi
restarts=$(in_guest systemctl show --property=NRestarts --value tinxa-kiosk.service)
echo "ok: after SIGSEGV to pid $pid systemd started pid $new (NRestarts $restarts)"
await_screen restarted-home 01-trang-chu 300
check_process "$new"
figure "crash to home again:"
save_journal

echo "off" >&5
wait "$QEMU_PID" 2>/dev/null || true
QEMU_PID=
echo "figure: whole test $((SECONDS - started)) s"
echo "PASS"
