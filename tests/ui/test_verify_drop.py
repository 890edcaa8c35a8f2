"""A clerk drops a PDF on the main window (or picks one from Surat > "Periksa keaslian PDF...")
and reads the verdict: green for our intact letter with its signer, red for a file that is not
a PDF; drags of anything but one PDF file are refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from desktop.ui import background
from desktop.ui.main_window import MainWindow
from desktop.ui.qt import QApplication, QFileDialog, Qt, QUrl
from desktop.ui.verify_dialog import VerifyDialog
from tests.conftest import Office
from tests.letters.office_pki import OfficePki
from tests.letters.test_esign import pdf_of
from tests.letters.test_verification import signed
from tests.ui.test_main_window import window_for


@pytest.fixture(autouse=True)
def _background_done() -> Iterator[None]:
    yield
    background.wait_all()


@pytest.fixture
def pki(office_staff: Office) -> OfficePki:
    authority = OfficePki.create()
    authority.install_trust(office_staff.store)
    return authority


def files(*paths: Path | str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl(p) if isinstance(p, str) else QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_enter(window: MainWindow, mime: QMimeData) -> bool:
    event = QDragEnterEvent(
        QPoint(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def drop(window: MainWindow, mime: QMimeData) -> bool:
    event = QDropEvent(
        QPointF(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def result(qtbot: Any, window: MainWindow) -> VerifyDialog:
    dialog = window.verifier.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.copy_button.isEnabled())
    return dialog


def test_dropping_our_signed_letter_shows_it_valid_with_its_signer(
    qtbot: Any, office_staff: Office, pki: OfficePki, tmp_path: Path
) -> None:
    o = office_staff
    letter, _cert = signed(o, pki)
    path = tmp_path / "surat masuk dari desa.pdf"
    path.write_bytes(pdf_of(o, letter))
    window = window_for(qtbot, o.store, o.camat)
    assert window.acceptDrops()

    assert drag_enter(window, files(path))
    assert drop(window, files(path))
    dialog = result(qtbot, window)
    assert dialog.headline.text().startswith("SAH")
    assert dialog.headline.property("verdict") == "valid"
    assert "Agustinus Mabel, S.IP" in dialog.details.toPlainText()
    assert letter.number in dialog.details.toPlainText()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "Agustinus Mabel" in QApplication.clipboard().text()
    assert QApplication.clipboard().text().startswith("SAH")

    assert dialog.open_button.isVisible()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.letter_view is not None)


def test_other_drags_are_refused(qtbot: Any, office_staff: Office, tmp_path: Path) -> None:
    window = window_for(qtbot, office_staff.store, office_staff.admin)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    note = tmp_path / "catatan.txt"
    for p in (a, b, note):
        p.write_bytes(b"%PDF-1.7\n")
    assert not drag_enter(window, files(a, b))  # one at a time
    assert not drag_enter(window, files(note))
    assert not drag_enter(window, files("https://contoh.go.id/surat.pdf"))
    text = QMimeData()
    text.setText("surat.pdf")
    assert not drag_enter(window, text)
    assert not drop(window, files(note))
    assert window.verifier.dialog is None


def test_menu_action_checks_a_picked_file(
    qtbot: Any, office_staff: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "bukan.pdf"
    fake.write_bytes(b"Ini sebenarnya dokumen Word.")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(fake), ""))
    )
    window = window_for(qtbot, office_staff.store, office_staff.drafter)
    assert window.verify_action.text() == "Periksa keaslian PDF..."
    window.verify_action.trigger()
    dialog = result(qtbot, window)
    assert dialog.headline.text() == "Berkas ini bukan PDF."
    assert dialog.headline.property("verdict") == "invalid"
    assert not dialog.open_button.isVisible()
    dialog.close()
    qtbot.waitUntil(lambda: window.verifier.dialog is None)
