"""Queues and lists: counting, paging, sorting, filtering and full-text search, all in SQL.

List views never load every row: they ask for the count, then for the page they are showing
(``LIMIT``/``OFFSET`` over an indexed ``ORDER BY``), as Anki's browser does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, exists, func, or_, text
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from desktop.i18n import _
from desktop.letters.accounts import CurrentUser
from desktop.letters.drafting import get_letter
from desktop.store.db import Store
from desktop.store.models import IssuedNumber, Letter, LetterRevision, Person, ReviewStep
from sync.protocol import LetterStatus


class Queue(StrEnum):
    DRAFTS = "konsep"
    TO_INITIAL = "perlu_paraf"
    TO_SIGN = "perlu_tanda_tangan"
    RETURNED = "dikembalikan"
    OUTGOING = "surat_keluar"


QUEUE_LABELS: dict[Queue, str] = {
    Queue.DRAFTS: _("Konsep"),
    Queue.TO_INITIAL: _("Perlu Paraf"),
    Queue.TO_SIGN: _("Perlu Tanda Tangan"),
    Queue.RETURNED: _("Dikembalikan"),
    Queue.OUTGOING: _("Surat Keluar"),
}

STATUS_LABELS: dict[str, str] = {
    LetterStatus.DRAFT.value: _("Konsep"),
    LetterStatus.IN_REVIEW.value: _("Menunggu paraf"),
    LetterStatus.RETURNED.value: _("Dikembalikan"),
    LetterStatus.AWAITING_SIGNATURE.value: _("Menunggu tanda tangan"),
    LetterStatus.SIGNED.value: _("Ditandatangani"),
    LetterStatus.VOIDED.value: _("Dibatalkan"),
}

SORTABLE: dict[str, Any] = {
    "number": Letter.number,
    "letter_date": Letter.letter_date,
    "hal": Letter.hal,
    "letter_type": Letter.letter_type,
    "status": Letter.status,
    "classification_code": Letter.classification_code,
    "updated_at": Letter.updated_at,
}


@dataclass(frozen=True)
class ListFilter:
    status: str | None = None
    letter_type: str | None = None
    classification: str | None = None  # a code prefix: "400" matches 400.10.2.2
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""


@dataclass(frozen=True)
class LetterRow:
    id: str
    number: str
    letter_date: date | None
    hal: str
    letter_type: str
    status: str
    classification_code: str
    addressees_text: str
    updated_at: datetime
    sifat: str


_ROW_COLUMNS = (
    Letter.id, Letter.number, Letter.letter_date, Letter.hal, Letter.letter_type, Letter.status,
    Letter.classification_code, Letter.addressees_text, Letter.updated_at, Letter.sifat,
)  # fmt: skip


def fts_query(text_: str) -> str:
    """A safe FTS5 query: every word must match, each as a prefix; operators are not parsed."""
    words = re.findall(r"\w+", text_.lower())
    return " ".join(f'"{w}"*' for w in words)


def _visible(user: CurrentUser) -> ColumnElement[bool]:
    on_letter = exists().where(
        col(ReviewStep.letter_id) == col(Letter.id), col(ReviewStep.reviewer_id) == user.id
    )
    return or_(
        col(Letter.sifat) == "Biasa",
        col(Letter.drafter_id) == user.id,
        col(Letter.signer_id) == user.id,
        on_letter,
    )


def _conditions(user: CurrentUser, queue: Queue, filt: ListFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [col(Letter.deleted_at).is_(None)]
    if queue is Queue.DRAFTS:
        conds += [col(Letter.status) == LetterStatus.DRAFT.value, col(Letter.drafter_id) == user.id]
    elif queue is Queue.TO_INITIAL:
        conds += [
            col(Letter.status) == LetterStatus.IN_REVIEW.value,
            col(Letter.holder_id) == user.id,
        ]
    elif queue is Queue.TO_SIGN:
        conds += [
            col(Letter.status) == LetterStatus.AWAITING_SIGNATURE.value,
            col(Letter.holder_id) == user.id,
        ]
    elif queue is Queue.RETURNED:
        conds += [
            col(Letter.status) == LetterStatus.RETURNED.value,
            col(Letter.drafter_id) == user.id,
        ]
    else:
        conds += [
            col(Letter.status).in_([LetterStatus.SIGNED.value, LetterStatus.VOIDED.value]),
            _visible(user),
        ]
    if filt.status:
        conds.append(col(Letter.status) == filt.status)
    if filt.letter_type:
        conds.append(col(Letter.letter_type) == filt.letter_type)
    if filt.classification:
        code = filt.classification.strip()
        conds.append(
            or_(
                col(Letter.classification_code) == code,
                col(Letter.classification_code).startswith(code + "."),
            )
        )
    date_col: Any = Letter.letter_date if queue is Queue.OUTGOING else func.date(Letter.updated_at)
    if filt.date_from:
        conds.append(date_col >= filt.date_from)
    if filt.date_to:
        conds.append(date_col <= filt.date_to)
    query = fts_query(filt.search)
    if query:
        matches = text("SELECT rowid FROM letter_fts WHERE letter_fts MATCH :q").bindparams(q=query)
        conds.append(col(Letter.seq).in_(matches))
    return conds


def count(store: Store, user: CurrentUser, queue: Queue, filt: ListFilter | None = None) -> int:
    filt = filt or ListFilter()
    with store.read() as session:
        q = select(func.count()).select_from(Letter).where(and_(*_conditions(user, queue, filt)))
        return int(session.exec(q).one())


def page(
    store: Store,
    user: CurrentUser,
    queue: Queue,
    filt: ListFilter | None = None,
    *,
    sort: str = "updated_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
) -> list[LetterRow]:
    """One page of a queue, sorted in SQL (ties broken by the local key for a stable order)."""
    filt = filt or ListFilter()
    key = SORTABLE[sort]
    order = (
        [col(key).desc(), col(Letter.seq).desc()]
        if descending
        else [col(key).asc(), col(Letter.seq).asc()]
    )
    with store.read() as session:
        q = (
            select(*_ROW_COLUMNS)  # type: ignore[call-overload]
            .where(and_(*_conditions(user, queue, filt)))
            .order_by(*order)
            .offset(offset)
            .limit(limit)
        )
        return [LetterRow(*row) for row in session.exec(q).all()]


def queue_counts(store: Store, user: CurrentUser) -> dict[Queue, int]:
    """How many letters wait in each of the person's queues (one query)."""
    me = user.id
    with store.read() as session:
        per_status = session.exec(
            select(Letter.status, func.count())
            .where(
                col(Letter.deleted_at).is_(None),
                or_(col(Letter.drafter_id) == me, col(Letter.holder_id) == me),
                col(Letter.status).in_(
                    [
                        LetterStatus.DRAFT.value,
                        LetterStatus.RETURNED.value,
                        LetterStatus.IN_REVIEW.value,
                        LetterStatus.AWAITING_SIGNATURE.value,
                    ]
                ),
            )
            .group_by(Letter.status)
        ).all()
        holder = dict(
            session.exec(
                select(Letter.status, func.count())
                .where(
                    col(Letter.deleted_at).is_(None),
                    col(Letter.holder_id) == me,
                    col(Letter.status).in_(
                        [LetterStatus.IN_REVIEW.value, LetterStatus.AWAITING_SIGNATURE.value]
                    ),
                )
                .group_by(Letter.status)
            ).all()
        )
    mine = dict(per_status)
    return {
        Queue.DRAFTS: count(store, user, Queue.DRAFTS) if mine.get("draft") else 0,
        Queue.TO_INITIAL: holder.get(LetterStatus.IN_REVIEW.value, 0),
        Queue.TO_SIGN: holder.get(LetterStatus.AWAITING_SIGNATURE.value, 0),
        Queue.RETURNED: count(store, user, Queue.RETURNED) if mine.get("returned") else 0,
        Queue.OUTGOING: count(store, user, Queue.OUTGOING),
    }


