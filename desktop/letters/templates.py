"""Letter types: their starting text and what each prints.

Read from the shipped ``resources/templates/letter_types.toml`` and, when the office has one,
from ``templates/letter_types.toml`` in the office's data folder. The office file lives with the
data, not with the program, so it survives upgrades. It changes shipped types a key at a time
(a key it leaves out keeps the shipped value, so an upgrade's corrections still reach it) and may
add types of its own. A bad office file is refused whole, with one message per problem
(``TemplateError``); the shipped types stay in use meanwhile.
"""

from __future__ import annotations

import logging
import threading
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.i18n import _
from desktop.letters.templates_check import check_types
from desktop.render.document import (
    DateStyle,
    Heading,
    InfoRow,
    Layout,
    TypeForm,
)
from desktop.resources import resource_path
from desktop.store.errors import UserError

log = logging.getLogger(__name__)

OFFICE_FILE = Path("templates") / "letter_types.toml"


class TemplateError(UserError):
    """A letter-type file that cannot be used, with every problem found in it."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        heading = _(
            "Templat jenis naskah {path} tidak dapat dipakai; templat bawaan yang berlaku."
        ).format(path=path)
        super().__init__("\n".join([heading, *(f"- {p}" for p in problems)]))
        self.path = path
        self.problems = problems


@dataclass(frozen=True)
class LetterType:
    key: str
    label: str
    layout: Layout
    title: str  # may hold {kecamatan} / {kabupaten}, e.g. "KEPUTUSAN CAMAT {kecamatan}"
    classification: str
    body: str
    form: TypeForm = field(default_factory=TypeForm)
    font_pt: float | None = None  # None: the office's
    margins_mm: dict[str, float] = field(default_factory=dict)  # sides set here; rest: office's

    def prints(self, what: str) -> bool:
        """Whether the letter shows ``what``: "hal", "lampiran", "addressees" or "tembusan"
        (the editor asks only for what prints)."""
        form = self.form
        if what == "hal":
            return InfoRow.HAL in form.info or Heading.TENTANG in form.heading
        if what == "lampiran":
            return InfoRow.LAMPIRAN in form.info
        if what == "addressees":
            return InfoRow.YTH in form.info or form.addressees
        if what == "tembusan":
            return InfoRow.TEMBUSAN in form.info or form.tembusan
        raise ValueError(f"unknown field {what!r}")

    def needs_addressees(self) -> bool:
        """A letter that must name its addressee before it is sent (correspondence, and types
        whose block has a "Yth." row); a surat edaran may list them or not."""
        return InfoRow.YTH in self.form.info or (
            self.layout is Layout.CORRESPONDENCE and self.form.addressees
        )

    def resolved(self, kecamatan: str, kabupaten: str) -> tuple[str, TypeForm]:
        """The title and form with the office's names in place of {kecamatan}/{kabupaten}."""
        names = {"kecamatan": kecamatan, "kabupaten": kabupaten}
        form = self.form
        if form.official:
            form = replace(form, official=form.official.format_map(names))
        return self.title.format_map(names), form


def _form(layout: Layout, raw: dict[str, Any]) -> TypeForm:
    titled = layout is Layout.TITLED
    default_info = () if titled else ("nomor", "sifat", "lampiran", "hal")
    return TypeForm(
        heading=tuple(Heading(h) for h in raw.get("heading", ["nomor"] if titled else [])),
        official=raw.get("official", ""),
        info=tuple(InfoRow(r) for r in raw.get("info", default_info)),
        info_rule=raw.get("info_rule", False),
        addressees=raw.get("addressees", True),
        tembusan=raw.get("tembusan", True),
        date=DateStyle(raw.get("date", "place")),
        tembusan_label=raw.get("tembusan_label", "Tembusan"),
        signer_labels=tuple(raw.get("signer_labels", ())),
    )


