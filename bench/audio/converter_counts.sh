#!/bin/sh
# converter_counts.sh BUILD_DIR [MINUTES]: instructions executed to play MINUTES (default 1) of a
# stereo programme to one 48 kHz zone, once per libsamplerate converter broadcast.yaml offers
# (resample_quality: fastest | medium | best) for a 44.1 kHz source, and once for a 48 kHz source
# (no converter). Counted by valgrind's callgrind inside audio_bench's play_programme() only
# (decode, resample, gain, mix; not the file's generation), so unlike CPU seconds the counts do
# not depend on what else the machine is doing: they repeat to the last few digits.
# Needs valgrind. One line per run, then the converter's own share (the 48 kHz run subtracted).
set -eu
BUILD=${1:?usage: converter_counts.sh BUILD_DIR [MINUTES]}
MINUTES=${2:-1}
BENCH="$BUILD/bench/audio/audio_bench"
[ -x "$BENCH" ] || { echo "missing $BENCH: cmake --build $BUILD --target audio_bench" >&2; exit 1; }
command -v valgrind > /dev/null || { echo "valgrind is not installed" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# count NAME RATE [CONVERTER]: prints the instructions (Ir) counted in play_programme().
count() {
  name=$1; rate=$2; shift 2
  valgrind --tool=callgrind --toggle-collect='*play_programme*' \
    --callgrind-out-file="$WORK/$name.out" \
    "$BENCH" --cpu-minutes "$MINUTES" --runs 1 --cpu-only --rates "$rate" "$@" \
    > "$WORK/$name.txt" 2> "$WORK/$name.err"
  awk '$1 == "totals:" || $1 == "summary:" { print $2; exit }' "$WORK/$name.out"
}

seconds=$(awk -v m="$MINUTES" 'BEGIN { print m * 60 }')
base=$(count same 48000)
printf 'callgrind, %s s of stereo audio to one 48 kHz zone (instructions in play_programme)\n' "$seconds"
awk -v i="$base" -v s="$seconds" 'BEGIN {
  printf "count  48000 Hz source, no converter:         %14.0f Ir = %7.1f M Ir per second of audio\n",
         i, i / s / 1e6 }'
for converter in fastest medium best; do
  ir=$(count "$converter" 44100 --converter "$converter")
  awk -v c="$converter" -v i="$ir" -v b="$base" -v s="$seconds" 'BEGIN {
    printf "count  44100 Hz source, converter %-8s %14.0f Ir = %7.1f M Ir per second of audio " \
           "(resampling alone: %.1f M Ir/s)\n", c ":", i, i / s / 1e6, (i - b) / s / 1e6 }'
done
