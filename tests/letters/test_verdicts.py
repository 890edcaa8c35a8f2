"""Verdicts that never contradict themselves (issue 10): the copy of a letter mailed before the
next sync, judged after its signer's certificate was revoked, agrees with the timestamped copy
and the public page; a file that carries a document timestamp says so on any PC."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography import x509
from pytestqt.qtbot import QtBot
from sqlmodel import select

from desktop.letters import signed_letters, signer_keys
from desktop.letters.verification import (
    MatchKind,
    UnknownCode,
    check_code,
    check_pdf,
    describe,
)
from desktop.signing import pades
from desktop.signing.keys import PassphraseGuard
from desktop.signing.report import ChainStatus
from desktop.store.models import Letter, LetterSignature
from desktop.ui.qt import QWidget
from desktop.ui.verify_dialog import PdfVerifier
from sync.client.records import set_version
from sync.pki.codes import code_candidates
from tests.clocks import TestClock
from tests.conftest import Office
from tests.letters.office_pki import PASSPHRASE, OfficePki
from tests.letters.test_esign import pdf_of
from tests.letters.test_verification import signed, text


@pytest.fixture
def pki(office_staff: Office) -> OfficePki:
    authority = OfficePki.create()
    authority.install_trust(office_staff.store)
    return authority


def synced(o: Office, letter: Letter, version: int = 1) -> None:
    """The letter's signature records as the server acknowledged them (or, with 0, not yet)."""
    with o.store.write() as session:
        for row in session.exec(
            select(LetterSignature).where(LetterSignature.letter_id == letter.id)
        ):
            if version:
                set_version(row, version)
            else:
                row.version = 0


def test_the_copy_mailed_before_the_sync_agrees_with_the_timestamped_one_after_a_revocation(
    office_staff: Office, pki: OfficePki, test_clock: TestClock
) -> None:
    o = office_staff
    start = test_clock.now()
    letter, cert = signed(o, pki)  # offline, at the start
    mailed = pdf_of(o, letter)  # the copy that left the office before the next sync
    synced(o, letter)
    test_clock.at(start + timedelta(hours=1))  # the next sync: the server's document timestamp
    final = signed_letters.add_timestamp(o.store, letter.id, pki.timestamper())
    test_clock.at(start + timedelta(hours=2))
    pki.revoke(o.store, cert, x509.ReasonFlags.key_compromise)  # the laptop was stolen
    test_clock.at(start + timedelta(hours=3))

    timestamped = check_pdf(o.store, pdf_of(o, final))
    assert timestamped.valid, describe(timestamped)

    check = check_pdf(o.store, mailed, name="undangan.pdf")
    assert check.valid and check.warned, describe(check)
    [sig] = check.report.signatures if check.report else []
    assert sig.chain is ChainStatus.REVOKED and sig.valid_at_signing
    assert sig.timestamp is None and sig.document_timestamp is None
    assert check.record is not None and check.record.how is MatchKind.EARLIER
    lines = describe(check)
    assert lines[0] == "SAH: tanda tangan utuh dan dokumen tidak berubah sejak ditandatangani. " \
        "Perhatikan peringatan."  # fmt: skip
    out = text(lines)
    assert "menurut catatan server kantor" in out and "TIDAK SAH" not in out
    recorded_at = check.zone.time_text(sig.recorded_signing_time or start)
    assert sig.recorded_signing_time is not None
    assert (
        f"Cap waktu: belum ada pada berkas ini; waktu penandatanganan tercatat di server kantor: "
        f"{recorded_at}." in out
    )
    assert final.pdf_hash and final.timestamped_at
    stamped_at = check.zone.time_text(final.timestamped_at)
    assert (
        f"Salinan akhir surat ini adalah versi bertanda waktu server {stamped_at} "
        f"(SHA-256 {final.pdf_hash[:16]}…) di arsip kantor; gunakan salinan itu." in out
    )

    # Only the server's record counts: one this PC never synced is its own claim.
    synced(o, letter, 0)
    unsynced = check_pdf(o.store, mailed)
    assert not unsynced.valid
    assert "TIDAK SAH" in describe(unsynced)[0]


