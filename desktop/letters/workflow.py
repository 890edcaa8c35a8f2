"""The review chain and signing by hand: send, initial (paraf), return, sign, attach the scan.

Each function is one transaction with its outbox rows and audit entries; the letter's status
only moves along ``sync.protocol.LETTER_TRANSITIONS``. The end of every signing, by hand or
electronic (``esign``), is ``record_signing``.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from desktop.i18n import _
from desktop.letters import journal, numbering
from desktop.letters.accounts import CurrentUser, Role, parse_roles, require
from desktop.letters.drafting import (
    DraftInput,
    input_of,
    load_editable,
    save_draft_in,
    validate_for_sending,
)
from desktop.letters.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.models import Letter, Office, Person, ReviewStep
from sync.protocol import Entity, LetterStatus, SignatureKind, can_transition

PARAF = "paraf"
SIGN = "sign"
_SCAN_MAGIC = (b"%PDF-", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def move_letter(letter: Letter, new: LetterStatus) -> None:
    """Move ``letter`` to status ``new``; InvalidTransition unless the protocol allows it."""
    if not can_transition(LetterStatus(letter.status), new):
        raise InvalidTransition(
            _("Naskah berstatus {a} tidak dapat menjadi {b}.").format(a=letter.status, b=new.value)
        )
    letter.status = new.value
    letter.updated_at = clock.now()


def load_letter(session: Session, letter_id: str) -> Letter:
    """A letter that exists and is not deleted, in the caller's transaction; else NotFound."""
    letter = session.exec(select(Letter).where(Letter.id == letter_id)).first()
    if letter is None or letter.deleted_at is not None:
        raise NotFound(_("Naskah"))
    return letter


def _person_with(session: Session, person_id: str, role: Role) -> Person:
    person = session.get(Person, person_id)
    if person is None or not person.active or role not in parse_roles(person.roles):
        raise ValidationError({role.value: _("Orang yang dipilih tidak memiliki peran itu.")})
    return person


def current_step(session: Session, letter: Letter) -> ReviewStep | None:
    """The pending step of the latest round with the lowest position, if any."""
    return session.exec(
        select(ReviewStep)
        .where(ReviewStep.letter_id == letter.id, ReviewStep.state == "pending")
        .order_by(col(ReviewStep.round).desc(), col(ReviewStep.position))
        .limit(1)
    ).first()


def send(
    store: Store,
    user: CurrentUser,
    letter_id: str,
    reviewer_ids: list[str],
    signer_id: str,
    co_signer_ids: list[str] | None = None,
) -> Letter:
    """Send a draft (or a returned letter) along a chain of reviewers to its signer, in one
    transaction.

    ``co_signer_ids``: further signers (e.g. the parties of a berita acara) who sign, in this
    order, after the initials and before ``signer_id``. Raises ValidationError when the draft is
    incomplete (per field) or a chosen person lacks the role; PermissionDenied unless the caller
    drafted it.
    """
    with store.write() as session:
        return _send_in(
            session, user, letter_id, reviewer_ids, signer_id, co_signer_ids, store.data_dir
        )


def save_and_send(
    store: Store,
    user: CurrentUser,
    letter_id: str,
    data: DraftInput,
    reviewer_ids: list[str],
    signer_id: str,
    co_signer_ids: list[str] | None = None,
) -> Letter:
    """The clerk's "Kirim": save the edit in the editor (``data``, a new revision if it changed)
    and send the letter, in ONE transaction: if the sending is refused (incomplete draft,
    wrong person), nothing is saved either and the editor still holds the edit. Raises as
    ``drafting.save_draft`` and ``send``."""
    with store.write() as session:
        save_draft_in(session, user, letter_id, data, store.data_dir)
        return _send_in(
            session, user, letter_id, reviewer_ids, signer_id, co_signer_ids, store.data_dir
        )


