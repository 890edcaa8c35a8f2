"""Dialogs of the incoming register: registering a letter (files by button or drag and drop,
seen in the scan viewer beside the form), a probable duplicate, a disposition, a follow-up.

Each dialog collects the input and runs the service itself on the writer thread; a refusal is
shown in the dialog (per field when the service names one) and nothing typed is lost.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import cast

from desktop.letters import accounts, disposition, incoming
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.drafting import SIFAT, URGENCY
from desktop.letters.errors import ValidationError
from desktop.letters.incoming import Candidate, IncomingInput, ProbableDuplicate
from desktop.letters.scans import JPEG, PDF, PNG
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.incoming_models import Disposition, IncomingLetter
from desktop.ui import ops
from desktop.ui.forms import error_label
from desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDropEvent,
    QEvent,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.ui.review_dialogs import person_text
from desktop.ui.scan_viewer import ScanSource, ScanViewer

ID_ROLE = Qt.ItemDataRole.UserRole
_MEDIA = {".pdf": PDF, ".png": PNG, ".jpg": JPEG, ".jpeg": JPEG}


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _to_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def media_type(path: Path) -> str:
    """What the viewer should take the file for (the service checks the content itself)."""
    return _MEDIA.get(path.suffix.lower(), PDF)


class DuplicateDialog(QDialog):
    """The letter may be registered already: link it to the earlier one, register it on its
    own, or go back. ``choice`` is "link", "separate" or None."""

    def __init__(self, candidates: list[Candidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kemungkinan surat ganda"))
        self.choice: str | None = None
        reasons = {
            "nomor": self.tr("pengirim dan nomor sama"),
            "pindaian": self.tr("pindaian sama"),
        }
        listing = QListWidget()
        for c in candidates:
            listing.addItem(
                f"{c.agenda_number}/{c.agenda_year} · {c.received_date:%d/%m/%Y} · "
                f"{c.sender_name} · {c.sender_number} · {c.hal} ({reasons.get(c.reason, '')})"
            )
        self.link_button = QPushButton(self.tr("Catat dan Tautkan"))
        self.separate_button = QPushButton(self.tr("Catat Terpisah"))
        back = QPushButton(self.tr("Batal"))
        self.link_button.clicked.connect(lambda: self._choose("link"))
        self.separate_button.clicked.connect(lambda: self._choose("separate"))
        back.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.link_button, self.separate_button, back):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Surat ini mungkin sudah dicatat sebelumnya. Tautkan ke surat yang lama, catat "
            "sebagai surat terpisah, atau kembali untuk memeriksa isian."
        )))  # fmt: skip
        layout.addWidget(listing)
        layout.addLayout(buttons)
        self.link_button.setDefault(True)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class RegisterDialog(QDialog):
    """ "Catat Surat Masuk": the form on the left, the scans on the right. Files come from
    "Tambah Berkas..." or are dropped on the dialog. ``registered`` carries the new letter."""

    registered = Signal(object)

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.setWindowTitle(self.tr("Catat Surat Masuk"))
        self.setAcceptDrops(True)
        self.installEventFilter(self)
        self.files: list[Path] = []
        today = clock.today()

        self.file_list = QListWidget()
        self.file_list.setMaximumHeight(70)
        self.add_button = QPushButton(self.tr("Tambah Berkas..."))
        self.remove_button = QPushButton(self.tr("Hapus Berkas"))
        self.channel = QComboBox()
        for key, label in incoming.CHANNELS.items():
            self.channel.addItem(label, key)
        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText(self.tr("Nama instansi/orang, atau singkatannya"))
        names = sorted(
            {n for s in incoming.find_senders(store, "", limit=5000)
             for n in [s.name, *incoming.aliases_of(s)]}
        )  # fmt: skip
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.sender_edit.setCompleter(completer)
        self.sender_place = QLineEdit()
        self.sender_place.setPlaceholderText(self.tr("Tempat (untuk surat balasan), jika baru"))
        self.sender_number = QLineEdit()
        self.sender_date = _date_edit(today)
        self.received_date = _date_edit(today)
        self.hal = QLineEdit()
        self.sifat = QComboBox()
        self.sifat.addItems(list(SIFAT))
        self.urgency = QComboBox()
        self.urgency.addItems(list(URGENCY))
        self.classification = QLineEdit()
        self.classification.setPlaceholderText(self.tr("mis. 400.10.2.2 (kode lama 474.2 boleh)"))
        self.addressed_to = QComboBox()
        self.addressed_to.addItem(self.tr("(pimpinan)"), None)
        for person in accounts.people_with_role(store, Role.SIGNER):
            self.addressed_to.addItem(person_text(person), person.id)
        if self.addressed_to.count() > 1:
            self.addressed_to.setCurrentIndex(1)
        self.note = QLineEdit()
        self.errors = error_label()

        files_row = QHBoxLayout()
        files_row.addWidget(self.add_button)
        files_row.addWidget(self.remove_button)
        form = QFormLayout()
        form.addRow(self.tr("Berkas pindaian"), self.file_list)
        form.addRow("", files_row)
        form.addRow(self.tr("Diterima melalui"), self.channel)
        form.addRow(self.tr("Pengirim"), self.sender_edit)
        form.addRow("", self.sender_place)
        form.addRow(self.tr("Nomor surat"), self.sender_number)
        form.addRow(self.tr("Tanggal surat"), self.sender_date)
        form.addRow(self.tr("Tanggal diterima"), self.received_date)
        form.addRow(self.tr("Hal"), self.hal)
        form.addRow(self.tr("Sifat"), self.sifat)
        form.addRow(self.tr("Urgensi"), self.urgency)
        form.addRow(self.tr("Klasifikasi"), self.classification)
        form.addRow(self.tr("Ditujukan kepada"), self.addressed_to)
        form.addRow(self.tr("Catatan"), self.note)
        form_widget = QWidget()
        form_layout = QVBoxLayout(form_widget)
        form_layout.addLayout(form)
        form_layout.addWidget(self.errors)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(form_widget)
        scroll.setWidgetResizable(True)
        self.viewer = ScanViewer()
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.viewer)
        splitter.setSizes([430, 560])
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Seret berkas PDF/gambar ke jendela ini, atau pilih "
                                        "dengan \u201cTambah Berkas...\u201d.")))  # fmt: skip
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1000, 540)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_file)
        self.file_list.currentRowChanged.connect(self._show_file)
        self.sender_edit.setFocus()

    # -- files --------------------------------------------------------------------------------

    def choose_files(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas pindaian"), "",
            self.tr("Pindaian (*.pdf *.png *.jpg *.jpeg);;Semua berkas (*)"),
        )  # fmt: skip
        if path:
            self.add_files([Path(path)])

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.files:
                self.files.append(path)
                self.file_list.addItem(path.name)
        self._refresh_viewer()
        self.file_list.setCurrentRow(self.file_list.count() - 1)

    def remove_file(self) -> None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.files):
            del self.files[row]
            self.file_list.takeItem(row)
            self._refresh_viewer()

    def _refresh_viewer(self) -> None:
        self.viewer.show_sources([ScanSource(p, media_type(p), p.name) for p in self.files])

    def _show_file(self, row: int) -> None:
        """Jump the viewer to the first page of the chosen file."""
        if not 0 <= row < len(self.files):
            return
        wanted = self.files[row]
        for page in range(self.viewer.page_count):
            self.viewer.go_to(page)
            source = self.viewer.source_of_current()
            if source is not None and source.path == wanted:
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A filter on the dialog itself (as PdfVerifier does on the main window) sees drags
        # wherever they land on it, over any of its fields.
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            drag = cast(QDropEvent, event)
            paths = [Path(u.toLocalFile()) for u in drag.mimeData().urls() if u.isLocalFile()]
            if not paths:
                return False
            drag.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                self.add_files(paths)
            return True
        return super().eventFilter(watched, event)

    # -- saving -------------------------------------------------------------------------------

    def data(self) -> IncomingInput:
        return IncomingInput(
            sender_name=self.sender_edit.text().strip(),
            sender_place=self.sender_place.text().strip(),
            sender_number=self.sender_number.text().strip(),
            sender_date=_to_date(self.sender_date),
            received_date=_to_date(self.received_date),
            hal=self.hal.text().strip(),
            channel=self.channel.currentData(),
            sifat=self.sifat.currentText(),
            urgency=self.urgency.currentText(),
            classification_code=self.classification.text().strip(),
            note=self.note.text().strip(),
            addressed_to_id=self.addressed_to.currentData(),
            scans=list(self.files),
        )

    def save(self, duplicate: str | None = None) -> None:
        store, user, data = self.store, self.user, self.data()
        self.save_button.setEnabled(False)
        self.errors.hide()
        ops.WriteOp(
            self, lambda: incoming.register(store, user, data, duplicate=duplicate)
        ).success(self._saved).failure(self._refused).run()

    def _saved(self, letter: IncomingLetter) -> None:
        self.save_button.setEnabled(True)
        self.registered.emit(letter)
        self.accept()

    def _ask_duplicate(self, candidates: list[incoming.Candidate]) -> None:
        dialog = DuplicateDialog(candidates, self)
        dialog.exec()
        if dialog.choice is not None:
            self.save(dialog.choice)

    def _refused(self, exc: BaseException) -> bool:
        self.save_button.setEnabled(True)
        if isinstance(exc, ProbableDuplicate):
            # Asked once this operation has ended (a dialog's own loop inside its error
            # handler would keep the operation, and the next save, waiting).
            QTimer.singleShot(0, lambda: self._ask_duplicate(exc.candidates))
            return True
        if isinstance(exc, ValidationError):
            self.errors.setText("\n".join(exc.fields.values()))
            self.errors.show()
            return True
        from desktop.store.errors import UserError

        if isinstance(exc, UserError):
            self.errors.setText(exc.message)
            self.errors.show()
            return True
        return False


class DispositionDialog(QDialog):
    """Write a disposition (or forward one, with ``parent_id``): recipients and instructions
    ticked from lists (Space ticks the current row), free text, a note, a due date."""

    sent = Signal(object)

    def __init__(
        self,
        store: Store,
        user: CurrentUser,
        letter: IncomingLetter,
        parent_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.user, self.letter, self.parent_id = store, user, letter, parent_id
        title = self.tr("Teruskan Disposisi") if parent_id else self.tr("Disposisi")
        self.setWindowTitle(f"{title} — {letter.agenda_number}/{letter.agenda_year}")
        self.recipients = QListWidget()
        for person in accounts.list_people(store, include_inactive=False):
            if person.id == user.id:
                continue
            item = QListWidgetItem(person_text(person))
            item.setData(ID_ROLE, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.recipients.addItem(item)
        self.instructions = QListWidget()
        for instruction in disposition.instructions(store):
            item = QListWidgetItem(instruction.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.instructions.addItem(item)
        self.other = QLineEdit()
        self.other.setPlaceholderText(self.tr("Instruksi lain (boleh kosong)"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(60)
        self.note.setTabChangesFocus(True)
        self.use_due = QCheckBox(self.tr("Batas waktu"))
        self.due = _date_edit(clock.today())
        self.due.setEnabled(False)
        self.use_due.toggled.connect(self.due.setEnabled)
        self.errors = error_label()
        lists = QHBoxLayout()
        for caption, widget in ((self.tr("Diteruskan kepada"), self.recipients),
                                (self.tr("Instruksi"), self.instructions)):  # fmt: skip
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{caption}</b>"))
            column.addWidget(widget)
            lists.addLayout(column)
        due_row = QHBoxLayout()
        due_row.addWidget(self.use_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(
            self.tr("Kirim Disposisi"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{letter.sender_name}</b> — {letter.hal}"))
        layout.addLayout(lists, 1)
        layout.addWidget(self.other)
        layout.addWidget(QLabel(self.tr("Catatan")))
        layout.addWidget(self.note)
        layout.addLayout(due_row)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.resize(760, 500)

    def tick(self, widget: QListWidget, text: str) -> None:
        """Tick the row of ``widget`` whose text starts with ``text`` (for tests and scripts)."""
        for i in range(widget.count()):
            item = widget.item(i)
            if item.text().startswith(text):
                item.setCheckState(Qt.CheckState.Checked)
                return
        raise LookupError(text)

    def _ticked(self, widget: QListWidget, role: Qt.ItemDataRole | None = None) -> list[str]:
        out = []
        for i in range(widget.count()):
            item = widget.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(role) if role is not None else item.text())
        return out

    def send(self) -> None:
        data = disposition.DispositionInput(
            recipient_ids=self._ticked(self.recipients, ID_ROLE),
            instructions=self._ticked(self.instructions),
            instruction_text=self.other.text().strip(),
            note=self.note.toPlainText().strip(),
            due_date=_to_date(self.due) if self.use_due.isChecked() else None,
        )
        store, user, letter_id, parent_id = self.store, self.user, self.letter.id, self.parent_id
        self.send_button.setEnabled(False)
        ops.WriteOp(
            self, lambda: disposition.dispose(store, user, letter_id, data, parent_id=parent_id)
        ).success(self._sent).failure(self._refused).run()

    def _sent(self, rows: list[Disposition]) -> None:
        self.send_button.setEnabled(True)
        self.sent.emit(rows)
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        self.send_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.setText("\n".join(exc.fields.values()))
            self.errors.show()
            return True
        return False


class TextDialog(QDialog):
    """One text to write (a follow-up note, the result of a disposition), and optionally a
    letter to pick (the reply). ``accepted`` when the text is not empty."""

    def __init__(
        self,
        title: str,
        caption: str,
        parent: QWidget | None = None,
        choices: list[tuple[str, str]] | None = None,
        choice_caption: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.choice = QComboBox()
        self.choice.addItem(self.tr("(tidak ada)"), None)
        for label, key in choices or []:
            self.choice.addItem(label, key)
        self.errors = error_label()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(caption))
        layout.addWidget(self.text_edit)
        if choices is not None:
            layout.addWidget(QLabel(choice_caption))
            layout.addWidget(self.choice)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def _ok(self) -> None:
        if not self.text():
            self.errors.setText(self.tr("Isian masih kosong."))
            self.errors.show()
            return
        self.accept()


class InstructionsDialog(QDialog):
    """The administrator's list of standard disposition instructions: add, rename, retire
    (a retired one stays on the dispositions that used it). Each change is saved at once."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Instruksi Disposisi"))
        self.rows = QListWidget()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Teks instruksi, misalnya Segera laporkan"))
        self.add_button = QPushButton(self.tr("Tambah"))
        self.rename_button = QPushButton(self.tr("Ubah Teks"))
        self.retire_button = QPushButton(self.tr("Nonaktifkan/Aktifkan"))
        self.errors = error_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        for button in (self.add_button, self.rename_button, self.retire_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rows, 1)
        layout.addLayout(row)
        layout.addWidget(self.errors)
        layout.addWidget(close)
        self.resize(620, 400)
        self.add_button.clicked.connect(lambda: self._save(None))
        self.rename_button.clicked.connect(lambda: self._save(self._current()))
        self.retire_button.clicked.connect(self._toggle)
        self.rows.currentRowChanged.connect(self._picked)
        self._load()

    def _load(self) -> None:
        current = self.rows.currentRow()
        self.rows.clear()
        for row in disposition.instructions(self.store, include_retired=True):
            label = row.text if row.active else self.tr("{t} (nonaktif)").format(t=row.text)
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, (row.id, row.text, row.active))
            self.rows.addItem(item)
        self.rows.setCurrentRow(min(max(current, 0), self.rows.count() - 1))

    def _current(self) -> str | None:
        item = self.rows.currentItem()
        return item.data(ID_ROLE)[0] if item is not None else None

    def _picked(self, row: int) -> None:
        item = self.rows.item(row)
        if item is not None:
            self.text.setText(item.data(ID_ROLE)[1])

    def _save(self, instruction_id: str | None, active: bool = True) -> None:
        store, user, text = self.store, self.user, self.text.text()
        self.errors.hide()
        ops.WriteOp(
            self,
            lambda: disposition.save_instruction(store, user, instruction_id, text, active=active),
        ).success(lambda _row: self._load()).failure(self._refused).run()

    def _toggle(self) -> None:
        item = self.rows.currentItem()
        if item is not None:
            instruction_id, text, active = item.data(ID_ROLE)
            self.text.setText(text)
            self._save(instruction_id, active=not active)

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, ValidationError):
            self.errors.setText("\n".join(exc.fields.values()))
            self.errors.show()
            return True
        return False


