"""Checking a letter-type file (shipped or an office's) key by key, with messages an
administrator can act on, in Bahasa Indonesia: "[nota_dinas] font_pt: harus antara 11 dan 12"."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import Any

from desktop.i18n import _
from desktop.render.document import DateStyle, Heading, InfoRow, Layout

FONT_PT = (11.0, 12.0)  # Tata Naskah Dinas: an Arial-like font of 11 to 12 pt
MARGIN_MM = (5.0, 60.0)
MARGIN_SIDES = ("top", "left", "right", "bottom")
PLACEHOLDERS = ("kecamatan", "kabupaten")
REQUIRED_FOR_NEW = ("label", "layout")
MAX_SIGNER_LABELS = 4
_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

Check = Callable[[Any], str | None]


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) else _("harus berupa teks dalam tanda kutip")


def _non_empty_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return _("harus berupa teks dalam tanda kutip")
    return None if value.strip() else _("tidak boleh kosong")


def _with_names(value: Any) -> str | None:
    """Text in which only {kecamatan} and {kabupaten} are filled in."""
    problem = _text(value)
    if problem:
        return problem
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(value) if name]
    except ValueError:
        return _("kurung kurawal tidak berpasangan (tulis {kecamatan} atau {kabupaten})")
    unknown = [n for n in names if n not in PLACEHOLDERS]
    if unknown:
        return _("isian {{{name}}} tidak dikenal; yang dapat dipakai: {known}").format(
            name=unknown[0], known=", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
        )
    return None


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else _("harus true atau false")


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str | None:
        if value in choices:
            return None
        return _("harus salah satu dari: {choices} (bukan {value})").format(
            choices=", ".join(choices), value=repr(value)
        )

    return check


def _list_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return _("harus berupa daftar, mis. [{example}]").format(
                example=", ".join(f'"{c}"' for c in choices[:2])
            )
        wrong = [v for v in value if v not in choices]
        if wrong:
            return _("{value} tidak dikenal; yang dapat dipakai: {choices}").format(
                value=repr(wrong[0]), choices=", ".join(choices)
            )
        if len(set(value)) != len(value):
            return _("ada yang disebut dua kali")
        return None

    return check


def _labels(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return _('harus berupa daftar teks, mis. ["Penerima Kuasa,", "Pemberi Kuasa,"]')
    if len(value) > MAX_SIGNER_LABELS:
        return _("paling banyak {n} penanda tangan").format(n=MAX_SIGNER_LABELS)
    return None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _font(value: Any) -> str | None:
    low, high = FONT_PT
    if _number(value) and low <= value <= high:
        return None
    return _("harus angka antara {low} dan {high} (pt), bukan {value}").format(
        low=f"{low:g}", high=f"{high:g}", value=repr(value)
    )


def _margins(value: Any) -> str | None:
    if not isinstance(value, dict):
        return _("harus berupa tabel, mis. { top = 20, left = 30, right = 20, bottom = 25 }")
    low, high = MARGIN_MM
    for side, mm in value.items():
        if side not in MARGIN_SIDES:
            return _("sisi {side} tidak dikenal; yang dapat dipakai: {known}").format(
                side=repr(side), known=", ".join(MARGIN_SIDES)
            )
        if not _number(mm) or not low <= mm <= high:
            return _("{side} harus angka antara {low} dan {high} (mm), bukan {value}").format(
                side=side, low=f"{low:g}", high=f"{high:g}", value=repr(mm)
            )
    return None


CHECKS: dict[str, Check] = {
    "label": _non_empty_text,
    "layout": _one_of(tuple(layout.value for layout in Layout)),
    "title": _with_names,
    "classification": _text,
    "body": _text,
    "heading": _list_of(tuple(h.value for h in Heading)),
    "official": _with_names,
    "info": _list_of(tuple(r.value for r in InfoRow)),
    "info_rule": _flag,
    "addressees": _flag,
    "tembusan": _flag,
    "date": _one_of(tuple(d.value for d in DateStyle)),
    "tembusan_label": _non_empty_text,
    "signer_labels": _labels,
    "font_pt": _font,
    "margins_mm": _margins,
}


def check_types(
    raw: dict[str, Any], shipped: dict[str, dict[str, Any]]
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Merge ``raw`` (a parsed file) over ``shipped`` key by key and check it.

    Returns the merged types (shipped order first, new types after) and the problems found, one
    message per problem naming the type and key. A type not in ``shipped`` is new and needs a
    label and a layout.
    """
    merged = {key: dict(values) for key, values in shipped.items()}
    problems: list[str] = []
    for key, values in raw.items():
        if not isinstance(values, dict):
            problems.append(
                _("{key}: harus berupa bagian [{key}] dengan kunci-kuncinya").format(key=key)
            )
            continue
        if not _KEY_RE.match(key):
            problems.append(
                _(
                    "[{key}]: nama jenis hanya boleh huruf kecil, angka dan garis bawah, "
                    "diawali huruf (mis. surat_izin)"
                ).format(key=key)
            )
            continue
        if key not in shipped:
            problems += [
                _("[{key}] {name}: wajib diisi untuk jenis naskah baru").format(key=key, name=name)
                for name in REQUIRED_FOR_NEW
                if name not in values
            ]
        for name, value in values.items():
            check = CHECKS.get(name)
            if check is None:
                problems.append(
                    _("[{key}] {name}: kunci tidak dikenal; yang dapat dipakai: {known}").format(
                        key=key, name=name, known=", ".join(CHECKS)
                    )
                )
                continue
            problem = check(value)
            if problem:
                problems.append(f"[{key}] {name}: {problem}")
        entry = merged.setdefault(key, {})
        for name, value in values.items():
            if name == "margins_mm" and isinstance(value, dict):
                entry[name] = {**entry.get(name, {}), **value}
            else:
                entry[name] = value
    return merged, problems
