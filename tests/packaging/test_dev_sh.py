"""``packaging/dev.sh run`` on a machine with no display says so before installing anything."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_run_without_a_display_stops_before_installing(tmp_path: Path) -> None:
    # A checkout of its own: dev.sh works in the folder it lives in, and this one has no .venv.
    (tmp_path / "packaging").mkdir()
    shutil.copy(ROOT / "packaging" / "dev.sh", tmp_path / "packaging" / "dev.sh")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    proc = subprocess.run(
        ["bash", str(tmp_path / "packaging" / "dev.sh"), "run"],
        env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "No display found" in proc.stderr
    assert "xvfb-run -a bash packaging/dev.sh run" in proc.stderr
    assert "installing" not in proc.stderr
    assert not (tmp_path / ".venv").exists()
