"""Archive classification codes (Permendagri 83/2022, plus obsolete 78/2012 codes).

The reference list ships in ``resources/classification`` and is loaded into the store at setup.
An administrator can add or correct codes (no official machine-readable list exists).
"""

from __future__ import annotations

import csv
import re
import tomllib
from functools import lru_cache

from sqlalchemy import and_, insert, or_
from sqlmodel import Session, col, delete, select

from desktop.i18n import _
from desktop.letters import journal
from desktop.letters.accounts import CurrentUser, Role, require
from desktop.letters.errors import ValidationError
from desktop.resources import resource_path
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.models import Classification
from sync.protocol import Entity

CURRENT_FILE = "klasifikasi-permendagri-83-2022.csv"
OBSOLETE_FILE = "klasifikasi-lama-78-2012.csv"
_CODE = re.compile(r"^\d{3}(\.\d{1,3}){0,4}$")


def _read(name: str, obsolete: bool) -> list[dict[str, object]]:
    with resource_path("classification", name).open(encoding="utf-8", newline="") as f:
        return [
            {
                "code": row["code"],
                "title": row["title"],
                "parent": row["parent"] or None,
                "level": int(row["level"]),
                "source_count": int(row["source_count"] or 0),
                "obsolete": obsolete,
                "custom": False,
                "updated_at": clock.now(),
            }
            for row in csv.DictReader(f)
        ]


def load_reference(session: Session) -> int:
    """(Re)load the shipped codes, keeping codes the office added or corrected itself."""
    custom = set(session.exec(select(Classification.code).where(Classification.custom)).all())
    session.exec(delete(Classification).where(col(Classification.custom).is_(False)))
    current = _read(CURRENT_FILE, False)
    known = {r["code"] for r in current} | custom
    # Old 78/2012 codes that reuse a current code (000, 900, ...) keep the current meaning.
    obsolete = [r for r in _read(OBSOLETE_FILE, True) if r["code"] not in known]
    rows = [r for r in current if r["code"] not in custom] + obsolete
    session.execute(insert(Classification), rows)
    return len(rows)


def load_reference_if_missing(session: Session) -> None:
    """Load the shipped codes into a PC that has none yet (one that joins an office by
    enrolling, not by setup); asked by the sync client at enrolment, in its transaction."""
    if session.exec(select(Classification.code).limit(1)).first() is None:
        load_reference(session)


ALIASES_FILE = "aliases.toml"
_TOKEN = re.compile(r"[^\w-]+")  # "Perundang-Undangan" stays one word; "/" and "," split
_CODE_TEXT = re.compile(r"^[\d.]+$")


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, ...]]:
    """The words clerks type for a code (``resources/classification/aliases.toml``), lower
    case, each with its codes best first."""
    with resource_path("classification", ALIASES_FILE).open("rb") as f:
        data = tomllib.load(f)
    return {str(k).lower(): tuple(v) for k, v in data.get("aliases", {}).items()}


def _words(text: str) -> list[str]:
    return [w for w in _TOKEN.split(text.lower()) if w]


def _main_title(title: str) -> str:
    """The title without its list of examples ("Rapat pimpinan antara lain: Notula/...")."""
    lower = title.lower()
    cut = len(title)
    for marker in (" antara lain", "(", ","):
        at = lower.find(marker)
        if at > 0:
            cut = min(cut, at)
    return title[:cut]


def _rank(row: Classification, words: list[str], alias_rank: dict[str, int]) -> tuple[int, int]:
    """Lower is better: a code named by an alias of the typed words, then every word a whole
    word of the main title, of the whole title, the start of a word, anywhere."""
    if row.code in alias_rank:
        return (0, alias_rank[row.code])
    main = set(_words(_main_title(row.title)))
    whole = set(_words(row.title))
    if all(w in main for w in words):
        return (1, row.level)
    if all(w in whole for w in words):
        return (2, row.level)
    if all(any(t.startswith(w) for t in whole) for w in words):
        return (3, row.level)
    return (4, row.level)


def _natural(code: str) -> list[int]:
    return [int(p) for p in code.split(".") if p.isdigit()]


def search(
    store: Store, text: str, *, include_obsolete: bool = False, limit: int = 200
) -> list[Classification]:
    """Codes for what a clerk typed, best first.

    A code (digits and dots) lists the codes starting with it, in code order (the exact code
    first). Words list the codes named by an alias of the whole text or of a word first (in the
    alias list's order), then codes whose title holds every word as a whole word (in the main
    title before its examples, then anywhere), then as the start of a word, then anywhere
    inside a word ("undangan" in "Perundang-Undangan" comes last); ties in code order. No text
    lists every code in code order.
    """
    text = text.strip()
    with store.read() as session:
        q = select(Classification)
        if not include_obsolete:
            q = q.where(col(Classification.obsolete).is_(False))
        if not text:
            rows = list(session.exec(q).all())
            rows.sort(key=lambda c: _natural(c.code))
            return rows[:limit]
        if _CODE_TEXT.match(text):
            rows = list(session.exec(q.where(col(Classification.code).startswith(text))).all())
            rows.sort(key=lambda c: (c.code != text, _natural(c.code)))
            return rows[:limit]
        words = _words(text)
        known = aliases()
        alias_rank: dict[str, int] = {}
        for key in [" ".join(words), *words]:
            for code in known.get(key, ()):
                alias_rank.setdefault(code, len(alias_rank))
        conds = []
        if words:
            conds.append(and_(*[col(Classification.title).ilike(f"%{w}%") for w in words]))
        if alias_rank:
            conds.append(col(Classification.code).in_(list(alias_rank)))
        if not conds:
            return []
        rows = list(session.exec(q.where(or_(*conds))).all())
    rows.sort(key=lambda c: (*_rank(c, words, alias_rank), _natural(c.code)))
    return rows[:limit]


def get(store: Store, code: str) -> Classification | None:
    with store.read() as session:
        return session.get(Classification, code)


def save_custom(
    store: Store,
    user: CurrentUser,
    code: str,
    title: str,
    *,
    retention_active_years: int | None = None,
    retention_inactive_years: int | None = None,
    final_fate: str | None = None,
) -> Classification:
    """Add or correct a code (administrator only); the change is audited."""
    require(user, Role.ADMIN)
    errors = {}
    if not _CODE.match(code):
        errors["code"] = _("Kode klasifikasi harus berbentuk angka bertitik, misalnya 400.10.2.")
    if not title.strip():
        errors["title"] = _("Judul klasifikasi wajib diisi.")
    if final_fate not in (None, "musnah", "permanen"):
        errors["final_fate"] = _("Nasib akhir harus 'musnah' atau 'permanen'.")
    if errors:
        raise ValidationError(errors)
    with store.write() as session:
        row = session.get(Classification, code) or Classification(
            code=code, title=title, level=code.count(".") + 1
        )
        row.title = title.strip()
        row.parent = code.rsplit(".", 1)[0] if "." in code else None
        row.retention_active_years = retention_active_years
        row.retention_inactive_years = retention_inactive_years
        row.final_fate = final_fate
        row.custom = True
        row.updated_at = clock.now()
        session.add(row)
        session.flush()
        journal.audit_only(
            session,
            user.id,
            "classification.save",
            Entity.CLASSIFICATION,
            code,
            {"title": row.title},
        )
        return row
