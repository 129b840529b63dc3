# Shared by the Xvfb end-to-end scripts (sourced, not run): renders the offscreen tour as the
# expected images, starts tinxa-kiosk in a real X11 window, captures it and compares captures with
# the tour. Set KIOSK, OUT, SIZE and AT before sourcing; WID is the window once start_kiosk returns.

# The tour for the same size and time, then the real window (killed when the script exits).
start_kiosk() {
  rm -rf "$OUT"
  mkdir -p "$OUT"
  SDL_VIDEODRIVER=offscreen "$KIOSK" --content content/sample --size "$SIZE" --at "$AT" \
    --screenshots "$OUT/expected" >/dev/null
  SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy "$KIOSK" \
    --content content/sample --size "$SIZE" --at "$AT" >"$OUT/kiosk.log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  WID=$(timeout 30 xdotool search --sync --name '^tinxa-kiosk$' | head -1)
}

stop_kiosk() {
  kill "$PID"
  wait "$PID" 2>/dev/null || true
  trap - EXIT
}

shot() { sleep 1; import -window "$WID" "$OUT/$1.png"; }
# A finger's drag upwards in window $WID (x 500, from y 600 to 320), released moving: the list
# scrolls and coasts.
drag_up() {
  xdotool mousemove --window "$WID" 500 600 mousedown 1
  for y in 560 520 480 440 400 360 320; do
    xdotool mousemove --window "$WID" 500 $y
    sleep 0.02
  done
  xdotool mouseup 1
}
# Pixels that differ by more than 10% between two images.
differing() { compare -metric AE -fuzz 10% "$1" "$2" null: 2>&1 | cut -d' ' -f1 || true; }
expect_same() {
  local n
  n=$(differing "$OUT/$1.png" "$OUT/expected/$2.png")
  if [ "${n%.*}" -gt 2000 ]; then
    echo "FAIL: $1 should look like $2, but $n pixels differ" >&2
    exit 1
  fi
  echo "ok: $1 looks like $2 ($n pixels differ)"
}
# Capture $1 differs from capture $2 in at least 20000 pixels (the screen moved on): $3 says what
# failed otherwise, $4 what passed.
expect_changed() {
  local n
  n=$(differing "$OUT/$1.png" "$OUT/$2.png")
  if [ "${n%.*}" -lt 20000 ]; then
    echo "FAIL: $3 ($n pixels changed)" >&2
    exit 1
  fi
  echo "ok: $4 ($n pixels changed)"
}
