"""PyInstaller's bootstrap as naskah.spec gives it to every executable (packaging/freezing.py,
``quick_bootstrap``): its egg scan finds what PyInstaller's own finds, in the same order,
without an isdir() of every entry of the bundle folder. The frozen build itself is build.py's
smoke test."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.packaging.scripts import load

freezing = load("freezing", "freezing_build")

# The shape of PyInstaller's bootstrap around the loop (PyInstaller 6.22).
BOOTSTRAP = (
    "def _pyi_bootstrap():\n    import sys\n    import os\n    sys.frozen = True\n"
    + freezing.EGG_SCAN
    + "\n\n_pyi_bootstrap()\ndel _pyi_bootstrap\n"
)


def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "_internal"
    for name in ("b.egg", "PySide6", "a.egg", "x.egg-info"):
        (folder / name).mkdir(parents=True)
    for name in ("argparse.pyc", "file.egg", "python311.dll"):
        (folder / name).write_bytes(b"")
    return folder


def found_eggs(source: str, meipass: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    path: list[str] = []
    monkeypatch.setattr(sys, "_MEIPASS", str(meipass), raising=False)
    monkeypatch.setattr(sys, "path", path)
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    exec(compile(source, "pyiboot01_bootstrap.py", "exec"), {"__name__": "__main__"})
    return path


def test_the_quick_scan_finds_the_same_eggs_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meipass = bundle(tmp_path)
    quick = freezing.quick_bootstrap(BOOTSTRAP)
    assert freezing.EGG_SCAN not in quick and freezing.EGG_SCAN_BY_NAME in quick
    original = found_eggs(BOOTSTRAP, meipass, monkeypatch)
    assert sorted(original) == [str(meipass / "a.egg"), str(meipass / "b.egg")]
    assert found_eggs(quick, meipass, monkeypatch) == original


def test_the_quick_scan_looks_only_at_names_ending_in_egg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meipass = bundle(tmp_path)
    looked_at: list[str] = []
    isdir = os.path.isdir

    def counting_isdir(path: str) -> bool:
        looked_at.append(os.path.basename(path))
        return isdir(path)

    monkeypatch.setattr(os.path, "isdir", counting_isdir)
    found_eggs(freezing.quick_bootstrap(BOOTSTRAP), meipass, monkeypatch)
    assert sorted(looked_at) == ["a.egg", "b.egg", "file.egg"]


def test_a_bootstrap_without_the_loop_stops_the_build() -> None:
    changed = BOOTSTRAP.replace("os.path.isdir(entry)", "os.path.isdir(entry) or False")
    with pytest.raises(SystemExit, match=r"update freezing\.quick_bootstrap"):
        freezing.quick_bootstrap(changed)


def test_pyinstallers_own_bootstrap_has_the_loop_once() -> None:
    loader = pytest.importorskip("PyInstaller.loader")
    source = (Path(loader.__file__).parent / "pyiboot01_bootstrap.py").read_text(encoding="utf-8")
    assert freezing.EGG_SCAN_BY_NAME in freezing.quick_bootstrap(source)


def test_every_executable_of_a_pyz_gets_the_quick_bootstrap(tmp_path: Path) -> None:
    original = tmp_path / "loader" / "pyiboot01_bootstrap.py"
    original.parent.mkdir()
    original.write_text(BOOTSTRAP, encoding="utf-8")

    before = [  # what a spec's PYZ holds of PyInstaller's bootstrap modules
        ("struct", "struct.pyc", "PYMODULE"),
        ("pyimod01_archive", "pyimod01_archive.pyc", "PYMODULE"),
        ("pyiboot01_bootstrap", str(original), "PYSOURCE"),
    ]
    pyz = SimpleNamespace(dependencies=list(before))
    written = freezing.use_quick_bootstrap(pyz, tmp_path / "work")
    assert pyz.dependencies == [*before[:2], ("pyiboot01_bootstrap", str(written), "PYSOURCE")]
    assert written.read_text(encoding="utf-8") == freezing.quick_bootstrap(BOOTSTRAP)
    assert original.read_text(encoding="utf-8") == BOOTSTRAP  # PyInstaller's own file untouched
