#!/bin/bash
# The data folder as a commune PC has it (deploy/install.sh): /var/lib/tinxa owned by group tinxa,
# setgid and group-writable, shared by tinxa-broadcastd (user tinxa, writes as-run.sqlite) and
# tinxa-kiosk (user tinxa-kiosk in group tinxa: reads the as-run log for "hear again", writes
# usage.sqlite), and read by operators in group tinxa (`tinxa log`, `tinxa report`).
#
# SQLite's WAL mode keeps two side files (-wal, -shm) that whoever opens the database first
# creates, also a reader. Before this test existed, the kiosk reading the log while the daemon was
# stopped left side files the daemon could not write, and the daemon's next start failed with
# "attempt to write a readonly database". Here three numeric users (no passwd entries needed,
# setpriv as root) play the daemon, the kiosk and an operator, in turn:
#   daemon writes -> kiosk/operator read -> daemon writes again -> operator reports.
# Run as root from the source root:  tests/deploy/SharedDataDir.sh BUILD_DIR WORK_DIR
# Exits 77 (skipped) when not root or setpriv is missing.
set -euo pipefail
BUILD=$(realpath "$1")
WORK=$2
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
if ((EUID != 0)); then
  echo "SKIP: needs root to act as three users (setpriv)"
  exit 77
fi
command -v setpriv >/dev/null || {
  echo "SKIP: setpriv (util-linux) is missing"
  exit 77
}

tinxa=$BUILD/broadcast/cli/tinxa
daemon=$BUILD/broadcast/daemon/tinxa-broadcastd
group=47420             # "tinxa"
daemon_user=47421       # "tinxa", primary group tinxa
kiosk_user=47422        # "tinxa-kiosk", its own primary group, member of tinxa
operator_user=47423     # an operator in group tinxa
as_daemon() { setpriv --reuid=$daemon_user --regid=$group --clear-groups "$@"; }
as_kiosk() { setpriv --reuid=$kiosk_user --regid=$kiosk_user --groups=$group "$@"; }
as_operator() { setpriv --reuid=$operator_user --regid=$operator_user --groups=$group "$@"; }

rm -rf "$WORK"
mkdir -p "$WORK/config"
chmod 0755 "$WORK" "$WORK/config"
data=$WORK/data
# As deploy/install.sh makes /var/lib/tinxa: tinxa:tinxa, 2775.
install -d -m 2775 -o $daemon_user -g $group "$data"
cat >"$WORK/config/site.yaml" <<EOF
commune_name: Xã thử
province: dong-nai
province_name: Đồng Nai
time_zone: Asia/Ho_Chi_Minh
content_dir: $PWD/content/sample
data_dir: $data
EOF
grep -v '^ *off_air:' deploy/demo/schedule.yaml >"$WORK/config/schedule.yaml"
chmod 0644 "$WORK/config/"*

day=2026-11-30  # a Monday: bulletins at 06:30 and 17:00
as_daemon "$daemon" --config "$WORK/config" --simulate "${day}T06:00" "${day}T07:00" --rate 8000 \
  >"$WORK/daemon-1.log" 2>&1 || { cat "$WORK/daemon-1.log" >&2; fail "the daemon's first run"; }
[[ -f "$data/as-run.sqlite" ]] || fail "the daemon wrote no as-run log"

# The kiosk's hear-again and an operator read the log while the daemon is stopped: each may
# create the side files.
as_operator "$tinxa" log --config "$WORK/config" --from "$day" >"$WORK/log-1.txt" 2>&1 ||
  { cat "$WORK/log-1.txt" >&2; fail "tinxa log as an operator"; }
grep -q "Bản tin buổi sáng" "$WORK/log-1.txt" || fail "tinxa log does not list the morning bulletin"
as_kiosk "$tinxa" log --config "$WORK/config" --from "$day" >/dev/null 2>&1 ||
  fail "tinxa log as the kiosk's user"
ls -l "$data" >"$WORK/data-after-readers.txt"

as_daemon "$daemon" --config "$WORK/config" --simulate "${day}T16:30" "${day}T17:30" --rate 8000 \
  >"$WORK/daemon-2.log" 2>&1 || {
  cat "$WORK/data-after-readers.txt" "$WORK/daemon-2.log" >&2
  fail "the daemon cannot write its log after the kiosk and an operator read it"
}
as_operator "$tinxa" log --config "$WORK/config" --from "$day" >"$WORK/log-2.txt" 2>&1 ||
  fail "tinxa log after the second run"
grep -q "Bản tin buổi chiều" "$WORK/log-2.txt" || fail "the afternoon bulletin is not in the log"
mkdir -p "$WORK/report" && chmod 0777 "$WORK/report"
as_operator "$tinxa" report --config "$WORK/config" --month "${day:0:7}" --out "$WORK/report" \
  >"$WORK/report.txt" 2>&1 || { cat "$WORK/report.txt" >&2; fail "tinxa report as an operator"; }

# Every database file is the group's, and group-writable, whoever created it.
while read -r file; do
  [[ "$(stat -c %g "$file")" == "$group" ]] || fail "$file is not in the shared group: $(ls -l "$file")"
  [[ "$(stat -c %A "$file")" == -???rw-* ]] || fail "$file is not group-writable: $(ls -l "$file")"
done < <(find "$data" -maxdepth 1 -name '*.sqlite*')

echo "PASS: daemon, kiosk and operator share $data"
