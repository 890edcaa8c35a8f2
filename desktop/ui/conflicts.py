"""Surat > Konflik: open sync conflicts, both versions side by side, field by field.

For each field the person picks the server's value or this PC's (radio buttons) and may edit
the result; "Simpan penyelesaian" writes it as an ordinary edit (``desktop.letters.conflicts``),
off the GUI thread, so the resolution syncs like any other change.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.letters import conflicts as resolving
from desktop.letters.accounts import CurrentUser
from desktop.letters.conflicts import open_conflicts
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.store.sync_models import Conflict
from desktop.ui import ops, store_events
from desktop.ui.qt import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

ID_ROLE = Qt.ItemDataRole.UserRole


def shown(value: Any) -> str:
    """A field value as text for the view and the editable result."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def parsed(text: str, server: Any, client: Any) -> Any:
    """The edited result back as a value of the field's kind (text stays text)."""
    if all(v is None or isinstance(v, str) for v in (server, client)):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


class FieldChoice:
    """One row: field name, the server's value, this PC's value, and the result."""

    def __init__(self, grid: QGridLayout, row: int, name: str, server: Any, client: Any):
        self.name, self.server, self.client = name, server, client
        self.server_button = QRadioButton(shown(server) or "—")
        self.client_button = QRadioButton(shown(client) or "—")
        self.group = QButtonGroup(grid)
        self.group.addButton(self.server_button)
        self.group.addButton(self.client_button)
        self.result = QLineEdit(shown(server))
        self.server_button.setChecked(True)
        self.server_button.toggled.connect(self._chosen)
        self.client_button.toggled.connect(self._chosen)
        grid.addWidget(QLabel(name), row, 0)
        grid.addWidget(self.server_button, row, 1)
        grid.addWidget(self.client_button, row, 2)
        grid.addWidget(self.result, row, 3)

    def _chosen(self, checked: bool) -> None:
        if checked:
            value = self.server if self.server_button.isChecked() else self.client
            self.result.setText(shown(value))

    def value(self) -> Any:
        return parsed(self.result.text(), self.server, self.client)


class ConflictPanel(QWidget):
    """Both versions of one conflict, side by side."""

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        layout = QVBoxLayout(self)
        reason = QLabel(conflict.reason or self.tr("Diubah di dua tempat sekaligus."))
        reason.setWordWrap(True)
        layout.addWidget(reason)
        grid = QGridLayout()
        titles = (self.tr("Kolom"), self.tr("Versi server"), self.tr("Versi PC ini"),
                  self.tr("Hasil"))  # fmt: skip
        for col, title in enumerate(titles):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, col)
        names, server, client = resolving.values_of(conflict)
        self.choices = [
            FieldChoice(grid, row, name, server.get(name), client.get(name))
            for row, name in enumerate(names, start=1)
        ]
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    def chosen(self) -> dict[str, Any]:
        return {c.name: c.value() for c in self.choices}


class ConflictsDialog(QDialog):
    """The open conflicts on this PC; choose one, pick the values, save the resolution."""

    resolved = Signal()

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.busy = False
        self.panel: ConflictPanel | None = None
        self.setWindowTitle(self.tr("Konflik sinkronisasi"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr(
            "Data ini diubah di dua PC sebelum sempat disinkronkan. Pilih nilai yang benar untuk "
            "setiap kolom (atau ubah hasilnya), lalu simpan."
        ))  # fmt: skip
        hint.setWordWrap(True)
        layout.addWidget(hint)
        split = QSplitter()
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._picked)
        split.addWidget(self.list)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        split.addWidget(self.area)
        split.setSizes([260, 640])
        layout.addWidget(split, 1)
        self.save_button = QPushButton(self.tr("Simpan penyelesaian"))
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()
        store_events.of(store).changed.connect(self._store_changed)

    def reload(self) -> None:
        self.list.clear()
        items = open_conflicts(self.store)
        names = resolving.titles(self.store, items)
        for conflict in items:
            title = names[conflict.id]
            kind = resolving.entity_label(conflict.entity)
            when = conflict.created_at.astimezone().strftime("%d-%m-%Y %H:%M")
            item = QListWidgetItem(f"{kind}: {title}\n{when}")
            item.setData(ID_ROLE, conflict.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, conflict)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._show(None)

    def _picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        self._show(item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None)

    def _show(self, conflict: Conflict | None) -> None:
        if conflict is None:
            self.panel = None
            self.area.setWidget(QLabel(self.tr("Tidak ada konflik yang terbuka.")))
        else:
            self.panel = ConflictPanel(conflict)
            self.area.setWidget(self.panel)
        self.save_button.setEnabled(self.panel is not None and not self.busy)

    def save(self) -> None:
        if self.panel is None or self.busy:
            return
        store, user = self.store, self.user
        conflict_id, chosen = self.panel.conflict.id, self.panel.chosen()
        self.busy = True
        self.save_button.setEnabled(False)
        ops.WriteOp(self, lambda: resolving.resolve(store, user, conflict_id, chosen)).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, _conflict: object) -> None:
        self.busy = False
        self.resolved.emit()  # the store's change signal reloads the list

    def _store_changed(self, changes: Changes) -> None:
        if changes.touches("conflict"):
            self.reload()

    def _failed(self, _exc: BaseException) -> bool:
        self.busy = False
        self.save_button.setEnabled(self.panel is not None)
        return False  # the runner says why
