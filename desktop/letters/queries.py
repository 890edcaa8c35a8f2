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

from sqlalchemy import and_, case, column, exists, func, or_, table, text
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from desktop.i18n import N_, _
from desktop.letters.accounts import CurrentUser
from desktop.letters.labels import STATUS_LABELS as STATUS_LABELS
from desktop.letters.labels import status_label as status_label
from desktop.store.db import Store
from desktop.store.models import Letter, Person, ReviewStep
from sync.protocol import LetterStatus


class Queue(StrEnum):
    DRAFTS = "konsep"
    TO_INITIAL = "perlu_paraf"
    TO_SIGN = "perlu_tanda_tangan"
    RETURNED = "dikembalikan"
    IN_PROCESS = "dalam_proses"  # sent by me (or initialled by me), now waiting on someone else
    OUTGOING = "surat_keluar"
    ALL = "semua"  # every letter the person may see, whatever its stage (where search looks)


QUEUE_LABELS: dict[Queue, str] = {
    Queue.DRAFTS: N_("Konsep"),
    Queue.TO_INITIAL: N_("Perlu Paraf"),
    Queue.TO_SIGN: N_("Perlu Tanda Tangan"),
    Queue.RETURNED: N_("Dikembalikan"),
    Queue.IN_PROCESS: N_("Dalam proses"),
    Queue.OUTGOING: N_("Surat Keluar"),
    Queue.ALL: N_("Semua surat"),
}

# Letters on their way to the signature: where they wait is worth showing.
IN_PROCESS_STATUSES = (LetterStatus.IN_REVIEW.value, LetterStatus.AWAITING_SIGNATURE.value)


def queue_label(queue: Queue) -> str:
    return _(QUEUE_LABELS[queue])


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
    signature_kind: str = ""
    holder_name: str = ""  # who must act next (a letter in review or awaiting signature)


_HOLDER_NAME = case(
    (  # looked up only for letters on their way (a page of Surat Keluar costs nothing more)
        col(Letter.status).in_(IN_PROCESS_STATUSES),
        select(Person.name)
        .where(col(Person.id) == col(Letter.holder_id))
        .correlate(Letter)
        .scalar_subquery(),
    ),
    else_="",
)
_ROW_COLUMNS = (
    Letter.id, Letter.number, Letter.letter_date, Letter.hal, Letter.letter_type, Letter.status,
    Letter.classification_code, Letter.addressees_text, Letter.updated_at, Letter.sifat,
    Letter.signature_kind, func.coalesce(_HOLDER_NAME, ""),
)  # fmt: skip


def fts_query(text_: str) -> str:
    """A safe FTS5 query: every word must match, each as a prefix; operators are not parsed."""
    words = re.findall(r"\w+", text_.lower())
    return " ".join(f'"{w}"*' for w in words)


def _on_chain(user: CurrentUser, states: tuple[str, ...] = ()) -> ColumnElement[bool]:
    """The person has a review step on the letter (in one of ``states``, if given)."""
    conds = [col(ReviewStep.letter_id) == col(Letter.id), col(ReviewStep.reviewer_id) == user.id]
    if states:
        conds.append(col(ReviewStep.state).in_(states))
    return exists().where(*conds)


def visible(user: CurrentUser) -> ColumnElement[bool]:
    """SQL: a letter whose contents ``user`` may read by its sifat (Biasa, or they drafted,
    sign or review it); the Surat Keluar list and the agenda book use it."""
    return or_(
        col(Letter.sifat) == "Biasa",
        col(Letter.drafter_id) == user.id,
        col(Letter.signer_id) == user.id,
        _on_chain(user),
    )


