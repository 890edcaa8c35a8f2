"""A letter's history reads as what people did: one line for a run of autosaves, a line when it
was sent, initials and returns with their notes, and the kind of signature it got."""

from __future__ import annotations

from desktop.letters import drafting, workflow
from desktop.letters.history import history
from tests.conftest import Office
from tests.letters.test_lifecycle import fill_invitation


def lines(o: Office, letter_id: str) -> list[str]:
    return [f"{e.who}: {e.what}" + (f" ({e.note})" if e.note else "")
            for e in history(o.store, o.drafter, letter_id)]  # fmt: skip


def test_history_of_a_returned_and_signed_letter(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    for i in range(4):  # autosaves while Budi types
        fill_invitation(o, letter.id, word=f"rapat{i}")
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id], o.camat.id)
    workflow.return_to_drafter(o.store, o.kasi, letter.id, "Tanggal belum ada")
    fill_invitation(o, letter.id, word="rapat tanggal 5")
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id], o.camat.id)
    workflow.initial(o.store, o.kasi, letter.id)
    signed = workflow.sign_by_hand(o.store, o.camat, letter.id)
    first_revisions = lines(o, letter.id)[0]
    assert lines(o, letter.id) == [
        first_revisions,
        "Budi Santoso: Dikirim kepada Sari Wulandari",
        "Sari Wulandari: Dikembalikan (Tanggal belum ada)",
        "Budi Santoso: Revisi 6 disimpan",
        "Budi Santoso: Dikirim kepada Sari Wulandari",
        "Sari Wulandari: Paraf",
        f"Agustinus Mabel, S.IP: Ditandatangani basah, nomor {signed.number}",
    ]
    assert first_revisions == "Budi Santoso: Revisi 1–5 disimpan"
