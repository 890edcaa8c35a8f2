"""The one operation runner: busy state, field errors on the form, user errors as messages,
bugs to the crash dialog, results only for windows that are still open, newest read wins."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from desktop.letters.errors import PermissionDenied, ValidationError
from desktop.store.errors import StoreBusy
from desktop.ui import crash, ops
from desktop.ui.forms import FieldErrors, error_label
from desktop.ui.qt import QLineEdit, QPushButton, QVBoxLayout, QWidget
from tests.ui.driver import MessageBoxes


class Form(QWidget):
    """A small form: a name field with its error label, a form-level message and a button."""

    def __init__(self) -> None:
        super().__init__()
        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.message = error_label()
        self.button = QPushButton("Simpan")
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.field("name", self.name))
        layout.addWidget(self.message)
        layout.addWidget(self.button)


def wait(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not ops.busy())


def test_a_write_disables_its_button_until_the_result_lands(qtbot: Any) -> None:
    form = Form()
    qtbot.addWidget(form)
    gate = threading.Event()
    got: list[str] = []

    def work() -> str:
        gate.wait(10)
        return "tersimpan"

    ops.WriteOp(form, work).success(got.append).disable(form.button).run()
    assert not form.button.isEnabled() and ops.busy()
    gate.set()
    wait(qtbot)
    assert got == ["tersimpan"] and form.button.isEnabled()


def test_a_refusal_goes_on_its_field_and_the_rest_in_the_form_message(
    qtbot: Any, messages: MessageBoxes
) -> None:
    form = Form()
    qtbot.addWidget(form)

    def refuse() -> None:
        raise ValidationError({"name": "Nama wajib diisi.", "office": "Kantor belum disiapkan."})

    ops.WriteOp(form, refuse).form(form.errors, form.message).disable(form.button).run()
    wait(qtbot)
    assert form.errors.message("name") == "Nama wajib diisi."
    assert form.errors.is_invalid("name")
    assert form.message.text() == "Kantor belum disiapkan." and not form.message.isHidden()
    assert form.button.isEnabled()
    assert messages.texts == []  # nothing popped up: it is all on the form


def test_a_user_error_is_a_message_box_or_the_given_label(
    qtbot: Any, messages: MessageBoxes
) -> None:
    form = Form()
    qtbot.addWidget(form)

    def busy() -> None:
        raise StoreBusy()

    def denied() -> None:
        raise PermissionDenied("Hanya administrator yang dapat mengubah ini.")

    ops.WriteOp(form, busy).run()
    wait(qtbot)
    assert messages.texts == [StoreBusy().message]
    ops.WriteOp(form, denied).message_in(form.message).run()
    wait(qtbot)
    assert form.message.text() == "Hanya administrator yang dapat mengubah ini."
    assert len(messages.texts) == 1


def test_a_failure_handler_sees_the_error_first(qtbot: Any, messages: MessageBoxes) -> None:
    form = Form()
    qtbot.addWidget(form)
    seen: list[BaseException] = []

    def busy() -> None:
        raise StoreBusy()

    def handled(exc: BaseException) -> bool:
        seen.append(exc)
        return True

    ops.WriteOp(form, busy).failure(handled).run()
    wait(qtbot)
    assert isinstance(seen[0], StoreBusy) and messages.texts == []
    ops.WriteOp(form, busy).failure(lambda exc: False).run()  # looked, did not handle it
    wait(qtbot)
    assert messages.texts == [StoreBusy().message]


def test_a_bug_goes_to_the_crash_dialog_with_its_trace(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, log_errors: Any
) -> None:
    form = Form()
    qtbot.addWidget(form)
    crashes: list[tuple[BaseException, str]] = []
    monkeypatch.setattr(crash, "show_crash", lambda _p, exc, trace: crashes.append((exc, trace)))

    def bug() -> None:
        raise KeyError("kolom_hilang")

    ops.WriteOp(form, bug).form(form.errors, form.message).run()
    wait(qtbot)
    assert isinstance(crashes[0][0], KeyError)
    assert "def bug" not in crashes[0][1] and "kolom_hilang" in crashes[0][1]
    assert "in bug" in crashes[0][1]  # the worker's traceback, not the GUI thread's
    assert form.message.isHidden()
    assert any("operation failed" in m for m in log_errors.messages)


def test_a_result_for_a_closed_window_is_dropped_and_its_error_still_said(
    qtbot: Any, messages: MessageBoxes
) -> None:
    form = Form()
    gate = threading.Event()
    got: list[object] = []

    def slow_ok() -> str:
        gate.wait(10)
        return "late"

    def slow_busy() -> None:
        gate.wait(10)
        raise StoreBusy()

    ops.WriteOp(form, slow_ok).success(got.append).run()
    ops.WriteOp(form, slow_busy).success(got.append).message_in(form.message).run()
    form.deleteLater()
    qtbot.waitUntil(lambda: not ops.isValid(form))
    gate.set()
    wait(qtbot)
    assert got == []
    assert messages.texts == [StoreBusy().message]  # with no parent window: it closed


def test_a_lane_runs_one_read_at_a_time_and_delivers_only_the_newest(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    lane = ops.Lane("test")
    got: list[int] = []
    gate = threading.Event()
    started: list[int] = []

    def job(n: int) -> Any:
        def run() -> int:
            started.append(n)
            if n == 1:
                gate.wait(5)
            return n

        return run

    for n in (1, 2, 3, 4):
        ops.ReadOp(owner, job(n)).success(got.append).run(lane)
    assert lane.busy
    gate.set()
    qtbot.waitUntil(lambda: got == [4])
    wait(qtbot)
    assert started == [1, 4]  # 2 and 3 were replaced while 1 ran; 1's answer was stale
    assert not lane.busy


def test_writes_run_in_the_order_they_were_asked_for(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    order: list[int] = []
    for n in range(5):
        ops.WriteOp(owner, lambda n=n: order.append(n)).quietly().run()  # type: ignore[misc]
    landed: list[bool] = []
    ops.after_writes(owner, lambda: landed.append(order == [0, 1, 2, 3, 4]))
    wait(qtbot)
    assert landed == [True]
