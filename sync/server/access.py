"""Access by sifat on the server: a device receives only the records its users may see
(docs/sync-protocol.md, "Access by sifat").

A letter (outgoing or incoming) whose sifat is above Biasa is for the people on it: for an
outgoing letter its drafter, signer, holder and reviewers; for an incoming letter who registered
it, who it is addressed to and everyone a disposition of it reaches or comes from. The same
people as the app's own rule (``drafting.participants``, ``incoming.visible``). Every record
that belongs to such a letter (its review steps, revisions, signatures, scans, dispositions and
their notes, and a conflict about any of them) follows the letter.

A device names its users in each sync request (``SyncRequest.users``: who has logged in on that
PC). A change the device's users may not see is left out of the answer and remembered
(``withheld``); at each later sync the device's withheld records are looked at again, and those
it may now see (a disposition reached one of its users, a new person logged in there) are sent
first, letters before what belongs to them.

The people a review step or a disposition adds to its letter are indexed when the record is
written (``index``), so that deciding costs a few key lookups per change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection

from sync.protocol import (
    ACCESS_PARENTS,
    ACCESS_READERS,
    ACCESS_ROOTS,
    PUBLIC_SIFAT,
    Change,
    Entity,
    Op,
)
from sync.server import db

# Withheld records looked at again per request, drawn at random so that a device holding many
# that stay hidden still gets each one looked at in turn.
MAX_REOFFER = 200

# Letters first, then what belongs to them (a disposition before its notes).
_ORDER = {
    Entity.LETTER: 0, Entity.INCOMING_LETTER: 0, Entity.DISPOSITION: 1, Entity.REVIEW_STEP: 1,
}  # fmt: skip

Root = tuple[str, str]  # (entity, entity_id) of a letter


def index(conn: Connection, office_id: str, entity: Entity, fields: dict[str, Any]) -> None:
    """Remember the people a written review step or disposition puts on its letter."""
    names = ACCESS_READERS.get(entity)
    if not names:
        return
    parent = ACCESS_PARENTS[entity]
    root_id = fields.get(parent[1])
    if not isinstance(root_id, str):
        return
    for name in names:
        person = fields.get(name)
        if isinstance(person, str) and person:
            db.insert_ignore(
                conn, db.access_readers, office_id=office_id, root_entity=parent[0].value,
                root_id=root_id, person_id=person,
            )  # fmt: skip


class _Records:
    """Current records of one office, read once per request."""

    def __init__(self, conn: Connection, office_id: str) -> None:
        self.conn, self.office_id = conn, office_id
        self._cache: dict[tuple[str, str], dict[str, Any] | None] = {}

    def fields(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        key = (entity, entity_id)
        if key not in self._cache:
            t = db.records
            row = self.conn.execute(
                select(t.c.fields).where(
                    t.c.office_id == self.office_id, t.c.entity == entity,
                    t.c.entity_id == entity_id,
                )
            ).first()  # fmt: skip
            self._cache[key] = dict(row.fields) if row else None
        return self._cache[key]


def _root(records: _Records, entity: str, fields: dict[str, Any], depth: int = 0) -> Root | None:
    """The letter a record belongs to (None: it belongs to none, or it cannot be told)."""
    if depth > 3:
        return None
    try:
        kind = Entity(entity)
    except ValueError:
        return None
    if kind in ACCESS_ROOTS:
        record_id = fields.get("id")
        return (kind.value, record_id) if isinstance(record_id, str) else None
    if kind == Entity.CONFLICT:  # a conflict shows values of the record it is about
        about, about_id = fields.get("entity"), fields.get("entity_id")
        if not (isinstance(about, str) and isinstance(about_id, str)):
            return None
        found = records.fields(about, about_id) or {"id": about_id}
        return _root(records, about, {**found, "id": about_id}, depth + 1)
    parent = ACCESS_PARENTS.get(kind)
    if parent is None:
        return None
    parent_id = fields.get(parent[1])
    if not isinstance(parent_id, str):
        return None
    if parent[0] in ACCESS_ROOTS:
        return parent[0].value, parent_id
    above = records.fields(parent[0].value, parent_id)
    if above is None:
        return None
    return _root(records, parent[0].value, {**above, "id": parent_id}, depth + 1)


def serves_office(conn: Connection, office_id: str, device_id: str) -> bool:
    """Is the device a hub of the office (docs/office-hub.md)? A hub receives every record of
    its office, whoever may see it: it is the office's server, and applies this gate to the
    requests of its own PCs."""
    t = db.hub_devices
    return (
        conn.execute(
            select(t.c.device_id).where(t.c.device_id == device_id, t.c.office_id == office_id)
        ).first()
        is not None
    )


class Gate:
    """Decides, for one device's request, which records its users may receive (all of them for
    a hub of the office: ``serves_office``)."""

    def __init__(
        self, conn: Connection, office_id: str, device_id: str, users: Iterable[str]
    ) -> None:
        self.conn, self.office_id, self.device_id = conn, office_id, device_id
        self.users = frozenset(users)
        self.everything = serves_office(conn, office_id, device_id)
        self.records = _Records(conn, office_id)
        self._verdicts: dict[Root, bool] = {}

    def _readers(self, root: Root, fields: dict[str, Any]) -> set[str]:
        people = {fields.get(n) for n in ACCESS_ROOTS[Entity(root[0])]}
        t = db.access_readers
        people.update(
            self.conn.execute(
                select(t.c.person_id).where(
                    t.c.office_id == self.office_id, t.c.root_entity == root[0],
                    t.c.root_id == root[1],
                )
            ).scalars()
        )  # fmt: skip
        return {p for p in people if isinstance(p, str)}

    def may_see(self, root: Root, fields: dict[str, Any] | None = None) -> bool:
        """May the device's users see the letter ``root`` (its ``fields`` when at hand)?"""
        if root not in self._verdicts:
            if fields is None:
                fields = self.records.fields(*root)
            if fields is None or fields.get("sifat", "Biasa") in PUBLIC_SIFAT:
                self._verdicts[root] = True
            else:
                self._verdicts[root] = bool(self.users & self._readers(root, fields))
        return self._verdicts[root]

    def allows(self, entity: str, fields: dict[str, Any]) -> bool:
        if self.everything:
            return True
        root = _root(self.records, entity, fields)
        if root is None:
            return True
        # A letter's own change carries its current fields: no lookup for it.
        return self.may_see(root, fields if root == (entity, fields.get("id")) else None)

    def filter(self, changes: list[Change]) -> list[Change]:
        """The changes the device may receive; the others are remembered as withheld."""
        out, held = [], []
        for change in changes:
            if self.allows(change.entity.value, {"id": change.entity_id, **change.fields}):
                out.append(change)
            else:
                held.append(change)
        for change in held:
            db.insert_ignore(
                self.conn, db.withheld, device_id=self.device_id, entity=change.entity.value,
                entity_id=change.entity_id,
            )  # fmt: skip
        return out

    def reoffer(self) -> list[Change]:
        """Withheld records the device may see now (letters first), no longer withheld."""
        t = db.withheld
        rows = self.conn.execute(
            select(t.c.entity, t.c.entity_id).where(t.c.device_id == self.device_id)
            .order_by(func.random()).limit(MAX_REOFFER)
        ).all()  # fmt: skip
        if not rows:
            return []
        r = db.records
        found: list[Change] = []
        for row in rows:
            record = self.conn.execute(
                select(r.c.version, r.c.deleted, r.c.fields).where(
                    r.c.office_id == self.office_id, r.c.entity == row.entity,
                    r.c.entity_id == row.entity_id,
                )
            ).first()  # fmt: skip
            if record is None:
                continue
            fields = dict(record.fields)
            if not self.allows(row.entity, {"id": row.entity_id, **fields}):
                continue
            found.append(
                Change(
                    seq=0, entity=Entity(row.entity), entity_id=row.entity_id,
                    version=record.version, op=Op.DELETE if record.deleted else Op.UPSERT,
                    fields=fields,
                )
            )  # fmt: skip
        for change in found:
            self.conn.execute(
                delete(t).where(
                    t.c.device_id == self.device_id, t.c.entity == change.entity.value,
                    t.c.entity_id == change.entity_id,
                )
            )  # fmt: skip
        return sorted(found, key=lambda c: _ORDER.get(c.entity, 2))