@dataclass(frozen=True)
class HistoryEvent:
    at: datetime
    who: str
    what: str
    note: str = ""


def history(store: Store, user: CurrentUser, letter_id: str) -> list[HistoryEvent]:
    """What happened to a letter, oldest first: revisions, initials, returns, signing, voiding."""
    letter = get_letter(store, user, letter_id)
    events: list[HistoryEvent] = []
    with store.read() as session:
        names = dict(session.exec(select(Person.id, Person.name)).all())
        for rev in session.exec(
            select(LetterRevision).where(LetterRevision.letter_id == letter_id)
        ).all():
            events.append(
                HistoryEvent(
                    rev.created_at,
                    names.get(rev.author_id, "?"),
                    _("Revisi {n} disimpan").format(n=rev.revision_no),
                )
            )
        labels = {
            "initialled": _("Paraf"),
            "returned": _("Dikembalikan"),
            "signed": _("Ditandatangani basah"),
        }
        for step in session.exec(
            select(ReviewStep).where(
                col(ReviewStep.letter_id) == letter_id, col(ReviewStep.acted_at).is_not(None)
            )
        ).all():
            assert step.acted_at is not None
            what = labels.get(step.state, step.state)
            if step.state == "signed" and letter.number:
                what = _("Ditandatangani basah, nomor {n}").format(n=letter.number)
            events.append(
                HistoryEvent(step.acted_at, names.get(step.reviewer_id, "?"), what, step.note)
            )
        if letter.number_id:
            number = session.get(IssuedNumber, letter.number_id)
            if number is not None and number.voided_at is not None:
                events.append(
                    HistoryEvent(
                        number.voided_at,
                        names.get(number.voided_by or "", "?"),
                        _("Nomor dibatalkan"),
                        number.void_reason,
                    )
                )
    events.sort(key=lambda e: e.at)
    return events
