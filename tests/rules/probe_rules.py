"""Probes for tests/test_suite_rules.py: each of these must FAIL under the suite's rules.

Not collected by the default run (the file name does not start with ``test_``)."""

from __future__ import annotations

import logging
import time
from datetime import date

import pytest

from desktop.store import clock


def test_an_unexpected_logged_error_fails() -> None:
    logging.getLogger("naskah.probe").error("the disk said no")


def test_an_expected_logged_error_passes(log_errors) -> None:  # type: ignore[no-untyped-def]
    logging.getLogger("naskah.probe").error("the disk said no")
    assert log_errors.messages == ["the disk said no"]


def test_the_crash_dialog_fails_instead_of_opening() -> None:
    from desktop.ui import crash

    try:
        raise RuntimeError("a bug")
    except RuntimeError as exc:
        crash.show_crash(None, exc, "Traceback: a bug")


@pytest.mark.timeout(1)
def test_a_hang_fails_with_a_stack() -> None:
    time.sleep(30)


def test_the_clock_is_the_suites() -> None:
    assert clock.today() == date(2027, 1, 12)
