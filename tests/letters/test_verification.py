"""Checking a signed PDF as anyone at the office would: our own letter, a copy changed after
signing, a PDF from a CA this PC does not trust, a signer revoked later, files that are not
PDFs or are encrypted, and a confidential letter seen by someone who is not on it."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from cryptography import x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfWriter
from sqlmodel import select

from desktop.letters import accounts, drafting, esign, signed_letters, signer_keys, workflow
from desktop.letters.verification import MatchKind, TrustSource, check_pdf, describe
from desktop.signing.keys import PassphraseGuard
from desktop.signing.report import ChainStatus
from desktop.store import clock
from desktop.store.db import open_store
from desktop.store.models import AuditEntry, Letter
from sync.pki import ca, tsa
from tests import stores
from tests.conftest import PASSWORD, Office
from tests.letters.office_pki import ORG, PASSPHRASE, OfficePki
from tests.letters.test_esign import awaiting, pdf_of
from tests.letters.test_lifecycle import fill_invitation


@pytest.fixture
def pki(office_staff: Office) -> OfficePki:
    authority = OfficePki.create()
    authority.install_trust(office_staff.store)
    return authority


def signed(
    o: Office, pki: OfficePki, *, sifat: str = "Biasa", at: datetime | None = None
) -> tuple[Letter, x509.Certificate]:
    """A letter by Budi, initialled by Sari, signed electronically by the camat (at ``at``)."""
    cert = pki.enrol(o.store, o.camat, now=at - timedelta(days=1) if at is not None else None)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    if sifat == "Biasa":
        letter_id = awaiting(o)
    else:
        letter_id = drafting.new_draft(o.store, o.drafter, "surat_undangan").id
        fill_invitation(o, letter_id)
        data = drafting.input_of(drafting.get_letter(o.store, o.drafter, letter_id))
        data.sifat = sifat
        drafting.save_draft(o.store, o.drafter, letter_id, data)
        workflow.send(o.store, o.drafter, letter_id, [o.kasi.id], o.camat.id)
        workflow.initial(o.store, o.kasi, letter_id)
    return esign.sign_electronically(o.store, o.camat, letter_id, signer, now=at), cert


def with_text_added(pdf: bytes) -> bytes:
    """Someone writes "PALSU" on page 1 and saves: an incremental update after the signature."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 72 Td (PALSU) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def text(lines: list[str]) -> str:
    return "\n".join(lines)


def test_our_letter_exactly_as_stored_is_valid_and_found(
    office_staff: Office, pki: OfficePki
) -> None:
    o = office_staff
    letter, _cert = signed(o, pki)
    check = check_pdf(o.store, pdf_of(o, letter), user=o.kasi, name="undangan.pdf")
    assert check.valid and check.trust is TrustSource.PINNED
    assert check.record is not None and check.record.byte_identical
    assert check.record.number == letter.number and check.record.letter_id == letter.id
    lines = describe(check)
    assert lines[0].startswith("SAH")
    out = text(lines)
    assert "Agustinus Mabel, S.IP (NIP 197008171994031006), Camat Wamena" in out
    assert "Sertifikat: terpercaya" in out
    assert "menurut jam komputer penanda tangan" in out
    assert f"surat nomor {letter.number}" in out
    assert "Undangan Rapat Koordinasi Dana Kampung" in out
    assert "sama persis" in out


