"""Office settings: kop data, logo, paper, font and margins, number pattern with a live example.

The kop, paper and numbering field groups are also used by the first-run wizard, so the two
forms ask the same questions the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from desktop import i18n
from desktop.letters import numbering, office
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.numbering import format_number, pattern_problem, token_labels
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.models import Office
from desktop.ui import ops
from desktop.ui.forms import (
    FORM_STYLE,
    FieldErrors,
    LogoPicker,
    error_label,
    hint_label,
    save_cancel_buttons,
)
from desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSize,
    QSpinBox,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.screen import fit

EXAMPLE_CODE = "400.10.2.2"
EXAMPLE_TYPE = "surat_dinas"
KOP_KEYS = ("kabupaten", "kecamatan", "place_name", "unit_code", "address", "phone", "email",
            "website")  # fmt: skip
VOWELS = set("AEIOU")


def suggest_unit_code(kecamatan: str) -> str:
    """Suggest a unit code from the kecamatan name: "Sukamaju" -> "Kec.SKM"."""
    letters = [c for c in kecamatan.upper() if c.isalpha()]
    if not letters:
        return ""
    # The usual short form: the initial, then the following consonants.
    return "Kec." + (letters[0] + "".join(c for c in letters[1:] if c not in VOWELS))[:3]


def example_number(pattern: str, unit: str, seq: int = 1, padding: int = 3) -> str:
    """The number ``pattern`` gives a typical letter today, or "" if the pattern is unusable."""
    if pattern_problem(pattern):
        return ""
    return format_number(pattern, kode=EXAMPLE_CODE, seq=seq, padding=padding,
                         unit=unit or "Kec.SKM", on=clock.today())  # fmt: skip


def form_layout(widget: QWidget | None = None) -> QFormLayout:
    form = QFormLayout(widget)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class OfficeFields(QWidget):
    """The kop data fields (keys as in ``office.OfficeInput``) and the logo picker."""

    def __init__(self, errors: FieldErrors, *, removable_logo: bool = True) -> None:
        super().__init__()
        self.edits = {key: QLineEdit() for key in KOP_KEYS}
        e, ed = errors, self.edits
        ed["kabupaten"].setPlaceholderText(self.tr('misalnya Jayawijaya (tanpa kata "Kabupaten")'))
        ed["kecamatan"].setPlaceholderText(self.tr('misalnya Wamena (tanpa kata "Kecamatan")'))
        ed["unit_code"].setPlaceholderText("Kec.SKM")
        ed["email"].setPlaceholderText("kecamatan@kabupaten.go.id")
        self.logo = LogoPicker(errors)
        self.logo.remove_button.setVisible(removable_logo)
        self.kop_preview = hint_label("")
        # Place name and unit code follow the kecamatan name until the clerk types their own.
        self.follow = {"place_name": True, "unit_code": True}
        for key in self.follow:
            ed[key].textEdited.connect(lambda _t, k=key: self.follow.__setitem__(k, False))
        ed["kecamatan"].textChanged.connect(self._follow_kecamatan)
        ed["kabupaten"].textChanged.connect(self._update_kop)
        self.form = form = form_layout(self)
        form.setContentsMargins(0, 0, 0, 0)
        tr = self.tr
        form.addRow(tr("Nama kabupaten *"), e.field("kabupaten", ed["kabupaten"]))
        form.addRow(tr("Nama kecamatan *"), e.field("kecamatan", ed["kecamatan"]))
        form.addRow(
            tr("Nama tempat"),
            e.field(
                "place_name",
                ed["place_name"],
                tr('Untuk tempat dan tanggal surat, misalnya "Wamena, 3 Maret 2026".'),
            ),
        )
        form.addRow(
            tr("Kode unit *"),
            e.field("unit_code", ed["unit_code"], tr("Dipakai dalam nomor surat.")),
        )
        form.addRow(tr("Alamat kantor *"), e.field("address", ed["address"]))
        form.addRow(tr("Telepon"), e.field("phone", ed["phone"]))
        form.addRow(tr("E-mail"), e.field("email", ed["email"]))
        form.addRow(tr("Situs web"), e.field("website", ed["website"]))
        form.addRow(tr("Logo"), self.logo)
        form.addRow("", self.kop_preview)  # fmt: skip

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}

    def load(self, row: Office) -> None:
        self.follow = {key: False for key in self.follow}
        for key, edit in self.edits.items():
            edit.setText(str(getattr(row, key)))

    def _follow_kecamatan(self, text: str) -> None:
        if self.follow["place_name"]:
            self.edits["place_name"].setText(text.strip())
        if self.follow["unit_code"]:
            self.edits["unit_code"].setText(suggest_unit_code(text))
        self._update_kop()

    def _update_kop(self) -> None:
        kab, kec = (self.edits[k].text().strip().upper() for k in ("kabupaten", "kecamatan"))
        text = self.tr("Kop surat: PEMERINTAH KABUPATEN {kab} / KECAMATAN {kec}")
        self.kop_preview.setText(text.format(kab=kab, kec=kec) if kab and kec else "")


class PaperChoice(QWidget):
    """F4 (the default in government offices) or A4."""

    def __init__(self) -> None:
        super().__init__()
        self.f4 = QRadioButton(self.tr("F4 / folio (215 × 330 mm), umum di kantor pemerintah"))
        self.a4 = QRadioButton(self.tr("A4 (210 × 297 mm)"))
        self.f4.setChecked(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.f4)
        layout.addWidget(self.a4)

    def value(self) -> str:
        return "A4" if self.a4.isChecked() else "F4"

    def set_value(self, size: str) -> None:
        (self.a4 if size == "A4" else self.f4).setChecked(True)


class NumberingFields(QWidget):
    """Number pattern (and, if ``advanced``, zero padding and series per letter type) with a
    live example of the number the next outgoing letter would get."""

    def __init__(self, errors: FieldErrors, unit: Callable[[], str],
                 next_seq: Callable[[bool], int], *, advanced: bool) -> None:  # fmt: skip
        super().__init__()
        self._errors, self._unit, self._next_seq = errors, unit, next_seq
        self.pattern = QLineEdit("{kode}/{urut}/{unit}/{tahun}")
        self.padding = QSpinBox()
        self.padding.setRange(1, 6)
        self.padding.setValue(3)
        self.padding.setSuffix(self.tr(" digit"))
        self.series_per_type = QCheckBox(self.tr("Nomor urut terpisah untuk tiap jenis surat"))
        self.example = QLabel()
        self.example.setObjectName("number_example")
        self.example.setTextFormat(Qt.TextFormat.PlainText)
        self.example.setStyleSheet("font-weight: bold;")
        tokens = ", ".join(f"{{{name}}} = {label}" for name, label in token_labels().items())
        self.form = form = form_layout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(
            self.tr("Pola nomor *"),
            errors.field(
                "number_pattern",
                self.pattern,
                self.tr("Bagian yang tersedia: {t}.").format(t=tokens),
            ),
        )
        if advanced:
            form.addRow(self.tr("Panjang nomor urut"), errors.field("number_padding", self.padding))
            form.addRow("", errors.field("series_per_type", self.series_per_type))
        form.addRow(self.tr("Contoh nomor berikutnya"), self.example)  # fmt: skip
        self.pattern.textChanged.connect(self.update_example)
        self.padding.valueChanged.connect(self.update_example)
        self.series_per_type.toggled.connect(self.update_example)
        self.update_example()

    def update_example(self) -> None:
        problem = pattern_problem(self.pattern.text())
        if problem:
            self._errors.set("number_pattern", problem)
            self.example.setText("—")
            return
        self._errors.clear("number_pattern")
        seq = self._next_seq(self.series_per_type.isChecked())
        self.example.setText(
            example_number(self.pattern.text(), self._unit(), seq, self.padding.value())
        )


class OfficeSettingsDialog(QDialog):
    """Change the office profile (administrators only).

    Guarantees: saving sends only the changed settings (and the logo only if a new one was
    chosen) in one ``office.update_office`` call; refusals are shown on their fields and the
    dialog stays open; ``exec()`` refuses to open for a non-administrator.
    """

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Pengaturan kantor"))
        self.setStyleSheet(FORM_STYLE)
        self.office = office.get_office(store)
        self.errors = FieldErrors()
        self.kop = OfficeFields(self.errors, removable_logo=False)
        self.kop.form.setContentsMargins(9, 9, 9, 9)
        self.kop.load(self.office)
        self._load_logo()
        self.paper = PaperChoice()
        self.paper.set_value(self.office.paper_size)
        self.font_pt = QDoubleSpinBox()
        self.font_pt.setRange(9, 14)
        self.font_pt.setSingleStep(0.5)
        self.font_pt.setDecimals(1)
        self.font_pt.setSuffix(" pt")
        self.font_pt.setValue(self.office.font_pt)
        self.margins: dict[str, QDoubleSpinBox] = {}
        paper_tab = QWidget()
        form = form_layout(paper_tab)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Ukuran kertas"), self.errors.field("paper_size", self.paper))
        form.addRow(self.tr("Ukuran huruf"), self.errors.field("font_pt", self.font_pt))
        margins = {"margin_top_mm": self.tr("Margin atas"),
                   "margin_left_mm": self.tr("Margin kiri"),
                   "margin_right_mm": self.tr("Margin kanan"),
                   "margin_bottom_mm": self.tr("Margin bawah")}  # fmt: skip
        for key, label in margins.items():
            spin = QDoubleSpinBox()
            spin.setRange(5, 60)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
            spin.setValue(getattr(self.office, key))
            self.margins[key] = spin
            form.addRow(label, self.errors.field(key, spin))
        self._next = self._next_numbers()
        self.numbering = NumberingFields(
            self.errors, lambda: self.kop.edits["unit_code"].text().strip(),
            lambda per_type: self._next[per_type], advanced=True)  # fmt: skip
        self.numbering.pattern.setText(self.office.number_pattern)
        self.numbering.padding.setValue(self.office.number_padding)
        self.numbering.series_per_type.setChecked(self.office.series_per_type)
        self.kop.edits["unit_code"].textChanged.connect(self.numbering.update_example)
        number_tab = QWidget()
        number_box = QVBoxLayout(number_tab)
        number_box.addWidget(self.numbering)
        number_box.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.kop, self.tr("Kop surat"))
        self.tabs.addTab(paper_tab, self.tr("Kertas dan huruf"))
        self.tabs.addTab(number_tab, self.tr("Nomor surat"))
        # Which tab shows a field, so a refusal can bring the clerk to it.
        self.tab_of = {key: 0 for key in (*KOP_KEYS, "logo")}
        self.tab_of.update({key: 1 for key in ("paper_size", "font_pt", *self.margins)})
        self.tab_of.update(
            {key: 2 for key in ("number_pattern", "number_padding", "series_per_type")}
        )
        self.message = error_label()
        self.message.setObjectName("form_error")
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)  # fmt: skip
        fit(self, QSize(680, 620))  # or less, on a small screen

    def _load_logo(self) -> None:
        if not self.office.logo_hash:
            return
        try:
            data = BlobStore(self.store.blob_dir).get(self.office.logo_hash)
        except OSError:  # not yet downloaded by sync, or damaged: the office keeps its hash
            self.kop.logo.file_name.setText(self.tr("Logo belum tersedia di komputer ini"))
            return
        self.kop.logo.set_data(data, shown_name=self.tr("Logo saat ini"))

    def _next_numbers(self) -> dict[bool, int]:
        year = clock.today().year
        common = numbering.register(self.store, year)
        own = numbering.register(self.store, year, f"{numbering.OUTGOING}/{EXAMPLE_TYPE}")
        return {False: max((n.seq for n in common), default=0) + 1,
                True: max((n.seq for n in own), default=0) + 1}  # fmt: skip

    def exec(self) -> int:
        if not self.user.has(Role.ADMIN):
            QMessageBox.warning(self.parentWidget(), self.windowTitle(), self.tr(
                "Hanya administrator yang dapat mengubah pengaturan kantor."))  # fmt: skip
            return QDialog.DialogCode.Rejected.value
        return super().exec()

    def changes(self) -> dict[str, Any]:
        """The settings that differ from the stored office."""
        wanted: dict[str, Any] = dict(self.kop.values())
        wanted["paper_size"] = self.paper.value()
        wanted["font_pt"] = self.font_pt.value()
        wanted.update({key: spin.value() for key, spin in self.margins.items()})
        wanted["number_pattern"] = self.numbering.pattern.text()
        wanted["number_padding"] = self.numbering.padding.value()
        wanted["series_per_type"] = self.numbering.series_per_type.isChecked()
        return {k: v for k, v in wanted.items() if v != getattr(self.office, k)}

    def save(self) -> None:
        changes = self.changes()
        logo = self.kop.logo.data if self.kop.logo.touched else None
        if not changes and logo is None:
            self.accept()
            return
        self.message.hide()
        store, user = self.store, self.user
        ops.WriteOp(self, lambda: office.update_office(store, user, changes, logo)).success(
            self._saved
        ).form(self._place_errors, self.message).disable(self.save_button).run()

    def _saved(self, result: Office) -> None:
        self.office = result
        self.accept()

    def _place_errors(self, fields: Mapping[str, str]) -> Mapping[str, str]:
        """Mark the fields and bring the clerk to the first tab with one."""
        rest = self.errors.show(fields)
        tabs = [self.tab_of[k] for k in fields if k in self.tab_of]
        if tabs:
            self.tabs.setCurrentIndex(min(tabs))
        return rest


class LanguageDialog(QDialog):
    """The language of this PC's screens (per data folder; anyone may change it).

    Guarantees: letters stay in Bahasa Indonesia whatever is chosen; the choice is saved in the
    data folder and takes effect at the next start; a folder that cannot be written is said.
    """

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Bahasa tampilan"))
        self.choice = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.choice.addItem(name, code)
        self.choice.setCurrentIndex(self.choice.findData(i18n.read_language(data_dir)))
        note = hint_label(self.tr(
            "Bahasa menu dan pesan di PC ini. Surat tetap dibuat dalam Bahasa Indonesia. "
            "Perubahan berlaku setelah Naskah dibuka ulang."))  # fmt: skip
        form = form_layout()
        form.addRow(self.tr("Bahasa"), self.choice)
        buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def save(self) -> None:
        chosen = str(self.choice.currentData())
        try:
            i18n.save_language(self.data_dir, chosen)
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), self.tr(
                "Pilihan bahasa tidak dapat disimpan di folder data ({e})."
            ).format(e=exc.strerror or exc))  # fmt: skip
            return
        self.accept()
