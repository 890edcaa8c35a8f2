"""What a committed transaction changed, told to whoever listens. No Qt here.

SQLAlchemy's session events fill a ``Collector`` kept on the connection of the transaction:
``after_flush`` with the rows the ORM inserted, updated or deleted (table and id), and
``do_orm_execute`` with the tables a bulk ``insert``/``update``/``delete`` wrote (no ids: any
row of such a table may have changed). The store's engine moves it aside when the transaction
commits (a rollback drops it) and hands it to the store when the connection goes back to the
pool, after the commit: ``Store.write()`` and any other transaction on the store's engine
(sync's apply runs its own, with foreign-key checks off) are seen alike. Raw SQL strings are
not (nothing in the app writes domain rows that way).

Each change carries its ``origin``: ``LOCAL`` for what a person did on this PC, or the name a
thread gave with ``Store.origin(...)`` (the sync scheduler marks its syncs ``SYNC``, so what a
sync applied never asks for another sync).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

LOCAL = "local"
SYNC = "sync"

STORE_CONNECTION = "naskah.store"  # set in the connection's info by the store's engine
PENDING = "naskah.changes"  # the running transaction's collector
COMMITTED = "naskah.committed"  # committed, to be told when the connection is checked in


@dataclass(frozen=True)
class Changes:
    """Tables and row ids written by one or more committed transactions of one origin."""

    origin: str
    # table -> ids of the rows written: the record's ``id`` where it has one, else its key
    rows: Mapping[str, frozenset[str]] = field(default_factory=dict)
    whole: frozenset[str] = frozenset()  # tables written by statements that name no rows

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows) | self.whole

    @property
    def local(self) -> bool:
        return self.origin == LOCAL

    def touches(self, *tables: str) -> bool:
        """Did any row of any of ``tables`` change?"""
        return any(t in self.rows or t in self.whole for t in tables)

    def may_touch(self, table: str, row_id: str) -> bool:
        """Did the row ``row_id`` of ``table`` change (or may it have, after a bulk write)?"""
        return table in self.whole or row_id in self.rows.get(table, ())

    def merged(self, other: Changes) -> Changes:
        """Both changes as one (of this origin)."""
        rows = {t: ids | other.rows.get(t, frozenset()) for t, ids in self.rows.items()}
        rows.update({t: ids for t, ids in other.rows.items() if t not in rows})
        return Changes(self.origin, rows, self.whole | other.whole)


class Collector:
    """Filled by the session events while one write transaction runs."""

    def __init__(self) -> None:
        self.rows: dict[str, set[str]] = {}
        self.whole: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self.rows or self.whole)

    def add_objects(self, objects: Iterable[Any]) -> None:
        for obj in objects:
            state = inspect(obj)
            table = state.mapper.local_table.name
            entity_id = getattr(obj, "id", None)  # the record's UUID (``letter`` keys on seq)
            if entity_id is None:
                key = state.mapper.primary_key_from_instance(obj)
                entity_id = key[0] if len(key) == 1 else "|".join(map(str, key))
            self.rows.setdefault(table, set()).add(str(entity_id))

    def merge(self, other: Collector) -> None:
        for table, ids in other.rows.items():
            self.rows.setdefault(table, set()).update(ids)
        self.whole |= other.whole

    def changes(self, origin: str) -> Changes:
        return Changes(
            origin, {t: frozenset(ids) for t, ids in self.rows.items()}, frozenset(self.whole)
        )


def _collector(session: Session) -> Collector | None:
    info = session.connection().info
    if not info.get(STORE_CONNECTION):
        return None  # another engine's session (the server's, in tests)
    found = info.get(PENDING)
    if not isinstance(found, Collector):
        found = info[PENDING] = Collector()
    return found


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: UOWTransaction) -> None:
    # Here session.new/dirty/deleted still hold what this flush wrote, with ids assigned.
    collector = _collector(session)
    if collector is not None:
        collector.add_objects(session.new)
        collector.add_objects(o for o in session.dirty if session.is_modified(o))
        collector.add_objects(session.deleted)


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    collector = _collector(state.session) if table is not None else None
    if collector is not None and table is not None:
        collector.whole.add(str(table.name))


def committed(info: dict[str, Any]) -> None:
    """The transaction on this connection commits: keep what it wrote for the check-in."""
    pending = info.pop(PENDING, None)
    if isinstance(pending, Collector) and pending:
        earlier = info.get(COMMITTED)
        if isinstance(earlier, Collector):
            earlier.merge(pending)
        else:
            info[COMMITTED] = pending


def rolled_back(info: dict[str, Any]) -> None:
    info.pop(PENDING, None)


def take_committed(info: dict[str, Any]) -> Collector | None:
    found = info.pop(COMMITTED, None)
    return found if isinstance(found, Collector) else None
