#!/usr/bin/env bash
# Regenerates every announcement recording of the sample bundle from its transcript, plus the chime.
#
# It reads announcements.yaml line by line (no YAML library needed), so keep that file simple:
#   announcements:
#     <id>:                         <- two spaces, the id, a colon, nothing else
#       transcript: "..."           <- four spaces; ONE line, double quotes, no \ escapes, no " inside
#       audio: media/audio/<id>.ogg <- four spaces; the extension picks the format
# Formats, as operators bring them:
#   .wav  16-bit PCM, 16 kHz mono          (sox)
#   .flac 16-bit, 16 kHz mono               (sox -C 8)
#   .ogg  Ogg Vorbis, quality 3, 22.05 kHz  (sox -C 3)
#   .mp3  MPEG layer III, 48 kbit/s, 22.05 kHz mono (lame -b 48)
# Speech is espeak-ng's Vietnamese voice at 140 words per minute, normalised to -3 dBFS, with a
# little silence before and after. SoX runs with -R (repeatable), so the output is byte-for-byte
# the same on every run with the same tool versions.
#
# Needs: espeak-ng, sox + libsox-fmt-all, lame, awk.
# Usage: content/tools/make-sample-audio.sh [BUNDLE_DIR]   (default: content/sample)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bundle="$(cd "${1:-$here/../sample}" && pwd)"
list="$bundle/announcements.yaml"

for tool in espeak-ng sox soxi lame awk; do
  command -v "$tool" >/dev/null || { echo "error: '$tool' not found" >&2; exit 1; }
done
[[ -r $list ]] || { echo "error: $list not found" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Prints "path  format  rate  channels  seconds  bytes" for a made file.
report() {
  printf 'made %-40s %-5s %6s Hz %s ch %6.2f s %7d bytes\n' "${1#"$bundle"/}" "${1##*.}" \
    "$(soxi -r "$1")" "$(soxi -c "$1")" "$(soxi -D "$1")" "$(stat -c %s "$1")"
}

# --- the chime: three descending sine tones (G5, E5, C5) with soft attack and decay, 22.05 kHz mono
chime="$bundle/media/audio/chime.wav"
mkdir -p "$(dirname "$chime")"
n=0
for freq in 783.99 659.25 523.25; do
  n=$((n + 1))
  sox -R -n -r 22050 -c 1 -b 16 "$tmp/tone$n.wav" synth 0.8 sine "$freq" fade q 0.02 0.8 0.6 vol 0.5
done
sox -R "$tmp/tone1.wav" "$tmp/tone2.wav" "$tmp/tone3.wav" -b 16 "$tmp/chime.wav" pad 0.1 0.2
mv -f "$tmp/chime.wav" "$chime"
report "$chime"

# --- the announcements: "id<TAB>audio<TAB>transcript", in file order
awk '
  /^  [a-z0-9-]+:[ \t]*$/     { id = $1; sub(/:$/, "", id); order[++n] = id; next }
  /^    transcript: "/        { t = $0; sub(/^    transcript: "/, "", t)
                                if (t !~ /"[ \t]*$/) { print "error: transcript of " id " is not one double-quoted line" > "/dev/stderr"; bad = 1 }
                                sub(/"[ \t]*$/, "", t)
                                if (t ~ /["\\\t]/) { print "error: transcript of " id " has a quote, backslash or tab" > "/dev/stderr"; bad = 1 }
                                text[id] = t; next }
  /^    audio: /              { a = $0; sub(/^    audio: /, "", a); sub(/[ \t]+$/, "", a); audio[id] = a; next }
  END {
    if (bad) exit 1
    for (i = 1; i <= n; i++) {
      id = order[i]
      if (!(id in text) || !(id in audio)) { print "error: " id " needs transcript and audio" > "/dev/stderr"; exit 1 }
      printf "%s\t%s\t%s\n", id, audio[id], text[id]
    }
  }' "$list" > "$tmp/list.tsv"

count=0
while IFS=$'\t' read -r id audio text; do
  case $audio in
    /*|*..*) echo "error: $id: audio path must stay inside the bundle: $audio" >&2; exit 1 ;;
  esac
  out="$bundle/$audio"
  ext="${audio##*.}"
  mkdir -p "$(dirname "$out")"
  espeak-ng -v vi -s 140 -w "$tmp/speech.wav" "$text"
  # Level and silence once, at espeak's own 22.05 kHz, as 16-bit PCM.
  sox -R -G "$tmp/speech.wav" -b 16 "$tmp/clean.wav" norm -3 pad 0.3 0.5
  case $ext in
    wav)  sox -R -G "$tmp/clean.wav" -b 16 -e signed-integer -c 1 "$tmp/out.wav" rate -v 16000 ;;
    flac) sox -R -G "$tmp/clean.wav" -b 16 -c 1 -C 8 "$tmp/out.flac" rate -v 16000 ;;
    ogg)  sox -R -G "$tmp/clean.wav" -c 1 -C 3 "$tmp/out.ogg" ;;
    mp3)  lame --quiet -m m -b 48 "$tmp/clean.wav" "$tmp/out.mp3" ;;
    *)    echo "error: $id: unsupported audio extension .$ext" >&2; exit 1 ;;
  esac
  mv -f "$tmp/out.$ext" "$out"
  report "$out"
  count=$((count + 1))
done < "$tmp/list.tsv"

echo "made $count announcements and the chime; media/audio is $(du -sh "$bundle/media/audio" | cut -f1)"
