"""What packaging/build.py (the clerk's app) and packaging/build_hub.py (the office hub) share:
running PyInstaller on a spec, and saying what happens as it happens; and what both specs
change in PyInstaller's bootstrap (``quick_bootstrap``).

Both are run as scripts, on Linux and under Wine, where the Windows embeddable Python takes its
path from its ._pth file only (the source tree, never the script's folder: packaging/windows.py),
so each puts this folder on ``sys.path`` before importing this module.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VERSION_FILE = ROOT / "sync" / "__init__.py"  # ``__version__``: the one version of Naskah


def say(text: str) -> None:
    print(text, flush=True)


def app_version() -> str:
    """Naskah's version, as ``sync/__init__.py`` says it (read, not imported: the build runs
    under Wine with nothing of the project importable yet)."""
    text = VERSION_FILE.read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if not match:
        raise SystemExit(f"no __version__ in {VERSION_FILE}")
    return match.group(1)


def win_version_info(exe_name: str, description: str, product: str = "Naskah") -> Any:
    """The Windows version resource of ``exe_name``.exe (Explorer's Details tab), for a spec's
    ``EXE(version=...)``."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )  # fmt: skip

    version = app_version()
    nums = tuple(int(p) for p in re.findall(r"\d+", version)[:4])
    nums = nums + (0,) * (4 - len(nums))
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=nums, prodvers=nums),
        kids=[
            StringFileInfo([
                StringTable("040904B0", [
                    StringStruct("CompanyName", "Naskah"),
                    StringStruct("FileDescription", description),
                    StringStruct("FileVersion", version),
                    StringStruct("InternalName", exe_name),
                    StringStruct("OriginalFilename", f"{exe_name}.exe"),
                    StringStruct("ProductName", product),
                    StringStruct("ProductVersion", version),
                ])
            ]),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )  # fmt: skip


def run_pyinstaller(spec: Path, dist: Path, work: Path) -> None:
    """PyInstaller (of this interpreter) on ``spec`` from the project's root, into ``dist``
    with its work files in ``work``, from scratch; CalledProcessError when it fails."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
           "--distpath", str(dist), "--workpath", str(work), str(spec)]  # fmt: skip
    say("$ " + " ".join(cmd))
    started = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True)
    say(f"built in {time.monotonic() - started:.0f} s")


# PyInstaller's bootstrap script (PyInstaller/loader/pyiboot01_bootstrap.py), which every frozen
# start runs before anything else, ends by looking for unzipped eggs among the top-level entries
# of the bundle folder: an os.path.isdir() of each entry, then a look at its name. Our
# one-folder bundle keeps every module as a file in _internal/ (noarchive), so that is about 230
# entries, 86 of them folders; under Wine each isdir() is a CreateFile round trip to the
# wineserver, and the loop took 60 ms of naskah-cli's start (a hello-world has 11 entries). The
# same loop with the name looked at first: the same eggs found, in the same order, with no call
# for an entry whose name does not end in ".egg" (our bundle has none).
EGG_SCAN = """\
    for entry in os.listdir(sys._MEIPASS):
        entry = os.path.join(sys._MEIPASS, entry)
        if not os.path.isdir(entry):
            continue
        if entry.endswith('.egg'):
            sys.path.append(entry)
"""
EGG_SCAN_BY_NAME = """\
    for entry in os.listdir(sys._MEIPASS):
        if not entry.endswith('.egg'):
            continue
        entry = os.path.join(sys._MEIPASS, entry)
        if os.path.isdir(entry):
            sys.path.append(entry)
"""
BOOTSTRAP = "pyiboot01_bootstrap"  # its name in the PYZ's dependencies and in each executable


def quick_bootstrap(source: str) -> str:
    """PyInstaller's bootstrap script with its egg scan looking at names first (above). A
    bootstrap without that loop exactly once (another PyInstaller) stops the build: the
    change must be looked at again, not silently dropped."""
    if source.count(EGG_SCAN) != 1:
        raise SystemExit(
            f"PyInstaller's {BOOTSTRAP}.py no longer has its egg scan as freezing.EGG_SCAN "
            "shows it: look at the new bootstrap and update freezing.quick_bootstrap"
        )
    return source.replace(EGG_SCAN, EGG_SCAN_BY_NAME)


def use_quick_bootstrap(pyz: Any, workpath: Path) -> Path:
    """Give every executable built from ``pyz`` (a spec's PYZ: the bootstrap is one of its
    ``dependencies``, which each EXE carries) the quick bootstrap; written into ``workpath``.
    The path of the file written."""
    entries = [i for i, (name, _, kind) in enumerate(pyz.dependencies)
               if name == BOOTSTRAP and kind == "PYSOURCE"]  # fmt: skip
    if len(entries) != 1:
        raise SystemExit(f"no {BOOTSTRAP} script among PyInstaller's bootstrap modules")
    name, source, kind = pyz.dependencies[entries[0]]
    quick = Path(workpath) / f"{BOOTSTRAP}.py"
    quick.parent.mkdir(parents=True, exist_ok=True)
    text = quick_bootstrap(Path(source).read_text(encoding="utf-8"))
    quick.write_text(text, encoding="utf-8", newline="\n")  # LF, as PyInstaller ships it
    pyz.dependencies[entries[0]] = (name, str(quick), kind)
    return quick
