"""LetterDocument -> Qt rich-text HTML (the subset QTextDocument understands).

Lengths in Qt rich text are CSS pixels; the caller lays out at one px per device pixel and passes
``px_per_mm`` for that resolution, so physical sizes (logo height, signature space) stay in mm.
All user text is escaped, except ``body_html``, which is rich text from the editor by contract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from desktop.render.dates import format_date_id
from desktop.render.document import Addressee, Layout, LetterDocument, SignatureBlock

LOGO_URL = "naskah:logo"
SIGNATURE_ANCHOR = "naskah-ttd"
# The note in signer i's signature space (co-signers 0..k-1, then the main signer k): the layout
# reports where each lies so that a visible signature stamp goes exactly there.
SIGNATURE_SPACE_ANCHOR = "naskah-ruang-ttd-{}"
TEMBUSAN_ANCHOR = "naskah-tembusan"
# Tables the layout moves whole to the next page rather than split (see layout.py).
KEEP_TOGETHER_ANCHORS: tuple[str, ...] = (SIGNATURE_ANCHOR, TEMBUSAN_ANCHOR)
BLANK_DATE = "..........."
SIGNATURE_SPACE_MM = 22.0  # room for a wet signature and the stamp
BODY_CLASS = "isi"

# QTextEdit.toHtml() puts "p, li { white-space: pre-wrap; }" in <head>, which we drop with the
# rest of the head; keep its effect for the body only so our own markup's whitespace stays inert.
DEFAULT_STYLESHEET = f".{BODY_CLASS} p, .{BODY_CLASS} li {{ white-space: pre-wrap; }}"

_BODY_RE = re.compile(r"<body\b[^>]*>(.*?)(?:</body\s*>|\Z)", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Metrics:
    """Physical sizes, in CSS px of the layout device."""

    px_per_mm: float
    logo_height_px: int
    logo_width_px: int  # 0 when there is no usable logo

    def mm(self, value: float) -> int:
        return round(value * self.px_per_mm)


def extract_body(html: str) -> str:
    """Return the contents of ``<body>`` if ``html`` is a full document, else ``html`` unchanged."""
    match = _BODY_RE.search(html)
    return match.group(1) if match else html


def _e(text: str) -> str:
    return escape(text, quote=True)


def _p(inner: str, *, align: str = "left", style: str = "") -> str:
    """A paragraph with explicit zero margins: Qt's defaults would add 12px gaps."""
    return (
        f'<p align="{align}" style="margin-top:0px; margin-bottom:0px; '
        f'margin-left:0px; margin-right:0px; {style}">{inner}</p>'
    )


def _spacer(m: Metrics, mm: float) -> str:
    return (
        f'<p style="margin-top:{m.mm(mm)}px; margin-bottom:0px; font-size:1pt; '
        f'line-height:100%;">&nbsp;</p>'
    )


def date_line(doc: LetterDocument) -> str:
    """Return "Place, 3 Maret 2026" (a dotted blank instead of the date on drafts), as text."""
    when = format_date_id(doc.letter_date) if doc.letter_date else BLANK_DATE
    return f"{doc.place}, {when}" if doc.place else when


def _kop(doc: LetterDocument, m: Metrics) -> str:
    head = doc.letterhead
    pt = doc.font_pt
    contacts = [
        # Non-breaking inside each item so a wrap never splits a label from its value.
        f"{label}&nbsp;{_e(value).replace(' ', '&nbsp;')}"
        for label, value in (
            ("Telepon", head.phone),
            ("Pos-el", head.email),
            ("Laman", head.website),
        )
        if value
    ]
    lines = [
        _p(
            f"PEMERINTAH KABUPATEN {_e(head.kabupaten.upper())}",
            align="center",
            style=f"font-size:{pt * 1.25:.1f}pt;",
        ),
        _p(
            f"<b>KECAMATAN {_e(head.kecamatan.upper())}</b>",
            align="center",
            style=f"font-size:{pt * 1.5:.1f}pt;",
        ),
    ]
    if head.address:
        lines.append(_p(_e(head.address), align="center", style=f"font-size:{pt * 0.85:.1f}pt;"))
    if contacts:
        lines.append(_p(", ".join(contacts), align="center", style=f"font-size:{pt * 0.85:.1f}pt;"))
    logo_col = m.logo_width_px + m.mm(3) if m.logo_width_px else 0
    logo_cell = (
        f'<td width="{logo_col}" valign="middle">'
        f'<img src="{LOGO_URL}" width="{m.logo_width_px}" height="{m.logo_height_px}" /></td>'
        if m.logo_width_px
        else ""
    )
    thick, thin = max(1, m.mm(0.8)), max(1, m.mm(0.25))
    # Qt draws <hr> as a hairline and ignores cell heights below a text line, so the double
    # kop rule is drawn as the bottom borders of two near-empty 1pt rows.
    # The gap below the kop is the rule table's bottom margin: Qt drops the top margin of a
    # paragraph that directly follows this table.
    rule_cell = 'style="border-bottom: {}px solid #000000; font-size:1pt;"'
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" '
        'style="margin-top:0px; margin-bottom:0px; border-collapse:collapse;">'
        f'<tr>{logo_cell}<td valign="middle" align="center">{"".join(lines)}</td></tr>'
        "</table>"
        '<table width="100%" cellspacing="0" cellpadding="0" border="0" '
        f'style="margin-top:{m.mm(1)}px; margin-bottom:{m.mm(5)}px; border-collapse:collapse;">'
        f"<tr><td {rule_cell.format(thick)}></td></tr>"
        f"<tr><td {rule_cell.format(thin)}></td></tr></table>"
    )


