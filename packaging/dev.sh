#!/usr/bin/env bash
# One entry point for developers and CI, on a fresh machine:
#   bash packaging/dev.sh run [naskah args]   set up .venv and start the app
#   bash packaging/dev.sh test [pytest args]  set up .venv and run the whole test suite
#   bash packaging/dev.sh bench [args]        set up .venv and run the benchmarks
# Setting up means: a Python >= 3.11 virtual environment in .venv with the project installed
# (re-installed only when pyproject.toml changes) and, on Debian/Ubuntu, the system libraries
# Qt needs (installed with apt-get when running as root, otherwise the command is printed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
cd "$ROOT"

QT_DEBS=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1
  libfontconfig1 libdbus-1-3)

# Tools the tests use as independent checkers (poppler's pdfsig, NSS's certutil, a real
# browser for the public verification page) and LibreOffice for the benchmark comparison.
TEST_DEBS=(poppler-utils libnss3-tools chromium)
BENCH_DEBS=(libreoffice-writer-nogui)

say() { printf '[naskah] %s\n' "$*" >&2; }

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  say "Python 3.11 or newer is required (python3 --version)."
  exit 1
}

ensure_venv() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    "$(find_python)" -m venv "$VENV"
  fi
  local stamp="$VENV/.naskah-installed"
  local want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)-$extras"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing Naskah and its dependencies into .venv"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e ".[$extras]"
    echo "$want" >"$stamp"
  fi
}

missing_debs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

ensure_qt_libs() {
  [ "$(uname -s)" = "Linux" ] || return 0
  local missing
  missing="$(missing_debs "${QT_DEBS[@]}" | tr '\n' ' ')"
  [ -n "${missing// /}" ] || return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Qt's system libraries: $missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    say "Qt needs these Debian packages; install them first:"
    say "  sudo apt-get install $missing"
    exit 1
  fi
}

# Optional tools: installed when we can (root with apt-get); otherwise the tests that need them
# skip and say which package is missing.
ensure_optional_debs() {
  [ "$(uname -s)" = "Linux" ] || return 0
  local missing
  missing="$(missing_debs "$@" | tr '\n' ' ')"
  [ -n "${missing// /}" ] || return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing test tools: $missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing \
      >/dev/null || say "could not install $missing; the tests that need them will skip"
  else
    say "optional: sudo apt-get install $missing (the tests that need them skip without)"
  fi
}

cmd="${1:-run}"
shift || true
case "$cmd" in
  run)
    # Before anything is installed: without a display the app cannot show a window, and
    # finding that out after minutes of installing helps nobody.
    if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] &&
      [ -z "${QT_QPA_PLATFORM:-}" ]; then
      say "No display found (DISPLAY and WAYLAND_DISPLAY are empty), so the app cannot open"
      say "its window. On a machine without a screen, run it under a virtual one:"
      say "  sudo apt-get install xvfb && xvfb-run -a bash packaging/dev.sh run"
      say "or, to check it starts without showing anything: QT_QPA_PLATFORM=offscreen bash packaging/dev.sh run"
      exit 1
    fi
    ensure_qt_libs
    ensure_venv test
    exec "$VENV/bin/naskah" "$@"
    ;;
  test)
    ensure_qt_libs
    ensure_optional_debs "${TEST_DEBS[@]}"
    ensure_venv test
    export QT_QPA_PLATFORM=offscreen
    # On every core (pytest-xdist); `-n 0` after the command runs in one process.
    exec "$VENV/bin/python" -m pytest -n auto "$@"
    ;;
  bench)
    ensure_qt_libs
    ensure_optional_debs "${BENCH_DEBS[@]}"
    ensure_venv test,bench
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m bench.run "$@"
    ;;
  *)
    say "usage: bash packaging/dev.sh run|test|bench [args]"
    exit 2
    ;;
esac
