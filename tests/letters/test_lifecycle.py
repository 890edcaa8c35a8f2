"""The life of an outgoing letter: draft -> review chain -> returned -> resent -> initialled ->
signed by hand -> voided; and every move a role may not make is refused by the service."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from sqlmodel import select

from desktop.letters import drafting, history, queries, workflow
from desktop.letters.drafting import AddresseeInput
from desktop.letters.errors import InvalidTransition, PermissionDenied, ValidationError
from desktop.letters.queries import ListFilter, Queue
from desktop.store.blobs import BlobStore
from desktop.store.models import Letter, Outbox, ReviewStep
from sync.protocol import LetterStatus
from tests.conftest import Office


def fill_invitation(office: Office, letter_id: str, word: str = "musyawarah") -> None:
    data = drafting.input_of(drafting.get_letter(office.store, office.drafter, letter_id))
    data.classification_code = "000.1.5"
    data.hal = "Undangan Rapat Koordinasi Dana Kampung"
    data.addressees = [
        AddresseeInput("Kepala Kampung Sinakma", "Sinakma"),
        AddresseeInput("Kepala Kampung Wesaput", "Wesaput"),
    ]
    data.body_html = f"<p>Dengan hormat, kami mengundang Saudara dalam {word} kampung.</p>"
    data.tembusan = ["Bupati Jayawijaya"]
    data.signer_id = office.camat.id
    drafting.save_draft(office.store, office.drafter, letter_id, data)


def status(office: Office, letter_id: str) -> str:
    with office.store.read() as s:
        return s.exec(select(Letter.status).where(Letter.id == letter_id)).one()


def test_full_lifecycle_with_return_and_resend(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    assert letter.status == LetterStatus.DRAFT
    fill_invitation(o, letter.id)

    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id, o.sekcam.id], o.camat.id)
    assert status(o, letter.id) == LetterStatus.IN_REVIEW
    assert queries.count(o.store, o.kasi, Queue.TO_INITIAL) == 1
    assert queries.count(o.store, o.sekcam, Queue.TO_INITIAL) == 0  # not yet his turn

    workflow.return_to_drafter(o.store, o.kasi, letter.id, "Jam rapat belum diisi.")
    assert status(o, letter.id) == LetterStatus.RETURNED
    assert queries.count(o.store, o.drafter, Queue.RETURNED) == 1
    assert (
        drafting.get_letter(o.store, o.drafter, letter.id).return_note == "Jam rapat belum diisi."
    )

    fill_invitation(o, letter.id, word="pukul 09.00")
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id, o.sekcam.id], o.camat.id)
    workflow.initial(o.store, o.kasi, letter.id)
    assert queries.count(o.store, o.sekcam, Queue.TO_INITIAL) == 1
    workflow.initial(o.store, o.sekcam, letter.id, "Setuju")
    assert status(o, letter.id) == LetterStatus.AWAITING_SIGNATURE
    assert queries.count(o.store, o.camat, Queue.TO_SIGN) == 1

    signed = workflow.sign_by_hand(o.store, o.camat, letter.id)
    assert signed.status == LetterStatus.SIGNED
    assert signed.number.startswith("000.1.5/001/Kec.WMN/")
    assert queries.count(o.store, o.camat, Queue.TO_SIGN) == 0

    rows = queries.page(o.store, o.drafter, Queue.OUTGOING, ListFilter(search="pukul"))
    assert [r.number for r in rows] == [signed.number]

    assert signed.pdf_hash is not None
    pdf = BlobStore(o.store.blob_dir).path(signed.pdf_hash)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert signed.number in text
    assert "197008171994031006" in text  # the camat's NIP

    kinds = [e.what for e in history.history(o.store, o.drafter, letter.id)]
    assert any("Dikembalikan" in k for k in kinds)
    assert sum(k == "Paraf" for k in kinds) == 2
    assert any(signed.number in k for k in kinds)

    with o.store.read() as s:
        steps = s.exec(select(ReviewStep).where(ReviewStep.letter_id == letter.id)).all()
    assert {st.state for st in steps if st.round == 1} == {"returned", "superseded"}
    assert [
        st.state for st in sorted((x for x in steps if x.round == 2), key=lambda x: x.position)
    ] == ["initialled", "initialled", "signed"]


def test_signed_letter_is_immutable(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    workflow.sign_by_hand(o.store, o.camat, letter.id)
    data = drafting.input_of(drafting.get_letter(o.store, o.drafter, letter.id))
    data.hal = "Diubah setelah ditandatangani"
    with pytest.raises(InvalidTransition):
        drafting.save_draft(o.store, o.drafter, letter.id, data)
    with pytest.raises(InvalidTransition):
        drafting.delete_draft(o.store, o.drafter, letter.id)
    with pytest.raises(InvalidTransition):
        workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)


def test_roles_are_enforced_by_services(office_staff: Office) -> None:
    o = office_staff
    with pytest.raises(PermissionDenied):
        drafting.new_draft(o.store, o.camat, "surat_dinas")  # the camat is no drafter
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    with pytest.raises(PermissionDenied):  # another person cannot edit someone's draft
        drafting.save_draft(o.store, o.admin, letter.id, drafting.input_of(letter))
    with pytest.raises(ValidationError):  # the drafter is not a reviewer
        workflow.send(o.store, o.drafter, letter.id, [o.drafter.id], o.camat.id)
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id], o.camat.id)
    with pytest.raises(PermissionDenied):  # not sekcam's turn
        workflow.initial(o.store, o.sekcam, letter.id)
    with pytest.raises(InvalidTransition):  # the camat cannot sign before the initials
        workflow.sign_by_hand(o.store, o.camat, letter.id)
    workflow.initial(o.store, o.kasi, letter.id)
    with pytest.raises(PermissionDenied):  # only the chosen signer signs
        workflow.sign_by_hand(o.store, o.sekcam, letter.id)
    with pytest.raises(PermissionDenied):
        workflow.return_to_drafter(o.store, o.kasi, letter.id, "terlambat")


def test_send_requires_complete_draft(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    data = drafting.input_of(letter)
    data.classification_code = ""
    data.body_html = ""
    drafting.save_draft(o.store, o.drafter, letter.id, data)
    with pytest.raises(ValidationError) as err:
        workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    assert {"classification_code", "hal", "addressees", "body_html"} <= set(err.value.fields)
    assert status(o, letter.id) == LetterStatus.DRAFT


def test_return_needs_a_note(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id], o.camat.id)
    with pytest.raises(ValidationError):
        workflow.return_to_drafter(o.store, o.kasi, letter.id, "   ")


def test_every_save_keeps_a_revision_and_an_outbox_row(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    data = drafting.input_of(letter)
    for hal in ("Permohonan Data", "Permohonan Data Penduduk"):
        data.hal = hal
        drafting.save_draft(o.store, o.drafter, letter.id, data)
    drafting.save_draft(o.store, o.drafter, letter.id, data)  # unchanged: no new revision
    revs = drafting.revisions(o.store, o.drafter, letter.id)
    assert [r.revision_no for r, _ in revs] == [1, 2, 3]
    assert drafting.revision_content(revs[1][0]).hal == "Permohonan Data"
    with o.store.read() as s:
        muts = s.exec(select(Outbox).where(Outbox.entity_id == letter.id)).all()
    assert len(muts) == 3  # create + two saves
    assert json.loads(muts[-1].payload_json)["hal"] == "Permohonan Data Penduduk"


def test_confidential_letters_are_for_participants_only(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    data = drafting.input_of(drafting.get_letter(o.store, o.drafter, letter.id))
    data.sifat = "Rahasia"
    drafting.save_draft(o.store, o.drafter, letter.id, data)
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    workflow.sign_by_hand(o.store, o.camat, letter.id)
    with pytest.raises(PermissionDenied):
        drafting.get_letter(o.store, o.kasi, letter.id)
    assert queries.count(o.store, o.kasi, Queue.OUTGOING) == 0
    assert queries.count(o.store, o.camat, Queue.OUTGOING) == 1
    from desktop.store.models import AuditEntry

    drafting.get_letter(o.store, o.camat, letter.id)
    with o.store.read() as s:
        reads = s.exec(select(AuditEntry).where(AuditEntry.action == "letter.read")).all()
    assert reads and reads[-1].actor_id == o.camat.id


def test_scan_attached_to_signed_letter(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    with pytest.raises(InvalidTransition):
        workflow.attach_scan(o.store, o.drafter, letter.id, b"%PDF-1.4 scan")
    workflow.sign_by_hand(o.store, o.camat, letter.id)
    with pytest.raises(ValidationError):
        workflow.attach_scan(o.store, o.drafter, letter.id, b"not a scan")
    done = workflow.attach_scan(o.store, o.drafter, letter.id, b"%PDF-1.4 scan")
    assert done.scan_hash and BlobStore(o.store.blob_dir).get(done.scan_hash) == b"%PDF-1.4 scan"


def test_delete_draft_leaves_tombstone(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    drafting.delete_draft(o.store, o.drafter, letter.id)
    assert queries.count(o.store, o.drafter, Queue.DRAFTS) == 0
    with o.store.read() as s:
        row = s.exec(select(Letter).where(Letter.id == letter.id)).one()
        mut = s.exec(
            select(Outbox).where(Outbox.entity_id == letter.id).order_by(Outbox.seq.desc())
        ).first()  # type: ignore[union-attr]
    assert row.deleted_at is not None
    assert mut is not None and mut.op == "delete"
