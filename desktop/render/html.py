"""LetterDocument -> Qt rich-text HTML (the subset QTextDocument understands).

Lengths in Qt rich text are CSS pixels; the caller lays out at one px per device pixel and passes
``px_per_mm`` for that resolution, so physical sizes (logo height, signature space) stay in mm.
All user text is escaped, except ``body_html``, which is rich text from the editor by contract.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from desktop.render.dates import format_date_id
from desktop.render.document import (
    Addressee,
    DateStyle,
    Heading,
    InfoRow,
    Layout,
    LetterDocument,
    SignatureBlock,
    TypeForm,
)

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
    content_width_px: float = 0.0  # the text area's width; 0 when unknown
    # Width of a text at the letter's font (bold or not), in px; None when it cannot be measured.
    text_width: Callable[[str, bool], float] | None = None

    def mm(self, value: float) -> int:
        return round(value * self.px_per_mm)

    def number_column(self, font_pt: float) -> int:
        """Width of the "1." column of a numbered list: "10." and a gap fit before the text."""
        if self.text_width is not None:
            return round(self.text_width("88.", False) + self.mm(2))
        return self.mm(font_pt * 0.8)


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
    when = _date_words(doc)
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


def _date_words(doc: LetterDocument) -> str:
    return format_date_id(doc.letter_date) if doc.letter_date else BLANK_DATE


def _acting_position(sig: SignatureBlock) -> str:
    """The position the signer signs as: "Plt. Camat Wamena" for an acting head, the head's
    position for "a.n.", else the signer's own."""
    capacity = sig.capacity.strip()
    held = sig.on_behalf_of.strip()
    if capacity == "a.n.":
        return held or sig.position
    if capacity:
        return f"{capacity} {held or sig.position}"
    return sig.position


def _info_value(doc: LetterDocument, row: InfoRow) -> list[str]:
    """The value(s) of one info row: one item, or several for a numbered list."""
    if row is InfoRow.YTH:
        return [a.name for a in doc.addressees] or [""]
    if row is InfoRow.TEMBUSAN:
        return [t for t in doc.tembusan if t.strip()]
    if row is InfoRow.DARI:
        return [_acting_position(doc.signature) if doc.signature else ""]
    if row is InfoRow.TANGGAL:
        return [_date_words(doc)]
    if row is InfoRow.NOMOR:
        return [doc.number]
    if row is InfoRow.SIFAT:
        return [doc.sifat or "-"]
    if row is InfoRow.LAMPIRAN:
        return [doc.lampiran or "-"]
    return [doc.hal or "-"]


INFO_LABELS: dict[InfoRow, str] = {
    InfoRow.YTH: "Yth.",
    InfoRow.DARI: "Dari",
    InfoRow.TEMBUSAN: "Tembusan",
    InfoRow.TANGGAL: "Tanggal",
    InfoRow.NOMOR: "Nomor",
    InfoRow.SIFAT: "Sifat",
    InfoRow.LAMPIRAN: "Lampiran",
    InfoRow.HAL: "Hal",
}


def _info_block(doc: LetterDocument, m: Metrics, form: TypeForm) -> str:
    """The label : value block. A list (several addressees or tembusan) is numbered in its own
    column; a row with nothing to list (no tembusan) is left out."""
    label_w, colon_w, number_w = m.mm(25), m.mm(4), m.number_column(doc.font_pt)
    rows: list[str] = []
    for row in form.info:
        values = _info_value(doc, row)
        if not values:
            continue
        label = INFO_LABELS[row]
        if row is InfoRow.TEMBUSAN:
            label = _e(form.tembusan_label)
        if len(values) == 1:
            value = _e(values[0]) if values[0] else "&nbsp;"
            rows.append(
                f'<tr><td width="{label_w}">{label}</td><td width="{colon_w}">:</td>'
                f'<td colspan="2">{value}</td></tr>'
            )
            continue
        for i, value in enumerate(values, start=1):
            rows.append(
                f'<tr><td width="{label_w}">{label if i == 1 else ""}</td>'
                f'<td width="{colon_w}">{":" if i == 1 else ""}</td>'
                f'<td width="{number_w}">{i}.</td><td>{_e(value)}</td></tr>'
            )
    if not rows:
        return ""
    table = (
        f'<table width="{"100%" if form.info_rule else "75%"}" cellspacing="0" cellpadding="0" '
        f'style="margin-top:{m.mm(4)}px; margin-bottom:0px;">{"".join(rows)}</table>'
    )
    if form.info_rule:
        table += _rule(m, 0.3, top_mm=2)
    return table


def _rule(m: Metrics, thickness_mm: float, *, top_mm: float) -> str:
    """A full-width horizontal rule (Qt draws <hr> as a hairline, so a cell's bottom border)."""
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" border="0" '
        f'style="margin-top:{m.mm(top_mm)}px; margin-bottom:0px; border-collapse:collapse;">'
        f'<tr><td style="border-bottom: {max(1, m.mm(thickness_mm))}px solid #000000; '
        'font-size:1pt;"></td></tr></table>'
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
            f'<td width="{m.number_column(doc.font_pt)}">{i}.</td><td>{_e(a.name)}</td></tr>'
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


