"""Letters delivered between offices, on screen.

- ``AddressOfficesDialog``: the sender ticks the offices of the server's directory (cached on
  this PC, so it works offline) a letter goes to, and sees each one's state (menunggu dikirim,
  terkirim, diterima, dibaca) with the server's reason when it refused to send.
- ``DeliveryInbox``: in "Surat Masuk Baru", the letters other offices delivered that wait to be
  registered, each with this PC's verdict on its signatures; "Catat" registers the selected one
  in one step.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.letters import delivery
from desktop.letters.accounts import CurrentUser, Role
from desktop.render.dates import format_date_id
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.store.delivery_models import Delivery, OfficeDirectoryEntry
from desktop.store.incoming_models import IncomingLetter
from desktop.ui import ops, store_events
from desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

OFFICE_ROLE = Qt.ItemDataRole.UserRole + 11


@dataclass
class _Addressing:
    offices: list[OfficeDirectoryEntry]
    current: dict[str, Delivery]  # by recipient office id


class AddressOfficesDialog(QDialog):
    """Pick the offices a letter is delivered to through the server."""

    addressed = Signal(str)  # a message for the status bar

    def __init__(
        self, store: Store, user: CurrentUser, letter_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.user, self.letter_id = store, user, letter_id
        self.setWindowTitle(self.tr("Kirim ke Kantor Lain"))
        self.intro = QLabel(
            self.tr(
                "Centang kantor tujuan. Surat dikirim lewat server pusat saat sudah "
                "ditandatangani secara elektronik dan PC ini tersinkron."
            )
        )
        self.intro.setWordWrap(True)
        self.offices = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.offices, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        store, user = self.store, self.user
        ops.ReadOp(self, lambda: _addressing(store, user, letter_id)).success(
            self._show
        ).message_in(self.message).run()

    def _show(self, data: _Addressing) -> None:
        self.offices.clear()
        if not data.offices:
            self.message.setText(
                self.tr("Daftar kantor belum ada di PC ini: sinkronkan dengan server pusat dulu.")
            )
        for office in data.offices:
            sent = data.current.get(office.id)
            text = office.name
            if sent is not None:
                text += f" — {delivery.state_label(sent.state)}"
                if sent.problem:
                    text += f" ({sent.problem})"
            item = QListWidgetItem(text)
            item.setData(OFFICE_ROLE, office.id)
            locked = sent is not None and sent.state != "menunggu"
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled if locked else flags)
            item.setCheckState(Qt.CheckState.Checked if sent else Qt.CheckState.Unchecked)
            self.offices.addItem(item)
        if self.offices.count():
            self.offices.setCurrentRow(0)
        self.offices.setFocus()

    def chosen(self) -> list[str]:
        items = (self.offices.item(i) for i in range(self.offices.count()))
        return [
            str(item.data(OFFICE_ROLE)) for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]  # fmt: skip

    def save(self) -> None:
        store, user, letter_id, chosen = self.store, self.user, self.letter_id, self.chosen()

        def done(_rows: object) -> None:
            self.addressed.emit(self.tr("Tujuan pengiriman disimpan."))
            self.accept()

        ops.WriteOp(self, lambda: delivery.address(store, user, letter_id, chosen)).success(
            done
        ).message_in(self.message).disable(self.buttons).run()


def _addressing(store: Store, user: CurrentUser, letter_id: str) -> _Addressing:
    current = {d.recipient_office_id: d for d in delivery.deliveries_of(store, user, letter_id)}
    return _Addressing(delivery.directory(store), current)


def sent_text(store: Store, user: CurrentUser, letter_id: str) -> str:
    """One line per recipient office ("Kecamatan Kurulu: diterima"), or "-"."""
    lines = []
    for state in delivery.sent_states(store, user, letter_id):
        line = f"{state.office}: {state.label}"
        lines.append(f"{line} ({state.problem})" if state.problem else line)
    return "\n".join(lines) or "-"


@dataclass
class _Waiting:
    row: Delivery
    verdict: delivery.Verdict | None
    problem: str  # why no verdict (the PDF has not arrived yet)


def _load_waiting(store: Store, user: CurrentUser) -> list[_Waiting]:
    out = []
    for row in delivery.waiting(store, user):
        try:
            out.append(_Waiting(row, delivery.check(store, user, row.id), ""))
        except delivery.PdfNotYetHere as exc:
            out.append(_Waiting(row, None, exc.message))
    return out


class DeliveryInbox(QWidget):
    """Letters delivered by other offices, waiting to be registered (registrars only)."""

    registered = Signal(object)  # the IncomingLetter

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.rows: list[_Waiting] = []
        self.heading = QLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(130)
        self.register_button = QPushButton(self.tr("Ca&tat Surat Kiriman"))
        self.register_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        self.register_button.clicked.connect(self.register_selected)
        self.list.currentRowChanged.connect(lambda _row: self._selection_changed())
        self.list.itemActivated.connect(lambda _item: self.register_selected())
        self.setVisible(False)
        self.allowed = user.has(Role.REGISTRAR) or user.has(Role.ADMIN)
        store_events.of(store).changed.connect(self._store_changed)

    def _store_changed(self, changes: Changes) -> None:
        if changes.touches("delivery"):
            self.reload()

    def reload(self) -> None:
        if not self.allowed:
            return
        store, user = self.store, self.user
        ops.ReadOp(self, lambda: _load_waiting(store, user)).success(self._show).message_in(
            self.message
        ).quietly().run()

    def _show(self, rows: list[_Waiting]) -> None:
        self.rows = rows
        self.setVisible(bool(rows))
        self.heading.setText(
            "<b>" + self.tr("Surat kiriman dari kantor lain: {n}").format(n=len(rows)) + "</b>"
        )
        self.list.clear()
        for item in rows:
            d = item.row
            verdict = item.verdict.text if item.verdict else item.problem
            when = format_date_id(d.letter_date) if d.letter_date else "-"
            self.list.addItem(
                f"{d.sender_office_name} · {d.number} · {when}\n{d.hal}\n"
                + self.tr("Tanda tangan: {v}").format(v=verdict)
            )
        if rows:
            self.list.setCurrentRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.register_button.setEnabled(self._selected() is not None)

    def _selected(self) -> _Waiting | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def register_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        store, user, delivery_id = self.store, self.user, chosen.row.id

        def done(letter: IncomingLetter) -> None:
            self.message.setText("")
            self.registered.emit(letter)

        ops.WriteOp(self, lambda: delivery.register(store, user, delivery_id)).success(
            done
        ).message_in(self.message).disable(self.register_button).run()
