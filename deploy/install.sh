#!/usr/bin/env bash
# Installs tinxa on a commune PC (Debian 12), as root: the packages (deploy/setup.sh), a release
# build, the programs in /usr/bin and the systemd units (cmake/Install.cmake), the system users,
# and /etc/tinxa from the commented defaults. Safe to run again after `git pull`: settings in
# /etc/tinxa and everything under /var/lib/tinxa are never overwritten.
#   ./deploy/install.sh            the broadcaster (tinxa-broadcastd) and the tools
#   ./deploy/install.sh --kiosk    also the kiosk's user, for tinxa-kiosk.service on the console
# Then edit /etc/tinxa/*.yaml, check them with `tinxa check --config /etc/tinxa`, and start:
#   systemctl enable --now tinxa-broadcastd      (and tinxa-kiosk, see kiosk/README.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ((EUID != 0)); then
  echo "install: chạy với quyền root / run as root (sudo $0 $*)" >&2
  exit 1
fi
kiosk=false
[[ "${1:-}" == "--kiosk" ]] && kiosk=true

./deploy/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target tinxa tinxa-broadcastd tinxa-kiosk
cmake --install build/release --prefix /usr

# The daemon's user; its group `tinxa` is also the operators' group (broadcast.yaml
# operators_group): members may use `tinxa status|play|live|alert|…`.
getent group tinxa >/dev/null || groupadd --system tinxa
getent group audio >/dev/null || groupadd --system audio
getent passwd tinxa >/dev/null ||
  useradd --system --gid tinxa --groups audio --home-dir /var/lib/tinxa --no-create-home \
    --shell /usr/sbin/nologin --comment "tinxa loudspeaker broadcaster" tinxa
if $kiosk; then
  # The device groups the console kiosk needs; udev and systemd normally create them, a minimal
  # system (a container, a VM without udev) may lack some.
  for group in video input render audio; do
    getent group "$group" >/dev/null || groupadd --system "$group"
  done
  getent passwd tinxa-kiosk >/dev/null ||
    useradd --system --groups video,input,render,audio,tinxa --home-dir /var/lib/tinxa-kiosk \
      --create-home --shell /usr/sbin/nologin --comment "tinxa kiosk" tinxa-kiosk
fi

# Settings: the defaults once; an edited file is kept.
install -d -m 0755 /etc/tinxa
for file in /usr/share/tinxa/defaults/*.yaml; do
  [[ -e "/etc/tinxa/$(basename "$file")" ]] || install -m 0644 "$file" /etc/tinxa/
done
# State: the as-run log, narrations, usage counts; the content starts as the sample.
# Shared by the daemon, the kiosk and the operators through the group tinxa: setgid, so every file
# created in it (SQLite's -wal and -shm files too, by whoever opens a database first) is the
# group's; the programs make their database files group-writable (tests/deploy/SharedDataDir.sh).
install -d -m 2775 -o tinxa -g tinxa /var/lib/tinxa
chmod 2775 /var/lib/tinxa
find /var/lib/tinxa -maxdepth 1 -name '*.sqlite*' -exec chgrp tinxa {} + -exec chmod g+rw {} +
if [[ ! -e /var/lib/tinxa/content ]]; then
  cp -r /usr/share/tinxa/content/sample /var/lib/tinxa/content
  chown -R tinxa:tinxa /var/lib/tinxa/content
fi
if [[ -d /run/systemd/system ]]; then
  systemctl daemon-reload
fi
echo "install: xong / done. Kiểm tra cấu hình / check the settings: tinxa check --config /etc/tinxa"
echo "  rồi bật dịch vụ / then start the service: systemctl enable --now tinxa-broadcastd"
