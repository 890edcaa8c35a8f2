"""Three checkers, one verdict: ``naskah verify``, pyHanko's validator (tests/signing/
independent.py) and poppler's pdfsig (when installed) judge every kind of letter the signing
tests make, before and after the signer's certificate is revoked for a key compromise, and
agree; years later, with no network, pyHanko still agrees thanks to the PAdES B-LT data under
the document timestamp. The public page joins them for letters that went through a real
server (``test_the_public_page_agrees``).

Each test prints its table of verdicts (``pytest -s``). pdfsig says what it can see (signed
bytes intact, whole file covered, certificate chains to the root; it has no revocation data
and judges at the machine's real time), and that must match what Naskah reports per signature.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from cryptography import x509
from sqlmodel import select

from desktop import seam
from desktop.__main__ import main
from desktop.letters import esign, signed_letters, signer_keys, trust
from desktop.letters.verification import PdfCheck, check_pdf
from desktop.signing import pades
from desktop.signing.keys import LoadedSigner, PassphraseGuard
from desktop.signing.report import ChainStatus
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.models import Letter, LetterSignature
from sync.client import engine
from sync.client.records import set_version
from sync.pki import ca
from tests import stores
from tests.clocks import TestClock
from tests.conftest import Office
from tests.letters.office_pki import PASSPHRASE, OfficePki
from tests.letters.test_esign import awaiting
from tests.letters.test_verification import forged_letter, with_text_added
from tests.signing.independent import nss_db, pdfsig, pyhanko_verdicts
from tests.sync.conftest import running_server
from tests.sync.pcs import enrol as enrol_pc
from tests.sync.pcs import open_pc, set_up_office
from tests.sync.test_signing_sync import awaiting as pc_awaiting

HAVE_PDFSIG = shutil.which("pdfsig") is not None and shutil.which("certutil") is not None
# pdfsig judges certificates at the machine's real time, not the suite's: the CA and signers
# here are valid at both instants (as in test_signing_pdfsig.py).
_REAL = datetime.now(UTC)  # the independent checker's clock, not the product's


def _window() -> tuple[datetime, int]:
    suite = clock.now()
    start = min(_REAL, suite) - timedelta(days=2)
    return start, (max(_REAL, suite) - start).days + 365


@dataclass
class Row:
    letter: str
    when: str
    naskah: str  # the first word(s) of the verdict line, and the exit status
    pyhanko: str
    pdfsig: str
    agree: bool


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    def print(self, title: str) -> None:
        print(f"\n{title}\n")
        print("| letter | when | naskah verify | pyHanko | pdfsig | agree |")
        print("|---|---|---|---|---|---|")
        for r in self.rows:
            agree = "yes" if r.agree else "NO"
            print(f"| {r.letter} | {r.when} | {r.naskah} | {r.pyhanko} | {r.pdfsig} | {agree} |")


VERDICTS = ("SAH", "TIDAK SAH", "TIDAK DAPAT DIPASTIKAN", "PALSU")


def _verdict(line: str) -> str:
    return max((v for v in VERDICTS if line.startswith(v)), key=len)


@dataclass
class Checkers:
    """The three checkers, as set up on one PC (its data dir) against one root."""

    store: Store
    root: x509.Certificate
    tmp: Path
    capsys: pytest.CaptureFixture[str]
    nss: str | None

    def naskah(self, pdf: bytes, name: str) -> tuple[int, str, PdfCheck]:
        path = self.tmp / f"{name}.pdf"
        path.write_bytes(pdf)
        self.capsys.readouterr()
        code = main(["verify", str(path), "--data-dir", str(self.store.data_dir)])
        out = self.capsys.readouterr().out.splitlines()
        return code, out[0], check_pdf(self.store, pdf, name=path.name)

    def crls(self) -> list[x509.CertificateRevocationList]:
        """What an independent validator fetches from the server's /pki/crl.pem."""
        with self.store.read() as session:
            held = trust.require(session)
        return held.crls

    def judge(
        self,
        table: Table,
        name: str,
        when: str,
        pdf: bytes,
        expected: str,
        *,
        known: Mapping[str, datetime] | None = None,
        crls: list[x509.CertificateRevocationList] | None = None,
        agreeing: bool = True,
    ) -> None:
        """Run the three checkers on ``pdf``; Naskah must say ``expected`` and the others agree
        with it (or, with ``agreeing`` False, pyHanko must not: the case the test shows)."""
        code, line, check = self.naskah(pdf, name)
        verdict = _verdict(line)
        assert verdict == expected, (name, when, line)
        assert code == (0 if verdict == "SAH" else 1)
        assert check.report is not None
        fetched = self.crls() if crls is None else crls
        hanko = pyhanko_verdicts(pdf, self.root, fetched, clock.now(), known)
        hanko_ok = bool(hanko) and all(s.valid for s in hanko)
        agree = hanko_ok == (verdict == "SAH")
        bases = {s.basis for s in hanko}
        hanko_text = ("VALID" if hanko_ok else "INVALID") + {
            frozenset({"timestamp"}): ", judged at the timestamp",
            frozenset({"known"}): ", judged at the server-recorded time",
        }.get(frozenset(bases), ", judged now")
        pdfsig_text = "-"
        if self.nss is not None:
            found = [s for s in pdfsig(pdf, self.tmp, self.nss) if not s.timestamp]
            assert len(found) == len(check.report.signatures), found
            for seen, ours in zip(found, check.report.signatures, strict=True):
                chains = ours.chain in (ChainStatus.TRUSTED, ChainStatus.REVOKED)
                agree &= seen.intact == ours.intact
                agree &= seen.whole_file == ours.covers_whole_document
                agree &= seen.trusted == (chains and ours.intact)
            pdfsig_text = "; ".join(
                ("Signature is Valid" if s.intact else "not valid")
                + (", total document" if s.whole_file else ", not total")
                + (f", {s.certificate.rstrip('.')}" if s.certificate else "")
                for s in found
            )
        row = Row(name, when, f"{verdict} (exit {code})", hanko_text, pdfsig_text, agree)
        table.rows.append(row)
        assert agree is agreeing, row


