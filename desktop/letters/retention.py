"""Retention (retensi arsip): how long a file stays active, then inactive, and its final fate,
per classification code; which files are due; the list for the berita acara.

The shipped schedule (``resources/retention/jra-pemda-83-2022.csv``, its sources in the README
beside it) gives figures for the codes a public source gives; the others stay empty. The
administrator sets the rest, or corrects a shipped figure, as an office rule (a synced
``retention_rule`` record, read before the shipped figure, kept across upgrades). No figure is
ever guessed: a code without one, or a parent code, has no rule and its files are listed as
"tanpa jadwal retensi".

Retention counts from the date of the newest letter in the file (the file's last activity), or
from the end of its year when it is empty. A file is due for transfer to the inactive archive
when its active years have passed (and it is still active), and due for its final fate when its
active and inactive years have both passed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html import escape

from sqlmodel import col, select

from desktop.i18n import _
from desktop.letters import drafting, journal
from desktop.letters.accounts import CurrentUser, Role, require
from desktop.letters.errors import NotFound, ServiceError, ValidationError
from desktop.letters.filing import BerkasRow, list_berkas, require_archivist
from desktop.render.dates import format_date_id
from desktop.resources import resource_path
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.filing_models import Berkas, RetentionRule
from desktop.store.models import Classification, Letter
from sync.protocol import Entity

SHIPPED_FILE = "jra-pemda-83-2022.csv"
CONCORDANCE_FILE = "konkordansi-78-2012.csv"
FATES = ("musnah", "permanen", "dinilai_kembali")
MAX_YEARS = 100
MAX_NOTE = 500
BERITA_ACARA = "berita_acara"


def fate_label(fate: str) -> str:
    return {
        "musnah": _("Musnah"),
        "permanen": _("Permanen"),
        "dinilai_kembali": _("Dinilai kembali"),
    }.get(fate, fate or "-")


@dataclass(frozen=True)
class Rule:
    """A code's retention: years active, years inactive, final fate; ``note`` is the schedule's
    condition ("setelah ...", an exception to the fate); ``source`` is "jra" (shipped),
    "kantor" (the office's rule) or "padanan" (an obsolete 78/2012 code that takes the rule
    of its current 83/2022 equivalents)."""

    code: str
    active_years: int | None
    inactive_years: int | None
    final_fate: str
    note: str
    source: str  # "jra", "kantor", or "padanan" (an obsolete code's current equivalents')

    @property
    def complete(self) -> bool:
        return (
            self.active_years is not None
            and self.inactive_years is not None
            and self.final_fate in FATES
        )


@lru_cache(maxsize=1)
def shipped() -> dict[str, Rule]:
    """The shipped schedule by code."""
    rules: dict[str, Rule] = {}
    with resource_path("retention", SHIPPED_FILE).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            note = "; ".join(
                t for t in (row["active_condition"].strip(), row["fate_note"].strip()) if t
            )
            rules[row["code"]] = Rule(
                code=row["code"],
                active_years=int(row["active_years"]) if row["active_years"] else None,
                inactive_years=int(row["inactive_years"]) if row["inactive_years"] else None,
                final_fate=row["final_fate"],
                note=note,
                source="jra",
            )
    return rules


def _office_rules(store: Store) -> dict[str, RetentionRule]:
    with store.read() as session:
        q = select(RetentionRule).where(col(RetentionRule.deleted_at).is_(None))
        return {r.code: r for r in session.exec(q).all()}


def _from_office(row: RetentionRule) -> Rule:
    return Rule(row.code, row.active_years, row.inactive_years, row.final_fate, row.note, "kantor")


def rule_for(store: Store, code: str) -> Rule | None:
    """A code's retention: the office's rule, else the shipped one, else (an obsolete code)
    its equivalents', else None."""
    return rules(store, [code]).get(code)


