"""Drafts: creating, saving (with a revision per saved edit), reading, deleting.

Each save is one transaction: the letter row, its revision snapshot, the outbox mutation and the
audit entry. A save that changes nothing writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from desktop.i18n import _
from desktop.letters import journal
from desktop.letters.accounts import CurrentUser, Role, require
from desktop.letters.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from desktop.letters.templates import letter_type, letter_types
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.entities import local_only, write_companion
from desktop.store.ids import uuid7
from desktop.store.models import Letter, LetterRevision, Person, ReviewStep
from sync.protocol import IMMUTABLE_LETTER_STATUSES, Entity, LetterStatus, Op

SIFAT = ("Biasa", "Terbatas", "Rahasia", "Sangat Rahasia")
URGENCY = ("Biasa", "Segera", "Sangat Segera")
CAPACITIES = ("", "a.n.", "Plt.", "Plh.")
EDITABLE = frozenset({LetterStatus.DRAFT.value, LetterStatus.RETURNED.value})


@dataclass
class AddresseeInput:
    name: str
    place: str = ""


@dataclass
class DraftInput:
    letter_type: str
    classification_code: str = ""
    sifat: str = "Biasa"
    urgency: str = "Biasa"
    lampiran: str = "-"
    hal: str = ""
    addressees: list[AddresseeInput] = field(default_factory=list)
    body_html: str = ""
    tembusan: list[str] = field(default_factory=list)
    signer_id: str | None = None
    signer_capacity: str = ""
    signer_on_behalf_of: str = ""


class _TextOf(HTMLParser):
    _BREAKS = frozenset({"p", "br", "li", "tr", "div", "h1", "h2", "h3", "table"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "head", "script"):
            self._skip += 1
        elif tag in self._BREAKS:
            self.parts.append("\n")
        elif tag == "td":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "head", "script"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def addressees_of(letter: Letter) -> list[AddresseeInput]:
    return [AddresseeInput(**a) for a in json.loads(letter.addressees_json)]


def tembusan_of(letter: Letter) -> list[str]:
    return list(json.loads(letter.tembusan_json))


def input_of(letter: Letter) -> DraftInput:
    return DraftInput(
        letter_type=letter.letter_type,
        classification_code=letter.classification_code,
        sifat=letter.sifat,
        urgency=letter.urgency,
        lampiran=letter.lampiran,
        hal=letter.hal,
        addressees=addressees_of(letter),
        body_html=letter.body_html,
        tembusan=tembusan_of(letter),
        signer_id=letter.signer_id,
        signer_capacity=letter.signer_capacity,
        signer_on_behalf_of=letter.signer_on_behalf_of,
    )


def validate_draft(data: DraftInput, data_dir: Path | None = None) -> dict[str, str]:
    """Problems that prevent saving at all (a draft may be incomplete, but not nonsense).
    ``data_dir``: the office whose letter types apply (None: the app's office)."""
    errors: dict[str, str] = {}
    if data.letter_type not in letter_types(data_dir):
        errors["letter_type"] = _("Jenis naskah tidak dikenal.")
    if data.sifat not in SIFAT:
        errors["sifat"] = _("Sifat tidak valid.")
    if data.urgency not in URGENCY:
        errors["urgency"] = _("Tingkat urgensi tidak valid.")
    if data.signer_capacity not in CAPACITIES:
        errors["signer_capacity"] = _("Kedudukan penandatangan tidak valid.")
    return errors


def validate_for_sending(data: DraftInput, data_dir: Path | None = None) -> dict[str, str]:
    """Problems that prevent a draft from going to review or signature: what the letter type
    prints must be filled in (the Hal of a type that prints one, the addressee of a letter
    that names one)."""
    errors = validate_draft(data, data_dir)
    kind = letter_types(data_dir).get(data.letter_type)
    if not data.classification_code.strip():
        errors["classification_code"] = _("Kode klasifikasi wajib dipilih.")
    if kind is not None:
        if kind.prints("hal") and not data.hal.strip():
            errors["hal"] = _("Hal wajib diisi.")
        if kind.needs_addressees() and not any(a.name.strip() for a in data.addressees):
            errors["addressees"] = _("Isi setidaknya satu tujuan surat.")
    if not html_to_text(data.body_html).strip():
        errors["body_html"] = _("Isi surat masih kosong.")
    if not data.signer_id:
        errors["signer_id"] = _("Pilih penandatangan.")
    if data.signer_capacity == "a.n." and not data.signer_on_behalf_of.strip():
        errors["signer_on_behalf_of"] = _("Isi jabatan yang diwakili (a.n.).")
    return errors


def _apply(letter: Letter, data: DraftInput) -> None:
    letter.letter_type = data.letter_type
    letter.classification_code = data.classification_code.strip()
    letter.sifat = data.sifat
    letter.urgency = data.urgency
    letter.lampiran = data.lampiran.strip() or "-"
    letter.hal = data.hal.strip()
    addressees = [asdict(a) for a in data.addressees if a.name.strip()]
    letter.addressees_json = json.dumps(addressees, ensure_ascii=False)
    letter.addressees_text = "; ".join(
        f"{a['name']} di {a['place']}" if a["place"] else a["name"] for a in addressees
    )
    if letter.body is None or letter.body_html != data.body_html:
        letter.set_body(data.body_html, html_to_text(data.body_html))
    letter.tembusan_json = json.dumps([t for t in data.tembusan if t.strip()], ensure_ascii=False)
    letter.signer_id = data.signer_id
    letter.signer_capacity = data.signer_capacity
    letter.signer_on_behalf_of = data.signer_on_behalf_of.strip()


def _snapshot(letter: Letter) -> str:
    content = asdict(input_of(letter))
    return json.dumps(content, ensure_ascii=False, sort_keys=True)


def _revise(session: Session, letter: Letter, author_id: str) -> None:
    letter.revision_no += 1
    revision = LetterRevision(
        letter_id=letter.id,
        revision_no=letter.revision_no,
        author_id=author_id,
        snapshot_json=_snapshot(letter),
    )
    journal.record(
        session,
        author_id,
        "letter.revision",
        Entity.LETTER_REVISION,
        revision,
        detail={"revision_no": revision.revision_no},
    )


def new_draft(
    store: Store,
    user: CurrentUser,
    type_key: str,
    *,
    prefill: Callable[[DraftInput], None] | None = None,
    then: Callable[[Session, Letter], None] | None = None,
) -> Letter:
    """Start a draft from the letter type's template (drafter role).

    ``prefill`` may fill the template's fields first (a reply: addressee, classification,
    reference); ``then`` writes related records in the same transaction (the thread link).
    """
    require(user, Role.DRAFTER)
    kind = letter_type(type_key, store.data_dir)
    data = DraftInput(
        letter_type=type_key, classification_code=kind.classification, body_html=kind.body
    )
    if prefill is not None:
        prefill(data)
    with store.write() as session:
        letter = Letter(
            letter_type=type_key,
            status=LetterStatus.DRAFT.value,
            drafter_id=user.id,
            holder_id=user.id,
        )
        _apply(letter, data)
        session.add(letter)
        session.flush()
        _revise(session, letter, user.id)
        journal.record(
            session, user.id, "letter.create", Entity.LETTER, letter, detail={"type": type_key}
        )
        if then is not None:
            then(session, letter)
        return letter


def load_editable(session: Session, user: CurrentUser, letter_id: str) -> Letter:
    """The letter ``user`` may edit now (a draft or a returned letter they drafted), in the
    caller's transaction. Raises NotFound, InvalidTransition, PermissionDenied."""
    letter = session.exec(select(Letter).where(Letter.id == letter_id)).first()
    if letter is None or letter.deleted_at is not None:
        raise NotFound(_("Naskah"))
    if letter.status in {s.value for s in IMMUTABLE_LETTER_STATUSES}:
        raise InvalidTransition(_("Naskah yang sudah ditandatangani tidak dapat diubah."))
    if letter.status not in EDITABLE:
        raise InvalidTransition(_("Naskah sedang dalam proses paraf/tanda tangan; tarik dulu."))
    if letter.drafter_id != user.id:
        raise PermissionDenied(_("Hanya pengonsep yang dapat mengubah naskah ini."))
    return letter


def save_draft(store: Store, user: CurrentUser, letter_id: str, data: DraftInput) -> Letter:
    """Save an edit of a draft (or of a returned letter) and keep it as a new revision.

    One transaction, durable when it returns (synchronous=FULL). A save identical to the stored
    content writes nothing. Raises ValidationError, PermissionDenied (not the drafter),
    InvalidTransition.
    """
    with store.write() as session:
        return save_draft_in(session, user, letter_id, data, store.data_dir)


def save_draft_in(
    session: Session,
    user: CurrentUser,
    letter_id: str,
    data: DraftInput,
    data_dir: Path | None = None,
) -> Letter:
    """``save_draft`` inside the caller's transaction, for an action that saves the edit and
    does more in the same transaction (sending it, resolving a conflict with it); ``data_dir``
    names the office whose letter types apply (None: the app's office)."""
    errors = validate_draft(data, data_dir)
    if errors:
        raise ValidationError(errors)
    letter = load_editable(session, user, letter_id)
    before = _snapshot(letter)
    _apply(letter, data)
    if _snapshot(letter) == before:
        return letter
    letter.updated_at = clock.now()
    _revise(session, letter, user.id)
    journal.record(
        session,
        user.id,
        "letter.save",
        Entity.LETTER,
        letter,
        detail={"revision_no": letter.revision_no},
    )
    return letter


def delete_draft(store: Store, user: CurrentUser, letter_id: str) -> None:
    """Discard a draft (tombstone; it stays in the audit trail). Drafter only."""
    with store.write() as session:
        letter = load_editable(session, user, letter_id)
        letter.deleted_at = clock.now()
        letter.holder_id = None
        journal.record(session, user.id, "letter.delete", Entity.LETTER, letter, op=Op.DELETE)


def participants(session: Session, letter: Letter) -> set[str]:
    people = {letter.drafter_id}
    if letter.signer_id:
        people.add(letter.signer_id)
    people.update(
        session.exec(select(ReviewStep.reviewer_id).where(ReviewStep.letter_id == letter.id)).all()
    )
    return people


def get_letter(store: Store, user: CurrentUser, letter_id: str) -> Letter:
    """Read a letter. Letters above Biasa are for the people on them only, and each read of one
    is written to the audit log."""
    with store.read() as session:
        letter = session.exec(select(Letter).where(Letter.id == letter_id)).first()
        if letter is None or letter.deleted_at is not None:
            raise NotFound(_("Naskah"))
        confidential = letter.sifat != "Biasa"
        if confidential and user.id not in participants(session, letter):
            raise PermissionDenied(
                _("Naskah bersifat {s}: hanya untuk pihak terkait.").format(s=letter.sifat)
            )
    if confidential:
        with store.write() as session:
            journal.audit_only(
                session, user.id, "letter.read", Entity.LETTER, letter.id, {"sifat": letter.sifat}
            )
    return letter


# What a copy of a refused edit starts from: a new, unnumbered, unsigned draft.
_UNSIGNED = {
    "status": LetterStatus.DRAFT.value,
    "number": "",
    "number_id": None,
    "letter_date": None,
    "signed_at": None,
    "signature_kind": "",
    "pdf_hash": None,
    "scan_hash": None,
    "deleted_at": None,
    "revision_no": 0,
    "version": 0,
}


def keep_refused_edit(
    session: Session, edit: dict[str, Any], server: dict[str, Any], reason: str
) -> str:
    """Keep an edit of a letter that the server refused (the letter was signed or cancelled
    meanwhile) as a new draft of the same drafter, in the caller's transaction (revision,
    outbox, audit); returns the new draft's id.

    ``edit`` is the letter's refused fields as this PC sent them, ``server`` the server's
    record, ``reason`` its words. The copy has a new id, no number and a note saying where it
    came from; it syncs like any new draft. Called by the sync client (``sync.client.domain``)
    while it applies the server's answer."""
    note = _(
        "Salinan otomatis: perubahan Anda pada naskah {number} ditolak server ({reason}); "
        "naskah aslinya sudah ditandatangani atau dibatalkan."
    ).format(number=server.get("number") or server.get("hal") or "?", reason=reason or "-")
    data = {k: v for k, v in edit.items() if k not in local_only(Letter)}
    data.update(_UNSIGNED)
    now = clock.now()
    data.update(
        id=uuid7(),
        holder_id=data.get("drafter_id"),
        created_at=now,
        updated_at=now,
        return_note=note,
    )
    copy = Letter.model_validate(data)
    write_companion(copy, data)
    session.add(copy)
    session.flush()
    _revise(session, copy, copy.drafter_id)
    journal.record(
        session,
        None,
        "letter.copy_rejected_edit",
        Entity.LETTER,
        copy,
        detail={"original": server.get("id"), "reason": reason},
    )
    return copy.id


def revisions(store: Store, user: CurrentUser, letter_id: str) -> list[tuple[LetterRevision, str]]:
    """All saved revisions of a letter, oldest first, with the author's name."""
    get_letter(store, user, letter_id)
    with store.read() as session:
        rows = session.exec(
            select(LetterRevision, Person.name)
            .join(Person, col(Person.id) == LetterRevision.author_id)
            .where(LetterRevision.letter_id == letter_id)
            .order_by(col(LetterRevision.revision_no))
        ).all()
        return [(rev, name) for rev, name in rows]


def revision_content(revision: LetterRevision) -> DraftInput:
    raw = json.loads(revision.snapshot_json)
    raw["addressees"] = [AddresseeInput(**a) for a in raw["addressees"]]
    return DraftInput(**raw)
