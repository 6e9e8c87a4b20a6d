#!/usr/bin/env bash
# Prepare a fresh Debian/Ubuntu machine to run or test Consent Desk:
# the Debian libraries Qt needs (when run as root), a virtual environment and the Python packages.
# Usage: scripts/setup.sh [runtime|dev|dist]   (dist: dev plus PyInstaller, for make dist)   (idempotent: a second run only checks)
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-runtime}"
VENV="${VENV:-.venv}"

debs=(libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-wqy-microhei
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
      libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
if [ "$profile" = dev ] || [ "$profile" = dist ]; then
  # tests start their own PostgreSQL server; the verify page is tested in Debian's Chromium
  debs+=(xvfb xauth poppler-utils postgresql chromium)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install these Debian packages first (as root): ${missing[*]}" >&2
  fi
fi

stamp="$VENV/.installed-$profile"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --upgrade pip
  if [ "$profile" = dist ]; then
    "$VENV/bin/python" -m pip install -q -e ".[dev,dist]"
  elif [ "$profile" = dev ]; then
    "$VENV/bin/python" -m pip install -q -e ".[dev]"
  else
    "$VENV/bin/python" -m pip install -q -e .
  fi
  touch "$stamp"
fi
