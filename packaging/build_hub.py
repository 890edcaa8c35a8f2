"""Build the office hub's bundle (dist/NaskahHub) with PyInstaller, check it, smoke-test it.

    python packaging/build_hub.py [--dist DIR] [--work DIR] [--smoke-only]

Like build.py for the clerk's app, on Linux and on Windows (packaging/windows.py runs it under
Wine). The check is the mirror of build.py's: the hub must carry the server's code (FastAPI,
uvicorn, sync.server, sync.hub) and never Qt or the clerk's app (PySide6, shiboken6, desktop).
The smoke test runs ``naskah-hub-cli`` as an IT officer would, on a temporary data folder:
``--help``, ``status`` before enrolment, ``run`` without settings (a clear refusal), and
``autostart status``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))  # freezing.py, also under Wine (see there)
from freezing import run_pyinstaller, say

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "naskah_hub.spec"
BUNDLE = "NaskahHub"
IS_WIN = sys.platform == "win32"
EXE = ".exe" if IS_WIN else ""
EXECUTABLES = ("naskah-hub", "naskah-hub-cli")
REQUIRED_MODULES = (
    "sync.hub.program",
    "sync.hub.cli",
    "sync.hub.app",
    "sync.hub.announce",
    "sync.server.app",
    "sync.server.db",
    "fastapi",
    "starlette.applications",
    "uvicorn.protocols.http.h11_impl",
    "uvicorn.lifespan.on",
    "uvicorn.loops.asyncio",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "filelock",
    "zeroconf",
    "platformdirs.windows" if IS_WIN else "platformdirs.unix",
)
FORBIDDEN_MODULES = ("PySide6", "shiboken6", "desktop", "sync.client", "psycopg", "pytest",
                     "PyInstaller", "tkinter")  # fmt: skip
CRASH = re.compile(r"Traceback \(most recent call last\)|\[PYI-\d+:ERROR\]|Fatal Python error|"
                   r"ModuleNotFoundError|ImportError")  # fmt: skip


def modules(contents: Path) -> set[str]:
    """Frozen module names: the spec collects every module as a .pyc file (noarchive)."""
    names = set()
    for path in contents.rglob("*"):
        if path.suffix not in (".pyc", ".pyd", ".so") or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(contents)
        stem = rel.name.split(".")[0]  # _core.cpython-311-x86_64-linux-gnu.so: an extension
        names.add(".".join([*rel.parts[:-1], stem]).removesuffix(".__init__"))
    return names


def check(folder: Path) -> list[str]:
    problems = [f"missing {name}{EXE}" for name in EXECUTABLES
                if not (folder / f"{name}{EXE}").is_file()]  # fmt: skip
    contents = folder / "_internal"
    found = modules(contents)
    problems += [f"module {m} is not in the bundle" for m in REQUIRED_MODULES if m not in found]
    for name in FORBIDDEN_MODULES:
        leaked = sorted(m for m in found if m == name or m.startswith(name + "."))
        if leaked:
            problems.append(f"module {leaked[0]} must not be in the hub bundle")
    qt = sorted(p.name for p in contents.rglob("*") if re.search(r"Qt6|PySide6|shiboken", p.name))
    if qt:
        problems.append(f"Qt files in the hub bundle: {qt[:5]}")
    if not (contents / "certifi" / "cacert.pem").is_file():
        problems.append("certifi/cacert.pem missing: the hub could not verify central's TLS")
    return problems


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def smoke(folder: Path) -> list[str]:
    tmp = Path(tempfile.mkdtemp(prefix="naskah-hub-smoke-"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    data = tmp / "data"
    steps = [
        (["--help"], 0, "autostart"),
        (["--data-dir", str(data), "status"], 3, "NOT RUNNING"),
        (["--data-dir", str(data), "run"], 1, "enrol the hub first"),
        (["--data-dir", str(data), "autostart", "status"], 0 if IS_WIN else 1,
         "autostart " if IS_WIN else "Windows only"),
    ]  # fmt: skip
    problems = []
    for args, rc, expect in steps:
        started = time.monotonic()
        cmd = [str(folder / f"naskah-hub-cli{EXE}"), *args]
        proc = subprocess.run(cmd, env=env, cwd=tmp, capture_output=True,
                              stdin=subprocess.DEVNULL, timeout=300)  # fmt: skip
        out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
        took = time.monotonic() - started
        what = f"naskah-hub-cli {' '.join(args[2:] if args[0] == '--data-dir' else args)}"
        if CRASH.search(out) or proc.returncode != rc or expect not in out:
            problems.append(f"{what}: exit {proc.returncode} (expected {rc}, {expect!r})\n{out}")
            say(f"[FAIL] {what} ({took:.1f} s)")
        else:
            say(f"[ok] {what} ({took:.1f} s)")
    shutil.rmtree(tmp, ignore_errors=True)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build and smoke-test the office hub's bundle.")
    p.add_argument("--dist", type=Path, default=ROOT / "dist")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "hub")
    p.add_argument("--smoke-only", action="store_true", help="do not build; test dist/NaskahHub")
    args = p.parse_args(argv)
    if not args.smoke_only:
        run_pyinstaller(SPEC, args.dist.resolve(), args.work.resolve())
    folder = args.dist.resolve() / BUNDLE
    problems = check(folder)
    size, count = size_of(folder)
    say(f"bundle {folder}: {size / 2**20:.1f} MiB in {count} files")
    for problem in problems:
        say(f"[FAIL] bundle: {problem}")
    if not problems:
        say("[ok] hub bundle contents (server code in, no Qt, no desktop app)")
        problems = smoke(folder)
    say("HUB RESULT: " + ("FAIL" if problems else "PASS"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
