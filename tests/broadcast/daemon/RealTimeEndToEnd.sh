#!/bin/bash
# End to end through real PortAudio: tinxa-broadcastd in real time with two zones on two named
# ALSA PCMs (zone1, zone2) that capture to WAV files and are paced by jackd's dummy driver
# (recipe 1(a'), alsa/asound-file-jack.conf). `tinxa` drives it over the control socket:
#   play tone-a (600 Hz) in z1, alert alarm (1000 Hz) in z2, a broken schedule edit that
#   `tinxa reload` must reject with file:line:column while the daemon plays on (tone-b, 800 Hz,
#   in z1, and the slot "hen-gio" that the old schedule has at start + 8 s: tone-c, 400 Hz, z2),
#   the good file back (the file watcher applies it: hen-gio still plays once), jackd killed
#   under an announcement (device_failure in the as-run log) and started again (the devices
#   reopen and play), then SIGTERM (exit status 0). Last, a restart on a broken schedule runs
#   the last good copy the daemon kept (and `tinxa status` says so); without it, exit status 1.
# Then each capture must hold its zone's tones and none of the other zone's, and `tinxa log`
# must list every broadcast as played. Each zone is also recorded off air by the daemon itself
# (z1 to WAV, z2 to FLAC): its day file must hold the zone's tones only, and tone-a where the
# wall clock says it was played (from the time the file's first frame is logged at). Run from
# anywhere:
#   RealTimeEndToEnd.sh DAEMON TINXA TONE_CHECK WORK_DIR
set -euo pipefail
DAEMON=$1 TINXA=$2 TONE_CHECK=$3 W=$4
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$W"
mkdir -p "$W/content/media" "$W/content/pages" "$W/capture"
export TZ=Asia/Ho_Chi_Minh JACK_NO_START_SERVER=1 CAPTURE_DIR="$W/capture"
export ALSA_CONFIG_PATH="$HERE/alsa/asound-file-jack.conf"
export JACK_DEFAULT_SERVER="tinxa-e2e-$$"   # never the server of another test or a person

fail() { echo "FAIL: $*" >&2; echo "--- daemon log ---" >&2; cat "$W/daemon.log" >&2 || true; exit 1; }

# The installation: a bundle of four tones, two zones on two devices, one slot 8 s from now.
for t in "tone-a 600" "tone-b 800" "tone-c 400" "alarm 1000"; do
  set -- $t
  sox -n -r 48000 -c 1 -b 16 "$W/content/media/$1.wav" synth 1.2 sine "$2" vol 0.5
done
cat > "$W/content/bundle.yaml" <<YAML
id: e2e
title: {vi: Thử, en: Test}
version: "1"
published: 2026-11-01
publisher: Tổ kiểm thử
languages: [vi]
YAML
cat > "$W/content/categories.yaml" <<YAML
categories:
  tin: {title: Tin tức}
YAML
cat > "$W/content/pages/tin.yaml" <<YAML
category: tin
title: Tin
summary: Tin
updated: 2026-11-01
valid_from: 2026-01-01
sources:
  - document: Thử
body:
  - paragraph: Tin.
YAML
cat > "$W/content/announcements.yaml" <<YAML
announcements:
  tone-a: {title: Âm A, transcript: A, audio: media/tone-a.wav, category: tin}
  tone-b: {title: Âm B, transcript: B, audio: media/tone-b.wav, category: tin}
  tone-c: {title: Âm C, transcript: C, audio: media/tone-c.wav, category: tin}
  alarm: {title: Báo động, transcript: D, audio: media/alarm.wav, category: tin}
