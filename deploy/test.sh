#!/usr/bin/env bash
# The test command: installs what is missing, builds with the ci preset (optimised, ASan+UBSan,
# warnings are errors) and runs the whole suite through CTest. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./deploy/setup.sh
export JACK_NO_START_SERVER=1
cmake --workflow --preset ci