def test_changed_after_signing_says_so_with_the_bytes_not_covered(
    office_staff: Office, pki: OfficePki
) -> None:
    o = office_staff
    letter, _cert = signed(o, pki)
    pdf = pdf_of(o, letter)
    appended = with_text_added(pdf)
    check = check_pdf(o.store, appended)
    assert not check.valid
    [sig] = check.report.signatures if check.report else []
    assert sig.uncovered_ranges == [(len(pdf), len(appended))]
    lines = describe(check)
    assert lines[0] == "TIDAK SAH: dokumen DIUBAH setelah ditandatangani."
    assert f"tidak dilindungi tanda tangan: bita {len(pdf)}–{len(appended) - 1}" in text(lines)
    # Still recognisably our letter: our stored PDF with bytes added after it.
    assert check.record is not None and check.record.how is MatchKind.EXTENDED
    assert check.record.added_bytes == len(appended) - len(pdf)
    assert "tidak ada di arsip" in text(lines)

    # One byte changed inside the signed bytes (a word of the metadata).
    at = pdf.index(b"/Producer (") + len(b"/Producer (")
    flipped = pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]
    check = check_pdf(o.store, flipped)
    assert not check.valid and check.report is not None
    assert not check.report.signatures[0].intact
    out = text(describe(check))
    assert "DIUBAH setelah ditandatangani" in out
    # The signature still names our number: found, but not as our copy.
    assert check.record is not None and check.record.how is MatchKind.CLAIMED
    assert "TIDAK SAMA dengan salinan tersimpan" in out


def test_pdf_from_a_ca_this_pc_does_not_trust(
    office_staff: Office, pki: OfficePki, tmp_path: Path
) -> None:
    o = office_staff
    pdf = pdf_of(o, signed(o, pki)[0])
    elsewhere = open_store(tmp_path / "kabupaten-lain")
    try:
        root_key, root = ca.create_root_ca("Pemerintah Kabupaten Lanny Jaya")
        tsa_key, tsa_cert = ca.create_tsa(root_key, root, "Pemerintah Kabupaten Lanny Jaya")
        OfficePki(root_key, root, tsa_key, tsa_cert).install_trust(elsewhere)
        check = check_pdf(elsewhere, pdf)
    finally:
        elsewhere.close()
    assert not check.valid and check.report is not None
    assert check.report.signatures[0].chain is ChainStatus.UNKNOWN
    assert check.report.signatures[0].intact
    lines = describe(check)
    assert lines[0].startswith("TIDAK DAPAT DIPASTIKAN")
    assert "Sertifikat: tidak dikenal" in text(lines)
    assert "tidak ditemukan surat kantor ini" in text(lines)


def forged_letter(tmp_path: Path, *, start: datetime | None = None, days: int = 365) -> bytes:
    """A letter "signed by our camat" on someone's own copy of Naskah, whose CA they made
    themselves with exactly our root's name (valid from ``start`` for ``days``)."""
    store = stores.new_store(tmp_path / "pemalsu", "staffed")
    try:
        login = lambda u: accounts.login(store, u, PASSWORD)  # noqa: E731
        forger = Office(
            store, login("admin"), login("budi"), login("sari"), login("petrus"), login("camat")
        )
        root_key, root = ca.create_root_ca(ORG, now=start)
        tsa_key, tsa_cert = ca.create_tsa(root_key, root, ORG, now=start)
        impostor = OfficePki(root_key, root, tsa_key, tsa_cert)
        impostor.install_trust(store)
        impostor.enrol(store, forger.camat, now=start, days=days)
        signer = signer_keys.unlock(store, forger.camat.id, PASSPHRASE, PassphraseGuard())
        letter_id = awaiting(forger)
        return pdf_of(forger, esign.sign_electronically(store, forger.camat, letter_id, signer))
    finally:
        store.close()


def test_a_self_made_ca_with_our_roots_name_is_forged(
    office_staff: Office, pki: OfficePki, tmp_path: Path
) -> None:
    """One plain verdict, and nothing that reads as "unknown issuer" right above "checked
    against our root"."""
    check = check_pdf(office_staff.store, forged_letter(tmp_path), name="undangan.pdf")
    assert not check.valid and check.report is not None
    [sig] = check.report.signatures
    assert sig.intact and sig.chain is ChainStatus.FORGED
    assert sig.issuer.startswith("CN=Naskah Root CA - Pemerintah Kabupaten Jayawijaya")
    lines = describe(check)
    assert lines[0] == (
        "PALSU: ditandatangani oleh sertifikat yang bukan dari Pemerintah Kabupaten Jayawijaya."
    )
    out = text(lines)
    assert "Sertifikat: PALSU" in out
    assert "tidak dikenal" not in out and "TIDAK DAPAT DIPASTIKAN" not in out
    assert "Diperiksa terhadap sertifikat akar Pemerintah Kabupaten Jayawijaya" in out
    assert check.report.summary().startswith("Tanda tangan palsu")