def _synced(store: Store, letter: Letter) -> None:
    """The letter's signature records as the server acknowledged them in a sync."""
    with store.write() as session:
        rows = session.exec(select(LetterSignature).where(LetterSignature.letter_id == letter.id))
        for row in rows:
            set_version(row, 1)


def _pdf(store: Store, letter: Letter) -> bytes:
    assert letter.pdf_hash
    return BlobStore(store.blob_dir).get(letter.pdf_hash)


def _changed(pdf: bytes) -> bytes:
    at = pdf.index(b"/Producer (") + len(b"/Producer (")
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]


@pytest.fixture
def checkers(
    office_staff: Office, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Callable[[OfficePki], Checkers]:
    def make(pki: OfficePki) -> Checkers:
        nss = nss_db(tmp_path / "nss-home", pki.root) if HAVE_PDFSIG else None
        return Checkers(office_staff.store, pki.root, tmp_path, capsys, nss)

    return make


def test_every_letter_before_and_after_a_revocation_and_years_later(
    office_staff: Office,
    checkers: Callable[[OfficePki], Checkers],
    test_clock: TestClock,
    letter_pdf: bytes,
    stamp_box: pades.StampBox,
    tmp_path: Path,
) -> None:
    o = office_staff
    start, days = _window()
    root_key, root = ca.create_root_ca("Pemerintah Kabupaten Jayawijaya", now=start)
    tsa_key, tsa_cert = ca.create_tsa(root_key, root, "Pemerintah Kabupaten Jayawijaya", now=start)
    pki = OfficePki(root_key, root, tsa_key, tsa_cert)
    pki.install_trust(o.store)
    camat_cert = pki.enrol(o.store, o.camat, now=start, days=days)
    pki.enrol(o.store, o.sekcam, now=start, days=days)
    camat = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    sekcam = signer_keys.unlock(o.store, o.sekcam.id, PASSPHRASE, PassphraseGuard())
    t0 = test_clock.now()

    # Signed offline; the copy of the letter mailed before the next sync.
    letter = esign.sign_electronically(o.store, o.camat, awaiting(o), camat)
    mailed = _pdf(o.store, letter)
    # A berita acara: the sekretaris, then the camat.
    ba_id = awaiting(o, co_signers=[o.sekcam.id])
    esign.sign_electronically(o.store, o.sekcam, ba_id, sekcam)
    berita_acara = esign.sign_electronically(o.store, o.camat, ba_id, camat)
    # Signed online with a signature timestamp in the CMS (PAdES B-T), as the signing tests do.
    chained = LoadedSigner(camat.key, camat.cert, [root])
    online = pades.sign_pdf(
        letter_pdf, chained, reason="Persetujuan", location="Wamena", signer_name=camat.name,
        position="Camat Wamena", date_text="-", verify_url="https://contoh.go.id/v/x",
        field_box=stamp_box, timestamper=pki.timestamper(),
    )  # fmt: skip
    for signed in (letter, berita_acara):
        _synced(o.store, signed)

    test_clock.at(t0 + timedelta(hours=1))  # the next sync: the server's document timestamps
    final = _pdf(o.store, signed_letters.add_timestamp(o.store, letter.id, pki.timestamper()))
    ba_final = _pdf(
        o.store, signed_letters.add_timestamp(o.store, berita_acara.id, pki.timestamper())
    )
    without_lt_data = pades.add_document_timestamp(mailed, pki.timestamper())  # the old way
    forged = forged_letter(tmp_path, start=start, days=days)

    # Another PC of the kabupaten: the root and the CRL, but not this letter in its archive.
    other = stores.new_store(tmp_path / "pc-lain", "staffed")
    check = checkers(pki)
    elsewhere = replace(check, store=other)
    cases = [
        ("surat, salinan terkirim sebelum sinkron", mailed),
        ("surat, salinan akhir bertanda waktu (B-LT)", final),
        ("berita acara, 2 penanda tangan + cap waktu", ba_final),
        ("tanda tangan dengan cap waktu sendiri (B-T)", online),
        ("salinan akhir, satu bita diubah", _changed(final)),
        ("salinan akhir, teks ditambahkan", with_text_added(final)),
        ("CA buatan sendiri bernama sama", forged),
    ]
    before = Table()
    test_clock.at(t0 + timedelta(minutes=90))
    pki.install_trust(other)
    expected = ["SAH", "SAH", "SAH", "SAH", "TIDAK SAH", "TIDAK SAH", "PALSU"]
    for (name, pdf), verdict in zip(cases, expected, strict=True):
        check.judge(before, name, "sebelum pencabutan", pdf, verdict)
    other_pc = "surat, salinan terkirim (PC lain)"
    elsewhere.judge(before, other_pc, "sebelum pencabutan", mailed, "SAH")

    test_clock.at(t0 + timedelta(hours=2))
    pki.revoke(o.store, camat_cert, x509.ReasonFlags.key_compromise)  # the laptop was stolen
    pki.install_trust(other)
    test_clock.at(t0 + timedelta(hours=3))
    rogue = pades.sign_pdf(  # the thief, backdating the signature to before the revocation
        letter_pdf, chained, reason="Persetujuan", location="Wamena", signer_name=camat.name,
        position="Camat Wamena", date_text="-", verify_url="https://contoh.go.id/v/x",
        field_box=stamp_box, now=t0 + timedelta(minutes=30),
    )  # fmt: skip
    after = Table()
    test_clock.at(t0 + timedelta(hours=3, minutes=30))
    recorded = {"TandaTangan1": t0}  # the signing time the server recorded for that signature
    check.judge(after, cases[0][0], "sesudah pencabutan", mailed, "SAH", known=recorded)
    elsewhere.judge(after, other_pc, "sesudah pencabutan", mailed, "TIDAK SAH")
    expected = ["SAH", "SAH", "SAH", "TIDAK SAH", "TIDAK SAH", "PALSU"]
    for (name, pdf), verdict in zip(cases[1:], expected, strict=True):
        check.judge(after, name, "sesudah pencabutan", pdf, verdict)
    check.judge(after, "kunci curian, sesudah pencabutan", "sesudah pencabutan", rogue, "TIDAK SAH")

    # Two years on, with no network: the CRL and the certificates have expired, the server may
    # be gone. Only the data inside the file speaks for the time the timestamp proves.
    later = Table()
    test_clock.at(t0 + timedelta(days=730))
    check.nss = None  # pdfsig judges at the machine's real time, not two years on
    years = "2 tahun kemudian"
    check.judge(later, "salinan akhir bertanda waktu (B-LT)", years, final, "SAH", crls=[])
    check.judge(later, "berita acara (B-LT)", years, ba_final, "SAH", crls=[])
    # A document timestamp without the validation data under it: Naskah still knows the CRL,
    # an independent validator has nothing to show the certificate was good at that time.
    check.judge(
        later, "cap waktu tanpa data validasi", years, without_lt_data, "SAH", crls=[],
        agreeing=False,
    )  # fmt: skip
    other.close()
    for title, table in (("before", before), ("after", after), ("later", later)):
        table.print(f"Verdicts {title}")


def test_the_public_page_agrees(
    tmp_path: Path, test_clock: TestClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole path with the real server: signed offline, mailed, timestamped in the next
    sync, revoked; the page (reached with the code typed from paper), ``naskah verify`` on the
    office's PC and pyHanko agree on the mailed and the final copy."""
    with running_server("sqlite", tmp_path / "server", ca=True) as server:
        code, _ = server.new_office()
        pc = open_pc(tmp_path, "pc1")
        set_up_office(pc)
        enrol_pc(pc, server, code)
        pc.sync()
        camat = pc.user("camat")
        link = engine.connect(pc.store)
        try:
            seam.enrol_signer(pc.store, camat, PASSPHRASE, link)
        finally:
            link.close()
        signer = signer_keys.unlock(pc.store, camat.id, PASSPHRASE, PassphraseGuard())
        letter = esign.sign_electronically(pc.store, camat, pc_awaiting(pc, "Undangan"), signer)
        mailed = _pdf(pc.store, letter)
        test_clock.advance(timedelta(hours=1))
        pc.sync()  # the document timestamp, and the records reach the server
        with pc.store.read() as session:
            final_letter = session.exec(select(Letter).where(Letter.id == letter.id)).one()
        final = _pdf(pc.store, final_letter)
        root = ca.cert_from_pem(requests.get(f"{server.url}/pki/root.pem", timeout=10).content)
        typed = " ".join(letter.verify_code.upper()[i : i + 5] for i in range(0, 20, 5))
        table = Table()

        def judge(when: str) -> None:
            crl = ca.crl_from_pem(requests.get(f"{server.url}/pki/crl.pem", timeout=10).content)
            page = requests.get(f"{server.url}/v/{typed.replace(' ', '%20')}.json", timeout=10)
            assert page.status_code == 200, page.text
            verdict = page.json()["status"]
            recorded = datetime.fromisoformat(page.json()["signers"][0]["signed_at"])
            for name, pdf, known in (
                ("surat, salinan terkirim sebelum sinkron", mailed, {"TandaTangan1": recorded}),
                ("surat, salinan akhir bertanda waktu", final, None),
            ):
                path = tmp_path / "surat.pdf"
                path.write_bytes(pdf)
                capsys.readouterr()
                exit_code = main(["verify", str(path), "--data-dir", str(pc.store.data_dir)])
                line = capsys.readouterr().out.splitlines()[0]
                hanko = pyhanko_verdicts(pdf, root, [crl], clock.now(), known)
                ok = all(s.valid for s in hanko)
                agree = _verdict(line) == verdict == ("SAH" if ok else "TIDAK SAH")
                table.rows.append(
                    Row(name, when, f"{_verdict(line)} (exit {exit_code}); page: {verdict}",
                        "VALID" if ok else "INVALID", "-", agree)
                )  # fmt: skip
                assert agree, table.rows[-1]

        test_clock.advance(timedelta(minutes=30))
        judge("sebelum pencabutan")
        test_clock.advance(timedelta(hours=1))
        server.revoke(signer_keys.status(pc.store, camat.id).serial, "key_compromise")
        pc.sync()  # the new CRL reaches the PC
        test_clock.advance(timedelta(minutes=30))
        judge("sesudah pencabutan")
        pc.close()
    table.print("The public page, naskah verify and pyHanko")
