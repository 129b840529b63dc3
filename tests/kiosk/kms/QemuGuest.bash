# Shared by the KMS tests (sourced, not run): the skip checks, the qemu guest and its screendumps.
# Set OUT and GUEST (MakeGuest.sh's folder) before sourcing.

# Exits 77 (skipped) when qemu, debootstrap, mke2fs or ImageMagick is missing, or when not root.
kms_skip_unless_possible() {
  local tool
  for tool in qemu-system-x86_64 debootstrap mke2fs compare convert; do
    if ! command -v "$tool" >/dev/null; then
      echo "SKIP: $tool is not installed (deploy/packages.txt: qemu-system-x86, debootstrap)"
      exit 77
    fi
  done
  if [ "$(id -u)" != 0 ]; then
    echo "SKIP: building the guest needs root (debootstrap, chroot)"
    exit 77
  fi
}

QEMU_PID=
qemu_cleanup() {
  if [ -n "$QEMU_PID" ]; then kill "$QEMU_PID" 2>/dev/null || true; fi
  wait 2>/dev/null || true
}

# qemu_start APPEND [QEMU ARGS...]: the guest (GUEST's kernel, initramfs and root disk, the root
# disk as a snapshot: nothing is written to it) with $OUT/work.img as its second disk, the kernel
# command line APPEND, a 1280x720 virtio-vga and no display. Its console goes to the first serial
# port ($OUT/serial.log); the second is two FIFOs, written on fd 5 ($OUT/cmd.in) and read on fd 6
# ($OUT/cmd.out); QMP on fd 7 ($OUT/monitor.in, answers in $OUT/monitor.log). KVM when /dev/kvm
# is usable, else qemu's software emulation (TCG); `accel` says which. Sets QEMU_PID; qemu is
# killed when the script exits.
qemu_start() {
  local append=$1
  shift
  mkfifo "$OUT/cmd.in" "$OUT/cmd.out" "$OUT/monitor.in"
  exec 5<>"$OUT/cmd.in" 6<>"$OUT/cmd.out" 7<>"$OUT/monitor.in"
  # Not "-cpu max" under TCG: with it llvmpipe's generated code segfaults the kiosk at its first
  # textured frame (qemu 7.2's emulation of the newer vector extensions); qemu64 works.
  accel=tcg,thread=multi
  local cpu=qemu64
  if [ -w /dev/kvm ]; then
    accel=kvm
    cpu=host
  fi
  trap qemu_cleanup EXIT
  trap 'exit 1' INT TERM
  qemu-system-x86_64 -machine pc -accel $accel -cpu $cpu -smp 2 -m 1024 -nodefaults -no-reboot \
    -kernel "$GUEST/vmlinuz" -initrd "$GUEST/initrd.img" -append "$append" \
    -drive file="$GUEST/root.img",if=virtio,format=raw,snapshot=on \
    -drive file="$OUT/work.img",if=virtio,format=raw \
    -device virtio-vga,xres=1280,yres=720 -display none \
    -serial file:"$OUT/serial.log" -serial pipe:"$OUT/cmd" \
    "$@" -qmp stdio <"$OUT/monitor.in" >"$OUT/monitor.log" 2>&1 &
  QEMU_PID=$!
  echo '{"execute": "qmp_capabilities"}' >&7
}

# qemu_shot NAME [turned]: what is on the guest's display now, as $OUT/NAME.png (qemu's
# screendump); turned back a quarter with "turned" (a panel at rotation 90).
qemu_shot() {
  local ppm=$OUT/$1.ppm
  rm -f "$ppm"
  echo "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"$ppm\"}}" >&7
  for _ in $(seq 100); do
    [ -s "$ppm" ] && convert "$ppm" "$OUT/$1.png" 2>/dev/null && break
    sleep 0.2
  done
  if [ "${2:-}" = turned ]; then convert "$OUT/$1.png" -rotate -90 "$OUT/$1.png"; fi
  rm -f "$ppm"
}