YAML
cat > "$W/site.yaml" <<YAML
time_zone: Asia/Ho_Chi_Minh
content_dir: content
data_dir: data
YAML
cat > "$W/broadcast.yaml" <<YAML
control_socket: $W/broadcastd.sock
operators_group: $(id -gn)
sample_rate_hz: 48000
device_retry: 2s
YAML
AT=$(date -d '+8 seconds' +%H:%M:%S)
cat > "$W/schedule.yaml" <<YAML
zones:
  z1: {name: Vùng 1, device: zone1, channels: [1, 2], off_air: off-air/z1.wav}
  z2: {name: Vùng 2, device: zone2, channels: [1, 2], off_air: off-air/z2.flac}
slots:
  hen-gio:
    announcement: tone-c
    at: "$AT"
    priority: priority
    zones: [z2]
YAML

jackd --no-realtime -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 -p 256 > "$W/jackd.log" 2>&1 &
JACKD=$!
DAEMON_PID=
cleanup() {
  [[ -n $DAEMON_PID ]] && kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null
  kill "$JACKD" 2>/dev/null && wait "$JACKD" 2>/dev/null
  true
}
trap cleanup EXIT
jack_wait -w -t 10 > /dev/null 2>&1 || fail "jackd did not start"

"$DAEMON" --config "$W" > "$W/daemon.log" 2>&1 &
DAEMON_PID=$!
tinxa() { "$TINXA" "$@" --config "$W"; }
# Waits (at most 8 s) until ZONE is idle: what it played has ended and is in the as-run log.
wait_idle() {
  for _ in $(seq 80); do
    tinxa status --raw 2>/dev/null | grep -q "^zone.$1: idle" && return 0
    sleep 0.1
  done
  fail "zone $1 did not fall idle"
}
for _ in $(seq 150); do
  tinxa status > "$W/status.txt" 2>&1 && break
  kill -0 "$DAEMON_PID" 2>/dev/null || fail "the daemon exited"
  sleep 0.1
done
grep -q "đang chạy / running" "$W/status.txt" || fail "status: $(cat "$W/status.txt")"
grep -q "z1 .*im lặng / idle" "$W/status.txt" || fail "z1 is not idle: $(cat "$W/status.txt")"
echo "ok: the daemon answers status"

T_PLAY=$(date +%s.%N)
tinxa play tone-a z1 > "$W/play.txt" || fail "play: $(cat "$W/play.txt")"
grep -q "zone.z1: playing" "$W/play.txt" || fail "play: $(cat "$W/play.txt")"
sleep 0.3
tinxa status --raw | grep -q "zone.z1.title: Âm A" || fail "status does not show Âm A in z1"
wait_idle z1
tinxa alert alarm z2 > "$W/alert.txt" || fail "alert: $(cat "$W/alert.txt")"
grep -q "priority: emergency" "$W/alert.txt" || fail "alert: $(cat "$W/alert.txt")"
wait_idle z2
echo "ok: play and alert were accepted"

# A broken edit: an unknown playlist on line 11. reload refuses it and says where.
cp "$W/schedule.yaml" "$W/schedule.good"
printf '  chieu:\n    playlist: khong-co\n    at: "23:00"\n' >> "$W/schedule.yaml"
status=0
tinxa reload > "$W/reload.txt" 2> "$W/reload.err" || status=$?
[[ $status -eq 1 ]] || fail "reload of a broken schedule exited $status, expected 1"
grep -q "schedule.yaml:11:15: lỗi/error" "$W/reload.txt" "$W/reload.err" \
  || fail "reload does not name the error: $(cat "$W/reload.txt" "$W/reload.err")"
grep -q "the old one keeps running" "$W/reload.err" || fail "reload: $(cat "$W/reload.err")"
echo "ok: the broken edit was rejected at schedule.yaml:11:15"
tinxa play tone-b z1 > /dev/null || fail "play after the broken edit"
wait_idle z1
echo "ok: the daemon plays on"
# The good file back: the watcher (once a second) applies it without a restart.
cp "$W/schedule.good" "$W/schedule.yaml"
touch -d '+2 seconds' "$W/schedule.yaml"
for _ in $(seq 30); do
  grep -q "(schedule.yaml)" "$W/daemon.log" && break
  sleep 0.1
