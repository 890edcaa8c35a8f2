"""Hand-off to SRIKANDI as the office does it: a signed letter leaves as PDF + JSON + .docx,
SRIKANDI's reference is written on the letter (even though it is signed), a draft leaves with
SRIKANDI's own variables for it to fill, and a letter downloaded from SRIKANDI comes in as an
incoming letter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlmodel import select

from desktop.letters import drafting, handoff, workflow
from desktop.letters.errors import PermissionDenied, ServiceError, ValidationError
from desktop.store import clock
from desktop.store.models import Letter, Outbox
from sync.protocol import letter_write_allowed
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, staff_incoming
from tests.letters.scan_files import write_pdf
from tests.letters.test_lifecycle import fill_invitation


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def signed_letter(o: Office) -> Letter:
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id], o.camat.id)
    workflow.initial(o.store, o.kasi, letter.id)
    return workflow.sign_by_hand(o.store, o.camat, letter.id)


def test_a_signed_letter_leaves_as_pdf_json_and_a_filled_docx(
    office_staff: Office, tmp_path: Path
) -> None:
    o = office_staff
    letter = signed_letter(o)

    files = handoff.export_letter(
        o.store, o.drafter, letter.id, tmp_path / handoff.suggested_name(letter)
    )

    assert letter.number and letter.number in PdfReader(files.pdf).pages[0].extract_text()
    meta = json.loads(files.metadata.read_text(encoding="utf-8"))
    assert meta["nomor_naskah"] == letter.number
    assert meta["hal"] == "Undangan Rapat Koordinasi Dana Kampung"
    assert meta["tujuan_list"] == ["Kepala Kampung Sinakma", "Kepala Kampung Wesaput"]
    assert meta["berkas_pdf"] == files.pdf.name and len(meta["sha256_pdf"]) == 64
    text = docx_text(files.docx)
    assert letter.number in text and "Undangan Rapat Koordinasi Dana Kampung" in text
    assert "Kepala Kampung Wesaput" in text and "Bupati Jayawijaya" in text
    assert "${" not in text


def test_a_draft_leaves_with_srikandis_variables_for_it_to_number_and_sign(
    office_staff: Office, tmp_path: Path
) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)

    files = handoff.export_letter(o.store, o.drafter, letter.id, tmp_path / "undangan")

    text = docx_text(files.docx)
    for variable in ("${nomor_naskah}", "${tanggal_naskah}", "${ttd_pengirim}"):
        assert variable in text
    assert "Dengan hormat, kami mengundang Saudara dalam musyawarah kampung." in text
    assert json.loads(files.metadata.read_text(encoding="utf-8"))["nomor_naskah"] == ""
    assert files.pdf.read_bytes().startswith(b"%PDF") and files.pdf.name == "undangan.pdf"


def test_srikandis_reference_is_recorded_on_a_signed_letter_and_may_sync(
    office_staff: Office,
) -> None:
    o = office_staff
    letter = signed_letter(o)
    with o.store.read() as s:
        before = handoff.journal.payload(s.exec(select(Letter).where(Letter.id == letter.id)).one())

    handoff.record_reference(o.store, o.drafter, letter.id, "  SRK-2026-000123 ")

    shown = drafting.get_letter(o.store, o.drafter, letter.id)
    assert shown.srikandi_ref == "SRK-2026-000123"
    with o.store.read() as s:
        last = s.exec(select(Outbox).order_by(Outbox.seq.desc())).first()  # type: ignore[union-attr]
    assert last is not None and last.entity_id == letter.id
    after = json.loads(last.payload_json)
    assert after["srikandi_ref"] == "SRK-2026-000123"
    # The server's rule for signed letters lets exactly this through.
    assert letter_write_allowed(before, after)
    with pytest.raises(PermissionDenied):
        handoff.record_reference(o.store, o.kasi, letter.id, "SRK-lain")


@pytest.fixture
def io(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def srikandi_download(tmp_path: Path, **fields: object) -> tuple[Path, Path]:
    pdf = write_pdf(tmp_path, "naskah-srikandi.pdf", 2, "SRIKANDI")
    data: dict[str, object] = {
        "id_naskah": "9f1c2d3e-0001", "nomor_naskah": "000.1.5/77/DPMK/2026",
        "tanggal_naskah": clock.today().isoformat(), "hal": "Undangan Bimbingan Teknis",
        "asal_naskah": {"nama": "Dinas Pemberdayaan Masyarakat dan Kampung"},
        "sifat_naskah": "Biasa", "tingkat_urgensi": "Segera",
        "kode_klasifikasi": "000.1.5 - Undangan", "isi_ringkas": "Bimtek aparatur kampung",
    }  # fmt: skip
    data.update(fields)
    meta = tmp_path / "naskah-srikandi.json"
    meta.write_text(json.dumps({"data": data}), encoding="utf-8")
    return pdf, meta


def test_a_letter_downloaded_from_srikandi_comes_in_as_an_incoming_letter(
    io: IncomingOffice, tmp_path: Path
) -> None:
    pdf, meta = srikandi_download(tmp_path)

    letter = handoff.import_from_srikandi(io.store, io.registrar, pdf, meta)

    assert (letter.channel, letter.external_ref) == ("srikandi", "9f1c2d3e-0001")
    assert letter.agenda_number == "001" and letter.number_id is not None
    assert letter.sender_name == "Dinas Pemberdayaan Masyarakat dan Kampung"
    assert (letter.sender_number, letter.sender_date) == ("000.1.5/77/DPMK/2026", clock.today())
    assert (letter.classification_code, letter.urgency) == ("000.1.5", "Segera")
    with pytest.raises(ServiceError, match="sudah dicatat: agenda 001"):
        handoff.import_from_srikandi(io.store, io.registrar, pdf, meta)


def test_an_unknown_srikandi_code_is_kept_in_the_note_and_a_bad_json_is_refused(
    io: IncomingOffice, tmp_path: Path
) -> None:
    pdf, meta = srikandi_download(tmp_path, id_naskah="x-2", kode_klasifikasi="PR.01.02")
    letter = handoff.import_from_srikandi(io.store, io.registrar, pdf, meta)
    assert letter.classification_code == ""
    assert "Klasifikasi di SRIKANDI: PR.01.02." in letter.note
    broken = tmp_path / "rusak.json"
    broken.write_text("<html>bukan json</html>", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"rusak\.json bukan berkas isian SRIKANDI"):
        handoff.import_from_srikandi(io.store, io.registrar, pdf, broken)