def _date_lines(doc: LetterDocument, form: TypeForm) -> list[str]:
    """The place and date as the type writes them (escaped), one line or two."""
    if form.date is DateStyle.DITETAPKAN or form.date is DateStyle.DIKELUARKAN:
        verb = "Ditetapkan" if form.date is DateStyle.DITETAPKAN else "Dikeluarkan"
        return [f"{verb} di {_e(doc.place)}", f"pada tanggal {_e(_date_words(doc))}"]
    return [_e(date_line(doc))]


def _name_html(name: str, *, one_line: bool) -> str:
    """The signer's name, never wrapped inside its titles ("S.H., M.Kn." stay together); on one
    line when ``one_line`` (the column was made wide enough for it)."""
    if one_line:
        # The column is wide enough; ordinary spaces, so that a PDF viewer finds the name.
        return _e(name)
    person, sep, titles = name.partition(", ")
    return _e(person) + (_e(sep.strip()) + " " + _e(titles).replace(" ", "&nbsp;") if sep else "")


def _signer_lines(
    doc: LetterDocument,
    m: Metrics,
    sig: SignatureBlock,
    index: int,
    *,
    anchor: str = "",
    label: str = "",
    one_line: bool = True,
) -> list[str]:
    """The capacity/position heading (or the type's ``label`` for this signer), signature space
    and name/pangkat/NIP of one signer (``anchor`` names the heading's first line)."""
    capacity = sig.capacity.strip()
    if label:
        heads = [_e(label)]
    elif capacity == "a.n.":
        heads = [f"a.n. {_e(sig.on_behalf_of)}", f"{_e(sig.position)},"]
    else:
        # "Plt. Camat Wamena," (acting for the head) or "Plt. Sekretaris Kecamatan,".
        heads = [f"{_e(_acting_position(sig))},"]
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
    lines.append(_p(f"<b><u>{_name_html(sig.name, one_line=one_line)}</u></b>", align="center"))
    if sig.pangkat:
        lines.append(_p(_e(sig.pangkat), align="center"))
    if sig.nip:
        lines.append(_p(f"NIP. {_e(sig.nip)}", align="center"))
    return lines


def _blank_signer(m: Metrics, label: str) -> list[str]:
    """A labelled column for someone who signs by hand and is not a user (e.g. the person who
    receives a power of attorney): the label, the space, a dotted line for the name."""
    return [
        _p(_e(label), align="center"),
        _spacer(m, SIGNATURE_SPACE_MM),
        _p("(" + "." * 40 + ")", align="center"),
    ]


SIGNATURE_NAME_PAD_MM = 4.0


def _column_widths(doc: LetterDocument, m: Metrics, names: list[list[str]]) -> tuple[int, int]:
    """Pixel widths of the two signature columns: half each, the one holding a long name grown
    so that the name stays on one line (the other shrinks); 0, 0 when the width is unknown."""
    total = m.content_width_px
    if total <= 0 or m.text_width is None:
        return 0, 0
    measure = m.text_width
    need = [
        max((measure(n, True) + m.mm(SIGNATURE_NAME_PAD_MM) for n in column), default=0.0)
        for column in names
    ]
    half = total / 2
    if need[0] + need[1] > total:
        # Both cannot stay whole: share the width by need (the names break before titles).
        left = total * need[0] / (need[0] + need[1])
    elif need[1] > half:
        left = total - need[1]
    elif need[0] > half:
        left = need[0]
    else:
        left = half
    return round(left), round(total - left)


