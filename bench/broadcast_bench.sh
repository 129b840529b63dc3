#!/bin/sh
# broadcast_bench.sh BUILD_DIR [N] : every broadcast figure of issue 3 item 11 in one run, printed
# as a table with its target and pass/MISS. Not part of ctest: it takes several minutes of real
# time and needs jackd. Build the programs first, in a release tree:
#   cmake --preset release -B build/release
#   cmake --build build/release -j2 --target schedule_bench audio_bench broadcast_bench jack_rec
#   bench/broadcast_bench.sh build/release 20
# It runs, in this order (see bench/README.md for what each measures and how):
#   1. schedule_bench                 a year of a 500-slot schedule: read, check, expand
#   2. audio_bench                    CPU per hour for one stereo 48 kHz zone (44.1 and 48 kHz
#                                     sources) and resident memory against file length
#   3. jackd (dummy driver, 48 kHz, 256 frames) + jack_rec recording at the JACK graph, then
#      broadcast_bench --tinxa N      N scheduled starts, N injected and N scheduled emergencies
#      broadcast_bench --naive N aplay / play   the timer + fork/exec alternative, same starts
#      broadcast_bench --analyse      onsets in the capture -> figures and ratios
#   The engine runs with tinxa-broadcastd's lead (occurrences fire 200 ms before their start).
#   LEAD_MS=L also runs step 3's tinxa part again with EngineOptions::lead = L (0: items fire
#   at their instant); LATENCY_MS=S does so with the PortAudio suggested latency S ms;
#   TINXA_RT=1 does so with the tinxa process at real-time priority (chrt -f 40), as a unit file
#   with CPUSchedulingPolicy=fifo would run it.
# Needs (deploy/packages.txt): jackd2, libasound2-plugins, alsa-utils (aplay), sox (play),
# libjack-jackd2-dev (to build jack_rec).
set -eu
BUILD=${1:?usage: broadcast_bench.sh BUILD_DIR [N]}
N=${2:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
for program in schedule/schedule_bench audio/audio_bench broadcast/broadcast_bench broadcast/jack_rec; do
  if [ ! -x "$BUILD/bench/$program" ]; then
    echo "missing $BUILD/bench/$program: cmake --build $BUILD --target schedule_bench audio_bench broadcast_bench jack_rec" >&2
    exit 2
  fi
done
BUILD=$(cd "$BUILD" && pwd)
WORK=$(mktemp -d)
JACKD=
REC=
cleanup() {
  [ -n "$REC" ] && kill "$REC" 2>/dev/null && wait "$REC" 2>/dev/null
  [ -n "$JACKD" ] && kill "$JACKD" 2>/dev/null && wait "$JACKD" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "== broadcast_bench.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 1. schedule_bench"
"$BUILD/bench/schedule/schedule_bench" | tee "$WORK/schedule.out"
echo "== 2. audio_bench"
"$BUILD/bench/audio/audio_bench" | tee "$WORK/audio.out"

# 3. The paced output: jackd's dummy driver, and the recorder every player sends to.
export JACK_NO_START_SERVER=1
export ALSA_CONFIG_PATH="$HERE/broadcast/alsa/asound-jack-rec.conf"
start_recording() {  # $1: capture file
  # Real-time (SCHED_FIFO, root): without it the dummy driver sleeps a period after each cycle
  # and falls behind the wall clock by the wake-up latency (10-15 % on a loaded VM).
  jackd -R -P 70 -d dummy -r 48000 -p 256 > "$WORK/jackd.log" 2>&1 &
  JACKD=$!
  jack_wait -w -t 10 > /dev/null 2>&1
  "$BUILD/bench/broadcast/jack_rec" "$1" &
  REC=$!
  i=0
  until jack_lsp 2>/dev/null | grep -q '^jrec:in_2$'; do
    i=$((i + 1)); [ $i -gt 100 ] && { echo "jack_rec did not start" >&2; exit 1; }
    sleep 0.1
  done
}
stop_recording() {
  kill "$REC"; wait "$REC" || true; REC=
  kill "$JACKD"; wait "$JACKD" 2>/dev/null || true; JACKD=
}
bb() {  # broadcast_bench, its progress lines shown, the libraries' chatter kept in a log
  ${RT:-} "$BUILD/bench/broadcast/broadcast_bench" "$@" 2> "$WORK/stderr" || { cat "$WORK/stderr" >&2; exit 1; }
  grep -E '^(tinxa|naive):' "$WORK/stderr" >&2 || true
}

echo "== 3. start accuracy, preemption and the naive timer at the output (N=$N; a few minutes)"
start_recording "$WORK/capture.wav"
bb --tinxa "$N" "$WORK/events" "$WORK/files"
bb --naive "$N" "$WORK/events" "$WORK/files" aplay
bb --naive "$N" "$WORK/events" "$WORK/files" play
stop_recording
bb --analyse "$WORK/capture.wav" "$WORK/events" | tee "$WORK/analyse.out"

if [ -n "${LEAD_MS:-}${LATENCY_MS:-}${TINXA_RT:-}" ]; then
  echo "== 3b. the tinxa phases again with lead ${LEAD_MS:-200} ms, latency ${LATENCY_MS:-default} ms${TINXA_RT:+, real-time priority}"
  start_recording "$WORK/capture-b.wav"
  [ -n "${TINXA_RT:-}" ] && RT="chrt -f 40"
  bb --tinxa "$N" "$WORK/events-b" "$WORK/files" --lead-ms "${LEAD_MS:-200}" --latency-ms "${LATENCY_MS:-0}"
  RT=
  stop_recording
  bb --analyse "$WORK/capture-b.wav" "$WORK/events-b" | sed 's/^FIGURE\t/FIGURE\t(3b) /' | tee "$WORK/analyse-b.out"
fi

echo
echo "== broadcast figures (release build, $(nproc)-core machine; other load: see bench/README.md)"
printf '%-78s | %-58s | %-32s | %s\n' "what" "figure" "target" "result"
cat "$WORK/schedule.out" "$WORK/audio.out" "$WORK/analyse.out" $(ls "$WORK"/analyse-b.out 2>/dev/null) |
  awk -F'\t' '$1 == "FIGURE" { printf "%-78s | %-58s | %-32s | %s\n", $2, $3, $4, $5 }'