done
grep -q "schedule reloaded (schedule.yaml)" "$W/daemon.log" \
  || fail "the file watcher did not apply the good schedule"
echo "ok: the file watcher applied the repaired schedule"

# Wait for the scheduled slot (start + 8 s) to play out (on a slow machine the alert may still
# hold z2 then: the slot is preempted and resumes).
for _ in $(seq 120); do
  tinxa log --from "$(date +%F)" > "$W/log.txt" 2>&1 || true
  grep -E -q "(played|resumed) .*z2 .*Âm C" "$W/log.txt" && break
  sleep 0.1
done
wait_idle z2

# Device loss: jackd goes away under an announcement in z1 (both devices stall), then returns.
# The captures so far are kept: the file PCMs start new files when the devices reopen.
tinxa play tone-a z1 > /dev/null || fail "play before the device loss"
sleep 0.4
kill "$JACKD"
wait "$JACKD" 2>/dev/null || true
for _ in $(seq 40); do
  [[ $(grep -c "output device lost" "$W/daemon.log") -ge 2 ]] && break
  sleep 0.1
done
[[ $(grep -c "output device lost" "$W/daemon.log") -ge 2 ]] || fail "the device loss was not seen"
mkdir -p "$W/before-loss"
cp "$W/capture/zone1.wav" "$W/capture/zone2.wav" "$W/before-loss/"
tinxa status --raw | grep -q "state: degraded" || fail "status does not say degraded"
jackd --no-realtime -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 -p 256 > "$W/jackd2.log" 2>&1 &
JACKD=$!
jack_wait -w -t 10 > /dev/null 2>&1 || fail "jackd did not start again"
for _ in $(seq 60); do
  grep -q 'output device "zone1" is back' "$W/daemon.log" && break
  sleep 0.1
done
grep -q 'output device "zone1" is back' "$W/daemon.log" || fail "zone1 was not reopened"
echo "ok: the lost devices were logged and reopened"
tinxa play tone-c z1 > /dev/null || fail "play after the device came back"
wait_idle z1

kill -TERM "$DAEMON_PID"
wait "$DAEMON_PID" || fail "the daemon exited with $? on SIGTERM"
DAEMON_PID=
echo "ok: SIGTERM stopped the daemon with status 0"

"$TINXA" log --config "$W" --from "$(date +%F)" > "$W/log.txt"
cat "$W/log.txt"
for row in "played .*z1 .*Âm A" "played .*z2 .*Báo động" "played .*z1 .*Âm B" \
           "(played|resumed) .*z2 .*Âm C" "device_failure .*z1 .*Âm A" "played .*z1 .*Âm C"; do
  grep -E -q "$row" "$W/log.txt" || fail "the as-run log has no row like '$row'"
done
grep -q "emergency played .*z2 .*Báo động" "$W/log.txt" || fail "the alert is not an emergency"
echo "ok: the as-run log has every broadcast"

B="$W/before-loss"
"$TONE_CHECK" "$B/zone1.wav" --has 600 --has 800 --lacks 1000 --lacks 400 \
  || fail "zone1 does not hold its tones alone"
"$TONE_CHECK" "$B/zone1.wav" --channel 2 --has 600 || fail "zone1's channel 2 is silent"
"$TONE_CHECK" "$B/zone2.wav" --has 1000 --has 400 --lacks 600 --lacks 800 \
  || fail "zone2 does not hold its tones alone"
"$TONE_CHECK" "$W/capture/zone1.wav" --has 400 --lacks 600 || fail "zone1 is silent after the loss"
echo "ok: the captures hold each zone's tones"

