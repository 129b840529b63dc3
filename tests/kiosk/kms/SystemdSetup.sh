#!/bin/bash
# The first program of the systemd KMS test guest (SystemdEndToEnd.sh): the kernel starts
#   init=/bin/sh -- -c "mount /dev/vdb /work && exec /work/SystemdSetup.sh"
# on the read-only root the initramfs mounted (a qemu snapshot: nothing reaches the cached image).
# It installs tinxa-kiosk as a real install does, then hands PID 1 to systemd:
#   - what `cmake --install` puts in /usr (cmake/Install.cmake): the program, the default settings,
#     the sample content;
#   - the lines of deploy/install.sh that make the users, groups, /etc/tinxa and /var/lib/tinxa
#     (the host copied them to /work/InstallSteps.bash, run here as `install.sh --kiosk` runs them);
#   - the unit's header: the unit in /etc/systemd/system, getty@tty1 disabled, the unit enabled;
#   - the panel's settings in /etc/tinxa/kiosk.yaml (/work/kiosk.yaml: fullscreen, 1280x720);
#   - the test's own two units: the uinput touchscreen (evemu-device) and the host's command line
#     on /dev/ttyS1 (SystemdCommands.sh).
# /work/break, when present, names what the host wants broken (to see the checks fail):
#   no-input     the kiosk's user outside the group input (unit and /etc/group)
#   no-restart   Restart=no in the unit
#   no-session   no PAMName= (no logind session)
set -u
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
say() { echo "tinxa-setup: $*" >/dev/console; }
mountpoint -q /proc || mount -t proc proc /proc
mountpoint -q /sys || mount -t sysfs sysfs /sys
mount -o remount,rw / || say "cannot remount / read-write"

# cmake --install (cmake/Install.cmake), the part the kiosk needs.
install -m 0755 /work/tinxa-kiosk /usr/bin/tinxa-kiosk
install -d /usr/share/tinxa/defaults /usr/share/tinxa/content
install -m 0644 /work/defaults/*.yaml /usr/share/tinxa/defaults/
cp -r /work/content /usr/share/tinxa/content/sample
install -m 0644 /work/tinxa-kiosk.service /etc/systemd/system/tinxa-kiosk.service

# deploy/install.sh --kiosk: users, groups, settings, the shared data folder.
# shellcheck disable=SC2034  # read by InstallSteps.bash
kiosk=true
# shellcheck disable=SC1091  # written by the host
source /work/InstallSteps.bash
install -m 0644 /work/kiosk.yaml /etc/tinxa/kiosk.yaml

broken=$(cat /work/break 2>/dev/null || true)
case $broken in
  no-input)
    gpasswd -d tinxa-kiosk input
    sed -i '/^SupplementaryGroups=/s/ *\binput\b//' /etc/systemd/system/tinxa-kiosk.service
    ;;
  no-restart) sed -i 's/^Restart=.*/Restart=no/' /etc/systemd/system/tinxa-kiosk.service ;;
  no-session) sed -i '/^PAMName=/d' /etc/systemd/system/tinxa-kiosk.service ;;
esac
[ -n "$broken" ] && say "broken on purpose: $broken"
say "tinxa-kiosk is $(id tinxa-kiosk)"

# The unit's header.
systemctl --no-reload disable getty@tty1.service
systemctl --no-reload enable tinxa-kiosk.service

# The test's touchscreen: evemu-device keeps it while it runs and prints its event node, which
# the tap command reads from /run/tinxa-touch. Before the kiosk, as a panel plugged in at boot.
# Early in the boot evemu-device sometimes exits 255 just after making the device (its event
# node not found yet, it seems): started again.
cat >/etc/systemd/system/tinxa-test-touchscreen.service <<'EOF'
[Unit]
Description=tinxa test: a uinput touchscreen (evemu-device)
After=systemd-udevd.service
Before=tinxa-kiosk.service
[Service]
ExecStartPre=/sbin/modprobe uinput
ExecStart=/usr/bin/evemu-device /work/Touchscreen.evemu
StandardOutput=file:/run/tinxa-touch
StandardError=journal
Restart=on-failure
RestartSec=1s
[Install]
WantedBy=multi-user.target
EOF
# The host's command line (SystemdCommands.sh) on the second serial port.
cat >/etc/systemd/system/tinxa-test-commands.service <<'EOF'
[Unit]
Description=tinxa test: the host's command line on /dev/ttyS1
After=tinxa-test-touchscreen.service
[Service]
ExecStart=/bin/bash /work/SystemdCommands.sh
[Install]
WantedBy=multi-user.target
EOF
systemctl --no-reload enable tinxa-test-touchscreen.service tinxa-test-commands.service
# No login prompt on the serial console (the host's log).
systemctl --no-reload mask serial-getty@ttyS0.service
say "installed; starting systemd"
exec /lib/systemd/systemd
