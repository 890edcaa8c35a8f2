"""The frozen console program's entry (packaging/naskah_cli_entry.py) runs PyInstaller's
run-time hooks after the command line is parsed: never for ``--help`` or a usage error, always,
in their order, before a command. Run here with the source tree and a bundle folder of hook
files standing in for ``sys._MEIPASS`` (the frozen build itself is build.py's smoke test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "packaging" / "naskah_cli_entry.py"

# The bootloader's view: sys._MEIPASS is the bundle folder, argv[0] the program.
LAUNCH = """
import runpy, sys
sys._MEIPASS = sys.argv[1]
sys.argv = ["naskah-cli", *sys.argv[2:]]
runpy.run_path({entry!r}, run_name="__main__")
"""


def bundle_with_hooks(tmp_path: Path) -> Path:
    hooks = tmp_path / "bundle" / "pyi_deferred_rthooks"
    hooks.mkdir(parents=True)
    # Named as the spec names them: their order in the analysis, then the hook's name.
    for name in ("00_pyi_rth_first", "01_pyi_rth_second"):
        (hooks / f"{name}.py").write_text(
            f"import sys\nprint('hook {name}', __name__, file=sys.stderr)\n",
            encoding="utf-8",
        )
    return hooks.parent


def launch(bundle: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LAUNCH.format(entry=str(ENTRY)), str(bundle), *args],
        cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip


def test_help_and_a_usage_error_run_no_hook(tmp_path: Path) -> None:
    bundle = bundle_with_hooks(tmp_path)
    shown = launch(bundle, "--help")
    assert shown.returncode == 0
    assert "usage: naskah" in shown.stdout
    assert "hook" not in shown.stderr
    wrong = launch(bundle, "no-such-command")
    assert wrong.returncode == 2
    assert "invalid choice" in wrong.stderr
    assert "hook" not in wrong.stderr


def test_a_command_runs_every_hook_in_order_before_it_starts(tmp_path: Path) -> None:
    bundle = bundle_with_hooks(tmp_path)
    missing = tmp_path / "tidak-ada.pdf"
    proc = launch(bundle, "verify", str(missing), "--data-dir", str(tmp_path / "data"))
    assert proc.returncode == 2  # the command ran: the file cannot be read
    lines = proc.stderr.splitlines()
    assert lines[:2] == ["hook 00_pyi_rth_first __main__", "hook 01_pyi_rth_second __main__"]
    assert lines[2].startswith(f"Berkas tidak dapat dibaca: {missing}")


def test_a_bundle_without_its_hooks_stops_the_command(tmp_path: Path) -> None:
    empty = tmp_path / "bundle"
    empty.mkdir()
    proc = launch(empty, "verify", str(tmp_path / "x.pdf"))
    assert proc.returncode == 1
    assert "FileNotFoundError" in proc.stderr and "pyi_deferred_rthooks" in proc.stderr
    assert "Berkas tidak dapat dibaca" not in proc.stderr  # no half-set-up command ran