def _info_block(doc: LetterDocument, m: Metrics) -> str:
    rows = (
        ("Nomor", doc.number),
        ("Sifat", doc.sifat or "-"),
        ("Lampiran", doc.lampiran or "-"),
        ("Hal", doc.hal or "-"),
    )
    cells = "".join(
        f'<tr><td width="{m.mm(25)}">{label}</td><td width="{m.mm(4)}">:</td>'
        f"<td>{_e(value) if value else '&nbsp;'}</td></tr>"
        for label, value in rows
    )
    return (
        f'<table width="75%" cellspacing="0" cellpadding="0" '
        f'style="margin-top:{m.mm(4)}px; margin-bottom:0px;">{cells}</table>'
    )


def _di_place(addressees: list[Addressee]) -> str:
    places = list(dict.fromkeys(a.place.strip() for a in addressees if a.place.strip()))
    if len(places) == 1:
        return places[0]
    # Several addressees in different places: the customary wording is "di Tempat".
    return "Tempat" if places else ""


def _addressees(doc: LetterDocument, m: Metrics) -> str:
    people = doc.addressees
    if not people:
        return ""
    top = f"margin-top:{m.mm(6)}px;"
    if len(people) == 1:
        out = _p(f"Yth. {_e(people[0].name)}", style=top)
    else:
        rows = "".join(
            f'<tr><td width="{m.mm(10)}">{"Yth." if i == 1 else ""}</td>'
            f'<td width="{m.mm(6)}">{i}.</td><td>{_e(a.name)}</td></tr>'
            for i, a in enumerate(people, start=1)
        )
        out = (
            f'<table width="75%" cellspacing="0" cellpadding="0" '
            f'style="{top} margin-bottom:0px;">{rows}</table>'
        )
    place = _di_place(people)
    if place:
        out += _p("di") + _p(_e(place), style=f"margin-left:{m.mm(10)}px;")
    return out


def _body(doc: LetterDocument, m: Metrics) -> str:
    inner = extract_body(doc.body_html)
    if not inner.strip():
        return ""
    return f'<div class="{BODY_CLASS}" style="margin-top:{m.mm(6)}px;">{inner}</div>'


def _anchored(anchor: str, inner: str) -> str:
    """Name a whole run of text: an empty anchor would split the first letter into its own run,
    which PDF text extraction then reads as a separate word."""
    return f'<a name="{anchor}">{inner}</a>'


def _signer_lines(
    doc: LetterDocument, m: Metrics, sig: SignatureBlock, index: int, anchor: str = ""
) -> list[str]:
    """The capacity/position heading, signature space and name/pangkat/NIP of one signer
    (``anchor`` names the heading's first line)."""
    capacity = sig.capacity.strip()
    if capacity == "a.n.":
        heads = [f"a.n. {_e(sig.on_behalf_of)}", f"{_e(sig.position)},"]
    elif capacity:
        heads = [f"{_e(capacity)} {_e(sig.position)},"]
    else:
        heads = [f"{_e(sig.position)},"]
    if anchor:
        heads[0] = _anchored(anchor, heads[0])
    lines = [_p(inner, align="center") for inner in heads]
    if sig.signed_note:
        # Same room as for a wet signature, note in the middle: the visible signature stamp
        # is placed over this space (``layout.signature_spaces`` says where it is).
        note_style = f"font-size:{doc.font_pt * 0.75:.1f}pt;"
        note = _anchored(SIGNATURE_SPACE_ANCHOR.format(index), f"<i>{_e(sig.signed_note)}</i>")
        lines.append(_spacer(m, (SIGNATURE_SPACE_MM - 5) / 2))
        lines.append(_p(note, align="center", style=note_style))
        lines.append(_spacer(m, (SIGNATURE_SPACE_MM - 5) / 2))
    else:
        lines.append(_spacer(m, SIGNATURE_SPACE_MM))
    lines.append(_p(f"<b><u>{_e(sig.name)}</u></b>", align="center"))
    if sig.pangkat:
        lines.append(_p(_e(sig.pangkat), align="center"))
    if sig.nip:
        lines.append(_p(f"NIP. {_e(sig.nip)}", align="center"))
    return lines