def _send_in(
    session: Session,
    user: CurrentUser,
    letter_id: str,
    reviewer_ids: list[str],
    signer_id: str,
    co_signer_ids: list[str] | None,
    data_dir: Path | None = None,
) -> Letter:
    require(user, Role.DRAFTER)
    co_signer_ids = list(co_signer_ids or [])
    if len(set(reviewer_ids)) != len(reviewer_ids):
        raise ValidationError({"reviewers": _("Pemaraf yang sama dipilih dua kali.")})
    if len({*co_signer_ids, signer_id}) != len(co_signer_ids) + 1:
        raise ValidationError({"co_signers": _("Penanda tangan yang sama dipilih dua kali.")})
    letter = load_editable(session, user, letter_id)
    letter.signer_id = signer_id
    errors = validate_for_sending(input_of(letter), data_dir)
    if errors:
        raise ValidationError(errors)
    for rid in reviewer_ids:
        _person_with(session, rid, Role.REVIEWER)
    for sid in [*co_signer_ids, signer_id]:
        _person_with(session, sid, Role.SIGNER)
    last_round = session.exec(
        select(ReviewStep.round)
        .where(ReviewStep.letter_id == letter.id)
        .order_by(col(ReviewStep.round).desc())
        .limit(1)
    ).first()
    round_no = (last_round or 0) + 1
    steps = [
        ReviewStep(letter_id=letter.id, round=round_no, position=i + 1, kind=PARAF, reviewer_id=rid)
        for i, rid in enumerate(reviewer_ids)
    ]
    steps += [
        ReviewStep(
            letter_id=letter.id,
            round=round_no,
            position=len(reviewer_ids) + 1 + i,
            kind=SIGN,
            reviewer_id=sid,
        )
        for i, sid in enumerate([*co_signer_ids, signer_id])
    ]
    for step in steps:
        journal.record(
            session,
            user.id,
            "review.step",
            Entity.REVIEW_STEP,
            step,
            detail={"round": round_no, "kind": step.kind},
        )
    move_letter(letter, LetterStatus.IN_REVIEW if reviewer_ids else LetterStatus.AWAITING_SIGNATURE)
    letter.holder_id = steps[0].reviewer_id
    letter.return_note = ""
    journal.record(
        session,
        user.id,
        "letter.send",
        Entity.LETTER,
        letter,
        detail={
            "reviewers": reviewer_ids,
            "co_signers": co_signer_ids,
            "signer": signer_id,
            "round": round_no,
        },
    )
    return letter


def _my_step(session: Session, user: CurrentUser, letter: Letter, kind: str) -> ReviewStep:
    step = current_step(session, letter)
    if step is None or step.reviewer_id != user.id or step.kind != kind:
        raise PermissionDenied(_("Naskah ini tidak sedang menunggu tindakan Anda."))
    return step


def initial(store: Store, user: CurrentUser, letter_id: str, note: str = "") -> Letter:
    """Give initials (paraf) as the current reviewer; the letter moves to the next holder."""
    require(user, Role.REVIEWER)
    with store.write() as session:
        letter = load_letter(session, letter_id)
        if letter.status != LetterStatus.IN_REVIEW.value:
            raise InvalidTransition(_("Naskah ini tidak sedang menunggu paraf."))
        step = _my_step(session, user, letter, PARAF)
        step.state = "initialled"
        step.note = note.strip()
        step.acted_at = clock.now()
        journal.record(session, user.id, "review.initial", Entity.REVIEW_STEP, step)
        nxt = current_step(session, letter)
        assert nxt is not None  # the sign step is always last
        move_letter(
            letter, LetterStatus.IN_REVIEW if nxt.kind == PARAF else LetterStatus.AWAITING_SIGNATURE
        )
        letter.holder_id = nxt.reviewer_id
        journal.record(session, user.id, "letter.initialled", Entity.LETTER, letter)
        return letter


def return_to_drafter(store: Store, user: CurrentUser, letter_id: str, note: str) -> Letter:
    """Send the letter back to its drafter with a note (current reviewer or signer)."""
    if not note.strip():
        raise ValidationError({"note": _("Tulis catatan untuk pengonsep.")})
    with store.write() as session:
        letter = load_letter(session, letter_id)
        step = current_step(session, letter)
        if step is None or step.reviewer_id != user.id:
            raise PermissionDenied(_("Naskah ini tidak sedang menunggu tindakan Anda."))
        if letter.number:
            raise InvalidTransition(
                _(
                    "Naskah ini sudah bernomor dan ditandatangani sebagian; tidak dapat "
                    "dikembalikan. Batalkan nomornya bila isinya harus diubah."
                )
            )
        step.state = "returned"
        step.note = note.strip()
        step.acted_at = clock.now()
        journal.record(session, user.id, "review.return", Entity.REVIEW_STEP, step)
        for rest in session.exec(
            select(ReviewStep).where(
                ReviewStep.letter_id == letter.id, ReviewStep.state == "pending"
            )
        ).all():
            rest.state = "superseded"
            journal.record(session, user.id, "review.supersede", Entity.REVIEW_STEP, rest)
        move_letter(letter, LetterStatus.RETURNED)
        letter.holder_id = letter.drafter_id
        letter.return_note = note.strip()
        journal.record(
            session,
            user.id,
            "letter.return",
            Entity.LETTER,
            letter,
            detail={"note": letter.return_note},
        )
        return letter