def _may_see(user: CurrentUser) -> ColumnElement[bool]:
    """Every letter the person may see in some queue: their own drafts and letters, letters they
    hold or are on the chain of, and the finished letters visible to them."""
    finished = [LetterStatus.SIGNED.value, LetterStatus.VOIDED.value]
    return or_(  # the cheap test that most letters pass first: SQLite stops at the first true
        and_(col(Letter.status).in_(finished), col(Letter.sifat) == "Biasa"),
        col(Letter.drafter_id) == user.id,
        col(Letter.holder_id) == user.id,
        col(Letter.signer_id) == user.id,
        _on_chain(user),
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
    elif queue is Queue.IN_PROCESS:
        conds += [
            col(Letter.status).in_(IN_PROCESS_STATUSES),
            or_(col(Letter.holder_id).is_(None), col(Letter.holder_id) != user.id),
            or_(
                col(Letter.drafter_id) == user.id,
                _on_chain(user, ("initialled", "signed")),
            ),
        ]
    elif queue is Queue.ALL:
        conds.append(_may_see(user))
    else:
        conds += [
            col(Letter.status).in_([LetterStatus.SIGNED.value, LetterStatus.VOIDED.value]),
            visible(user),
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
    return conds


# A search can match most of the archive ("desa"): it returns the newest SEARCH_LIMIT matches
# (which the clerk may sort by any column); to see older ones, the clerk narrows the search.
SEARCH_LIMIT = 1000
_FTS = table("letter_fts", column("rowid"))


def _hits(user: CurrentUser, queue: Queue, filt: ListFilter) -> Any:
    """The newest matches of a search as a subquery of letter keys.

    Driven by the full-text index in rowid order (newest first) and stopped at SEARCH_LIMIT, so
    a word found in every letter costs no more than a rare one.
    """
    rowid = _FTS.c.rowid
    return (
        select(col(Letter.seq).label("seq"))
        .select_from(_FTS.join(Letter, col(Letter.seq) == rowid))
        .where(text("letter_fts MATCH :fts").bindparams(fts=fts_query(filt.search)))
        .where(and_(*_conditions(user, queue, filt)))
        .order_by(rowid.desc())
        .limit(SEARCH_LIMIT)
        .subquery("hits")
    )


def _outgoing_hint(queue: Queue, filt: ListFilter, sort: str | None) -> str | None:
    """The covering index to walk for a Surat Keluar (or Semua surat) query, or None to let
    SQLite choose.

    Letter rows are large (their body text), so a plan that reads a row per candidate is slow on
    a big archive; these indexes hold every column the queue's conditions need, and SQLite's
    planner does not reliably pick them on its own (see docs/architecture.md). Semua surat is
    mostly Surat Keluar: its other letters (on their way, a few) cost a row read each.
    """
    if queue not in (Queue.OUTGOING, Queue.ALL):
        return None
    if filt.date_from or filt.date_to:
        # A date range is selective: walk it, then sort what it holds (Semua surat: its own
        # index is better).
        return "ix_out_date" if queue is Queue.OUTGOING else None
    return f"ix_out_{sort or 'status'}"  # ix_out_status leads with the queue's own columns


def count(
    store: Store,
    user: CurrentUser,
    queue: Queue,
    filt: ListFilter | None = None,
    *,
    at_most: int | None = None,
) -> int:
    """How many letters the queue shows; with a search, at most SEARCH_LIMIT.

    ``at_most``: stop counting past that many and return ``at_most + 1`` (shown as "1.000+"),
    for a list that recounts on every keystroke; the exact number is asked when the person
    pauses."""
    filt = filt or ListFilter()
    with store.read() as session:
        if fts_query(filt.search):
            hits: Any = _hits(user, queue, filt)
            if at_most is not None and at_most < SEARCH_LIMIT:
                hits = select(hits.c.seq).limit(at_most + 1).subquery("first")
            return int(session.exec(select(func.count()).select_from(hits)).one())
        if at_most is not None:
            first: Any = select(col(Letter.seq)).where(and_(*_conditions(user, queue, filt)))
            hint = _outgoing_hint(queue, filt, None)
            if hint:
                first = first.with_hint(Letter, f"INDEXED BY {hint}", "sqlite")
            first = first.limit(at_most + 1).subquery("first")
            return int(session.exec(select(func.count()).select_from(first)).one())
        hint = _outgoing_hint(queue, filt, None)
        q = select(func.count()).select_from(Letter).where(and_(*_conditions(user, queue, filt)))
        if hint:
            q = q.with_hint(Letter, f"INDEXED BY {hint}", "sqlite")
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
        q: Any = select(*_ROW_COLUMNS)  # type: ignore[call-overload]
        if fts_query(filt.search):
            hits = _hits(user, queue, filt)
            q = q.join(hits, hits.c.seq == col(Letter.seq))
        elif (hint := _outgoing_hint(queue, filt, sort)) == "ix_out_date":
            # The page's keys from the index alone, then only its letters' rows are read.
            keys = (
                select(col(Letter.seq).label("seq"))
                .where(and_(*_conditions(user, queue, filt)))
                .with_hint(Letter, f"INDEXED BY {hint}", "sqlite")
                .order_by(*order)
                .offset(offset)
                .limit(limit)
                .subquery("keys")
            )
            q = q.join(keys, keys.c.seq == col(Letter.seq))
            offset = 0
        else:
            q = q.where(and_(*_conditions(user, queue, filt)))
            if hint:
                q = q.with_hint(Letter, f"INDEXED BY {hint}", "sqlite")
                # The index's own order already breaks ties deterministically; naming seq here
                # would force a sort of the whole queue.
                order = order[:1]
        q = q.order_by(*order).offset(offset).limit(limit)
        return [LetterRow(*row) for row in session.exec(q).all()]


def queue_counts(
    store: Store, user: CurrentUser, *, outgoing_at_most: int | None = None
) -> dict[Queue, int]:
    """How many letters are in each of the person's queues (all but ``Queue.ALL``).

    ``outgoing_at_most``: Surat Keluar (most of the archive) is counted only that far, as
    ``count(at_most=...)`` does; the queues that ask for action are always counted exactly."""
    me = user.id
    with store.read() as session:
        # Walks the holder's own index entries (a handful), not every letter in review.
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
                .with_hint(Letter, "INDEXED BY ix_letter_holder_status_updated", "sqlite")
                .group_by(Letter.status)
            ).all()
        )
    return {
        Queue.DRAFTS: count(store, user, Queue.DRAFTS),
        Queue.TO_INITIAL: holder.get(LetterStatus.IN_REVIEW.value, 0),
        Queue.TO_SIGN: holder.get(LetterStatus.AWAITING_SIGNATURE.value, 0),
        Queue.RETURNED: count(store, user, Queue.RETURNED),
        Queue.IN_PROCESS: count(store, user, Queue.IN_PROCESS),
        Queue.OUTGOING: count(store, user, Queue.OUTGOING, at_most=outgoing_at_most),
    }
