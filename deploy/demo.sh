#!/usr/bin/env bash
# The demo command: installs what is missing, builds the release preset and runs tinxa on the
# sample content with the demo settings (files + SQLite under build/demo-data; no server).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./deploy/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target tinxa
tinxa=build/release/broadcast/cli/tinxa

echo
echo "== tinxa check: cấu hình và nội dung mẫu / the demo settings and the sample content =="
"$tinxa" check --config deploy/demo --content content/sample