def rules(store: Store, codes: list[str]) -> dict[str, Rule]:
    """The rules of ``codes`` that have one: the office's, else the shipped figure, else (an
    obsolete 78/2012 code) the rule its current equivalents all share."""
    office = _office_rules(store)
    ship = shipped()
    out: dict[str, Rule] = {}
    rest: list[str] = []
    for code in codes:
        if code in office:
            out[code] = _from_office(office[code])
        elif code in ship:
            out[code] = ship[code]
        else:
            rest.append(code)
    if rest:
        for old in old_codes(store, rest, office):
            if old.rule is not None:
                out[old.code] = old.rule
    return out


# -- obsolete 78/2012 codes -------------------------------------------------------------------


@dataclass(frozen=True)
class Correspondence:
    """An obsolete code's current equivalents (``resources/retention/konkordansi-78-2012.csv``,
    compiled by comparing the two lists' titles; none when no current title matches)."""

    old_code: str
    new_codes: tuple[str, ...]
    basis: str


@lru_cache(maxsize=1)
def concordance() -> dict[str, Correspondence]:
    with resource_path("retention", CONCORDANCE_FILE).open(encoding="utf-8", newline="") as f:
        return {
            row["old_code"]: Correspondence(
                row["old_code"], tuple(row["new_codes"].split()), row["basis"]
            )
            for row in csv.DictReader(f)
        }


@dataclass(frozen=True)
class OldCode:
    """An obsolete 78/2012 code and its retention: ``rule`` when its current equivalents (the
    codes under them, where the schedule gives figures) all carry the same complete figures;
    else None and ``reason`` says why it cannot be mapped."""

    code: str
    title: str
    new_codes: tuple[str, ...]
    rule: Rule | None
    reason: str


def _leaves(current: dict[str, str | None], codes: tuple[str, ...]) -> list[str]:
    """The codes under ``codes`` that have no child (a code without children is its own)."""
    parents = {p for p in current.values() if p}
    out: list[str] = []
    for code in codes:
        if code not in current:
            continue
        if code not in parents:
            out.append(code)
            continue
        out += [c for c in current if c.startswith(code + ".") and c not in parents]
    return sorted(set(out), key=lambda c: [int(p) for p in c.split(".") if p.isdigit()])


def _listed(codes: list[str] | tuple[str, ...], most: int = 4) -> str:
    shown = ", ".join(codes[:most])
    return shown + (_(" dan {n} lainnya").format(n=len(codes) - most) if len(codes) > most else "")


def old_codes(
    store: Store,
    codes: list[str] | None = None,
    office: dict[str, RetentionRule] | None = None,
) -> list[OldCode]:
    """The obsolete codes among ``codes`` (all of them when None) with their retention,
    mapped through the concordance where the shipped data allows. The office's own rule for
    an obsolete code, when set, is read first by ``rule_for``/``rules``."""
    office = _office_rules(store) if office is None else office
    ship = shipped()
    with store.read() as session:
        q = select(Classification.code, Classification.title).where(
            col(Classification.obsolete).is_(True)
        )
        if codes is not None:
            q = q.where(col(Classification.code).in_(codes))
        old = list(session.exec(q).all())
        if not old:
            return []
        current: dict[str, str | None] = {
            c: p
            for c, p in session.exec(
                select(Classification.code, Classification.parent).where(
                    col(Classification.obsolete).is_(False)
                )
            ).all()
        }
    table = concordance()
    out: list[OldCode] = []
    for code, title in sorted(old, key=lambda r: [int(p) for p in r[0].split(".") if p.isdigit()]):
        match = table.get(code)
        targets = match.new_codes if match is not None else ()
        rule, reason = None, ""
        leaves = _leaves(current, targets)
        found = {c: _from_office(office[c]) if c in office else ship.get(c) for c in leaves}
        lacking = [c for c, r in found.items() if r is None or not r.complete]
        figures = {(r.active_years, r.inactive_years, r.final_fate) for r in found.values() if r}
        if not targets:
            reason = _("Tidak ada padanannya dalam Permendagri 83/2022.")
        elif not leaves:
            reason = _("Padanannya ({codes}) tidak ada dalam daftar klasifikasi.").format(
                codes=_listed(targets)
            )
        elif lacking:
            reason = _(
                "Padanannya ({codes}) belum semua punya jadwal retensi lengkap: {lacking}."
            ).format(codes=_listed(targets), lacking=_listed(lacking))
        elif len(figures) > 1:
            reason = _("Padanannya ({codes}) tidak seragam retensinya: {rules}.").format(
                codes=_listed(targets),
                rules="; ".join(
                    f"{a}+{i} {fate_label(f).lower()}" for a, i, f in sorted(figures, key=str)
                ),
            )
        else:
            ((active, inactive, fate),) = figures
            conditions = sorted({r.note for r in found.values() if r and r.note})
            mark = _("kode lama 78/2012, mengikuti {codes}").format(codes=_listed(targets))
            note = "; ".join([mark, *conditions[:1]])
            rule = Rule(code, active, inactive, fate, note, "padanan")
        out.append(OldCode(code, title, targets, rule, reason))
    return out


