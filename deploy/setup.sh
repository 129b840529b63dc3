#!/usr/bin/env bash
# Installs every Debian package tinxa needs (deploy/packages.txt), idempotently; with --bench,
# also those of the benchmarks (deploy/packages-bench.txt).
# Runs as root, or through sudo. Safe to run again: it installs only what is missing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# --bench: also the packages only the benchmarks need (deploy/packages-bench.txt: chromium).
lists=("$here/packages.txt")
[[ "${1:-}" == "--bench" ]] && lists+=("$here/packages-bench.txt")
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "${lists[@]}" | grep -v '^$')

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#wanted[@]} packages present / đã có đủ gói cài đặt"
  exit 0
fi

sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup: installing ${#missing[@]} package(s) / đang cài: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
