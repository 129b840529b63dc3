#!/bin/sh
# device_loss.sh BUILD_DIR: a device that disappears under a running PortAudioSink and comes back.
# The device is ALSA PCM "zone1" of the paced recipe 1(a'), which needs jackd: killing jackd makes
# the device vanish, starting it again brings it back. Passes if audio_bench --device-loss reports
# the fault, reopens the device, and keeps playing afterwards. Needs jackd2, libasound2-plugins.
set -eu
BUILD=${1:?usage: device_loss.sh BUILD_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
export JACK_NO_START_SERVER=1
export ALSA_CONFIG_PATH="$HERE/alsa/asound-file-jack.conf"
export CAPTURE_DIR="$WORK"
jackd --no-realtime -d dummy -r 48000 -p 256 > "$WORK/jackd.log" 2>&1 &
JACKD=$!
trap 'kill $JACKD 2>/dev/null && wait $JACKD 2>/dev/null; rm -rf "$WORK"' EXIT
jack_wait -w -t 10 > /dev/null 2>&1
"$BUILD/bench/audio/audio_bench" --device-loss zone1 6 > "$WORK/out.txt" 2> "$WORK/err.txt" &
BENCH=$!
sleep 1.5
kill $JACKD; wait $JACKD 2>/dev/null || true     # the device disappears
sleep 2.5
jackd --no-realtime -d dummy -r 48000 -p 256 > "$WORK/jackd2.log" 2>&1 &   # and comes back
JACKD=$!
wait $BENCH || echo "audio_bench exited with $?" >> "$WORK/out.txt"
cat "$WORK/out.txt"
grep -q '^FAULT' "$WORK/out.txt" && grep -q '^REOPENED' "$WORK/out.txt" && echo "device_loss: PASS" \
  || { echo "device_loss: FAIL"; exit 1; }
