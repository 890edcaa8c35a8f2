"""Dispositions as the camat and his staff live them: the camat disposes a letter to two kasi
with a due date; one forwards it to a staffer, who reports and finishes it with a reply letter;
the other lets it go overdue; an unread disposition is cancelled; the administrator edits the
standard instructions."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.letters import disposition, incoming
from desktop.letters import incoming_queries as iq
from desktop.letters.disposition import DispositionInput
from desktop.letters.errors import InvalidTransition, PermissionDenied, ValidationError
from desktop.letters.incoming_queries import IncomingFilter, IncomingQueue
from desktop.store.incoming_models import Disposition, IncomingLetter
from desktop.store.models import Outbox
from tests.clocks import TestClock
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, days, register, staff_incoming
from tests.letters.scan_files import write_pdf


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def test_the_standard_instructions_ship_and_the_administrator_edits_them(
    o: IncomingOffice,
) -> None:
    texts = [i.text for i in disposition.instructions(o.store)]
    assert texts[:3] == [
        "Tanggapan dan saran",
        "Proses lebih lanjut",
        "Koordinasikan/konfirmasikan",
    ]
    assert "Arsipkan" in texts and "Untuk diketahui" in texts
    archive = next(i for i in disposition.instructions(o.store) if i.text == "Arsipkan")
    disposition.save_instruction(o.store, o.admin, archive.id, "Arsipkan", active=False)
    added = disposition.save_instruction(o.store, o.admin, None, "Laporkan hasilnya")
    texts = [i.text for i in disposition.instructions(o.store)]
    assert "Arsipkan" not in texts and texts[-1] == "Laporkan hasilnya"
    assert added.id not in {"std-01"}
    with pytest.raises(PermissionDenied):
        disposition.save_instruction(o.store, o.camat, None, "Segera")


def test_a_disposition_tree_from_the_camat_down_to_a_staffer_and_an_overdue_one(
    o: IncomingOffice, tmp_path: Path, test_clock: TestClock
) -> None:
    letter = register(o, [write_pdf(tmp_path, "a.pdf", 3)], addressed_to_id=o.camat.id)
    sent = disposition.dispose(
        o.store, o.camat, letter.id,
        DispositionInput([o.kasi_pem.id, o.kasi_kesra.id], ["Proses lebih lanjut"],
                         "Koordinasikan dengan kampung", "Segera dilaporkan", days(2)),
    )  # fmt: skip
    assert [d.to_jabatan for d in sent] == ["Kepala Seksi", "Kepala Seksi Kesejahteraan Rakyat"]
    to_pem, to_kesra = sent
    assert iq.count(o.store, o.camat, IncomingQueue.NEW) == 0  # disposed: no longer new
    assert iq.count(o.store, o.kasi_pem, IncomingQueue.DISPOSITIONS) == 1
    with o.store.read() as s:
        assert s.get(IncomingLetter, letter.seq).state == "didisposisi"  # type: ignore[union-attr]

    # The kasi pemerintahan forwards his to the staffer, who reports and answers.
    (to_staff,) = disposition.dispose(
        o.store, o.kasi_pem, letter.id,
        DispositionInput([o.staffer.id], ["Siapkan jawaban"], due_date=days(1)),
        parent_id=to_pem.id,
    )  # fmt: skip
    assert disposition.get(o.store, o.kasi_pem, to_pem.id).state == "dibaca"
    disposition.add_note(o.store, o.staffer, to_staff.id, "Data kampung sedang dikumpulkan.")
    reply = incoming.start_reply(o.store, o.staffer, letter.id)
    done = disposition.complete(o.store, o.staffer, to_staff.id, "Jawaban disiapkan.", reply.id)
    assert (done.state, done.reply_letter_id) == ("selesai", reply.id)
    assert iq.count(o.store, o.staffer, IncomingQueue.DISPOSITIONS) == 0

    roots = disposition.tree(o.store, o.camat, letter.id)
    assert [(n.to_name, [c.to_name for c in n.children]) for n in roots] == [
        ("Sari Wulandari", ["Maria Itlay"]), ("Yosef Lokobal", []),
    ]  # fmt: skip
    staff_node = roots[0].children[0]
    assert [text for note, _name in staff_node.notes for text in [note.text]] == [
        "Data kampung sedang dikumpulkan."
    ]
    assert staff_node.disposition.result == "Jawaban disiapkan."

    # Three days on, the kasi kesra has done nothing: his disposition is overdue.
    test_clock.at(test_clock.now() + timedelta(days=3))
    counts = iq.counts(o.store, o.kasi_kesra)
    assert (counts.dispositions, counts.overdue) == (1, 1)
    (row,) = iq.page(o.store, o.kasi_kesra, IncomingQueue.DISPOSITIONS)
    assert row.overdue and row.disposition_id == to_kesra.id
    assert (
        iq.count(o.store, o.kasi_pem, IncomingQueue.DISPOSITIONS, IncomingFilter(overdue_only=True))
        == 1
    )  # his own, forwarded, still open
    assert iq.overdue_given(o.store, o.camat) == 2


def test_cancelling_is_for_the_author_while_unread(o: IncomingOffice, tmp_path: Path) -> None:
    letter = register(o, [write_pdf(tmp_path, "a.pdf", 1)], addressed_to_id=o.camat.id)
    first, second = disposition.dispose(
        o.store,
        o.camat,
        letter.id,
        DispositionInput([o.kasi_pem.id, o.kasi_kesra.id], ["Arsipkan"]),
    )
    with pytest.raises(PermissionDenied):
        disposition.cancel(o.store, o.kasi_pem, first.id)
    disposition.mark_read(o.store, o.kasi_pem, first.id)
    with pytest.raises(InvalidTransition):
        disposition.cancel(o.store, o.camat, first.id)
    assert disposition.cancel(o.store, o.camat, second.id).state == "dibatalkan"
    assert iq.count(o.store, o.kasi_kesra, IncomingQueue.DISPOSITIONS) == 0
    with pytest.raises(InvalidTransition):
        disposition.complete(o.store, o.kasi_kesra, second.id, "Sudah")
    with o.store.read() as s:
        outbox = s.exec(select(Outbox).where(Outbox.entity == "disposition")).all()
        assert {r.entity_id for r in outbox} == {first.id, second.id}


def test_who_may_dispose_and_what_a_disposition_needs(o: IncomingOffice, tmp_path: Path) -> None:
    letter = register(o, [write_pdf(tmp_path, "a.pdf", 1)], addressed_to_id=o.camat.id)
    with pytest.raises(PermissionDenied):  # a kasi cannot start the tree
        disposition.dispose(o.store, o.kasi_pem, letter.id,
                            DispositionInput([o.staffer.id], ["Arsipkan"]))  # fmt: skip
    with pytest.raises(ValidationError) as err:
        disposition.dispose(o.store, o.camat, letter.id,
                            DispositionInput([], [], due_date=days(-1)))  # fmt: skip
    assert set(err.value.fields) == {"recipients", "instructions", "due_date"}
    (mine,) = disposition.dispose(o.store, o.camat, letter.id,
                                  DispositionInput([o.kasi_pem.id], ["Arsipkan"]))  # fmt: skip
    with pytest.raises(PermissionDenied):  # forwarding someone else's disposition
        disposition.dispose(
            o.store,
            o.kasi_kesra,
            letter.id,
            DispositionInput([o.staffer.id], ["Arsipkan"]),
            parent_id=mine.id,
        )
    with pytest.raises(PermissionDenied):
        disposition.complete(o.store, o.camat, mine.id, "Selesai")
    with o.store.read() as s:
        assert len(s.exec(select(Disposition)).all()) == 1


def test_a_blank_sheet_for_a_paper_letter_lists_the_positions_and_instructions(
    o: IncomingOffice,
) -> None:
    import io

    from pypdf import PdfReader

    from desktop.render.disposition_sheet import HALF_FOLIO_MM, sheet_pdf

    sheet = disposition.sheet(o.store, o.camat, None)
    assert sheet.sender == "" and sheet.tree == []
    reader = PdfReader(io.BytesIO(sheet_pdf(sheet)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
        round(HALF_FOLIO_MM[0]),
        round(HALF_FOLIO_MM[1]),
    )
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for expected in (
        "LEMBAR DISPOSISI",
        "KECAMATAN WAMENA",
        "Surat dari",
        "Nomor agenda",
        "Camat Wamena",
        "Kepala Seksi Kesejahteraan Rakyat",
        "Tanggapan dan saran",
        "Arsipkan",
        "☐",
    ):
        assert expected in text, expected  # fmt: skip
    assert "☑" not in text
