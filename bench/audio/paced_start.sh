#!/bin/sh
# paced_start.sh BUILD_DIR [N]: start accuracy of scheduled starts through PortAudioSink, paced
# by jackd's dummy driver and captured with timestamps (shared headless recipe 1(a') and 4).
# Needs jackd2 and libasound2-plugins. Prints audio_bench --paced-start's figures.
set -eu
BUILD=${1:?usage: paced_start.sh BUILD_DIR [N]}
N=${2:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
export JACK_NO_START_SERVER=1
export ALSA_CONFIG_PATH="$HERE/alsa/asound-file-jack.conf"
export CAPTURE_DIR="$WORK"
export TS_REC="$BUILD/bench/audio/ts_rec"
jackd --no-realtime -d dummy -r 48000 -p 256 > "$WORK/jackd.log" 2>&1 &
JACKD=$!
trap 'kill $JACKD 2>/dev/null; wait $JACKD 2>/dev/null; rm -rf "$WORK"' EXIT
jack_wait -w -t 10 > /dev/null 2>&1
"$BUILD/bench/audio/audio_bench" --paced-start "$N" 2> "$WORK/bench.err" || { cat "$WORK/bench.err" >&2; exit 1; }
