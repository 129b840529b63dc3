#!/bin/bash
# The KMS tests' guest, built before they run by a ctest fixture of its own: building it takes
# minutes of debootstrap and apt (network, dpkg), which can go on beside the other tests, while the
# KMS tests themselves run alone (RUN_SERIAL). Builds nothing, successfully, where MakeGuest.sh
# cannot work (the KMS tests then skip themselves). Usage: PrepareGuest.sh KIOSK GUEST
set -euo pipefail
for tool in qemu-system-x86_64 debootstrap mke2fs; do
  if ! command -v "$tool" >/dev/null; then
    echo "nothing to build: $tool is not installed (the KMS tests skip)"
    exit 0
  fi
done
if [ "$(id -u)" != 0 ]; then
  echo "nothing to build: not root (the KMS tests skip)"
  exit 0
fi
started=$SECONDS
"$(dirname "$0")/MakeGuest.sh" "$1" "$2"
echo "figure: guest ready in $((SECONDS - started)) s"
