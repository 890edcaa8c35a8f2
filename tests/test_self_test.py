"""``naskah --self-test``: the installation check the release build and the IT officer run."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

from desktop.ui.self_test import SelfTest

ROOT = Path(__file__).resolve().parents[1]


def test_self_test_passes_on_a_working_installation(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it sets offscreen
    env["TMPDIR"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"], cwd=ROOT, env=env,
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=110,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[-1] == "SELF-TEST: PASS"
    for check in ("store", "letter", "signature", "fonts", "main window", "log"):
        assert any(line.startswith(f"[ok] {check}") for line in lines), (check, lines)
    assert any(line.startswith(("[ok] keyring", "[skip] keyring")) for line in lines)
    assert any("[skip] translations" in line or "[ok] translations" in line for line in lines)
    assert list(tmp_path.iterdir()) == [], "the temporary store was left behind"


def test_a_warning_in_the_log_fails_the_self_test(qapp) -> None:
    out = io.StringIO()
    test = SelfTest(out)

    def noisy() -> str:
        logging.getLogger("desktop.somewhere").warning("disk nearly full")
        return "done"

    test.checks = [("fonts", test.fonts), ("noisy", noisy)]
    assert test.run() == 1
    text = out.getvalue()
    assert "[ok] noisy" in text
    assert "WARNING desktop.somewhere: disk nearly full" in text
    assert text.splitlines()[-1] == "SELF-TEST: FAIL (1)"


def test_a_failing_check_fails_the_self_test_and_the_others_still_run(qapp) -> None:
    out = io.StringIO()
    test = SelfTest(out)
    test.checks = [("letter", test.letter), ("fonts", test.fonts)]  # no store made first
    assert test.run() == 1
    text = out.getvalue()
    assert "[FAIL] letter: AssertionError: no store" in text
    assert "[ok] fonts" in text
