"""The office hub's packaging pieces that run without Wine: its bundle check (server code in,
Qt and the clerk's app out) and its installer script (compiled with makensis -WX)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.packaging.scripts import ROOT, load

build_hub = load("build_hub", "build_hub")
windows = load("windows", "windows")


def bundle_like_the_spec_makes(folder: Path) -> Path:
    """The layout naskah_hub.spec produces: two executables, every module a .pyc in _internal."""
    internal = folder / "_internal"
    for name in build_hub.EXECUTABLES:
        (folder / f"{name}{build_hub.EXE}").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}{build_hub.EXE}").write_bytes(b"MZ")
    for module in build_hub.REQUIRED_MODULES:
        parts = module.split(".")
        path = internal.joinpath(*parts[:-1], f"{parts[-1]}.pyc")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    (internal / "certifi").mkdir(exist_ok=True)
    (internal / "certifi" / "cacert.pem").write_text("certs", encoding="utf-8")
    return folder


def test_a_hub_bundle_with_the_server_and_no_qt_passes(tmp_path: Path) -> None:
    assert build_hub.check(bundle_like_the_spec_makes(tmp_path / "NaskahHub")) == []


@pytest.mark.parametrize(
    ("leak", "says"),
    [
        ("PySide6/QtCore.pyd", "module PySide6.QtCore must not be in the hub bundle"),
        ("desktop/__main__.pyc", "module desktop.__main__ must not be in the hub bundle"),
        ("Qt6Core.dll", "Qt files in the hub bundle"),
    ],
)
def test_qt_or_the_clerks_app_in_the_hub_bundle_fails_the_check(
    tmp_path: Path, leak: str, says: str
) -> None:
    folder = bundle_like_the_spec_makes(tmp_path / "NaskahHub")
    path = folder / "_internal" / leak
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    assert any(says in problem for problem in build_hub.check(folder))


def test_a_hub_bundle_without_uvicorn_fails_the_check(tmp_path: Path) -> None:
    folder = bundle_like_the_spec_makes(tmp_path / "NaskahHub")
    shutil.rmtree(folder / "_internal" / "uvicorn")
    assert "module uvicorn.lifespan.on is not in the bundle" in build_hub.check(folder)


@pytest.mark.skipif(shutil.which("makensis") is None, reason="needs NSIS (makensis)")
def test_the_hub_installer_script_compiles_without_warnings(tmp_path: Path) -> None:
    dist = tmp_path / "NaskahHub"
    (dist / "_internal").mkdir(parents=True)
    for name in ("naskah-hub.exe", "naskah-hub-cli.exe", "_internal/stub.txt"):
        (dist / name).write_bytes(b"stub")
    # The release's own call (packaging/windows.py), which raises Failed on any warning.
    windows.makensis(ROOT / "packaging" / "hub_installer.nsi", dist, tmp_path, "0.1.0")
    assert (tmp_path / "NaskahHub-0.1.0-setup.exe").is_file()
