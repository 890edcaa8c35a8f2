"""Programmatic administration: initialise a server, add offices, make enrolment codes.

The ``naskah-server`` CLI and the test fixtures both call these; nothing here needs HTTP.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, select, tuple_

from sync.server import db, records

# No 0/O, 1/I/L: codes are read aloud over the phone and typed by hand.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def init_server(db_url: str, blob_dir: Path | str) -> str:
    """Create the schema (idempotent) and the blob directory; return the server id."""
    Path(blob_dir).mkdir(parents=True, exist_ok=True)
    engine = db.make_engine(db_url)
    try:
        return db.init_db(engine)
    finally:
        engine.dispose()


def add_office(engine: Engine, code: str, name: str) -> str:
    """Add an office with a unique ``code``; return its id. Raises ValueError if taken."""
    code = code.strip()
    if not code or not name.strip():
        raise ValueError("office code and name are required")
    with db.write_tx(engine) as conn:
        taken = conn.execute(select(db.offices.c.id).where(db.offices.c.code == code)).first()
        if taken:
            raise ValueError(f"office code {code!r} already exists")
        office_id = db.new_id()
        conn.execute(
            db.offices.insert().values(
                id=office_id, code=code, name=name.strip(), created_at=db.utcnow()
            )
        )
        conn.execute(db.office_counters.insert().values(office_id=office_id, last_seq=0))
    return office_id


def office_id_for(engine: Engine, code: str) -> str:
    """The id of the office with ``code``; LookupError if there is none."""
    with db.read_tx(engine) as conn:
        found = conn.execute(select(db.offices.c.id).where(db.offices.c.code == code)).scalar()
    if found is None:
        raise LookupError(f"no office with code {code!r}")
    return str(found)


def hash_code(code: str) -> str:
    """Enrolment codes are compared case- and separator-insensitively, stored only hashed."""
    canonical = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(canonical.encode()).hexdigest()


def make_enrol_code(engine: Engine, office_code: str, hours: float = 24) -> str:
    """A fresh one-time enrolment code for the office, valid for ``hours``.

    Only its hash is stored; the code itself is returned once (~74 bits, shown as XXXX-XXXX-...).
    """
    office_id = office_id_for(engine, office_code)
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(15))
    code = "-".join(raw[i : i + 5] for i in range(0, 15, 5))
    now = db.utcnow()
    with db.write_tx(engine) as conn:
        conn.execute(
            db.enrol_codes.insert().values(
                code_hash=hash_code(code),
                office_id=office_id,
                created_at=now,
                expires_at=now + timedelta(hours=hours),
            )
        )
    return code


@dataclass(frozen=True)
class DeviceRow:
    """A device as ``naskah-server device list`` shows it."""

    id: str
    office_code: str
    name: str
    created_at: datetime
    last_seen: datetime | None
    revoked_at: datetime | None


def list_devices(engine: Engine, office_code: str | None = None) -> list[DeviceRow]:
    """Every device (of one office with ``office_code``), oldest first. LookupError for an
    unknown office code."""
    d, o = db.devices, db.offices
    query = (
        select(d.c.id, o.c.code, d.c.name, d.c.created_at, d.c.last_seen, d.c.revoked_at)
        .join(o, o.c.id == d.c.office_id)
        .order_by(d.c.created_at, d.c.id)
    )
    if office_code is not None:
        query = query.where(d.c.office_id == office_id_for(engine, office_code))
    with db.read_tx(engine) as conn:
        rows = conn.execute(query).all()
    return [
        DeviceRow(
            r.id,
            r.code,
            r.name,
            db.aware(r.created_at),
            db.aware(r.last_seen) if r.last_seen is not None else None,
            db.aware(r.revoked_at) if r.revoked_at is not None else None,
        )
        for r in rows
    ]


def revoke_device(engine: Engine, device_id: str) -> bool:
    """Revoke a device's token (its next request gets 401); True if the device existed. A device
    revoked before keeps its first revocation time."""
    with db.write_tx(engine) as conn:
        found = conn.execute(
            select(db.devices.c.revoked_at).where(db.devices.c.id == device_id).with_for_update()
        ).first()
        if found is None:
            return False
        if found.revoked_at is None:
            conn.execute(
                db.devices.update()
                .where(db.devices.c.id == device_id)
                .values(revoked_at=db.utcnow())
            )
    return True


@dataclass(frozen=True)
class UnservableRecord:
    office_code: str
    entity: str
    entity_id: str
    version: int
    reason: str


def unservable_records(
    engine: Engine, office_code: str | None = None, *, page: int = 1000
) -> list[UnservableRecord]:
    """Every stored record a pull cannot send (the pull skips it and logs an error), of one
    office with ``office_code``: rows an older server accepted before records were checked on
    the way in, or rows damaged since. Read in pages of ``page`` records by primary key, so a
    large server is read in bounded memory. LookupError for an unknown office code."""
    r, o = db.records, db.offices
    office_id = office_id_for(engine, office_code) if office_code is not None else None
    codes: dict[str, str] = {}
    found: list[UnservableRecord] = []
    after: tuple[str, str, str] = ("", "", "")
    with db.read_tx(engine) as conn:
        codes = {row.id: row.code for row in conn.execute(select(o.c.id, o.c.code))}
        while True:
            query = (
                select(r.c.office_id, r.c.entity, r.c.entity_id, r.c.version, r.c.deleted,
                       r.c.fields)
                .where(tuple_(r.c.office_id, r.c.entity, r.c.entity_id) > tuple_(*after))
                .order_by(r.c.office_id, r.c.entity, r.c.entity_id)
                .limit(page)
            )  # fmt: skip
            if office_id is not None:
                query = query.where(r.c.office_id == office_id)
            rows = conn.execute(query).all()
            for row in rows:
                try:
                    records.served_change(0, row.entity, row.entity_id, row)
                except Exception as exc:  # what the pull would meet, named for the admin
                    found.append(
                        UnservableRecord(
                            codes.get(row.office_id, row.office_id), row.entity, row.entity_id,
                            row.version, f"{type(exc).__name__}: {str(exc)[:200]}",
                        )
                    )  # fmt: skip
            if len(rows) < page:
                return found
            last = rows[-1]
            after = (last.office_id, last.entity, last.entity_id)
