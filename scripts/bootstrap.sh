#!/usr/bin/env bash
# Install what Passage needs on this machine, once: system libraries (apt-get, when root) and the
# locked Python dependencies in .venv. Usage: scripts/bootstrap.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mError: %s\033[0m\n' "$*" >&2; exit 1; }

PYTHON="${PYTHON:-python3}"
command -v "$PYTHON" >/dev/null || fail "python3 is not installed. Install Python 3.11 or newer."
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || fail "Python 3.11 or newer is needed; $("$PYTHON" --version) found."

# System packages: WeasyPrint's libraries and fonts (Latin, Cyrillic, Arabic); for tests also
# the PDF and QR tools, Debian's Chromium for the browser journeys and wrk, the HTTP load generator
# that counts `make bench`'s lesson pages per second.
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 fonts-noto-core gettext)
if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
  packages+=("python3-venv")
fi
if [ "$mode" = test ]; then
  packages+=(poppler-utils zbar-tools chromium chromium-driver wrk)
fi
missing=()
if command -v dpkg-query >/dev/null; then
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing system packages: ${missing[*]} (a few minutes the first time)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || fail "apt-get update failed: check the network or the apt sources."
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || fail "apt-get could not install: ${missing[*]}"
  else
    fail "Missing system packages. Run as root:  apt-get install ${missing[*]}"
  fi
fi

# Fontconfig's caches, built here (no memory limit) before a PDF renderer needs them. A renderer
# that scans the fonts itself under its memory limit can fail to read them and write empty caches,
# which every later process then trusts ("No fonts configured"): rebuilt from scratch when seen.
if command -v fc-cache >/dev/null; then
  fc-cache >/dev/null 2>&1 || true
  if [ "$(fc-list 2>/dev/null | wc -l)" -eq 0 ]; then
    say "Rebuilding the font caches (they listed no fonts)"
    fc-cache --really-force >/dev/null 2>&1 || true
    [ "$(fc-list 2>/dev/null | wc -l)" -gt 0 ] || fail "Fontconfig finds no fonts: install fonts-noto-core, then run: fc-cache --really-force"
  fi
fi

# Python dependencies, from the lock file (exact versions and hashes).
lock=requirements.lock
[ "$mode" = test ] && lock=requirements-dev.lock
stamp=".venv/.installed-$(sha256sum "$lock" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  if [ ! -x .venv/bin/python ]; then
    say "Creating the virtual environment in .venv"
    "$PYTHON" -m venv .venv || fail "python3 -m venv failed (on Debian: apt-get install python3-venv)."
  fi
  say "Installing Python dependencies from $lock"
  .venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install --progress-bar on --require-hashes --no-deps -r "$lock" \
    || fail "pip could not install the locked dependencies (see above)."
  rm -f .venv/.installed-*
  touch "$stamp"
  # A test install includes the run dependencies.
  [ "$mode" = test ] && touch ".venv/.installed-$(sha256sum requirements.lock | cut -c1-16)"
fi
exit 0
