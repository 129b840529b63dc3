# Shared by the Wayland end-to-end scripts (sourced, not run): weston 10 on its x11 backend (a
# window on the Xvfb that xvfb-run starts) with the pixman renderer, its own runtime folder and
# socket, and the kiosk as its client. Set OUT and SIZE (weston's output, WxH) before sourcing.
#
# Why the x11 backend and not the headless one: the headless backend has no wl_seat, and Debian
# 12's SDL 2.26.5 crashes in SDL_Init under a compositor without one (libsdl-org/SDL#8898, fixed in
# SDL 2.30); the x11 backend gives weston a seat, and xdotool's clicks and keys on weston's window
# reach the kiosk as Wayland pointer and keyboard events.

# Exits 77 (skipped) when weston, its screenshooter, its x11 backend or ImageMagick is missing
# (deploy/packages.txt has them all).
weston_skip_unless_installed() {
  local tool
  for tool in weston weston-screenshooter convert; do
    if ! command -v "$tool" >/dev/null; then
      echo "SKIP: $tool is not installed (deploy/packages.txt: weston, imagemagick)"
      exit 77
    fi
  done
  if ! ls /usr/lib/*/libweston-*/x11-backend.so >/dev/null 2>&1; then
    echo "SKIP: weston's x11-backend.so is not installed"
    exit 77
  fi
}

RUNTIME=
WESTON_PID=
KIOSK_PID=
# Kills the kiosk, weston and any process in BACKGROUND_PIDS, removes the runtime folder.
BACKGROUND_PIDS=()
weston_cleanup() {
  local pid
  for pid in "$KIOSK_PID" "$WESTON_PID" "${BACKGROUND_PIDS[@]}"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  done
  wait 2>/dev/null || true
  if [ -n "$RUNTIME" ]; then rm -rf "$RUNTIME"; fi
}
trap weston_cleanup EXIT
trap 'exit 1' INT TERM

# weston_start SOCKET FOLDER ARGS...: weston with its socket SOCKET in a new runtime folder
# (RUNTIME, 0700), working in FOLDER (where its Super+S and Super+R leave their files), logging to
# $OUT/weston.log; ARGS are added to its command line (a --config or --no-config and --shell).
# --debug lets weston-screenshooter bind weston_screenshooter. Sets WESTON_PID, SOCKET, and WID
# (weston's X11 window); fails the test when the socket does not appear within 10 s.
weston_start() {
  SOCKET=$1
  local folder=$2
  shift 2
  RUNTIME=$(mktemp -d)
  chmod 0700 "$RUNTIME"
  (cd "$folder" &&
    XDG_RUNTIME_DIR=$RUNTIME exec weston --backend=x11-backend.so --use-pixman \
      --width="${SIZE%x*}" --height="${SIZE#*x}" --socket="$SOCKET" --debug \
      --log="$OUT/weston.log" "$@" 2>/dev/null) &
  WESTON_PID=$!
  for _ in $(seq 100); do
    [ -S "$RUNTIME/$SOCKET" ] && break
    sleep 0.1
  done
  if [ ! -S "$RUNTIME/$SOCKET" ]; then
    echo "FAIL: weston did not start (see $OUT/weston.log)" >&2
    exit 1
  fi
  WID=$(timeout 10 xdotool search --sync --class '^Weston Compositor$' | head -1)
}

# weston_shot NAME: what weston composited on its output, as $OUT/NAME.png, after the kiosk has
# had a second to settle.
weston_shot() {
  sleep 1
  (cd "$RUNTIME" && rm -f wayland-screenshot-*.png &&
    env -u DISPLAY WAYLAND_DISPLAY="$SOCKET" XDG_RUNTIME_DIR="$RUNTIME" weston-screenshooter &&
    mv wayland-screenshot-*.png "$OUT/$1.png")
}