# Off air: one file per zone (two if the test crossed local midnight: joined with sox).
one_file() {
  local files=("$W"/off-air/"$1"-*."$2")
  [[ -f ${files[0]} ]] || fail "no off-air file for $1: $(ls "$W/off-air" 2>&1)"
  if [[ ${#files[@]} -eq 1 ]]; then echo "${files[0]}"; else
    sox "${files[@]}" "$W/$1-joined.wav" && echo "$W/$1-joined.wav"; fi
}
Z1=$(one_file z1 wav) Z2=$(one_file z2 flac)
"$TONE_CHECK" "$Z1" --has 600 --has 800 --has 400 --lacks 1000 \
  || fail "z1's off-air recording does not hold its tones alone"
"$TONE_CHECK" "$Z2" --has 1000 --has 400 --lacks 600 --lacks 800 \
  || fail "z2's off-air recording does not hold its tones alone"
# tone-a: its onset in the file against the wall clock (the daemon logs the file's first frame).
FIRST=$(grep -o 'off-air recording of zone z1 into .* (first frame at [0-9:.]*)' "$W/daemon.log" \
  | head -1 | sed 's/.*first frame at \([0-9:.]*\))/\1/')
[[ -n $FIRST ]] || fail "the daemon did not log z1's off-air file"
START=$(date -d "$(date -d "@${T_PLAY%.*}" +%F) $FIRST" +%s.%N)
ONSET=$("$TONE_CHECK" "$Z1" --onset 600 | sed -n 's/^onset 600: //p')
[[ $ONSET != none && -n $ONSET ]] || fail "no onset of tone-a in z1's off-air file"
# Played at T_PLAY, heard after the output latency: it must be in the file between 0.1 s before
# and 0.6 s after T_PLAY - START.
awk -v o="$ONSET" -v t="$T_PLAY" -v s="$START" \
  'BEGIN { d = o - (t - s); printf "off-air onset of tone-a: %.3f s, wall clock says %.3f s (%+.3f)\n", o, t - s, d; exit !(d > -0.1 && d < 0.6) }' \
  || fail "tone-a is not at its wall-clock place in z1's off-air file"
echo "ok: the off-air recordings hold each zone's audio at its time"

# A restart on a broken schedule (bad YAML): the daemon runs the last good copy it kept in
# data/broadcast, and says so in its log and in `tinxa status`. Without a copy it exits 1.
printf 'zones: [\n' > "$W/schedule.yaml"
"$DAEMON" --config "$W" > "$W/daemon-last-good.log" 2>&1 &
DAEMON_PID=$!
for _ in $(seq 150); do
  tinxa status > "$W/status-last-good.txt" 2>&1 && break
  kill -0 "$DAEMON_PID" 2>/dev/null \
    || fail "the daemon did not start on its last good copy: $(cat "$W/daemon-last-good.log")"
  sleep 0.1
done
grep -q "running the last good copy: $W/data/broadcast/last-good-content" \
  "$W/status-last-good.txt" || fail "status: $(cat "$W/status-last-good.txt")"
grep -q "schedule.yaml:[0-9]*:[0-9]*: lỗi/error" "$W/daemon-last-good.log" \
  || fail "the start does not name the error: $(cat "$W/daemon-last-good.log")"
grep -q "running the last good copy" "$W/daemon-last-good.log" \
  || fail "the log does not say the last good copy runs: $(cat "$W/daemon-last-good.log")"
kill -TERM "$DAEMON_PID"
wait "$DAEMON_PID" || fail "the daemon on its last good copy exited with $? on SIGTERM"
DAEMON_PID=
rm -rf "$W/data/broadcast"
status=0
"$DAEMON" --config "$W" > "$W/daemon-no-copy.log" 2>&1 || status=$?
[[ $status -eq 1 ]] || fail "a broken start without a copy exited $status, expected 1"
grep -q "errors; fix them and start again" "$W/daemon-no-copy.log" \
  || fail "no-copy start: $(cat "$W/daemon-no-copy.log")"
echo "ok: a broken schedule at start runs the last good copy, and fails without one"
echo "PASS"
