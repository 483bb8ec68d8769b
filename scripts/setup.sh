#!/usr/bin/env bash
# Install what timeline_app needs, as root on Debian 12 (or any Debian/Ubuntu): Qt's system
# libraries and fonts, Python 3 with venv, then the package into ./.venv.
#   bash scripts/setup.sh          the app
#   bash scripts/setup.sh --test   the app and its test tools, and the dask extra its tests use
set -euo pipefail
cd "$(dirname "$0")/.."

DEBS=(python3 python3-venv ca-certificates
      libgl1 libegl1 libfontconfig1 fonts-dejavu-core libglib2.0-0 libxkbcommon0 libdbus-1-3
      libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
      libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)

if command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${DEBS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "setup: missing Debian packages (run as root to install): ${missing[*]}" >&2; exit 1
    fi
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
extra=""; [ "${1:-}" = "--test" ] && extra="[test,dask]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}"
echo "setup: ready ($(.venv/bin/python --version), in $(pwd)/.venv)"
