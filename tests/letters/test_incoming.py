"""The incoming register as a registrar and the camat live it: a letter arrives, is recorded
with its scans and an agenda number, flagged when it was recorded before, answered with "Balas",
and kept from people its sifat excludes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop.letters import disposition, drafting, incoming, numbering
from desktop.letters import incoming_queries as iq
from desktop.letters.disposition import DispositionInput
from desktop.letters.errors import PermissionDenied, ValidationError
from desktop.letters.incoming import ProbableDuplicate
from desktop.letters.incoming_queries import IncomingFilter, IncomingQueue
from desktop.store.blobs import BlobStore
from desktop.store.incoming_models import IncomingLetter, IncomingScan, LetterLink, Sender
from desktop.store.models import AuditEntry, IssuedNumber, Outbox
from tests.conftest import Office
from tests.letters.incoming_office import (
    IncomingOffice,
    days,
    letter_input,
    register,
    staff_incoming,
)
from tests.letters.scan_files import encrypted_pdf, image_bytes, pdf_bytes, write_pdf


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def test_registering_a_paper_letter_gives_the_next_agenda_number_and_keeps_the_scans(
    o: IncomingOffice, tmp_path: Path
) -> None:
    scan = write_pdf(tmp_path, "undangan.pdf", 3)
    photo = tmp_path / "lampiran.jpg"
    photo.write_bytes(image_bytes("JPEG"))
    first = register(o, [scan, photo])
    second = register(o, [write_pdf(tmp_path, "b.pdf", 1, "Lain")], sender_number="B/9/2026",
                      hal="Permohonan data penduduk")  # fmt: skip

    assert (first.agenda_number, second.agenda_number) == ("001", "002")
    assert first.agenda_year == first.received_date.year
    assert first.state == "baru"
    with o.store.read() as s:
        scans = s.exec(
            select(IncomingScan).where(IncomingScan.incoming_id == first.id)
            .order_by(col(IncomingScan.position))
        ).all()  # fmt: skip
        assert [(x.filename, x.media_type, x.pages) for x in scans] == [
            ("undangan.pdf", "application/pdf", 3), ("lampiran.jpg", "image/jpeg", 1),
        ]  # fmt: skip
        assert BlobStore(o.store.blob_dir).get(scans[0].sha256) == scan.read_bytes()
        number = s.get(IssuedNumber, first.number_id)
        assert number is not None and (number.series, number.seq) == (numbering.INCOMING, 1)
        # One sender was added to the directory on the fly, and used again the second time.
        assert len(s.exec(select(Sender)).all()) == 1
        entities = {r.entity for r in s.exec(select(Outbox)).all()}
        assert {"incoming_letter", "incoming_scan", "sender", "issued_number"} <= entities
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "incoming.register")).all()
    assert [r.hal for r in iq.page(o.store, o.camat, IncomingQueue.NEW)] == [
        "Permohonan data penduduk", "Undangan Rapat Evaluasi Dana Kampung",
    ]  # fmt: skip


def test_a_sender_is_found_by_an_alias(o: IncomingOffice, tmp_path: Path) -> None:
    sender = incoming.save_sender(
        o.store, o.registrar, None, "Dinas Pemberdayaan Masyarakat dan Kampung", "Wamena",
        ["DPMK", "Dinas PMK Kab. Jayawijaya"],
    )  # fmt: skip
    assert [s.id for s in incoming.find_senders(o.store, "pmk kab")] == [sender.id]
    letter = register(o, [write_pdf(tmp_path, "a.pdf", 1)], sender_name="dpmk")
    assert (letter.sender_id, letter.sender_name) == (sender.id, sender.name)


def test_an_obsolete_classification_code_is_accepted_on_an_incoming_letter(
    o: IncomingOffice, tmp_path: Path
) -> None:
    letter = register(o, [write_pdf(tmp_path, "a.pdf", 1)], classification_code="474.2")
    assert letter.classification_code == "474.2"
    with pytest.raises(ValidationError) as err:
        register(o, [write_pdf(tmp_path, "b.pdf", 1)], classification_code="999.99",
                 sender_number="X/2")  # fmt: skip
    assert "classification_code" in err.value.fields


def test_a_probable_duplicate_is_flagged_by_sender_number_and_by_scan(
    o: IncomingOffice, tmp_path: Path
) -> None:
    scan = write_pdf(tmp_path, "a.pdf", 2)
    first = register(o, [scan])
    with pytest.raises(ProbableDuplicate) as by_number:
        register(o, [write_pdf(tmp_path, "other.pdf", 1, "Lain")],
                 sender_number=" 400.10/123/dpmk/2026 ")  # fmt: skip
    assert [(c.id, c.reason) for c in by_number.value.candidates] == [(first.id, "nomor")]
    copy = tmp_path / "salinan.pdf"
    copy.write_bytes(scan.read_bytes())
    with pytest.raises(ProbableDuplicate) as by_scan:
        register(o, [copy], sender_name="Bupati Jayawijaya", sender_number="100/1/2026")
    assert [(c.id, c.reason) for c in by_scan.value.candidates] == [(first.id, "pindaian")]
    with o.store.read() as s:  # nothing was saved by the refused attempts
        assert len(s.exec(select(IncomingLetter)).all()) == 1
        assert len(s.exec(select(IssuedNumber)).all()) == 1

    linked = incoming.register(
        o.store, o.registrar, letter_input([copy], sender_name="Bupati Jayawijaya",
                                           sender_number="100/1/2026"), duplicate="link",
    )  # fmt: skip
    assert linked.duplicate_of_id == first.id
    assert [t.id for t in incoming.thread(o.store, o.registrar, "masuk", linked.id)] == [first.id]
    separate = incoming.register(
        o.store, o.registrar, letter_input([copy], sender_number="100/2/2026"),
        duplicate="separate",
    )  # fmt: skip
    assert separate.duplicate_of_id is None and separate.agenda_number == "003"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("kosong.pdf", b"%PDF-1.4\n%%EOF\n" + b" " * 10, "rusak atau terpotong"),
        ("separuh.pdf", "pdf-cut", "rusak atau terpotong"),
        ("terkunci.pdf", "encrypted", "terkunci kata sandi"),
        ("surat.docx", b"PK\x03\x04 this is a word file", "bukan PDF atau gambar"),
        ("cmyk.jpg", "cmyk", "CMYK"),
        ("dalam.png", "png16", "16-bit"),
        ("potong.png", "png-cut", "PNG rusak"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_is_saved(
    o: IncomingOffice, tmp_path: Path, name: str, content: bytes | str, says: str
) -> None:
    from PySide6.QtGui import QImage

    made = {
        "encrypted": lambda: encrypted_pdf(),
        "cmyk": lambda: image_bytes("JPEG", QImage.Format.Format_CMYK8888),
        "png16": lambda: image_bytes("PNG", QImage.Format.Format_RGBA64),
        "png-cut": lambda: image_bytes("PNG")[:-20],
        "pdf-cut": lambda: pdf_bytes(3)[:3000],
    }
    data = made[content]() if isinstance(content, str) else content
    bad = tmp_path / name
    bad.write_bytes(data)
    good = write_pdf(tmp_path, "baik.pdf", 1)
    with pytest.raises(ValidationError) as err:
        register(o, [good, bad])
    assert name in err.value.fields["scans"] and says in err.value.fields["scans"]
    with o.store.read() as s:
        assert s.exec(select(IncomingLetter)).all() == []
        assert s.exec(select(IssuedNumber)).all() == []
        assert s.exec(select(Sender)).all() == []


def test_a_scan_above_the_size_limit_is_refused_before_it_is_read(
    o: IncomingOffice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NASKAH_MAX_SCAN_MB", "2")
    big = tmp_path / "besar.pdf"
    with big.open("wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.write(pdf_bytes(1))
        f.truncate(200 * 1024 * 1024)
    with pytest.raises(ValidationError) as err:
        register(o, [big])
    assert "besar.pdf" in err.value.message and "melebihi batas 2 MB" in err.value.message


def test_required_fields_and_roles(o: IncomingOffice, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        register(o, [], hal=" ", sender_name="", received_date=days(1))
    assert set(err.value.fields) == {"sender", "hal", "received_date", "scans"}
    with pytest.raises(PermissionDenied):
        incoming.register(o.store, o.staffer, letter_input([write_pdf(tmp_path, "a.pdf", 1)]))


def test_balas_starts_a_draft_to_the_sender_linked_in_the_thread(
    o: IncomingOffice, tmp_path: Path
) -> None:
    incoming.save_sender(o.store, o.registrar, None, "Dinas Pemberdayaan Masyarakat dan Kampung",
                         "Wamena")  # fmt: skip
    letter = register(o, [write_pdf(tmp_path, "a.pdf", 1)])
    draft = incoming.start_reply(o.store, o.staffer, letter.id)
    assert draft.status == "draft" and draft.drafter_id == o.staffer.id
    assert json.loads(draft.addressees_json) == [
        {"name": "Dinas Pemberdayaan Masyarakat dan Kampung", "place": "Wamena"}
    ]
    assert draft.classification_code == "400.10.2.2"
    assert "Nomor 400.10/123/DPMK/2026" in draft.body_text
    assert draft.hal == letter.hal
    (item,) = incoming.thread(o.store, o.staffer, "masuk", letter.id)
    assert (item.kind, item.id, item.relation) == ("keluar", draft.id, "balasan")
    (back,) = incoming.thread(o.store, o.staffer, "keluar", draft.id)
    assert back.id == letter.id and "001" in back.label

    old = register(o, [write_pdf(tmp_path, "b.pdf", 1, "Lama")], classification_code="474.2",
                   sender_number="474.2/5/2026")  # fmt: skip
    reply = incoming.start_reply(o.store, o.staffer, old.id)
    assert reply.classification_code != "474.2"  # outgoing letters take current codes only


def test_a_rahasia_letter_is_only_for_the_people_on_it_and_each_opening_is_logged(
    o: IncomingOffice, tmp_path: Path
) -> None:
    secret = register(o, [write_pdf(tmp_path, "r.pdf", 1)], sifat="Rahasia",
                      addressed_to_id=o.camat.id)  # fmt: skip
    register(o, [write_pdf(tmp_path, "b.pdf", 1, "Biasa")], sender_number="B/1")
    for outsider in (o.staffer, o.kasi_pem):
        with pytest.raises(PermissionDenied):
            incoming.get_incoming(o.store, outsider, secret.id)
        assert [r.sifat for r in iq.page(o.store, outsider, IncomingQueue.ALL)] == ["Biasa"]
        with pytest.raises(PermissionDenied):
            incoming.scans_of(o.store, outsider, secret.id)
    assert incoming.get_incoming(o.store, o.camat, secret.id).id == secret.id
    with o.store.read() as s:
        reads = s.exec(select(AuditEntry).where(AuditEntry.action == "incoming.read")).all()
        assert [(r.actor_id, r.entity_id) for r in reads] == [(o.camat.id, secret.id)]

    # A disposition reaches the kasi: from then on the letter is his to see.
    disposition.dispose(o.store, o.camat, secret.id,
                        DispositionInput([o.kasi_pem.id], ["Untuk diketahui"]))  # fmt: skip
    assert incoming.get_incoming(o.store, o.kasi_pem, secret.id).id == secret.id
    with pytest.raises(PermissionDenied):
        incoming.get_incoming(o.store, o.staffer, secret.id)


def test_lists_search_and_filter(o: IncomingOffice, tmp_path: Path) -> None:
    register(o, [write_pdf(tmp_path, "a.pdf", 1)])
    register(o, [write_pdf(tmp_path, "b.pdf", 1, "B")], sender_name="Bupati Jayawijaya",
             sender_number="005/77/2026", hal="Surat Edaran Libur Natal", sifat="Terbatas",
             addressed_to_id=o.camat.id, classification_code="000.1.5")  # fmt: skip
    hal = lambda rows: [r.hal for r in rows]  # noqa: E731
    assert hal(iq.page(o.store, o.camat, IncomingQueue.ALL, IncomingFilter(search="bupati"))) == [
        "Surat Edaran Libur Natal"
    ]
    assert hal(iq.page(o.store, o.camat, IncomingQueue.ALL, IncomingFilter(search="005/77"))) == [
        "Surat Edaran Libur Natal"
    ]
    assert hal(iq.page(o.store, o.camat, IncomingQueue.ALL,
                       IncomingFilter(classification="400"))) == [
        "Undangan Rapat Evaluasi Dana Kampung"
    ]  # fmt: skip
    assert iq.count(o.store, o.camat, IncomingQueue.ALL, IncomingFilter(sifat="Terbatas")) == 1
    assert iq.count(o.store, o.staffer, IncomingQueue.ALL) == 1  # Terbatas is not his
    assert hal(iq.page(o.store, o.camat, IncomingQueue.ALL, sort="sender_name",
                       descending=False)) == [
        "Surat Edaran Libur Natal", "Undangan Rapat Evaluasi Dana Kampung",
    ]  # fmt: skip


def test_a_draft_reply_keeps_the_drafters_confidential_rules(
    o: IncomingOffice, tmp_path: Path
) -> None:
    letter = register(o, [write_pdf(tmp_path, "a.pdf", 1)], sifat="Terbatas",
                      addressed_to_id=o.camat.id)  # fmt: skip
    with pytest.raises(PermissionDenied):  # the staffer is not on it yet
        incoming.start_reply(o.store, o.staffer, letter.id)
    disposition.dispose(
        o.store,
        o.camat,
        letter.id,
        DispositionInput([o.staffer.id], ["Siapkan jawaban"], due_date=days(3)),
    )
    draft = incoming.start_reply(o.store, o.staffer, letter.id)
    assert draft.sifat == "Terbatas"
    assert drafting.get_letter(o.store, o.staffer, draft.id).id == draft.id
    with o.store.read() as s:
        assert len(s.exec(select(LetterLink)).all()) == 1
