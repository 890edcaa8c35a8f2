"""The app's own modules as an installed app has them: compiled.

An installed Naskah has the bytecode of every module (pip compiles it at install; the Windows
build carries nothing else), so a process starts without compiling ``desktop`` and ``sync``. A
developer's editable install writes it on first import, unless ``PYTHONDONTWRITEBYTECODE`` is set,
as it is on some CI and sandbox machines: there every process measured would compile the modules
it imports again (on this machine 0.08 s of the 0.53 s of ``naskah verify``). The benchmarks call
``ensure()`` first, so that what they time is the installed app's start-up; it writes only the
``__pycache__`` files that are missing or stale.
"""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("desktop", "sync")


def ensure() -> None:
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1, workers=1)
