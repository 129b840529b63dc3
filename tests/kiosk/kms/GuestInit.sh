#!/bin/sh
# PID 1 of the KMS test guest (kernel command line init=/tinxa-init), a shell after the initramfs
# has mounted the root file system read-only. No systemd, no getty, no display server: it mounts
# what the programs need and the second disk (/dev/vdb, mounted on /work: the kiosk binary, the
# content, the configs), starts udev and loads uinput, then hands over to the command loop the
# host put on that disk, /work/GuestCommands.sh (tests/kiosk/kms/GuestCommands.sh): the loop
# changes with the test, the guest (built once and cached by this file's text) does not.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp LANG=C.UTF-8 MESA_SHADER_CACHE_DISABLE=true
mountpoint -q /proc || mount -t proc proc /proc
mountpoint -q /sys || mount -t sysfs sysfs /sys
mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
mountpoint -q /run || mount -t tmpfs tmpfs /run
mkdir -p /dev/pts /dev/shm
mountpoint -q /dev/pts || mount -t devpts devpts /dev/pts
mountpoint -q /dev/shm || mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs tmpfs /tmp
mkdir -p /work
mount /dev/vdb /work

/lib/systemd/systemd-udevd --daemon
udevadm trigger --action=add
udevadm settle --timeout=60
modprobe uinput
if [ -f /work/GuestCommands.sh ]; then
  exec /bin/sh /work/GuestCommands.sh
fi
echo "tinxa-guest: no /work/GuestCommands.sh" >/dev/console
sync
echo o >/proc/sysrq-trigger
