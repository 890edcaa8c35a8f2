"""The public verification page ``/v/<code>``: what it says for each kind of letter, in HTML and
JSON, what it hides for letters that are not public, escaping and security headers, and the
page as Debian's chromium renders it (headless, phone-sized).

The letters reach the server as a PC sends them: through ``/api/v1/sync`` (records) and the
blob upload (the signed PDFs). Runs on SQLite, and on PostgreSQL too when NASKAH_TEST_PG_URL
is set; the browser test on SQLite only.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from desktop.signing.keys import build_csr, generate_key
from sync.pki import ca
from sync.pki.identity import SignerIdentity, office_label
from sync.server import db
from tests.sync.conftest import DeviceClient, SyncServer

CHROMIUM = "/usr/bin/chromium"
CAMAT = ("Agustinus Mabel, S.IP", "198503122010011002", "Camat Wamena")
SEKCAM = ("Yonas Kogoya, S.Sos", "198001012005011001", "Sekretaris Kecamatan")
TIMESTAMP = "2026-03-03T01:42:00+00:00"  # 08:42 WIB


def _code() -> str:
    return base64.b32encode(os.urandom(13)).decode().lower()[:20]


@dataclass
class Letters:
    server: SyncServer
    pc: DeviceClient
    codes: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)


def _signature(
    pc: DeviceClient,
    letter_id: str,
    person: tuple[str, str, str],
    position: int,
    *,
    kind: str = "tte_internal",
    serial: str = "",
    signed_at: str = "2026-03-03T01:30:00+00:00",
) -> None:
    ack = pc.push(
        "letter_signature",
        str(uuid.uuid4()),
        {
            "letter_id": letter_id,
            "position": position,
            "signer_id": str(uuid.uuid4()),
            "kind": kind,
            "signed_at": signed_at,
            "signer_name": person[0],
            "signer_jabatan": person[2],
            "cert_serial": serial,
            "cert_sha256": "0" * 64,
            "pdf_hash": "",
        },
    )
    assert ack["status"] == "applied", ack


def _letter(
    letters: Letters,
    name: str,
    *,
    sifat: str = "Biasa",
    status: str = "signed",
    hal: str = "Undangan Rapat Koordinasi",
    pdf: bytes | None = None,
    upload: bool = True,
    timestamped_at: str | None = None,
    kind: str = "tte_internal",
    **extra: Any,
) -> str:
    pc = letters.pc
    pdf_hash = None
    if pdf is not None:
        pdf_hash = pc.upload_blob(pdf) if upload else hashlib.sha256(pdf).hexdigest()
    letter_id, code = str(uuid.uuid4()), _code()
    number = f"005/{len(letters.codes) + 1}/Kec.WMN/2026"
    ack = pc.push(
        "letter",
        letter_id,
        {
            "status": status,
            "sifat": sifat,
            "hal": hal,
            "number": number,
            "letter_date": "2026-03-03",
            "signature_kind": kind,
            "signed_at": "2026-03-03T01:30:00+00:00",
            "pdf_hash": pdf_hash,
            "timestamped_at": timestamped_at,
            "verify_code": code,
            **extra,
        },
    )
    assert ack["status"] == "applied", ack
    letters.codes[name], letters.numbers[name] = code, number
    return letter_id


def _pdf() -> bytes:
    return b"%PDF-1.7\n" + os.urandom(3000) + b"\n%%EOF\n"


def _certificate(pc: DeviceClient, person: tuple[str, str, str], kecamatan: str = "Wamena") -> str:
    """A certificate the server's CA issues to ``person`` of ``pc``'s office: its serial."""
    person_id = pc.add_person(*person)
    identity = SignerIdentity(*person, office_label(kecamatan, "Jayawijaya"))
    csr = ca.csr_to_pem(build_csr(generate_key(), identity)).decode()
    r = pc.post("/api/v1/pki/certificates", json={"person_id": person_id, "csr_pem": csr})
    assert r.status_code == 200, r.text
    return str(r.json()["serial"])


@pytest.fixture(scope="module")
def letters(module_pki_server: SyncServer) -> Letters:
    server = module_pki_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    pc.put_office("Wamena", "Jayawijaya")
    out = Letters(server, pc)
    camat, sekcam = _certificate(pc, CAMAT), _certificate(pc, SEKCAM)

    # A berita acara signed by two people (sent in reverse order), timestamped.
    biasa = _letter(out, "biasa", pdf=_pdf(), timestamped_at=TIMESTAMP, hal="Berita Acara Serah")
    _signature(pc, biasa, SEKCAM, 2, serial=sekcam)
    _signature(pc, biasa, CAMAT, 1, serial=camat)
    rahasia = _letter(out, "rahasia", sifat="Rahasia", pdf=_pdf(), hal="Penyelidikan Dana Desa")
    _signature(pc, rahasia, CAMAT, 1, serial=camat)
    _signature(pc, _letter(out, "voided", status="voided", pdf=_pdf()), CAMAT, 1, serial=camat)
    voided = _letter(out, "rahasia_voided", sifat="Rahasia", status="voided")
    _signature(pc, voided, CAMAT, 1, serial=camat)
    script = _letter(out, "script", hal="<script>alert('x')</script> & \"Co\"", pdf=_pdf())
    _signature(pc, script, CAMAT, 1, serial=camat)
    _signature(pc, _letter(out, "wet", kind="basah", pdf=_pdf()), CAMAT, 1, kind="basah")

    # What the server does not hold yet: never SAH on the letter record's word alone.
    not_uploaded = _letter(out, "not_uploaded", pdf=_pdf(), upload=False)
    _signature(pc, not_uploaded, CAMAT, 1, serial=camat)
    _signature(pc, _letter(out, "no_pdf"), CAMAT, 1, serial=camat)
    hidden = _letter(out, "rahasia_no_pdf", sifat="Rahasia", pdf=_pdf(), upload=False)
    _signature(pc, hidden, CAMAT, 1, serial=camat)
    # No signature record reached the server (yet): the letter's own signer is shown.
    signer = pc.add_person(*SEKCAM)
    _letter(out, "no_signature_records", pdf=_pdf(), signer_id=signer)

    # Signature records naming a certificate this CA never issued, or issued to another office.
    _signature(pc, _letter(out, "unknown_cert", pdf=_pdf()), CAMAT, 1, serial="7e57ab1e")
    other_pc = server.enrol(server.new_office()[0])
    other_pc.put_office("Asologaima", "Jayawijaya")
    foreign = _certificate(other_pc, CAMAT, "Asologaima")
    _signature(pc, _letter(out, "foreign_cert", pdf=_pdf()), CAMAT, 1, serial=foreign)

    # A PDF changed on the server's disk after it arrived.
    tampered = _pdf()
    _signature(pc, _letter(out, "tampered", pdf=tampered), CAMAT, 1, serial=camat)
    path = server.blob_dir / hashlib.sha256(tampered).hexdigest()[:2]
    path = path / hashlib.sha256(tampered).hexdigest()
    path.write_bytes(tampered.replace(b"%%EOF", b"%%EOX"))

    # A revoked certificate: signatures made before the revocation stay valid, later ones not.
    serial = _certificate(pc, CAMAT)
    server.revoke(serial, "key_compromise")
    now = db.utcnow()
    before = _letter(out, "signed_before_revocation", pdf=_pdf())
    _signature(pc, before, CAMAT, 1, serial=serial, signed_at=(now - timedelta(days=1)).isoformat())
    after = _letter(out, "signed_after_revocation", pdf=_pdf())
    _signature(pc, after, CAMAT, 1, serial=serial, signed_at=(now + timedelta(days=1)).isoformat())
    return out


def _get(letters: Letters, name: str, suffix: str = "", **headers: str) -> requests.Response:
    url = f"{letters.server.url}/v/{letters.codes[name]}{suffix}"
    return requests.get(url, headers=headers, timeout=10)


def _json(letters: Letters, name: str) -> dict[str, Any]:
    r = _get(letters, name, ".json")
    assert r.status_code == 200, r.text
    return r.json()


# -- HTTP -------------------------------------------------------------------------------------


def test_biasa_letter_shows_its_details(letters: Letters) -> None:
    r = _get(letters, "biasa")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    page = r.text
    for text in (
        '<meta name="viewport"',
        letters.numbers["biasa"],
        "3 Maret 2026",
        "Berita Acara Serah",
        "Kecamatan Wamena, Kabupaten Jayawijaya",
        CAMAT[0],
        CAMAT[2],
        SEKCAM[0],
        SEKCAM[2],
        "TTE internal",
        "bertanda waktu 3 Maret 2026 08:42 WIB",
        "Berkas PDF di server cocok",
        '<p id="status" class="status ok">SAH</p>',
    ):
        assert text in page, text
    assert page.index(CAMAT[0]) < page.index(SEKCAM[0])  # in signing order
    assert "<script" not in page

    data = _json(letters, "biasa")
    assert data["valid"] is True and data["status"] == "SAH" and data["details_public"] is True
    assert data["letter"]["number"] == letters.numbers["biasa"]
    assert data["letter"]["letter_date"] == "2026-03-03"
    assert data["letter"]["hal"] == "Berita Acara Serah"
    assert data["letter"]["office"] == {
        "kecamatan": "Wamena",
        "kabupaten": "Jayawijaya",
        "label": "Kecamatan Wamena, Kabupaten Jayawijaya",
    }
    assert [(s["name"], s["jabatan"], s["kind_text"]) for s in data["signers"]] == [
        (CAMAT[0], CAMAT[2], "TTE internal"),
        (SEKCAM[0], SEKCAM[2], "TTE internal"),
    ]
    assert data["timestamp"]["at"] == TIMESTAMP
    assert data["pdf"] == {"state": "match", "text": "Berkas PDF di server cocok"}
    # The same JSON when a client asks for it.
    assert _get(letters, "biasa", Accept="application/json").json() == data


def test_rahasia_letter_reveals_only_validity(letters: Letters) -> None:
    page = _get(letters, "rahasia").text
    assert '<p id="status" class="status ok">SAH</p>' in page
    for secret in (letters.numbers["rahasia"], "Penyelidikan", CAMAT[0], CAMAT[2], "Wamena"):
        assert secret not in page, secret
    assert "tidak ditampilkan untuk umum" in page
    data = _json(letters, "rahasia")
    assert data == {
        "code": letters.codes["rahasia"],
        "valid": True,
        "status": "SAH",
        "status_text": "SAH",
        "details_public": False,
    }
    voided = _json(letters, "rahasia_voided")
    assert voided["valid"] is False and voided["status"] == "TIDAK SAH"
    assert set(voided) == set(data)
    assert "TIDAK BERLAKU" not in _get(letters, "rahasia_voided").text


def test_voided_letter_is_no_longer_valid(letters: Letters) -> None:
    page = _get(letters, "voided").text
    assert "TIDAK BERLAKU (nomor dibatalkan)" in page and 'class="status bad"' in page
    data = _json(letters, "voided")
    assert data["valid"] is False and data["status"] == "TIDAK BERLAKU"
    assert data["status_text"] == "TIDAK BERLAKU (nomor dibatalkan)"


def test_pdf_states(letters: Letters) -> None:
    missing = _json(letters, "not_uploaded")
    assert missing["valid"] is False and missing["pdf"]["state"] == "missing"
    assert missing["status"] == missing["status_text"] == "BELUM DAPAT DIPASTIKAN"
    assert missing["reasons"] == ["Berkas PDF bertanda tangan surat ini belum diterima server."]
    page = _get(letters, "not_uploaded").text
    assert '<p id="status" class="status wait">BELUM DAPAT DIPASTIKAN</p>' in page
    assert "Berkas PDF belum diterima server" in page and "belum bertanda waktu" in page
    none = _json(letters, "no_pdf")
    assert none["status"] == "BELUM DAPAT DIPASTIKAN" and none["pdf"]["state"] == "none"
    tampered = _json(letters, "tampered")
    assert tampered["valid"] is False and tampered["status"] == "TIDAK SAH"
    assert tampered["pdf"] == {"state": "mismatch", "text": "Berkas PDF di server TIDAK cocok"}
    assert "Berkas PDF di server TIDAK cocok" in _get(letters, "tampered").text
    wet = _json(letters, "wet")
    assert wet["valid"] is True and wet["signers"][0]["kind_text"] == "Tanda tangan basah"
    lone = _json(letters, "no_signature_records")
    assert [(s["name"], s["jabatan"], s["kind_text"]) for s in lone["signers"]] == [
        (SEKCAM[0], SEKCAM[2], "TTE internal")
    ]
    assert lone["valid"] is False and lone["status"] == "BELUM DAPAT DIPASTIKAN"
    assert lone["reasons"] == ["Catatan tanda tangan surat ini belum diterima server."]


def test_a_letter_not_public_shows_pending_and_nothing_else(letters: Letters) -> None:
    data = _json(letters, "rahasia_no_pdf")
    assert data == {
        "code": letters.codes["rahasia_no_pdf"],
        "valid": False,
        "status": "BELUM DAPAT DIPASTIKAN",
        "status_text": "BELUM DAPAT DIPASTIKAN",
        "details_public": False,
    }
    page = _get(letters, "rahasia_no_pdf").text
    assert "keabsahannya belum dapat dipastikan" in page and CAMAT[0] not in page


def test_signature_records_with_a_certificate_the_ca_did_not_issue_to_the_office(
    letters: Letters,
) -> None:
    for name in ("unknown_cert", "foreign_cert"):
        data = _json(letters, name)
        assert data["valid"] is False and data["status"] == "TIDAK SAH", name
        assert data["reasons"] == [
            f"Tanda tangan {CAMAT[0]} tidak dibuat dengan sertifikat yang diterbitkan server ini "
            "untuk kantor surat ini."
        ], name


def test_revoked_certificates(letters: Letters) -> None:
    before = _json(letters, "signed_before_revocation")
    assert before["valid"] is True
    assert any("dicabut setelah" in note for note in before["notes"])
    after = _json(letters, "signed_after_revocation")
    assert after["valid"] is False
    assert any("dicabut sebelum" in reason for reason in after["reasons"])


def test_hal_is_escaped(letters: Letters) -> None:
    page = _get(letters, "script").text
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Co&quot;" in page
    assert _json(letters, "script")["letter"]["hal"] == "<script>alert('x')</script> & \"Co\""


def test_unknown_codes_and_headers(letters: Letters) -> None:
    url = letters.server.url
    for code in ("a" * 20, "bukan-kode", "A" * 20, "%3Cscript%3E"):
        r = requests.get(f"{url}/v/{code}", timeout=10)
        assert r.status_code == 404, code
        assert "Kode verifikasi tidak dikenal" in r.text and "<script>" not in r.text
        j = requests.get(f"{url}/v/{code}.json", timeout=10)
        assert j.status_code == 404 and j.json() == {"detail": "Kode verifikasi tidak dikenal"}
    r = _get(letters, "biasa")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"
    assert _get(letters, "biasa", ".json").headers["referrer-policy"] == "no-referrer"


# -- a real browser ---------------------------------------------------------------------------


def _chromium(tmp_path: Path, url: str, *extra: str) -> str:
    profile = tmp_path / f"profile-{uuid.uuid4().hex[:8]}"
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")
def test_page_in_headless_chromium(letters: Letters, tmp_path: Path) -> None:
    if letters.server.kind != "sqlite":
        pytest.skip("the browser test runs once, on SQLite")
    url = letters.server.url
    dom = _chromium(tmp_path, f"{url}/v/{letters.codes['biasa']}", "--dump-dom")
    assert letters.numbers["biasa"] in dom
    assert "Berita Acara Serah" in dom
    assert CAMAT[0] in dom and CAMAT[2] in dom and SEKCAM[0] in dom
    assert 'class="status ok">SAH</p>' in dom

    hidden = _chromium(tmp_path, f"{url}/v/{letters.codes['rahasia']}", "--dump-dom")
    assert 'class="status ok">SAH</p>' in hidden
    for secret in (letters.numbers["rahasia"], "Penyelidikan", CAMAT[0]):
        assert secret not in hidden

    shot = tmp_path / "p.png"
    _chromium(
        tmp_path,
        f"{url}/v/{letters.codes['biasa']}",
        f"--screenshot={shot}",
        "--window-size=412,915",
        "--hide-scrollbars",
    )
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (412, 915)
    _assert_styled(shot)


def _assert_styled(shot: Path) -> None:
    """The inline stylesheet was applied (the strict CSP allows it by its hash): the page's
    grey background and the green "SAH" banner are on the phone-sized screenshot."""
    qtgui = pytest.importorskip("PySide6.QtGui")
    image = qtgui.QImage(str(shot))
    assert not image.isNull()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 6)
        for y in range(0, image.height() // 2, 6)
    }
    assert "#f2f4f7" in colours  # body background
    assert "#e3f5e8" in colours  # the SAH banner