def sign_by_hand(store: Store, user: CurrentUser, letter_id: str, on: date | None = None) -> Letter:
    """Mark the letter signed by hand ("ditandatangani basah").

    In one transaction: the next number of the series is issued, the letter gets its number and
    date and becomes immutable, and the final PDF carrying the number is rendered and stored.
    If any step fails nothing is kept, so no number is consumed by a failed signing.
    """
    from desktop.letters.document import render_final_pdf

    require(user, Role.SIGNER)
    on = on or clock.today()
    blobs = BlobStore(store.blob_dir)
    with store.write() as session:
        letter = load_letter(session, letter_id)
        if letter.status != LetterStatus.AWAITING_SIGNATURE.value or letter.number:
            raise InvalidTransition(_("Naskah ini belum siap ditandatangani."))
        steps = _paper_sign_steps(session, user, letter)
        office = session.exec(select(Office)).one()
        number = numbering.issue(session, office, user.id, letter, on)
        letter.number = number.text
        letter.number_id = number.id
        letter.letter_date = on
        letter.pdf_hash = blobs.put(render_final_pdf(session, letter, store.blob_dir))
        record_signing(
            session,
            user.id,
            letter,
            steps,
            SignatureKind.WET,
            clock.now(),
            detail={"pdf_sha256": letter.pdf_hash},
        )
        return letter


def record_signing(
    session: Session,
    actor_id: str,
    letter: Letter,
    steps: list[ReviewStep],
    kind: SignatureKind,
    signed_at: datetime,
    *,
    detail: dict[str, Any],
) -> None:
    """The end of a signing, by hand or electronic, in the caller's transaction: the signer's
    sign ``steps`` are closed; if no step is left the letter becomes signed (``kind``, time,
    no holder), otherwise it goes to the next signer; the ``letter.sign`` audit entry names
    the number and the kind, plus ``detail``."""
    for step in steps:
        step.state = "signed"
        step.acted_at = clock.now()
        journal.record(session, actor_id, "review.sign", Entity.REVIEW_STEP, step)
    following = current_step(session, letter)
    if following is not None:
        letter.holder_id = following.reviewer_id
    else:
        letter.signed_at = signed_at
        letter.signature_kind = kind.value
        letter.holder_id = None
        move_letter(letter, LetterStatus.SIGNED)
    journal.record(
        session,
        actor_id,
        "letter.sign",
        Entity.LETTER,
        letter,
        detail={"number": letter.number, "kind": kind.value, **detail},
    )


def _paper_sign_steps(session: Session, user: CurrentUser, letter: Letter) -> list[ReviewStep]:
    """The sign steps a wet signature completes: the caller's own, or, when the main signer
    records it, every signer's (all sign the paper copy together)."""
    step = current_step(session, letter)
    if step is None or step.kind != SIGN:
        raise PermissionDenied(_("Naskah ini tidak sedang menunggu tindakan Anda."))
    pending = session.exec(
        select(ReviewStep).where(
            ReviewStep.letter_id == letter.id,
            ReviewStep.state == "pending",
            ReviewStep.round == step.round,
        )
    ).all()
    if user.id == letter.signer_id and all(s.kind == SIGN for s in pending):
        return list(pending)
    if step.reviewer_id == user.id and len(pending) == 1:
        return [step]
    raise PermissionDenied(_("Naskah ini tidak sedang menunggu tindakan Anda."))


def attach_scan(store: Store, user: CurrentUser, letter_id: str, data: bytes) -> Letter:
    """Attach the scan of the hand-signed paper as the archive copy of a signed letter."""
    if not any(data.startswith(m) for m in _SCAN_MAGIC):
        raise ValidationError({"scan": _("Berkas pindaian harus PDF, PNG atau JPEG.")})
    digest = BlobStore(store.blob_dir).put(data)
    with store.write() as session:
        letter = load_letter(session, letter_id)
        if letter.status != LetterStatus.SIGNED.value:
            raise InvalidTransition(_("Pindaian hanya untuk naskah yang sudah ditandatangani."))
        if user.id not in (letter.signer_id, letter.drafter_id) and not (
            user.has(Role.REGISTRAR) or user.has(Role.ADMIN)
        ):
            raise PermissionDenied()
        letter.scan_hash = digest
        letter.updated_at = clock.now()
        journal.record(
            session,
            user.id,
            "letter.scan",
            Entity.LETTER,
            letter,
            detail={"sha256": digest, "bytes": len(data)},
        )
        return letter