@dataclass
class ScheduleRow:
    """One code of the schedule as the administrator's editor shows it. An obsolete 78/2012
    code is listed too (``obsolete``): its ``shipped`` rule is its equivalents', and
    ``reason`` says why it has none."""

    code: str
    title: str
    rule: Rule | None
    shipped: Rule | None
    obsolete: bool = False
    reason: str = ""


def schedule(store: Store, text: str = "", limit: int = 300) -> list[ScheduleRow]:
    """Codes with their rules (codes starting with ``text``, or whose title holds it)."""
    text = text.strip()
    with store.read() as session:
        q = select(Classification)
        if text:
            q = q.where(
                col(Classification.code).startswith(text)
                | col(Classification.title).ilike(f"%{text}%")
            )
        found = list(session.exec(q).all())
    found.sort(key=lambda c: [int(p) for p in c.code.split(".") if p.isdigit()])
    found = found[:limit]
    office = _office_rules(store)
    ship = shipped()
    old = {
        o.code: o
        for o in old_codes(store, [c.code for c in found if c.obsolete], office)
    }  # fmt: skip
    rows = []
    for c in found:
        mine = _from_office(office[c.code]) if c.code in office else None
        if c.obsolete and c.code in old:
            mapped = old[c.code]
            rows.append(
                ScheduleRow(c.code, c.title, mine or mapped.rule, mapped.rule, True,
                            mapped.reason)
            )  # fmt: skip
        else:
            rows.append(ScheduleRow(c.code, c.title, mine or ship.get(c.code), ship.get(c.code)))
    return rows


def _check(
    active_years: int | None, inactive_years: int | None, final_fate: str, note: str
) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, value, label in (
        ("active_years", active_years, _("Retensi aktif")),
        ("inactive_years", inactive_years, _("Retensi inaktif")),
    ):
        if value is not None and not 0 <= value <= MAX_YEARS:
            errors[name] = _("{what} harus antara 0 dan {n} tahun.").format(what=label, n=MAX_YEARS)
    if final_fate not in ("", *FATES):
        errors["final_fate"] = _("Nasib akhir harus musnah, permanen, atau dinilai kembali.")
    if len(note) > MAX_NOTE:
        errors["note"] = _("Keterangan paling banyak {n} huruf.").format(n=MAX_NOTE)
    return errors


def set_rule(
    store: Store,
    user: CurrentUser,
    code: str,
    *,
    active_years: int | None,
    inactive_years: int | None,
    final_fate: str,
    note: str = "",
) -> Rule:
    """Set the office's retention for a code (administrator); it takes the place of the shipped
    figure and survives upgrades of the shipped schedule."""
    require(user, Role.ADMIN)
    note = note.strip()
    errors = _check(active_years, inactive_years, final_fate, note)
    with store.write() as session:
        if session.get(Classification, code) is None:
            errors["code"] = _(
                "Kode klasifikasi {code} tidak ada dalam daftar klasifikasi."
            ).format(code=code)
        if errors:
            raise ValidationError(errors)
        row = session.get(RetentionRule, f"jra-{code}")
        if row is None:
            row = RetentionRule(id=f"jra-{code}", code=code, updated_by=user.id)
        row.deleted_at = None
        row.active_years = active_years
        row.inactive_years = inactive_years
        row.final_fate = final_fate
        row.note = note
        row.updated_by = user.id
        row.updated_at = clock.now()
        journal.record(
            session, user.id, "retention.set", Entity.RETENTION_RULE, row,
            detail={"code": code, "aktif": active_years, "inaktif": inactive_years,
                    "nasib": final_fate},
        )  # fmt: skip
        return _from_office(row)


