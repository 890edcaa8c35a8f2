"""The suite's own rules hold: run a probe file under them in a separate pytest and read what it
reports (an error logged out of the blue, the crash dialog, a hang, the fixed clock)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_rules_fail_what_they_should_and_nothing_else(tmp_path: Path) -> None:
    env = {**os.environ, "NASKAH_TEST_CLOCK": "january", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/rules/probe_rules.py", "-p", "no:cacheprovider",
         "-rA", "-q", "--basetemp", str(tmp_path / "t")],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    out = result.stdout
    outcomes = {
        line.split("::")[1].split(" ")[0]: line.split(" ")[0]
        for line in out.splitlines()
        if line.startswith(("PASSED", "FAILED", "ERROR")) and "::" in line
    }
    assert outcomes == {
        "test_an_unexpected_logged_error_fails": "ERROR",  # failed in teardown
        "test_an_expected_logged_error_passes": "PASSED",
        "test_the_crash_dialog_fails_instead_of_opening": "FAILED",
        "test_a_hang_fails_with_a_stack": "FAILED",
        "test_the_clock_is_the_suites": "PASSED",
    }, out
    assert "the app logged errors this test did not expect" in out
    assert "ERROR naskah.probe: the disk said no" in out
    assert "the crash dialog would open" in out and "Traceback: a bug" in out
    assert "Timeout" in out