def _letter_type(key: str, raw: dict[str, Any]) -> LetterType:
    layout = Layout(raw["layout"])
    font = raw.get("font_pt")
    return LetterType(
        key=key,
        label=raw["label"],
        layout=layout,
        title=raw.get("title", ""),
        classification=raw.get("classification", ""),
        body=raw.get("body", ""),
        form=_form(layout, raw),
        font_pt=float(font) if font is not None else None,
        margins_mm={k: float(v) for k, v in raw.get("margins_mm", {}).items()},
    )


def _read_toml(path: Path) -> dict[str, Any]:
    """The file's tables, or a TemplateError saying why it cannot be read."""
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(path, [_("bukan TOML yang sah: {e}").format(e=exc)]) from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(path, [_("bukan teks UTF-8")]) from exc
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise TemplateError(path, [_("tidak dapat dibaca: {e}").format(e=detail)]) from exc


def _build(path: Path, raw: dict[str, Any], shipped: dict[str, dict[str, Any]]) -> dict[str, Any]:
    merged, problems = check_types(raw, shipped)
    if problems:
        raise TemplateError(path, problems)
    return merged


_lock = threading.Lock()
_shipped_raw: dict[str, dict[str, Any]] | None = None
_cache: dict[tuple[str, int, int], dict[str, LetterType] | TemplateError] = {}
_office_folder: Path | None = None


def shipped_file() -> Path:
    return resource_path("templates", "letter_types.toml")


def _shipped() -> dict[str, dict[str, Any]]:
    global _shipped_raw
    if _shipped_raw is None:
        path = shipped_file()
        _shipped_raw = _build(path, _read_toml(path), {})
    return _shipped_raw


def forget_loaded() -> None:
    """Read the files again on next use (the shipped file is otherwise read once a process)."""
    global _shipped_raw
    with _lock:
        _shipped_raw = None
        _cache.clear()


def office_file(data_dir: Path) -> Path:
    """Where an office keeps its own version of the letter types."""
    return data_dir / OFFICE_FILE


def use_office_folder(data_dir: Path | None) -> None:
    """Make ``letter_types()`` without a folder read this office's file (the app calls this
    once its store is open; None goes back to the shipped types alone)."""
    global _office_folder
    _office_folder = data_dir


def load_letter_types(data_dir: Path | None) -> dict[str, LetterType]:
    """The letter types of the office in ``data_dir`` (shipped ones when None or when it has no
    file of its own). Raises TemplateError for a bad office file."""
    with _lock:
        shipped = _shipped()
        path = office_file(data_dir) if data_dir is not None else None
        if path is None or not path.is_file():
            key = ("", 0, 0)
        else:
            stat = path.stat()
            key = (str(path), stat.st_mtime_ns, stat.st_size)
        cached = _cache.get(key)
        if cached is None:
            try:
                merged = _build(path, _read_toml(path), shipped) if path and key[0] else shipped
                cached = {k: _letter_type(k, v) for k, v in merged.items()}
            except TemplateError as exc:
                cached = exc
                log.warning("%s", exc.message)
            _cache[key] = cached
    if isinstance(cached, TemplateError):
        raise cached
    return cached


def office_problem(data_dir: Path | None) -> TemplateError | None:
    """Why the office's own letter types are not in use (None when they are, or when it has
    none)."""
    try:
        load_letter_types(data_dir)
    except TemplateError as exc:
        return exc
    return None


def letter_types(data_dir: Path | None = None) -> dict[str, LetterType]:
    """The letter types in use: the office's (``data_dir``, else the folder given to
    ``use_office_folder``), or the shipped ones while the office's file is bad (see
    ``office_problem``)."""
    folder = data_dir if data_dir is not None else _office_folder
    try:
        return load_letter_types(folder)
    except TemplateError:
        return load_letter_types(None)


def letter_type(key: str, data_dir: Path | None = None) -> LetterType:
    return letter_types(data_dir)[key]
