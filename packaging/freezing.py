"""What packaging/build.py (the clerk's app) and packaging/build_hub.py (the office hub) share:
running PyInstaller on a spec, and saying what happens as it happens.

Both are run as scripts, on Linux and under Wine, where the Windows embeddable Python takes its
path from its ._pth file only (the source tree, never the script's folder: packaging/windows.py),
so each puts this folder on ``sys.path`` before importing this module.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def say(text: str) -> None:
    print(text, flush=True)


def run_pyinstaller(spec: Path, dist: Path, work: Path) -> None:
    """PyInstaller (of this interpreter) on ``spec`` from the project's root, into ``dist``
    with its work files in ``work``, from scratch; CalledProcessError when it fails."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
           "--distpath", str(dist), "--workpath", str(work), str(spec)]  # fmt: skip
    say("$ " + " ".join(cmd))
    started = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True)
    say(f"built in {time.monotonic() - started:.0f} s")