def test_no_store_checks_integrity_only(office_staff: Office, pki: OfficePki) -> None:
    o = office_staff
    check = check_pdf(None, pdf_of(o, signed(o, pki)[0]))
    assert check.trust is TrustSource.NO_STORE and check.record is None
    assert check.report is not None and check.report.signatures[0].intact
    out = text(describe(check))
    assert "Keutuhan: utuh" in out and "tidak dikenal" in out
    assert "hanya keutuhan dokumen yang diperiksa" in out


def test_revoked_after_signing_is_valid_at_signing_with_a_warning(
    office_staff: Office, pki: OfficePki
) -> None:
    o = office_staff
    now = clock.now()
    letter, cert = signed(o, pki, at=now - timedelta(hours=2))
    # Back online an hour later: the server's document timestamp proves the signing time.
    stamper = tsa.make_timestamper(
        pki.tsa_cert, pki.tsa_key, [pki.root], clock=lambda: now - timedelta(hours=1)
    )
    letter = signed_letters.add_timestamp(o.store, letter.id, stamper)
    pki.revoke(o.store, cert, x509.ReasonFlags.key_compromise)  # the laptop was stolen today
    check = check_pdf(o.store, pdf_of(o, letter))
    assert check.valid and check.warned, describe(check)
    [sig] = check.report.signatures if check.report else []
    assert sig.chain is ChainStatus.REVOKED and sig.valid_at_signing
    lines = describe(check)
    assert lines[0].endswith("Perhatikan peringatan.")
    out = text(lines)
    assert "Sertifikat: dicabut pada" in out and "sah pada saat ditandatangani" in out
    assert "Cap waktu dokumen:" in out and "Naskah TSA" in out and "(tepercaya)" in out
    assert "Peringatan: Sertifikat penanda tangan dicabut" in out


def test_not_a_pdf_and_encrypted(office_staff: Office, pki: OfficePki) -> None:
    o = office_staff
    check = check_pdf(o.store, b"PK\x03\x04 surat.docx", name="surat.docx")
    assert check.unreadable and describe(check) == [
        "Berkas ini bukan PDF.",
        "Berkas: surat.docx (15 bita).",
    ]
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("rahasia")
    out = BytesIO()
    writer.write(out)
    check = check_pdf(o.store, out.getvalue())
    assert check.unreadable and "terenkripsi" in describe(check)[0]
    assert check_pdf(o.store, b"%PDF-1.7\n garbage").unreadable
    plain = PdfWriter()
    plain.add_blank_page(595, 842)
    out = BytesIO()
    plain.write(out)
    check = check_pdf(o.store, out.getvalue())
    assert not check.unreadable and not check.valid
    assert describe(check)[0] == "PDF ini tidak memiliki tanda tangan elektronik."


def test_confidential_letter_shows_no_details_to_others(
    office_staff: Office, pki: OfficePki
) -> None:
    o = office_staff
    letter, _cert = signed(o, pki, sifat="Rahasia")
    pdf = pdf_of(o, letter)
    for who in (o.admin, None):
        check = check_pdf(o.store, pdf, user=who)
        assert check.valid and check.record is not None
        assert not check.record.visible and check.record.byte_identical
        assert check.record.number == "" and check.record.hal == ""
        out = text(describe(check))
        assert "surat milik kantor ini" in out
        assert letter.number not in out and "Undangan" not in out
    check = check_pdf(o.store, pdf, user=o.drafter)
    assert check.record is not None and check.record.visible
    assert check.record.number == letter.number
    with o.store.read() as s:
        reads = s.exec(select(AuditEntry).where(AuditEntry.action == "letter.read")).all()
    assert [r.actor_id for r in reads][-1] == o.drafter.id
