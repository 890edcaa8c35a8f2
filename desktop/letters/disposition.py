"""Dispositions (disposisi): the head's instructions on an incoming letter, forwarded down a tree.

One ``disposition`` row per recipient. The first dispositions of a letter come from the person
it is addressed to, or anyone who signs for the office (the camat, the sekcam); a recipient may
forward theirs further down (``parent_id``), add follow-up notes, and mark it done with a result
(optionally the reply letter). The author may cancel a disposition while it is still unread.
Each service is one transaction with its outbox rows and audit entries.

States: ``dikirim`` (sent, unread) -> ``dibaca`` -> ``selesai``; ``dikirim`` -> ``dibatalkan``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from desktop.i18n import _
from desktop.letters import incoming, journal
from desktop.letters.accounts import CurrentUser, Role, require
from desktop.letters.document import letterhead
from desktop.letters.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from desktop.render.dates import format_date_id
from desktop.render.disposition_sheet import DispositionSheet
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.incoming_models import (
    Disposition,
    DispositionInstruction,
    DispositionNote,
    IncomingLetter,
)
from desktop.store.models import Letter, Office, Person
from sync.protocol import Entity

SENT, READ, DONE, CANCELLED = "dikirim", "dibaca", "selesai", "dibatalkan"
OPEN_STATES = (SENT, READ)
STATE_LABELS: dict[str, str] = {
    SENT: _("Belum dibaca"),
    READ: _("Dibaca"),
    DONE: _("Selesai"),
    CANCELLED: _("Dibatalkan"),
}


# -- the standard instructions ---------------------------------------------------------------


def instructions(store: Store, *, include_retired: bool = False) -> list[DispositionInstruction]:
    """The standard instructions in their order (the administrator's list)."""
    with store.read() as session:
        q = select(DispositionInstruction).where(col(DispositionInstruction.deleted_at).is_(None))
        if not include_retired:
            q = q.where(col(DispositionInstruction.active).is_(True))
        return list(session.exec(q.order_by(col(DispositionInstruction.position))).all())


def save_instruction(
    store: Store,
    user: CurrentUser,
    instruction_id: str | None,
    text: str,
    *,
    position: int | None = None,
    active: bool = True,
) -> DispositionInstruction:
    """Add, rename, reorder or retire a standard instruction (administrator only)."""
    require(user, Role.ADMIN)
    if not text.strip():
        raise ValidationError({"text": _("Teks instruksi wajib diisi.")})
    with store.write() as session:
        row = session.get(DispositionInstruction, instruction_id) if instruction_id else None
        if instruction_id and row is None:
            raise NotFound(_("Instruksi"))
        if row is None:
            last = session.exec(
                select(DispositionInstruction.position)
                .order_by(col(DispositionInstruction.position).desc())
                .limit(1)
            ).first()
            row = DispositionInstruction(text="", position=(last or 0) + 1)
        row.text = " ".join(text.split())
        if position is not None:
            row.position = position
        row.active = active
        row.updated_at = clock.now()
        journal.record(
            session, user.id, "disposition.instruction", Entity.DISPOSITION_INSTRUCTION, row
        )
        return row


# -- writing and forwarding ------------------------------------------------------------------


@dataclass
class DispositionInput:
    recipient_ids: list[str]
    instructions: list[str] = field(default_factory=list)  # ticked standard instructions
    instruction_text: str = ""  # free text
    note: str = ""
    due_date: date | None = None


def _validate(data: DispositionInput, on: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.recipient_ids:
        errors["recipients"] = _("Pilih setidaknya satu penerima disposisi.")
    elif len(set(data.recipient_ids)) != len(data.recipient_ids):
        errors["recipients"] = _("Penerima yang sama dipilih dua kali.")
    if not data.instructions and not data.instruction_text.strip():
        errors["instructions"] = _("Pilih instruksi atau tulis instruksi sendiri.")
    if data.due_date is not None and data.due_date < on:
        errors["due_date"] = _("Batas waktu tidak boleh sebelum hari ini.")
    return errors


def dispose(
    store: Store,
    user: CurrentUser,
    incoming_id: str,
    data: DispositionInput,
    *,
    parent_id: str | None = None,
) -> list[Disposition]:
    """Write a disposition to each recipient (one transaction).

    Without ``parent_id``: the person the letter is addressed to, or a signer of the office.
    With it: forwarding one's own open disposition further down (the parent becomes "dibaca").
    Raises ValidationError, PermissionDenied, NotFound.
    """
    errors = _validate(data, clock.today())
    if user.id in data.recipient_ids:
        errors["recipients"] = _("Disposisi tidak dapat ditujukan kepada diri sendiri.")
    if errors:
        raise ValidationError(errors)
    with store.write() as session:
        letter = _letter(session, user, incoming_id)
        if letter.state == "dibatalkan":
            raise InvalidTransition(_("Nomor agenda surat ini sudah dibatalkan."))
        if parent_id is None:
            if not (user.has(Role.SIGNER) or letter.addressed_to_id == user.id):
                raise PermissionDenied(
                    _("Hanya pimpinan atau tujuan surat yang dapat mendisposisikannya.")
                )
        else:
            parent = session.get(Disposition, parent_id)
            if parent is None or parent.incoming_id != incoming_id or parent.to_id != user.id:
                raise PermissionDenied(_("Hanya penerima disposisi yang dapat meneruskannya."))
            if parent.state not in OPEN_STATES:
                raise InvalidTransition(_("Disposisi ini sudah selesai atau dibatalkan."))
            _mark_read(session, user, parent)
        people = {
            p.id: p
            for p in session.exec(
                select(Person).where(col(Person.id).in_(data.recipient_ids))
            ).all()
        }
        missing = [pid for pid in data.recipient_ids if pid not in people or not people[pid].active]
        if missing:
            raise ValidationError({"recipients": _("Penerima tidak ditemukan atau nonaktif.")})
        made = []
        for pid in data.recipient_ids:
            row = Disposition(
                incoming_id=incoming_id,
                parent_id=parent_id,
                from_id=user.id,
                to_id=pid,
                to_jabatan=people[pid].jabatan,
                instructions_json=json.dumps(data.instructions, ensure_ascii=False),
                instruction_text=data.instruction_text.strip(),
                note=data.note.strip(),
                due_date=data.due_date,
            )
            journal.record(
                session, user.id, "disposition.send", Entity.DISPOSITION, row,
                detail={"to": pid, "incoming": incoming_id},
            )  # fmt: skip
            made.append(row)
        if letter.state == "baru":
            letter.state = "didisposisi"
            letter.updated_at = clock.now()
            journal.record(session, user.id, "incoming.disposed", Entity.INCOMING_LETTER, letter)
        return made


def _letter(session: Session, user: CurrentUser, incoming_id: str) -> IncomingLetter:
    letter = session.exec(select(IncomingLetter).where(IncomingLetter.id == incoming_id)).first()
    if letter is None or letter.deleted_at is not None:
        raise NotFound(_("Surat masuk"))
    if not incoming.may_see(session, user, letter):
        raise PermissionDenied(
            _("Surat bersifat {s}: hanya untuk pihak terkait.").format(s=letter.sifat)
        )
    return letter


def _own(session: Session, user: CurrentUser, disposition_id: str) -> Disposition:
    row = session.get(Disposition, disposition_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(_("Disposisi"))
    return row


def _mark_read(session: Session, user: CurrentUser, row: Disposition) -> None:
    if row.state == SENT and row.to_id == user.id:
        row.state = READ
        row.read_at = clock.now()
        row.updated_at = clock.now()
        journal.record(session, user.id, "disposition.read", Entity.DISPOSITION, row)


def mark_read(store: Store, user: CurrentUser, disposition_id: str) -> Disposition:
    """The recipient opened it: it can no longer be cancelled. Idempotent."""
    with store.write() as session:
        row = _own(session, user, disposition_id)
        if row.to_id != user.id:
            raise PermissionDenied()
        _mark_read(session, user, row)
        return row


def cancel(store: Store, user: CurrentUser, disposition_id: str) -> Disposition:
    """Withdraw a disposition its recipient has not read yet (its author only)."""
    with store.write() as session:
        row = _own(session, user, disposition_id)
        if row.from_id != user.id:
            raise PermissionDenied(_("Hanya pemberi disposisi yang dapat membatalkannya."))
        if row.state != SENT:
            raise InvalidTransition(
                _("Disposisi yang sudah dibaca penerimanya tidak dapat dibatalkan.")
            )
        row.state = CANCELLED
        row.cancelled_at = clock.now()
        row.updated_at = clock.now()
        journal.record(session, user.id, "disposition.cancel", Entity.DISPOSITION, row)
        return row


def add_note(store: Store, user: CurrentUser, disposition_id: str, text: str) -> DispositionNote:
    """A follow-up report on a disposition, by its recipient or its author (insert-only)."""
    if not text.strip():
        raise ValidationError({"note": _("Catatan tindak lanjut masih kosong.")})
    with store.write() as session:
        row = _own(session, user, disposition_id)
        if user.id not in (row.to_id, row.from_id):
            raise PermissionDenied()
        if row.state == CANCELLED:
            raise InvalidTransition(_("Disposisi ini sudah dibatalkan."))
        _mark_read(session, user, row)
        note = DispositionNote(disposition_id=row.id, author_id=user.id, text=text.strip())
        journal.record(session, user.id, "disposition.note", Entity.DISPOSITION_NOTE, note)
        return note


def complete(
    store: Store,
    user: CurrentUser,
    disposition_id: str,
    result: str,
    reply_letter_id: str | None = None,
) -> Disposition:
    """The recipient marks the disposition done, saying what came of it (and which letter
    answered it, which is then linked into the letter's thread)."""
    if not result.strip():
        raise ValidationError({"result": _("Tuliskan hasil tindak lanjutnya.")})
    with store.write() as session:
        row = _own(session, user, disposition_id)
        if row.to_id != user.id:
            raise PermissionDenied(_("Hanya penerima disposisi yang dapat menyelesaikannya."))
        if row.state not in OPEN_STATES:
            raise InvalidTransition(_("Disposisi ini sudah selesai atau dibatalkan."))
        if reply_letter_id is not None:
            reply = session.exec(select(Letter).where(Letter.id == reply_letter_id)).first()
            if reply is None or reply.deleted_at is not None:
                raise ValidationError({"reply": _("Surat balasan tidak ditemukan.")})
        row.state = DONE
        row.read_at = row.read_at or clock.now()
        row.done_at = clock.now()
        row.result = result.strip()
        row.reply_letter_id = reply_letter_id
        row.updated_at = clock.now()
        journal.record(session, user.id, "disposition.done", Entity.DISPOSITION, row)
        return row


# -- reading ---------------------------------------------------------------------------------


def is_overdue(row: Disposition, today: date | None = None) -> bool:
    today = today or clock.today()
    return row.state in OPEN_STATES and row.due_date is not None and row.due_date < today


@dataclass
class Node:
    """One disposition in the tree of a letter, with the names it shows."""

    disposition: Disposition
    from_name: str
    to_name: str
    notes: list[tuple[DispositionNote, str]]
    children: list[Node] = field(default_factory=list)

    @property
    def instructions(self) -> list[str]:
        return list(json.loads(self.disposition.instructions_json))


def tree(store: Store, user: CurrentUser, incoming_id: str) -> list[Node]:
    """The dispositions of a letter as a tree (roots first, each level by time)."""
    with store.read() as session:
        _letter(session, user, incoming_id)
        rows = session.exec(
            select(Disposition)
            .where(Disposition.incoming_id == incoming_id, col(Disposition.deleted_at).is_(None))
            .order_by(col(Disposition.created_at), col(Disposition.id))
        ).all()
        names = dict(session.exec(select(Person.id, Person.name)).all())
        notes: dict[str, list[tuple[DispositionNote, str]]] = {}
        if rows:
            for note in session.exec(
                select(DispositionNote)
                .where(col(DispositionNote.disposition_id).in_([r.id for r in rows]))
                .order_by(col(DispositionNote.at))
            ).all():
                notes.setdefault(note.disposition_id, []).append(
                    (note, names.get(note.author_id, "?"))
                )
    nodes = {
        r.id: Node(r, names.get(r.from_id, "?"), names.get(r.to_id, "?"), notes.get(r.id, []))
        for r in rows
    }
    roots: list[Node] = []
    for r in rows:
        parent = nodes.get(r.parent_id) if r.parent_id else None
        (parent.children if parent is not None else roots).append(nodes[r.id])
    return roots


def get(store: Store, user: CurrentUser, disposition_id: str) -> Disposition:
    with store.read() as session:
        row = _own(session, user, disposition_id)
        _letter(session, user, row.incoming_id)
        return row


def mark_read_on(store: Store, user: CurrentUser, incoming_id: str) -> int:
    """The recipient opened the letter: each of their unread dispositions on it becomes read
    (one transaction; returns how many)."""
    with store.write() as session:
        rows = session.exec(
            select(Disposition).where(
                Disposition.incoming_id == incoming_id,
                Disposition.to_id == user.id,
                Disposition.state == SENT,
                col(Disposition.deleted_at).is_(None),
            )
        ).all()
        for row in rows:
            _mark_read(session, user, row)
        return len(rows)


# -- the printed sheet -----------------------------------------------------------------------


def _tree_lines(nodes: list[Node], prefix: str = "") -> list[str]:
    lines: list[str] = []
    for i, node in enumerate(nodes, start=1):
        d = node.disposition
        number = f"{prefix}{i}."
        what = "; ".join(
            [*node.instructions, *([d.instruction_text] if d.instruction_text else [])]
        )
        line = f"{number} {node.from_name} → {node.to_name}"
        if d.to_jabatan:
            line += f" ({d.to_jabatan})"
        line += f": {what}"
        if d.due_date:
            line += _(", batas {d}").format(d=format_date_id(d.due_date))
        line += f" [{STATE_LABELS.get(d.state, d.state)}]"
        if d.result:
            line += _(" — hasil: {r}").format(r=d.result)
        lines.append(line)
        lines += _tree_lines(node.children, number)
    return lines


def sheet(store: Store, user: CurrentUser, incoming_id: str | None) -> DispositionSheet:
    """The disposition sheet of a letter, or a blank one (``incoming_id`` None) for a paper
    letter not in the register: the office's positions and instructions to tick by hand."""
    with store.read() as session:
        office = session.exec(select(Office)).first()
        if office is None:
            raise NotFound(_("Profil kantor"))
        head = letterhead(office, store.blob_dir)
        positions = sorted(
            {p.jabatan for p in session.exec(select(Person).where(col(Person.active))).all()
             if p.jabatan}
        )  # fmt: skip
    standard = [i.text for i in instructions(store)]
    blank = DispositionSheet(head, positions=positions, instructions=standard)
    if incoming_id is None:
        return blank
    with store.read() as session:
        letter = _letter(session, user, incoming_id)
    roots = tree(store, user, incoming_id)
    first = [n.disposition for n in roots]
    blank.sender = letter.sender_name
    blank.sender_number = letter.sender_number
    blank.sender_date = format_date_id(letter.sender_date) if letter.sender_date else ""
    blank.received_date = format_date_id(letter.received_date)
    blank.agenda_number = f"{letter.agenda_number}/{letter.agenda_year}"
    blank.sifat, blank.urgency, blank.hal = letter.sifat, letter.urgency, letter.hal
    live = [d for d in first if d.state != CANCELLED]
    blank.positions_ticked = {d.to_jabatan for d in live}
    ticked = {text for d in live for text in json.loads(d.instructions_json)}
    blank.instructions = standard + sorted(ticked - set(standard))
    blank.instructions_ticked = ticked
    blank.other_instruction = "; ".join(
        sorted({d.instruction_text for d in live if d.instruction_text})
    )
    blank.note = "; ".join(sorted({d.note for d in live if d.note}))
    dues = sorted(d.due_date for d in live if d.due_date)
    blank.due_date = format_date_id(dues[0]) if dues else ""
    blank.tree = _tree_lines(roots)
    if live:
        blank.signed_by = roots[0].from_name
        blank.signed_on = format_date_id(live[0].created_at.astimezone().date())
    return blank
