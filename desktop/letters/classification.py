"""Archive classification codes (Permendagri 83/2022, plus obsolete 78/2012 codes).

The reference list ships in ``resources/classification`` and is loaded into the store at setup.
An administrator can add or correct codes (no official machine-readable list exists).
"""

from __future__ import annotations

import csv
import re

from sqlalchemy import insert, or_
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


def search(
    store: Store, text: str, *, include_obsolete: bool = False, limit: int = 200
) -> list[Classification]:
    """Codes whose code starts with ``text`` or whose title contains every word of it."""
    text = text.strip()
    with store.read() as session:
        q = select(Classification)
        if not include_obsolete:
            q = q.where(col(Classification.obsolete).is_(False))
        if text:
            conds = [col(Classification.code).startswith(text)]
            words = [w for w in text.split() if w]
            title_match = [col(Classification.title).ilike(f"%{w}%") for w in words]
            if title_match:
                from sqlalchemy import and_

                conds.append(and_(*title_match))
            q = q.where(or_(*conds))
        rows = list(session.exec(q.limit(5000)).all())
    rows.sort(key=lambda c: [int(p) for p in c.code.split(".")])
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
