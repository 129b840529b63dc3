#!/bin/bash
# Builds the Debian 12 guest of the KMS end-to-end test, once, into GUEST (cached there):
#   GUEST/vmlinuz, GUEST/initrd.img   the guest's kernel (linux-image-amd64) and initramfs
#   GUEST/root.img                    its root file system, ext4, made with mke2fs -d (no loop mount)
# The guest is debootstrap's minbase with the kernel, udev, evemu-tools, Mesa's GBM/EGL/DRI (SDL's
# kmsdrm driver presents through them) and the packages that hold the libraries tinxa-kiosk links
# (found with ldd and dpkg -S on this Debian 12 host), the kiosk's two Noto faces copied from the
# host, and GuestInit.sh as /tinxa-init. A second run with the same package list and init script
# only prints "cached". Needs root (debootstrap, chroot) and the Debian mirror. Usage:
#   MakeGuest.sh KIOSK GUEST
set -euo pipefail
KIOSK=$1
GUEST=$2
HERE=$(cd "$(dirname "$0")" && pwd)
MIRROR=${TINXA_DEBIAN_MIRROR:-http://deb.debian.org/debian}

# The packages of the kiosk's shared libraries, as on this host (merged /usr: a library resolved
# under /lib is owned under /usr/lib, or the other way round).
mapfile -t linked < <(ldd "$KIOSK" | awk '$3 ~ /^\// { print $3 }')
paths=()
for lib in "${linked[@]}"; do
  lib=${lib#/usr}
  paths+=("$lib" "/usr$lib")
done
owners=$(dpkg -S "${paths[@]}" 2>/dev/null || true)
for lib in "${linked[@]}"; do
  if ! grep -q ": \(/usr\)\?${lib#/usr}\$" <<<"$owners"; then
    echo "MakeGuest: no package owns $lib" >&2
    exit 1
  fi
done
mapfile -t libraries < <(cut -d: -f1 <<<"$owners")
# Loaded at run time, not linked: SDL's kmsdrm (GBM, EGL, GL and GLES through Mesa's DRI drivers,
# which include kms_swrast and llvmpipe), udev's library for SDL's evdev input, time zones.
# libgl1 matters: without libGL.so.1 SDL 2.26 still creates its "opengl" renderer on EGL, with
# its shaders off, and every frame on the panel is black.
# weston: the kiosk as a Wayland client on weston's DRM backend (touch through libinput, wl_touch);
# systemd, systemd-sysv, dbus, libpam-systemd: the kiosk's systemd unit with its logind session
# (the guest boots systemd for that test; otherwise /tinxa-init is its init).
extra=(linux-image-amd64 udev kmod evemu-tools libgbm1 libegl1 libegl-mesa0 libgles2 libgl1
  libgl1-mesa-dri libdrm2 libudev1 tzdata weston systemd systemd-sysv dbus libpam-systemd)
packages=$(printf '%s\n' "${libraries[@]}" "${extra[@]}" | sort -u | tr '\n' ' ')
key=$(printf '%s\n' "$packages" | cat - "$HERE/GuestInit.sh" "$HERE/MakeGuest.sh" | sha256sum | cut -c1-16)
if [ -f "$GUEST/key" ] && [ "$(cat "$GUEST/key")" = "$key" ] && [ -f "$GUEST/root.img" ]; then
  echo "MakeGuest: cached ($GUEST, key $key)"
  exit 0
fi
echo "MakeGuest: building $GUEST (key $key): $packages"

ROOT=$GUEST/root
mkdir -p "$GUEST/debs"
rm -rf "$ROOT" "$GUEST/key" "$GUEST/root.img"
cleanup() { umount "$ROOT/proc" 2>/dev/null || true; }
trap cleanup EXIT
start=$SECONDS
debootstrap --variant=minbase --cache-dir="$GUEST/debs" bookworm "$ROOT" "$MIRROR" \
  >"$GUEST/debootstrap.log" 2>&1 || {
  tail -5 "$GUEST/debootstrap.log" >&2
  exit 1
}
echo "MakeGuest: debootstrap $((SECONDS - start)) s"

cat >"$ROOT/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb ${TINXA_DEBIAN_SECURITY:-http://deb.debian.org/debian-security} bookworm-security main
EOF
# Nothing starts in the chroot; no documentation, manuals or translations.
printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
chmod +x "$ROOT/usr/sbin/policy-rc.d"
cat >"$ROOT/etc/dpkg/dpkg.cfg.d/tinxa-small" <<'EOF'
path-exclude /usr/share/doc/*
path-exclude /usr/share/man/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/info/*
force-unsafe-io
EOF
# A small initramfs: only what mounts the root disk (virtio, ext4), not every storage driver.
mkdir -p "$ROOT/etc/initramfs-tools/conf.d"
echo MODULES=list >"$ROOT/etc/initramfs-tools/conf.d/tinxa"
printf '%s\n' virtio_pci virtio_blk ext4 >"$ROOT/etc/initramfs-tools/modules"
mount -t proc proc "$ROOT/proc"
start=$SECONDS
# shellcheck disable=SC2086  # the package list is words
chroot "$ROOT" sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
  -o Dpkg::Options::=--force-confold --no-install-recommends $packages && apt-get clean" >"$GUEST/apt.log" 2>&1 || {
  tail -20 "$GUEST/apt.log" >&2
  exit 1
}
umount "$ROOT/proc"
echo "MakeGuest: packages $((SECONDS - start)) s"

# The kiosk's default font (kiosk.yaml `font`) and its bold face, as on the host.
mkdir -p "$ROOT/usr/share/fonts/truetype/noto"
cp /usr/share/fonts/truetype/noto/NotoSans-{Regular,Bold}.ttf "$ROOT/usr/share/fonts/truetype/noto/"
install -m 0755 "$HERE/GuestInit.sh" "$ROOT/tinxa-init"
mkdir -p "$ROOT/work"
cp "$ROOT"/boot/vmlinuz-* "$GUEST/vmlinuz"
cp "$ROOT"/boot/initrd.img-* "$GUEST/initrd.img"

start=$SECONDS
size_mb=$(($(du -sm "$ROOT" | cut -f1) * 5 / 4 + 64))
mke2fs -q -t ext4 -L tinxa-root -d "$ROOT" "$GUEST/root.img" "${size_mb}M"
echo "MakeGuest: root.img ${size_mb} MB in $((SECONDS - start)) s"
echo "$key" >"$GUEST/key"
