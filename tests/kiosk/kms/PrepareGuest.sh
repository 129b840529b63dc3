#!/bin/bash
# The KMS tests' guest, built before they run by a ctest fixture of its own: building it takes
# minutes of debootstrap and apt (network, dpkg), which can go on beside the other tests, while the
# KMS tests themselves run alone (RUN_SERIAL). Builds nothing, successfully, where the KMS tests
# skip themselves (QemuGuest.bash's checks). Usage: PrepareGuest.sh KIOSK GUEST
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/QemuGuest.bash" # kms_skip_unless_possible
if ! reason=$(kms_skip_unless_possible); then
  echo "nothing to build: ${reason#SKIP: } (the KMS tests skip)"
  exit 0
fi
started=$SECONDS
"$HERE/MakeGuest.sh" "$1" "$2"
echo "figure: guest ready in $((SECONDS - started)) s"