def _signature(doc: LetterDocument, m: Metrics, *, with_date: bool) -> str:
    """The signature table: the main signer at the right of the first row (under the date line
    when ``with_date``), co-signers to its left and then two to a row below."""
    sig: SignatureBlock | None = doc.signature
    if sig is None and not with_date:
        return ""
    date = [_p(_anchored(SIGNATURE_ANCHOR, _e(date_line(doc))), align="center")]
    main = date if with_date else []
    if sig is not None:
        anchor = "" if with_date else SIGNATURE_ANCHOR
        main += _signer_lines(doc, m, sig, len(doc.co_signatures), anchor)
    others = [_signer_lines(doc, m, co, i) for i, co in enumerate(doc.co_signatures)]
    cells: list[list[str]] = [others[0] if others else [], main, *others[1:]]
    if len(cells) % 2:
        cells.append([])
    spacer = _spacer(m, 8) if doc.co_signatures else ""
    rows = "".join(
        f'<tr><td width="50%">{"".join(cells[i])}{spacer}</td>'
        f'<td width="50%">{"".join(cells[i + 1])}{spacer}</td></tr>'
        for i in range(0, len(cells), 2)
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" '
        f'style="margin-top:{m.mm(8)}px; margin-bottom:0px;">{rows}</table>'
    )


def _tembusan(doc: LetterDocument, m: Metrics) -> str:
    items = [t for t in doc.tembusan if t.strip()]
    if not items:
        return ""
    rows = "".join(
        f'<tr><td width="{m.mm(6)}">{i}.</td><td>{_e(t)}</td></tr>'
        for i, t in enumerate(items, start=1)
    )
    # The heading is a row of the list's table so that the two are kept on one page.
    return (
        f'<table cellspacing="0" cellpadding="0" style="margin-top:{m.mm(8)}px; '
        f'margin-bottom:0px;"><tr><td colspan="2">{_anchored(TEMBUSAN_ANCHOR, "Tembusan:")}'
        f"</td></tr>{rows}</table>"
    )


def _title_block(doc: LetterDocument, m: Metrics) -> str:
    number = _e(doc.number) if doc.number else "&nbsp;" * 24
    return _p(f"<b><u>{_e(doc.title.upper())}</u></b>", align="center") + _p(
        f"NOMOR: {number}", align="center"
    )


def build_letter_html(doc: LetterDocument, m: Metrics) -> str:
    """Return the whole letter as Qt rich text.

    Guarantees: the kop comes first; the correspondence layout has the date line at the right,
    the Nomor/Sifat/Lampiran/Hal table, the "Yth." block, body, signature and tembusan in that
    order; the titled layout has the centred title and "NOMOR:" line and puts the date line in
    the signature block. All text except ``doc.body_html`` is HTML-escaped.
    """
    parts = [_kop(doc, m)]
    if doc.layout is Layout.TITLED:
        parts += [
            _title_block(doc, m),
            _addressees(doc, m),
            _body(doc, m),
            _signature(doc, m, with_date=True),
        ]
    else:
        parts += [
            _p(_e(date_line(doc)), align="right"),
            _info_block(doc, m),
            _addressees(doc, m),
            _body(doc, m),
            _signature(doc, m, with_date=False),
        ]
    parts.append(_tembusan(doc, m))
    return "<html><body>" + "".join(p for p in parts if p) + "</body></html>"


def footer_html(doc: LetterDocument) -> str:
    """Return the per-page footer note as centred small rich text ("" when there is none)."""
    if not doc.footer_note.strip():
        return ""
    return (
        "<html><body>"
        + _p(_e(doc.footer_note), align="center", style=f"font-size:{doc.font_pt * 0.65:.1f}pt;")
        + "</body></html>"
    )
