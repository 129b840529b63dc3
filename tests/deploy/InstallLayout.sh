#!/usr/bin/env bash
# What `cmake --install` puts on a commune PC (cmake/Install.cmake), installed into a temporary
# DESTDIR with the prefix deploy/install.sh uses (/usr): the programs run, each systemd unit's
# ExecStart names an installed program, the units pass `systemd-analyze verify`, the defaults
# installed for /etc/tinxa pass `tinxa check` with the installed sample content, and the READMEs
# the units' Documentation= lines name are there.
# Usage: InstallLayout.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
root="$work/root"
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR="$root" cmake --install "$build" --prefix /usr >"$work/install.log"

for program in tinxa tinxa-broadcastd tinxa-kiosk; do
  [[ -x "$root/usr/bin/$program" ]] || fail "/usr/bin/$program was not installed"
  "$root/usr/bin/$program" --help >/dev/null || fail "/usr/bin/$program --help failed"
done

for unit in tinxa-broadcastd.service tinxa-kiosk.service; do
  file="$root/usr/lib/systemd/system/$unit"
  [[ -f "$file" ]] || fail "$unit was not installed in /usr/lib/systemd/system"
  exec_start=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$file")
  [[ -n "$exec_start" ]] || fail "$unit has no ExecStart"
  [[ -x "$root$exec_start" ]] || fail "$unit starts $exec_start, which was not installed"
  # The unit as systemd reads it, with the program found where it was installed.
  sed "s|^ExecStart=$exec_start|ExecStart=$root$exec_start|" "$file" >"$work/$unit"
  systemd-analyze verify "$work/$unit" || fail "systemd-analyze verify $unit"
  while read -r doc; do
    [[ -f "$root${doc#file://}" ]] || fail "$unit documents ${doc#file://}, which was not installed"
  done < <(sed -n 's/^Documentation=\(file:\/\/[^ ]*\).*/\1/p' "$file")
done

# The locked-down weston settings kiosk/README.md tells the installer to copy.
[[ -f "$root/usr/share/tinxa/weston/kiosk-weston.ini" ]] ||
  fail "kiosk-weston.ini was not installed in /usr/share/tinxa/weston"

# /etc/tinxa as deploy/install.sh makes it: the defaults, with the installed sample as content.
etc="$work/etc-tinxa"
cp -r "$root/usr/share/tinxa/defaults" "$etc"
"$root/usr/bin/tinxa" check --config "$etc" --content "$root/usr/share/tinxa/content/sample" \
  --date 2026-11-28 >"$work/check.log" || { cat "$work/check.log" >&2; fail "tinxa check on the installed defaults"; }
grep -q "0 lỗi/errors" "$work/check.log" || fail "tinxa check did not report 0 errors"

echo "PASS: installed layout, units verified, defaults checked"
