"""Pieces of packaging/windows.py (the Windows release under Wine) that run without Wine."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.scripts import ROOT, load

windows = load("windows", "windows_build")

# What Qt 6.11's Qt6Core.dll imports from icuuc.dll (objdump -p of the win_amd64 wheel).
QT_ICU_IMPORTS = {
    "ucnv_open", "ucnv_close", "UCNV_FROM_U_CALLBACK_SUBSTITUTE", "UCNV_TO_U_CALLBACK_SUBSTITUTE",
    "ucnv_reset", "ucnv_getMaxCharSize", "ucnv_getName", "ucnv_getToUCallBack",
    "ucnv_getFromUCallBack", "ucnv_setToUCallBack", "ucnv_setFromUCallBack",
    "ucnv_cbToUWriteUChars", "ucnv_toUnicode", "ucnv_cbFromUWriteUChars", "ucnv_toUCountPending",
    "ucnv_fromUCountPending", "ucnv_getStandardName", "ucnv_getAvailableName",
    "ucnv_countAvailable", "ucnv_fromUnicode",
}  # fmt: skip


def _dist_info(site: Path, name: str, requires: list[str]) -> None:
    folder = site / f"{name}-1.0.dist-info"
    folder.mkdir(parents=True)
    lines = ["Metadata-Version: 2.1", f"Name: {name}", "Version: 1.0"]
    lines += [f"Requires-Dist: {r}" for r in requires]
    (folder / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_windows_only_dependencies_are_found_from_the_wheels_metadata(tmp_path: Path) -> None:
    _dist_info(tmp_path, "keyring", [
        'pywin32-ctypes>=0.2.0; sys_platform == "win32"',
        'SecretStorage>=3.2; sys_platform == "linux"',
        "jaraco.classes",
        'pytest>=6; extra == "test"',
    ])  # fmt: skip
    _dist_info(tmp_path, "jaraco.classes", [])
    _dist_info(tmp_path, "tzlocal", ['tzdata; platform_system == "Windows"'])
    _dist_info(tmp_path, "tzdata", [])
    assert windows.windows_only_requirements(tmp_path) == ["pywin32-ctypes>=0.2.0"]


def test_a_linux_path_has_its_wine_name() -> None:
    assert windows.winpath(Path("/work/x/build.py")) == "Z:\\work\\x\\build.py"


@pytest.mark.skipif(shutil.which("x86_64-w64-mingw32-gcc") is None, reason="needs MinGW-w64")
@pytest.mark.parametrize(
    ("source", "exports"),
    [("icuuc.c", QT_ICU_IMPORTS), ("bcryptprimitives.c", {"ProcessPrng"})],
)
def test_the_wine_stand_ins_build_and_export_what_is_imported(
    tmp_path: Path, source: str, exports: set[str]
) -> None:
    dll = tmp_path / source.replace(".c", ".dll")
    subprocess.run(
        ["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-Wall", "-Werror", "-o", str(dll),
         str(ROOT / "packaging" / "wine" / source), "-ladvapi32"],
        check=True, timeout=60,
    )  # fmt: skip
    table = subprocess.run(
        ["x86_64-w64-mingw32-objdump", "-p", str(dll)], capture_output=True, text=True, check=True
    ).stdout
    exported = set(re.findall(r"^\s*\[\s*\d+\]\s+(\S+)$", table, re.M))
    assert exports <= exported, exports - exported


def test_streaming_stops_when_the_program_exits_though_a_child_holds_the_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As under Wine: the program exits, a process it left behind keeps its stdout open.
    pidfile = tmp_path / "child.pid"
    script = f"echo 'langkah 1'; sleep 600 & echo $! > {pidfile}; echo 'langkah 2'; exit 3"
    live = subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        with live:
            rc = windows.stream_until_exit(live, timeout=300)
    finally:
        if pidfile.is_file():
            subprocess.run(["kill", pidfile.read_text().strip()], check=False)
    assert rc == 3
    assert capsys.readouterr().out == "langkah 1\nlangkah 2\n"


def test_the_start_up_rounds_run_with_one_wineserver_kept_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under Wine a start after the prefix's last program has ended boots Wine again (seconds),
    # which would hide the programs' own start: one server stays up for all the rounds.
    monkeypatch.setattr(windows, "NATIVE", False)
    release = windows.Release.__new__(windows.Release)  # no Wine needed to look at the order
    release.work, release.dist, release.figures, release.wine = tmp_path, tmp_path, [], "wine64"
    release.prefix = tmp_path / "prefix"
    hello = tmp_path / "hello" / "dist" / "hello" / "hello.exe"
    hello.parent.mkdir(parents=True)
    hello.write_bytes(b"")  # built already
    events: list[str] = []
    monkeypatch.setattr(release, "wineserver", lambda *args: events.append(" ".join(args)))
    monkeypatch.setattr(
        windows.subprocess,
        "run",
        lambda cmd, **kw: events.append("services" if kw["stdout"] is subprocess.DEVNULL else "?"),
    )

    def run_wine(cmd: list[str], **kw: object) -> None:
        events.append("cli" if cmd[-1] == "--help" else "hello")

    monkeypatch.setattr(release, "run_wine", run_wine)
    figure = release.startup(rounds=2)
    assert events == ["-k", "-p", "services", *["cli", "hello"] * 3, "-k"]
    assert "one wineserver kept up" in figure

    events.clear()
    monkeypatch.setattr(release, "run_wine", lambda *a, **kw: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        release.startup(rounds=2)
    assert events == ["-k", "-p", "services", "-k"]  # the server is ended whatever happens
