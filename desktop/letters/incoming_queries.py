"""Lists of incoming letters and dispositions: counts, pages, filters and search, in SQL.

As for outgoing letters (``queries``), a list view asks for the count and then for the page it
shows; a search walks the ``incoming_fts`` index newest first and stops at SEARCH_LIMIT.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, column, func, or_, table, text
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from desktop.i18n import N_, _
from desktop.letters import incoming
from desktop.letters.accounts import CurrentUser
from desktop.letters.disposition import OPEN_STATES
from desktop.letters.queries import SEARCH_LIMIT, fts_query
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.incoming_models import Disposition, IncomingLetter


class IncomingQueue(StrEnum):
    NEW = "surat_masuk_baru"
    ALL = "surat_masuk"
    DISPOSITIONS = "disposisi"


INCOMING_QUEUE_LABELS: dict[IncomingQueue, str] = {
    IncomingQueue.NEW: N_("Surat Masuk Baru"),
    IncomingQueue.ALL: N_("Surat Masuk"),
    IncomingQueue.DISPOSITIONS: N_("Disposisi"),
}


def incoming_queue_label(queue: IncomingQueue) -> str:
    """The queue's name in the UI's language (the table holds the marked source text)."""
    return _(INCOMING_QUEUE_LABELS[queue])


SORTABLE: dict[str, Any] = {
    "received_date": IncomingLetter.received_date,
    "agenda_number": IncomingLetter.agenda_number,
    "sender_name": IncomingLetter.sender_name,
    "hal": IncomingLetter.hal,
    "sifat": IncomingLetter.sifat,
    "updated_at": IncomingLetter.updated_at,
    "due_date": Disposition.due_date,
}


@dataclass(frozen=True)
class IncomingFilter:
    search: str = ""
    sifat: str | None = None
    channel: str | None = None
    classification: str | None = None  # a code prefix
    date_from: date | None = None  # received
    date_to: date | None = None
    overdue_only: bool = False  # the Disposisi queue: only those past their due date


@dataclass(frozen=True)
class IncomingRow:
    id: str
    agenda_number: str
    agenda_year: int
    received_date: date
    sender_name: str
    sender_number: str
    hal: str
    sifat: str
    urgency: str
    state: str
    disposition_id: str | None = None
    due_date: date | None = None
    disposition_state: str | None = None

    @property
    def overdue(self) -> bool:
        return (
            self.disposition_state in OPEN_STATES
            and self.due_date is not None
            and self.due_date < clock.today()
        )


_COLUMNS = (
    IncomingLetter.id, IncomingLetter.agenda_number, IncomingLetter.agenda_year,
    IncomingLetter.received_date, IncomingLetter.sender_name, IncomingLetter.sender_number,
    IncomingLetter.hal, IncomingLetter.sifat, IncomingLetter.urgency, IncomingLetter.state,
)  # fmt: skip
_DISPOSITION_COLUMNS = (Disposition.id, Disposition.due_date, Disposition.state)
_FTS = table("incoming_fts", column("rowid"))


def _conditions(
    user: CurrentUser, queue: IncomingQueue, filt: IncomingFilter
) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [col(IncomingLetter.deleted_at).is_(None)]
    if queue is IncomingQueue.DISPOSITIONS:
        # Reaching the letter through a disposition is what makes it visible here.
        conds += [
            col(Disposition.to_id) == user.id,
            col(Disposition.state).in_(OPEN_STATES),
            col(Disposition.deleted_at).is_(None),
        ]
        if filt.overdue_only:
            conds.append(col(Disposition.due_date) < clock.today())
    else:
        conds.append(incoming.visible(user))
        if queue is IncomingQueue.NEW:
            conds.append(col(IncomingLetter.state) == "baru")
    if filt.sifat:
        conds.append(col(IncomingLetter.sifat) == filt.sifat)
    if filt.channel:
        conds.append(col(IncomingLetter.channel) == filt.channel)
    if filt.classification:
        code = filt.classification.strip()
        conds.append(
            or_(
                col(IncomingLetter.classification_code) == code,
                col(IncomingLetter.classification_code).startswith(code + "."),
            )
        )
    if filt.date_from:
        conds.append(col(IncomingLetter.received_date) >= filt.date_from)
    if filt.date_to:
        conds.append(col(IncomingLetter.received_date) <= filt.date_to)
    return conds


def _base(queue: IncomingQueue, *columns: Any) -> Any:
    q: Any = select(*columns)
    if queue is IncomingQueue.DISPOSITIONS:
        q = q.select_from(IncomingLetter).join(
            Disposition, col(Disposition.incoming_id) == col(IncomingLetter.id)
        )
    return q


def _hits(user: CurrentUser, queue: IncomingQueue, filt: IncomingFilter) -> Any:
    rowid = _FTS.c.rowid
    q = (
        _base(queue, col(IncomingLetter.seq).label("seq"))
        .join(_FTS, rowid == col(IncomingLetter.seq))
        .where(text("incoming_fts MATCH :fts").bindparams(fts=fts_query(filt.search)))
        .where(and_(*_conditions(user, queue, filt)))
        .order_by(rowid.desc())
        .limit(SEARCH_LIMIT)
    )
    return q.subquery("hits")


def count(
    store: Store, user: CurrentUser, queue: IncomingQueue, filt: IncomingFilter | None = None
) -> int:
    filt = filt or IncomingFilter()
    with store.read() as session:
        if fts_query(filt.search):
            q: Any = select(func.count()).select_from(_hits(user, queue, filt))
        else:
            q = _base(queue, func.count()).where(and_(*_conditions(user, queue, filt)))
            if queue is not IncomingQueue.DISPOSITIONS:
                q = q.select_from(IncomingLetter)
        return int(session.exec(q).one())


def page(
    store: Store,
    user: CurrentUser,
    queue: IncomingQueue,
    filt: IncomingFilter | None = None,
    *,
    sort: str = "received_date",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[IncomingRow]:
    """One page of a list, sorted in SQL (ties broken by the local key)."""
    filt = filt or IncomingFilter()
    if sort == "due_date" and queue is not IncomingQueue.DISPOSITIONS:
        sort = "received_date"
    key = SORTABLE[sort]
    seq = col(IncomingLetter.seq)
    order = [col(key).desc(), seq.desc()] if descending else [col(key).asc(), seq.asc()]
    with_disposition = queue is IncomingQueue.DISPOSITIONS
    columns = (*_COLUMNS, *_DISPOSITION_COLUMNS) if with_disposition else _COLUMNS
    with store.read() as session:
        q = _base(queue, *columns)
        if fts_query(filt.search):
            hits = _hits(user, queue, filt)
            q = q.join(hits, hits.c.seq == seq).where(and_(*_conditions(user, queue, filt)))
        else:
            q = q.where(and_(*_conditions(user, queue, filt)))
        q = q.order_by(*order).offset(offset).limit(limit)
        return [IncomingRow(*row) for row in session.exec(q).all()]


@dataclass(frozen=True)
class Counts:
    new: int
    all: int
    dispositions: int  # open dispositions to the person
    overdue: int  # of those, past their due date

    def of(self, queue: IncomingQueue) -> int:
        return {
            IncomingQueue.NEW: self.new,
            IncomingQueue.ALL: self.all,
            IncomingQueue.DISPOSITIONS: self.dispositions,
        }[queue]


def counts(store: Store, user: CurrentUser) -> Counts:
    return Counts(
        new=count(store, user, IncomingQueue.NEW),
        all=count(store, user, IncomingQueue.ALL),
        dispositions=count(store, user, IncomingQueue.DISPOSITIONS),
        overdue=count(store, user, IncomingQueue.DISPOSITIONS, IncomingFilter(overdue_only=True)),
    )


def overdue_given(store: Store, user: CurrentUser) -> int:
    """Open dispositions the person gave that are past their due date (the head's view)."""
    with store.read() as session:
        return int(
            session.exec(
                select(func.count())
                .select_from(Disposition)
                .where(
                    col(Disposition.from_id) == user.id,
                    col(Disposition.state).in_(OPEN_STATES),
                    col(Disposition.due_date) < clock.today(),
                    col(Disposition.deleted_at).is_(None),
                )
            ).one()
        )