def _signature(doc: LetterDocument, m: Metrics, *, with_date: bool) -> str:
    """The signature table: the main signer at the right of the first row (under the date line
    when ``with_date``), co-signers to its left and then two to a row below. A column grows for
    a long name so that its underlined name stays whole on one line."""
    form = doc.resolved_form()
    sig: SignatureBlock | None = doc.signature
    labels = form.signer_labels
    co = doc.co_signatures
    blanks = max(0, len(labels) - 1 - len(co)) if sig is not None else 0
    if sig is None and not with_date:
        return ""
    # Names per cell, in the cells' order below: to size the columns.
    people = [list(co[:1]), [sig] if sig else [], *([p] for p in co[1:])]
    names = [[p.name for p in cell] for cell in people]
    per_column = [[n for i, c in enumerate(names) if i % 2 == col for n in c] for col in (0, 1)]
    left_w, right_w = _column_widths(doc, m, per_column)
    fits = {
        col: (
            not width
            or m.text_width is None
            or all(m.text_width(n, True) <= width for n in per_column[col])
        )
        for col, width in ((0, left_w), (1, right_w))
    }

    def label_of(index: int) -> str:
        if not labels:
            return ""
        if index == len(co):
            return labels[-1]
        return labels[index] if index < len(labels) - 1 else ""

    date_lines = _date_lines(doc, form) if with_date else []
    main = [
        _p(_anchored(SIGNATURE_ANCHOR, line) if i == 0 else line, align="center")
        for i, line in enumerate(date_lines)
    ]
    if sig is not None:
        anchor = "" if with_date else SIGNATURE_ANCHOR
        main += _signer_lines(
            doc, m, sig, len(co), anchor=anchor, label=label_of(len(co)), one_line=fits[1]
        )
    others = [
        _signer_lines(doc, m, p, i, label=label_of(i), one_line=fits[0 if i == 0 else (i + 1) % 2])
        for i, p in enumerate(co)
    ]
    others += [_blank_signer(m, labels[len(co) + k]) for k in range(blanks)]
    if others and date_lines:
        # The first row's left column starts level with the signer under the date lines.
        others[0] = [_p("&nbsp;")] * len(date_lines) + others[0]
    cells: list[list[str]] = [others[0] if others else [], main, *others[1:]]
    if len(cells) % 2:
        cells.append([])
    spacer = _spacer(m, 8) if len(others) else ""
    widths = (
        (f'width="{left_w}"', f'width="{right_w}"') if left_w else ('width="50%"', 'width="50%"')
    )
    rows = "".join(
        f"<tr><td {widths[0]}>{''.join(cells[i])}{spacer}</td>"
        f"<td {widths[1]}>{''.join(cells[i + 1])}{spacer}</td></tr>"
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
    number_w = m.number_column(doc.font_pt)
    rows = "".join(
        f'<tr><td width="{number_w}">{i}.</td><td>{_e(t)}</td></tr>'
        for i, t in enumerate(items, start=1)
    )
    heading = _e(doc.resolved_form().tembusan_label) + ":"
    # The heading is a row of the list's table so that the two are kept on one page.
    return (
        f'<table cellspacing="0" cellpadding="0" style="margin-top:{m.mm(8)}px; '
        f'margin-bottom:0px;"><tr><td colspan="2">{_anchored(TEMBUSAN_ANCHOR, heading)}'
        f"</td></tr>{rows}</table>"
    )


def _title_block(doc: LetterDocument, m: Metrics, form: TypeForm) -> str:
    """The centred title and the lines under it: "NOMOR: ...", "TENTANG" with the hal in
    capitals, the official's line. The title is underlined unless a TENTANG follows it."""
    title = f"<b>{_e(doc.title.upper())}</b>"
    if Heading.TENTANG not in form.heading:
        title = f"<u>{title}</u>"
    lines = [_p(title, align="center")]
    for heading in form.heading:
        if heading is Heading.NOMOR:
            number = _e(doc.number) if doc.number else "&nbsp;" * 24
            lines.append(_p(f"NOMOR: {number}", align="center"))
        elif heading is Heading.TENTANG:
            lines.append(_p("TENTANG", align="center", style=f"margin-top:{m.mm(2)}px;"))
            lines.append(_p(_e(doc.hal.upper()) if doc.hal else "&nbsp;", align="center"))
        elif heading is Heading.PEJABAT and form.official:
            lines.append(
                _p(
                    f"<b>{_e(form.official.upper())}</b>",
                    align="center",
                    style=f"margin-top:{m.mm(4)}px;",
                )
            )
    return "".join(lines)


def build_letter_html(doc: LetterDocument, m: Metrics) -> str:
    """Return the whole letter as Qt rich text.

    Guarantees: the kop comes first; the correspondence layout has the date line at the right,
    the info block (Nomor/Sifat/Lampiran/Hal unless the type says otherwise), the "Yth." block,
    body, signature and tembusan in that order; the titled layout has the centred title and the
    lines the type puts under it ("NOMOR:", "TENTANG" and the hal in capitals, the official's
    line), then the type's info block (a nota dinas's Yth./Dari/Tembusan/Tanggal/... and its
    rule), and puts the place and date in the signature block. Addressees and tembusan that
    the info block lists are printed nowhere else. All text except ``doc.body_html`` is
    HTML-escaped.
    """
    form = doc.resolved_form()
    listed = set(form.info)
    dated = form.date is not DateStyle.NONE and InfoRow.TANGGAL not in listed
    parts = [_kop(doc, m)]
    if doc.layout is Layout.TITLED:
        parts.append(_title_block(doc, m, form))
    elif dated:
        parts += [_p(line, align="right") for line in _date_lines(doc, form)]
    parts.append(_info_block(doc, m, form))
    if form.addressees and InfoRow.YTH not in listed:
        parts.append(_addressees(doc, m))
    parts += [
        _body(doc, m),
        _signature(doc, m, with_date=dated and doc.layout is Layout.TITLED),
    ]
    if form.tembusan and InfoRow.TEMBUSAN not in listed:
        parts.append(_tembusan(doc, m))
    return "<html><body>" + "".join(p for p in parts if p) + "</body></html>"


def page_number_html(number: int) -> str:
    """The page number as Tata Naskah Dinas writes it: "- 2 -", centred."""
    return "<html><body>" + _p(f"- {number} -", align="center") + "</body></html>"


def footer_html(doc: LetterDocument) -> str:
    """Return the per-page footer note as centred small rich text ("" when there is none)."""
    if not doc.footer_note.strip():
        return ""
    return (
        "<html><body>"
        + _p(_e(doc.footer_note), align="center", style=f"font-size:{doc.font_pt * 0.65:.1f}pt;")
        + "</body></html>"
    )
