#!/usr/bin/env bash
# Build the Windows release on this Linux machine and prove it installs, runs, upgrades and
# uninstalls (packaging/windows.py says how). Not part of the default CI run.
#   bash packaging/windows.sh [--fresh] [--no-install-test] [--work DIR]
# Needs: Debian/Ubuntu amd64 with wine64, gcc-mingw-w64-x86-64 and nsis (installed here with
# apt-get when running as root), the project's .venv (made by packaging/dev.sh), the package
# index for the win_amd64 wheels and the embeddable CPython. About 1.5 GB of disk in build/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '[windows] %s\n' "$*" >&2; }

DEBS=(wine64 gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis)
missing=()
for pkg in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "needs: sudo apt-get install ${missing[*]}"
    exit 1
  fi
fi
# Debian puts wine64 and wineserver under /usr/lib/wine, not on PATH.
export PATH="$PATH:/usr/lib/wine"

if [ ! -x .venv/bin/python ]; then
  say "no .venv yet: making it (bash packaging/dev.sh test --collect-only)"
  bash packaging/dev.sh test --collect-only -q >/dev/null
fi
exec .venv/bin/python packaging/windows.py "$@"