def clear_rule(store: Store, user: CurrentUser, code: str) -> None:
    """Drop the office's rule for a code: the shipped figure (if any) applies again."""
    require(user, Role.ADMIN)
    with store.write() as session:
        row = session.get(RetentionRule, f"jra-{code}")
        if row is None or row.deleted_at is not None:
            return
        row.deleted_at = clock.now()
        row.updated_at = clock.now()
        journal.record(session, user.id, "retention.clear", Entity.RETENTION_RULE, row)


# -- what is due ------------------------------------------------------------------------------

TRANSFER = "pindah"  # due for transfer to the inactive archive


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass
class DueBerkas:
    """A file that is due: ``action`` is "pindah" (transfer) or its final fate."""

    row: BerkasRow
    rule: Rule
    start: date  # the day retention counts from
    active_until: date
    inactive_until: date
    action: str


@dataclass
class RetentionReport:
    due: list[DueBerkas]
    without_rule: list[BerkasRow]  # open files whose code has no complete rule
    # Obsolete codes of those files that cannot be mapped to a current rule, and why.
    unmapped: dict[str, str] = field(default_factory=dict)


def start_of(row: BerkasRow) -> date:
    """The day retention counts from: the newest letter's date, or the end of the file's
    year when it holds none."""
    return row.last_date or date(row.berkas.year, 12, 31)


def report(store: Store, today: date | None = None) -> RetentionReport:
    """Files due for transfer or for their final fate on ``today`` (the clock's date)."""
    today = today or clock.today()
    open_rows = list_berkas(store, states=("aktif", "inaktif"))
    found = rules(store, sorted({r.berkas.classification_code for r in open_rows}))
    due: list[DueBerkas] = []
    without: list[BerkasRow] = []
    for row in open_rows:
        rule = found.get(row.berkas.classification_code)
        if rule is None or not rule.complete:
            without.append(row)
            continue
        assert rule.active_years is not None and rule.inactive_years is not None
        start = start_of(row)
        active_until = _add_years(start, rule.active_years)
        inactive_until = _add_years(active_until, rule.inactive_years)
        if today >= inactive_until:
            action = rule.final_fate
        elif today >= active_until and row.berkas.state == "aktif":
            action = TRANSFER
        else:
            continue
        due.append(DueBerkas(row, rule, start, active_until, inactive_until, action))
    due.sort(key=lambda d: (d.action, d.inactive_until, d.row.berkas.classification_code))
    lacking = sorted({r.berkas.classification_code for r in without})
    unmapped = {o.code: o.reason for o in old_codes(store, lacking) if o.rule is None}
    return RetentionReport(due, without, unmapped)


def action_label(action: str) -> str:
    if action == TRANSFER:
        return _("Pindahkan ke arsip inaktif")
    return fate_label(action)


def mark_transferred(store: Store, user: CurrentUser, berkas_ids: list[str]) -> int:
    """Record that files were moved to the inactive archive (archivist)."""
    require_archivist(user)
    today = clock.today()
    with store.write() as session:
        n = 0
        for berkas_id in berkas_ids:
            berkas = session.get(Berkas, berkas_id)
            if berkas is None or berkas.deleted_at is not None:
                raise NotFound(_("Berkas"))
            if berkas.state != "aktif":
                continue
            berkas.state = "inaktif"
            berkas.transferred_on = today
            berkas.updated_at = clock.now()
            journal.record(session, user.id, "berkas.transfer", Entity.BERKAS, berkas)
            n += 1
        return n


