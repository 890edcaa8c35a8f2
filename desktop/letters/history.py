"""A letter's history as people read it: edits, sending, initials, returns, signatures, voiding.

Autosave writes a revision every few seconds of typing; the history shows a run of them by one
person as one line, so the steps that matter (sent, initialled, returned, signed) stay visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import select

from desktop.i18n import _
from desktop.letters.accounts import CurrentUser
from desktop.letters.drafting import get_letter
from desktop.store.db import Store
from desktop.store.models import IssuedNumber, LetterRevision, LetterSignature, Person, ReviewStep
from sync.protocol import SignatureKind


@dataclass(frozen=True)
class HistoryEvent:
    at: datetime
    who: str
    what: str
    note: str = ""


# Events at the same instant keep the order in which they happen in one transaction.
_EDIT, _SENT, _STEP, _VOID = range(4)


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _signed_text(kind: str) -> str:
    if kind == SignatureKind.INTERNAL.value:
        return _("Ditandatangani elektronik (TTE internal)")
    if kind == SignatureKind.BSRE.value:
        return _("Ditandatangani elektronik (TTE BSrE)")
    return _("Ditandatangani basah")


def _revisions_text(first: int, last: int) -> str:
    if first == last:
        return _("Revisi {n} disimpan").format(n=first)
    return _("Revisi {a}–{b} disimpan").format(a=first, b=last)


def history(store: Store, user: CurrentUser, letter_id: str) -> list[HistoryEvent]:
    """What happened to a letter, oldest first (the caller must be allowed to read it).

    Consecutive revisions by one person with nothing else between them are one event; each
    sending for review is an event ("Dikirim kepada ..."); a signature says whether it was made
    by hand or electronically, and with which kind of certificate.
    """
    letter = get_letter(store, user, letter_id)
    timed: list[tuple[datetime, int, HistoryEvent, int]] = []  # (at, order, event, revision)
    with store.read() as session:
        names = dict(session.exec(select(Person.id, Person.name)).all())
        for rev in session.exec(
            select(LetterRevision).where(LetterRevision.letter_id == letter_id)
        ).all():
            event = HistoryEvent(rev.created_at, names.get(rev.author_id, "?"), "")
            timed.append((_utc(rev.created_at), _EDIT, event, rev.revision_no))
        steps = session.exec(select(ReviewStep).where(ReviewStep.letter_id == letter_id)).all()
        kinds = {
            s.signer_id: s.kind
            for s in session.exec(
                select(LetterSignature).where(LetterSignature.letter_id == letter_id)
            ).all()
        }
        rounds: dict[int, list[ReviewStep]] = {}
        for step in steps:
            rounds.setdefault(step.round, []).append(step)
        for round_steps in rounds.values():
            first = min(round_steps, key=lambda s: s.position)
            # A step is made when the letter is sent and never re-dated; one acted on at once
            # (a clock set back) must not appear before its sending.
            sent = min(_utc(s.updated_at) for s in round_steps)
            acted = [_utc(s.acted_at) for s in round_steps if s.acted_at is not None]
            sent = min([sent, *acted])
            what = _("Dikirim kepada {who}").format(who=names.get(first.reviewer_id, "?"))
            event = HistoryEvent(sent, names.get(letter.drafter_id, "?"), what)
            timed.append((sent, _SENT, event, 0))
        for step in steps:
            if step.acted_at is None:
                continue
            if step.state == "signed":
                what = _signed_text(kinds.get(step.reviewer_id, SignatureKind.WET.value))
                if letter.number:
                    what = _("{what}, nomor {n}").format(what=what, n=letter.number)
            else:
                what = {"initialled": _("Paraf"), "returned": _("Dikembalikan")}.get(
                    step.state, step.state
                )
            event = HistoryEvent(step.acted_at, names.get(step.reviewer_id, "?"), what, step.note)
            timed.append((_utc(step.acted_at), _STEP, event, 0))
        if letter.number_id:
            number = session.get(IssuedNumber, letter.number_id)
            if number is not None and number.voided_at is not None:
                event = HistoryEvent(
                    number.voided_at,
                    names.get(number.voided_by or "", "?"),
                    _("Nomor dibatalkan"),
                    number.void_reason,
                )
                timed.append((_utc(number.voided_at), _VOID, event, 0))
    timed.sort(key=lambda t: (t[0], t[1], t[3]))
    return _collapse_edits(timed)


def _collapse_edits(timed: list[tuple[datetime, int, HistoryEvent, int]]) -> list[HistoryEvent]:
    events: list[HistoryEvent] = []
    run: list[tuple[HistoryEvent, int]] = []  # revisions by one person, nothing between

    def close_run() -> None:
        if run:
            last, _last_no = run[-1]
            numbers = [n for _e, n in run]
            what = _revisions_text(min(numbers), max(numbers))
            events.append(HistoryEvent(last.at, last.who, what))
            run.clear()

    for _at, order, event, revision in timed:
        if order == _EDIT:
            if run and run[-1][0].who != event.who:
                close_run()
            run.append((event, revision))
            continue
        close_run()
        events.append(event)
    close_run()
    return events
