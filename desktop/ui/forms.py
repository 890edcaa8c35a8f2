"""Shared form helpers: a field with its error message under it, and the civil-service ranks.

Services reject input with ``ValidationError.fields`` (field key -> message). ``FieldErrors``
maps those keys back to widgets: the widget gets a red border (the dynamic property
``invalid``, matched by ``FORM_STYLE``) and the message appears right under it, so a clerk sees
what to fix where they typed it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from desktop.ui.qt import (
    QAbstractButton,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPixmap,
    QPushButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

ERROR_COLOUR = "#c62828"

# Applied to each form's top widget; the selector follows the ``invalid`` property.
FORM_STYLE = f"""
*[invalid="true"] {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; }}
QLabel[role="error"] {{ color: {ERROR_COLOUR}; }}
QLabel[role="hint"] {{ color: #555555; }}
"""

# Pangkat/golongan of civil servants (PNS), lowest to highest, as written on letters.
PANGKAT_GOLONGAN: tuple[str, ...] = (
    "Juru Muda (I/a)",
    "Juru Muda Tingkat I (I/b)",
    "Juru (I/c)",
    "Juru Tingkat I (I/d)",
    "Pengatur Muda (II/a)",
    "Pengatur Muda Tingkat I (II/b)",
    "Pengatur (II/c)",
    "Pengatur Tingkat I (II/d)",
    "Penata Muda (III/a)",
    "Penata Muda Tingkat I (III/b)",
    "Penata (III/c)",
    "Penata Tingkat I (III/d)",
    "Pembina (IV/a)",
    "Pembina Tingkat I (IV/b)",
    "Pembina Utama Muda (IV/c)",
    "Pembina Utama Madya (IV/d)",
    "Pembina Utama (IV/e)",
)


def _translate(text: str) -> str:
    return QCoreApplication.translate("forms", text)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Turn the red border of ``widget`` on or off (re-polished so the style follows)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def save_cancel_buttons(
    dialog: QDialog, save: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """ "Simpan" / "Batal" buttons: Simpan calls ``save`` (which closes the dialog when it
    succeeds), Batal rejects."""
    buttons = QDialogButtonBox()
    save_button = buttons.addButton(_translate("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(_translate("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons, save_button


def error_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def pangkat_combo() -> QComboBox:
    """An editable rank chooser: the standard PNS ranks, or free text (e.g. for PPPK staff)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(PANGKAT_GOLONGAN)
    combo.setCurrentIndex(-1)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText(_translate("Pilih atau ketik, misalnya Penata (III/c)"))
    return combo


class FieldErrors:
    """Field keys (as the services name them) -> widget + its error label.

    Guarantees: ``show`` clears every earlier message first, marks each known key's widget
    and returns the messages whose key has no widget here (for a form-level message), and
    editing a marked field takes its mark away.
    """

    def __init__(self) -> None:
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}

    def field(self, key: str, widget: QWidget, hint: str = "") -> QWidget:
        """Return a small container holding ``widget``, an optional hint and its error label."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        if hint:
            layout.addWidget(hint_label(hint))
        label = error_label()
        label.setObjectName("error_" + key.replace(".", "_"))
        layout.addWidget(label)
        self.attach(key, widget, label)
        return box

    def attach(self, key: str, widget: QWidget, label: QLabel) -> None:
        """Register a widget and an error label that the caller placed itself."""
        self._widgets[key] = widget
        self._labels[key] = label
        self._clear_on_edit(key, widget)

    def _clear_on_edit(self, key: str, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: self.clear(key))
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(lambda _text: self.clear(key))
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            widget.valueChanged.connect(lambda _value: self.clear(key))
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(lambda _on: self.clear(key))

    def keys(self) -> list[str]:
        return list(self._widgets)

    def __contains__(self, key: object) -> bool:
        return key in self._widgets

    def widget(self, key: str) -> QWidget:
        return self._widgets[key]

    def message(self, key: str) -> str:
        """The message shown under the field ``key`` ("" when it is fine)."""
        label = self._labels[key]
        return label.text() if not label.isHidden() else ""

    def is_invalid(self, key: str) -> bool:
        return bool(self._widgets[key].property("invalid"))

    def clear(self, key: str | None = None) -> None:
        for k in [key] if key is not None else list(self._widgets):
            if k not in self._widgets:
                continue
            set_invalid(self._widgets[k], False)
            self._labels[k].clear()
            self._labels[k].hide()

    def set(self, key: str, message: str) -> None:
        """Mark one field, leaving the others as they are."""
        set_invalid(self._widgets[key], True)
        self._labels[key].setText(message)
        self._labels[key].show()

    def show(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Mark every field named in ``errors``; focus the first; return the unmatched ones."""
        self.clear()
        rest: dict[str, str] = {}
        first: QWidget | None = None
        for key, message in errors.items():
            if key not in self._widgets:
                rest[key] = message
                continue
            self.set(key, message)
            first = first or self._widgets[key]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return rest


def read_logo(path: Path) -> tuple[bytes | None, str | None]:
    """Read a logo file: (bytes, None) for a PNG/JPEG image, else (None or bytes, message)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, _translate("Berkas logo tidak dapat dibaca: {e}").format(e=exc.strerror)
    from desktop.letters import office  # the store's models: not before the first screen

    if not office.is_image(data):
        return data, _translate("Berkas logo bukan gambar PNG atau JPEG.")
    return data, None


def logo_pixmap(data: bytes | None, size: int = 72) -> QPixmap:
    """A preview of the logo scaled to fit ``size`` px (an empty pixmap if it is not an image)."""
    pixmap = QPixmap()
    if data and pixmap.loadFromData(data):
        return pixmap.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return QPixmap()


class LogoPicker(QWidget):
    """The office emblem: a small preview, "Pilih berkas..." and "Hapus".

    ``data`` holds the chosen file's bytes even when they are not an image, so that the
    service's validation refuses them too; the problem is shown at once on field ``key``.
    """

    changed = Signal()

    def __init__(self, errors: FieldErrors, key: str = "logo", size: int = 72) -> None:
        super().__init__()
        self.data: bytes | None = None
        self.touched = False  # the clerk chose or removed a logo here
        self._errors = errors
        self._key = key
        self._size = size
        self.preview = QLabel()
        self.preview.setFixedSize(size + 8, size + 8)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.file_name = QLabel(self.tr("Belum ada logo"))
        self.file_name.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Pilih berkas..."))
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        side = QVBoxLayout()
        side.addWidget(self.file_name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addWidget(hint_label(self.tr("Lambang daerah untuk kop surat, PNG atau JPEG.")))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(side, 1)
        self.remove_button.setEnabled(False)
        self.error = error_label()
        self.error.setObjectName("error_" + key)
        side.addWidget(self.error)
        errors.attach(key, self.preview, self.error)

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logo kop surat"), "", self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        data, problem = read_logo(path)
        self.touched = True
        self._errors.clear(self._key)
        self.file_name.setText(path.name)
        self.set_data(data, shown_name=path.name)
        if problem:
            self._errors.set(self._key, problem)

    def set_data(self, data: bytes | None, shown_name: str = "") -> None:
        self.data = data
        self.preview.setPixmap(logo_pixmap(data, self._size))
        if data is None:
            self.file_name.setText(self.tr("Belum ada logo"))
        elif shown_name:
            self.file_name.setText(shown_name)
        self.remove_button.setEnabled(data is not None)
        self.changed.emit()

    def remove(self) -> None:
        self.touched = True
        self._errors.clear(self._key)
        self.set_data(None)
