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

The people a review step or a disposition adds to its letter are indexed when the record is written
(``index``), so that deciding costs a few key lookups per change. A page's letters that are not on
it themselves are read together before the page is judged (``Gate.prefetch``: a query per 500), and
so are the indexed people of the confidential ones: a page of 5,000 changes costs a handful of
queries, not one per letter (bench/access_bench.py).
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

    def remember(self, entity: str, entity_id: str, fields: dict[str, Any]) -> None:
        """A record read by someone else (``Gate.prefetch``)."""
        self._cache[(entity, entity_id)] = fields

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
        self._indexed: dict[Root, set[str]] = {}  # access_readers read ahead (prefetch)

    def _readers(self, root: Root, fields: dict[str, Any]) -> set[str]:
        people = {fields.get(n) for n in ACCESS_ROOTS[Entity(root[0])]}
        if root in self._indexed:
            people.update(self._indexed[root])
        else:
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

    def prefetch(self, changes: list[Change]) -> None:
        """Judge, in a few queries, the letters that ``changes`` belong to without carrying
        them (a query per 500 letters), then the indexed people of the confidential ones. What
        is not found so is left to ``may_see``, as before."""
        on_page = {(c.entity.value, c.entity_id) for c in changes}
        wanted: dict[Entity, set[str]] = {}
        secret: dict[Root, dict[str, Any]] = {}
        for change in changes:  # the letters on the page carry their own fields
            root = (change.entity.value, change.entity_id)
            if change.entity not in ACCESS_ROOTS or root in self._verdicts:
                continue
            if change.fields.get("sifat", "Biasa") in PUBLIC_SIFAT:
                self._verdicts[root] = True
            else:
                secret[root] = {"id": change.entity_id, **change.fields}
        for change in changes:
            parent = ACCESS_PARENTS.get(change.entity)
            if parent is None or parent[0] not in ACCESS_ROOTS:
                continue
            parent_id = change.fields.get(parent[1])
            if not isinstance(parent_id, str):
                continue
            root = (parent[0].value, parent_id)
            if root not in on_page and root not in self._verdicts:
                wanted.setdefault(parent[0], set()).add(parent_id)
        t = db.records
        for kind, id_set in wanted.items():
            ids = sorted(id_set)
            for start in range(0, len(ids), 500):
                for row in self.conn.execute(
                    select(t.c.entity_id, t.c.fields).where(
                        t.c.office_id == self.office_id, t.c.entity == kind.value,
                        t.c.entity_id.in_(ids[start : start + 500]),
                    )
                ):  # fmt: skip
                    root = (kind.value, row.entity_id)
                    fields = dict(row.fields)
                    self.records.remember(kind.value, row.entity_id, fields)
                    if fields.get("sifat", "Biasa") in PUBLIC_SIFAT:
                        self._verdicts[root] = True
                    else:
                        secret[root] = {"id": row.entity_id, **fields}
        if not secret:
            return
        r = db.access_readers
        roots = sorted(secret)
        for root in roots:
            self._indexed[root] = set()
        for entity in {e for e, _ in roots}:
            ids = [i for e, i in roots if e == entity]
            for start in range(0, len(ids), 500):
                for person_row in self.conn.execute(
                    select(r.c.root_id, r.c.person_id).where(
                        r.c.office_id == self.office_id, r.c.root_entity == entity,
                        r.c.root_id.in_(ids[start : start + 500]),
                    )
                ):  # fmt: skip
                    self._indexed[(entity, person_row.root_id)].add(person_row.person_id)
        for root, fields in secret.items():
            self.may_see(root, fields)

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
        if not self.everything:
            self.prefetch(changes)
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
        by_entity: dict[str, list[str]] = {}
        for row in rows:
            by_entity.setdefault(row.entity, []).append(row.entity_id)
        candidates: list[Change] = []
        for entity, ids in by_entity.items():  # one query per kind (at most MAX_REOFFER ids)
            try:
                kind = Entity(entity)
            except ValueError:
                continue
            for record in self.conn.execute(
                select(r.c.entity_id, r.c.version, r.c.deleted, r.c.fields).where(
                    r.c.office_id == self.office_id, r.c.entity == entity,
                    r.c.entity_id.in_(ids),
                )
            ):  # fmt: skip
                candidates.append(
                    Change(
                        seq=0, entity=kind, entity_id=record.entity_id,
                        version=record.version, op=Op.DELETE if record.deleted else Op.UPSERT,
                        fields=dict(record.fields),
                    )
                )  # fmt: skip
        if not self.everything:
            self.prefetch(candidates)
        found = [
            c for c in candidates
            if self.allows(c.entity.value, {"id": c.entity_id, **c.fields})
        ]  # fmt: skip
        for change in found:
            self.conn.execute(
                delete(t).where(
                    t.c.device_id == self.device_id, t.c.entity == change.entity.value,
                    t.c.entity_id == change.entity_id,
                )
            )  # fmt: skip
        return sorted(found, key=lambda c: _ORDER.get(c.entity, 2))