def test_the_recorded_time_covers_only_the_recorded_signature(
    office_staff: Office, pki: OfficePki, test_clock: TestClock
) -> None:
    """Whoever holds the stolen key and appends a signature of their own to our copy, backdated
    to before the revocation, gets nothing from our record: it names our bytes only."""
    o = office_staff
    start = test_clock.now()
    letter, cert = signed(o, pki)
    mailed = pdf_of(o, letter)
    synced(o, letter)
    stolen = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    test_clock.at(start + timedelta(hours=2))
    pki.revoke(o.store, cert, x509.ReasonFlags.key_compromise)
    test_clock.at(start + timedelta(hours=3))
    forged = pades.sign_pdf(
        mailed,
        stolen,
        reason="Menandatangani naskah dinas",
        location="Wamena",
        signer_name=stolen.name,
        position="Camat Wamena",
        date_text="-",
        verify_url="https://contoh.go.id/v/x",
        field_box=pades.StampBox(0, 60, 60, 160, 50),
        now=start + timedelta(minutes=30),  # claims a time before the revocation
    )
    check = check_pdf(o.store, forged)
    assert check.record is not None and check.record.how is MatchKind.EXTENDED
    assert check.report is not None
    ours, theirs = check.report.signatures
    assert ours.valid_at_signing
    assert theirs.chain is ChainStatus.REVOKED and not theirs.valid_at_signing
    assert not check.valid and "TIDAK SAH" in describe(check)[0]


def test_a_document_timestamp_shows_on_a_pc_without_the_office_data(
    office_staff: Office, pki: OfficePki
) -> None:
    o = office_staff
    letter, _cert = signed(o, pki)
    final = signed_letters.add_timestamp(o.store, letter.id, pki.timestamper())
    check = check_pdf(None, pdf_of(o, final))
    [sig] = check.report.signatures if check.report else []
    assert sig.document_timestamp is not None and not sig.document_timestamp.trusted
    assert sig.proven_time is None  # a timestamp from an issuer not trusted here proves nothing
    out = text(describe(check))
    assert "Cap waktu: belum ada" not in out
    assert final.timestamped_at is not None
    assert (
        f"Cap waktu dokumen: {check.zone.time_text(final.timestamped_at)} oleh Naskah TSA - "
        "Pemerintah Kabupaten Jayawijaya (penerbit tidak dikenal)." in out
    )


def as_typed_from_paper(code: str) -> str:
    """How a person may type a printed code: capitals, in groups, with the look-alikes."""
    typed = code.upper().replace("O", "0").replace("B", "8").replace("L", "1")
    return " ".join(typed[i : i + 5] for i in range(0, len(typed), 5))


def test_code_candidates_read_a_code_as_typed() -> None:
    code = "ab2cdlo7efgh3ijk4lmn"
    assert code_candidates(code)[0] == code
    assert code in code_candidates(as_typed_from_paper(code))
    assert code in code_candidates(f"https://naskah.jayawijayakab.go.id/v/{code}.json")
    assert code in code_candidates("AB2C-DLO7-EFGH-3IJK-4LMN")
    assert code_candidates("ab2cd") == [] and code_candidates("9" * 20) == []
    assert len(code_candidates("1" * 20)) == 1  # too ambiguous: the plain reading only


def test_a_code_typed_from_paper_finds_the_letter_in_the_app(
    office_staff: Office, pki: OfficePki, qtbot: QtBot
) -> None:
    o = office_staff
    letter, _cert = signed(o, pki)
    typed = as_typed_from_paper(letter.verify_code)
    check = check_code(o.store, typed, user=o.kasi)
    assert check.valid and check.record is not None and check.record.byte_identical
    assert describe(check)[0].startswith("SAH")
    with pytest.raises(UnknownCode):
        check_code(o.store, "a" * 20)

    verifier = PdfVerifier(QWidget(), o.store, o.kasi)
    dialog = verifier.check_code(typed)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.copy_button.isEnabled)
    assert dialog.headline.text().startswith("SAH") and letter.number in dialog.text
    dialog.code.setText("bukan kode")
    dialog.code_button.click()
    qtbot.waitUntil(dialog.copy_button.isEnabled)
    assert dialog.headline.text().startswith("Kode verifikasi tidak dikenal")
    assert dialog.headline.property("verdict") == "invalid"
