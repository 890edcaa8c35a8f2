"""Arsip > Retensi and Arsip > Jadwal retensi.

"Retensi" lists the berkas due for transfer to the inactive archive or for their final fate
(musnah, permanen, dinilai kembali), filtered by action; the chosen berkas of one action start a
berita acara draft holding their list, and are marked transferred or finished once done. The
berkas whose code has no retention rule are counted below the list.

"Jadwal retensi" (administrator) shows each code's rule and where it comes from (the shipped JRA
or the office's own rule) and sets or drops the office's rule for a code.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.letters import retention
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.retention import RetentionReport, ScheduleRow
from desktop.render.dates import format_date_id
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.store.models import Letter
from desktop.ui import ops, store_events
from desktop.ui.filing import fill, on_selection, table
from desktop.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

RETENTION_TABLES = frozenset({"berkas", "berkas_item", "retention_rule"})
EMPTY_YEARS = -1  # the spin box's "kosong"


def _years(value: int | None) -> str:
    return "" if value is None else str(value)


def _tr(text: str) -> str:
    return QCoreApplication.translate("retention", text)


def source_label(rule: retention.Rule) -> str:
    """Where a rule comes from, as the tables say it."""
    if rule.source == "kantor":
        return _tr("aturan kantor")
    if rule.source == "padanan":
        return _tr("JRA lewat padanan 83/2022")
    return "JRA"


class RetentionDialog(QDialog):
    """Retensi: what is due, and the berita acara for it."""

    def __init__(
        self,
        store: Store,
        user: CurrentUser,
        open_letter: Callable[[Letter], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.user, self.open_letter = store, user, open_letter
        self.setWindowTitle(self.tr("Retensi Arsip"))
        self.report: RetentionReport | None = None
        self.shown_due: list[retention.DueBerkas] = []
        self.lane = ops.Lane()

        self.action = QComboBox()
        self.action.addItem(self.tr("Semua tindakan"), "")
        for key in (retention.TRANSFER, *retention.FATES):
            self.action.addItem(retention.action_label(key), key)
        self.action.currentIndexChanged.connect(self._show)
        action_label = QLabel(self.tr("&Tindakan"))
        action_label.setBuddy(self.action)
        top = QHBoxLayout()
        top.addWidget(action_label)
        top.addWidget(self.action, 1)

        self.table = table(
            [self.tr("Tindakan"), self.tr("Kode"), self.tr("Judul berkas"), self.tr("Tahun"),
             self.tr("Isi"), self.tr("Retensi"), self.tr("Aktif s.d."), self.tr("Inaktif s.d."),
             self.tr("Keterangan")]
        )  # fmt: skip
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        on_selection(self.table, self._selection_changed)
        self.empty = QLabel(self.tr("Tidak ada berkas yang jatuh tempo retensinya."))
        self.empty.hide()
        self.without = QLabel()
        self.without.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()

        self.ba_button = QPushButton(self.tr("Buat &berita acara"))
        self.ba_button.clicked.connect(self.start_berita_acara)
        self.ba_button.setToolTip(
            self.tr("Konsep berita acara dengan daftar berkas terpilih (tindakan yang sama)")
        )
        self.transfer_button = QPushButton(self.tr("Tandai &dipindahkan"))
        self.transfer_button.clicked.connect(self.mark_transferred)
        self.finish_button = QPushButton(self.tr("Tandai &selesai"))
        self.finish_button.setToolTip(
            self.tr("Nasib akhir sudah dilaksanakan (setelah berita acara ditandatangani)")
        )
        self.finish_button.clicked.connect(self.mark_finished)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.ba_button, self.transfer_button, self.finish_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.without)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        self._selection_changed()
        store_events.of(store).changed.connect(self._store_changed)
        self.reload()

    def _store_changed(self, changes: Changes) -> None:
        if changes.tables & RETENTION_TABLES:
            self.reload()

    def reload(self) -> None:
        store = self.store
        ops.ReadOp(self, lambda: retention.report(store)).success(self._arrived).run(self.lane)

    def _arrived(self, report: RetentionReport) -> None:
        self.report = report
        self._show()

    def _show(self) -> None:
        report = self.report
        if report is None:
            return
        wanted = self.action.currentData()
        self.shown_due = [d for d in report.due if not wanted or d.action == wanted]
        rows = []
        for d in self.shown_due:
            b = d.row.berkas
            rule = self.tr("{a} th aktif + {i} th inaktif, {f}").format(
                a=d.rule.active_years, i=d.rule.inactive_years,
                f=retention.fate_label(d.rule.final_fate),
            )  # fmt: skip
            note = "; ".join(t for t in (source_label(d.rule), d.rule.note) if t)
            rows.append([
                retention.action_label(d.action), b.classification_code, b.title, str(b.year),
                self.tr("{n} surat").format(n=d.row.items), rule,
                format_date_id(d.active_until), format_date_id(d.inactive_until), note,
            ])  # fmt: skip
        fill(self.table, rows)
        self.empty.setVisible(not self.shown_due)
        n = len(report.without_rule)
        text = (
            self.tr(
                "{n} berkas tanpa jadwal retensi (kodenya belum punya angka retensi): "
                "administrator mengisinya di Arsip > Jadwal Retensi."
            ).format(n=n)
            if n
            else ""
        )
        for code, reason in sorted(report.unmapped.items()):
            text += "\n" + self.tr("Kode lama {code} (78/2012): {reason}").format(
                code=code, reason=reason
            )
        self.without.setText(text)
        self.without.setVisible(bool(n))
        self._selection_changed()

    def chosen(self) -> list[retention.DueBerkas]:
        model = self.table.selectionModel()
        rows = sorted({i.row() for i in model.selectedRows()}) if model else []
        return [self.shown_due[r] for r in rows if r < len(self.shown_due)]

    def _selection_changed(self) -> None:
        chosen = self.chosen()
        actions = {d.action for d in chosen}
        one = len(actions) == 1
        archivist = self.user.has(Role.REGISTRAR) or self.user.has(Role.ADMIN)
        self.ba_button.setEnabled(one and self.user.has(Role.DRAFTER))
        self.transfer_button.setEnabled(archivist and actions == {retention.TRANSFER})
        self.finish_button.setEnabled(archivist and one and retention.TRANSFER not in actions)

    def start_berita_acara(self) -> None:
        chosen = self.chosen()
        if not chosen:
            return
        store, user = self.store, self.user
        ids = [d.row.berkas.id for d in chosen]
        action = chosen[0].action
        ops.WriteOp(self, lambda: retention.start_berita_acara(store, user, ids, action)).success(
            self._draft_started
        ).message_in(self.message).disable(self.ba_button).run()

    def _draft_started(self, letter: Letter) -> None:
        self.message.hide()
        if self.open_letter is not None:
            self.accept()
            self.open_letter(letter)

    def mark_transferred(self) -> None:
        ids = [d.row.berkas.id for d in self.chosen() if d.action == retention.TRANSFER]
        store, user = self.store, self.user
        ops.WriteOp(self, lambda: retention.mark_transferred(store, user, ids)).message_in(
            self.message
        ).disable(self.transfer_button).run()

    def mark_finished(self) -> None:
        chosen = self.chosen()
        if not chosen:
            return
        ids = [d.row.berkas.id for d in chosen]
        fate = chosen[0].action
        store, user = self.store, self.user
        ops.WriteOp(self, lambda: retention.mark_finished(store, user, ids, fate)).message_in(
            self.message
        ).disable(self.finish_button).run()


class ScheduleDialog(QDialog):
    """Jadwal retensi: each code's rule, and the office's own rule for a code (administrator)."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Jadwal Retensi Arsip"))
        self.rows: list[ScheduleRow] = []
        self.lane = ops.Lane()

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Kode atau judul, mis. 000.1 atau perjalanan"))
        self.search.textChanged.connect(self.reload)
        search_label = QLabel(self.tr("&Cari"))
        search_label.setBuddy(self.search)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        self.table = table(
            [self.tr("Kode"), self.tr("Judul"), self.tr("Aktif"), self.tr("Inaktif"),
             self.tr("Nasib akhir"), self.tr("Sumber"), self.tr("Keterangan")]
        )  # fmt: skip
        on_selection(self.table, self._chosen)

        self.code = QLabel()
        self.active = self._years()
        self.inactive = self._years()
        self.fate = QComboBox()
        self.fate.addItem(self.tr("(kosong)"), "")
        for key in retention.FATES:
            self.fate.addItem(retention.fate_label(key), key)
        self.note = QLineEdit()
        self.note.setMaxLength(retention.MAX_NOTE)
        form = QFormLayout()
        form.addRow(self.tr("Kode"), self.code)
        form.addRow(self.tr("Retensi &aktif (tahun)"), self.active)
        form.addRow(self.tr("Retensi &inaktif (tahun)"), self.inactive)
        form.addRow(self.tr("&Nasib akhir"), self.fate)
        form.addRow(self.tr("&Keterangan"), self.note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()

        self.save_button = QPushButton(self.tr("&Simpan aturan kantor"))
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("Kembalikan ke &JRA"))
        self.clear_button.clicked.connect(self.clear)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        is_admin = user.has(Role.ADMIN)
        for widget in (self.active, self.inactive, self.fate, self.note):
            widget.setEnabled(is_admin)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(960, 540)
        self._chosen()
        store_events.of(store).changed.connect(self._store_changed)
        self.reload()

    def _years(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(EMPTY_YEARS, retention.MAX_YEARS)
        box.setSpecialValueText(self.tr("(kosong)"))
        box.setValue(EMPTY_YEARS)
        return box

    def _store_changed(self, changes: Changes) -> None:
        if changes.tables & {"retention_rule", "classification"}:
            self.reload()

    def reload(self) -> None:
        store, text = self.store, self.search.text()
        ops.ReadOp(self, lambda: retention.schedule(store, text)).success(self._shown).run(
            self.lane
        )

    def _shown(self, rows: list[ScheduleRow]) -> None:
        chosen = self.current()
        self.rows = rows
        shown = []
        for r in rows:
            rule = r.rule
            title = self.tr("[kode lama] {title}").format(title=r.title) if r.obsolete else r.title
            if rule is None:
                shown.append([r.code, title, "", "", "", "", r.reason])
                continue
            shown.append([
                r.code, title, _years(rule.active_years), _years(rule.inactive_years),
                retention.fate_label(rule.final_fate) if rule.final_fate else "",
                source_label(rule), rule.note,
            ])  # fmt: skip
        fill(self.table, shown)
        keep = [i for i, r in enumerate(rows) if chosen and r.code == chosen.code]
        if keep:
            self.table.selectRow(keep[0])
        self._chosen()

    def current(self) -> ScheduleRow | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _chosen(self) -> None:
        row = self.current()
        is_admin = self.user.has(Role.ADMIN)
        self.save_button.setEnabled(is_admin and row is not None)
        self.clear_button.setEnabled(
            is_admin and row is not None and row.rule is not None and row.rule.source == "kantor"
        )
        if row is None:
            self.code.setText("")
            return
        self.code.setText(f"{row.code} {row.title}")
        rule = row.rule
        self.active.setValue(EMPTY_YEARS if rule is None or rule.active_years is None
                             else rule.active_years)  # fmt: skip
        self.inactive.setValue(EMPTY_YEARS if rule is None or rule.inactive_years is None
                               else rule.inactive_years)  # fmt: skip
        index = self.fate.findData(rule.final_fate if rule else "")
        self.fate.setCurrentIndex(max(index, 0))
        self.note.setText(rule.note if rule else "")

    def save(self) -> None:
        row = self.current()
        if row is None:
            return
        store, user, code = self.store, self.user, row.code
        active = None if self.active.value() == EMPTY_YEARS else self.active.value()
        inactive = None if self.inactive.value() == EMPTY_YEARS else self.inactive.value()
        fate, note = str(self.fate.currentData()), self.note.text()
        ops.WriteOp(
            self,
            lambda: retention.set_rule(
                store,
                user,
                code,
                active_years=active,
                inactive_years=inactive,
                final_fate=fate,
                note=note,
            ),
        ).message_in(self.message).disable(self.save_button).success(
            lambda _rule: self.message.hide()
        ).run()

    def clear(self) -> None:
        row = self.current()
        if row is None:
            return
        store, user, code = self.store, self.user, row.code
        ops.WriteOp(self, lambda: retention.clear_rule(store, user, code)).message_in(
            self.message
        ).disable(self.clear_button).run()