def mark_finished(store: Store, user: CurrentUser, berkas_ids: list[str], fate: str) -> int:
    """Record that files' final fate was carried out (after the berita acara is signed)."""
    require_archivist(user)
    if fate not in FATES:
        raise ValidationError(
            {"fate": _("Nasib akhir harus musnah, permanen, atau dinilai kembali.")}
        )
    today = clock.today()
    with store.write() as session:
        n = 0
        for berkas_id in berkas_ids:
            berkas = session.get(Berkas, berkas_id)
            if berkas is None or berkas.deleted_at is not None:
                raise NotFound(_("Berkas"))
            if berkas.state == "selesai":
                continue
            berkas.state = "selesai"
            berkas.finished_on = today
            berkas.finished_as = fate
            berkas.updated_at = clock.now()
            journal.record(session, user.id, "berkas.finish", Entity.BERKAS, berkas)
            n += 1
        return n


# -- the berita acara -------------------------------------------------------------------------


def list_title(action: str) -> str:
    return {
        TRANSFER: "DAFTAR ARSIP YANG DIPINDAHKAN",
        "musnah": "DAFTAR ARSIP USUL MUSNAH",
        "permanen": "DAFTAR ARSIP STATIS YANG DISERAHKAN",
        "dinilai_kembali": "DAFTAR ARSIP YANG DINILAI KEMBALI",
    }[action]


def list_html(entries: list[DueBerkas], action: str) -> str:
    """The list for the berita acara: one row per file (a table in the letter's body)."""
    head = "".join(
        f"<th>{h}</th>"
        for h in ("No.", "Kode Klasifikasi", "Uraian Berkas", "Kurun Waktu", "Jumlah",
                  "Retensi", "Keterangan")
    )  # fmt: skip
    rows = []
    for n, d in enumerate(entries, 1):
        b = d.row.berkas
        first = d.row.first_date or d.start
        span = str(b.year) if first.year == d.start.year else f"{first.year}-{d.start.year}"
        retensi = f"{d.rule.active_years} th aktif, {d.rule.inactive_years} th inaktif"
        rows.append(
            f"<tr><td>{n}</td><td>{escape(b.classification_code)}</td><td>{escape(b.title)}</td>"
            f"<td>{span}</td><td>{d.row.items} surat</td><td>{retensi}</td>"
            f"<td>{escape(fate_label(d.rule.final_fate))}</td></tr>"
        )
    return (
        f"<p><b>{list_title(action)}</b></p>"
        f'<table border="1" cellspacing="0" cellpadding="3"><tr>{head}</tr>{"".join(rows)}</table>'
    )


def start_berita_acara(
    store: Store, user: CurrentUser, berkas_ids: list[str], action: str
) -> Letter:
    """Start a berita acara draft whose body holds the list of the chosen due files (all due for
    the same ``action``)."""
    if action not in (TRANSFER, *FATES):
        raise ValidationError({"action": _("Tindakan retensi tidak dikenal.")})
    due = {d.row.berkas.id: d for d in report(store).due}
    chosen = [due[i] for i in berkas_ids if i in due]
    if not chosen:
        raise ServiceError(_("Pilih berkas yang sudah jatuh tempo retensinya."))
    if any(d.action != action for d in chosen):
        raise ServiceError(
            _("Satu berita acara memuat berkas dengan tindakan yang sama; pilih ulang berkasnya.")
        )
    today = format_date_id(clock.today())
    subject = {
        TRANSFER: "Pemindahan Arsip Inaktif",
        "musnah": "Pemusnahan Arsip",
        "permanen": "Penyerahan Arsip Statis",
        "dinilai_kembali": "Penilaian Kembali Arsip",
    }[action]
    intro = (
        f"<p>Pada tanggal {escape(today)} telah dilaksanakan {subject.lower()} sebanyak "
        f"{len(chosen)} berkas sebagaimana tercantum dalam daftar berikut:</p>"
    )

    def prefill(data: drafting.DraftInput) -> None:
        data.hal = subject
        data.lampiran = "1 (satu) berkas"
        data.body_html = intro + list_html(chosen, action)

    return drafting.new_draft(store, user, BERITA_ACARA, prefill=prefill)