class SendersDialog(QDialog):
    """The directory of senders: find one, correct its name and place, give it the other
    names clerks type for it (aliases, separated by ";"), or add a new one."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Daftar Pengirim"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari nama atau singkatan..."))
        self.rows = QListWidget()
        self.name = QLineEdit()
        self.place = QLineEdit()
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(self.tr("Nama lain, dipisah titik koma: DPMK; Dinas PMK"))
        self.errors = error_label()
        self.new_button = QPushButton(self.tr("Pengirim Baru"))
        self.save_button = QPushButton(self.tr("Simpan"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Nama"), self.name)
        form.addRow(self.tr("Tempat"), self.place)
        form.addRow(self.tr("Nama lain"), self.aliases)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.rows, 1)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(620, 480)
        self.editing: str | None = None
        self.search.textChanged.connect(lambda _t: self._load())
        self.rows.currentRowChanged.connect(self._picked)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self._save)
        self._load()

    def _load(self) -> None:
        self.rows.blockSignals(True)
        self.rows.clear()
        for sender in incoming.find_senders(self.store, self.search.text(), limit=500):
            aliases = incoming.aliases_of(sender)
            label = sender.name + (f"  ({'; '.join(aliases)})" if aliases else "")
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, (sender.id, sender.name, sender.place, aliases))
            self.rows.addItem(item)
        self.rows.blockSignals(False)

    def _picked(self, row: int) -> None:
        item = self.rows.item(row)
        if item is None:
            return
        self.editing, name, place, aliases = item.data(ID_ROLE)
        self.name.setText(name)
        self.place.setText(place)
        self.aliases.setText("; ".join(aliases))

    def _new(self) -> None:
        self.editing = None
        self.rows.clearSelection()
        for field in (self.name, self.place, self.aliases):
            field.clear()
        self.name.setFocus()

    def _save(self) -> None:
        store, user, sender_id = self.store, self.user, self.editing
        name, place = self.name.text(), self.place.text()
        aliases = [a.strip() for a in self.aliases.text().split(";") if a.strip()]
        self.errors.hide()

        def saved(sender: object) -> None:
            self.editing = getattr(sender, "id", None)
            self._load()

        ops.WriteOp(
            self, lambda: incoming.save_sender(store, user, sender_id, name, place, aliases)
        ).success(saved).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, ValidationError):
            self.errors.setText("\n".join(exc.fields.values()))
            self.errors.show()
            return True
        return False
