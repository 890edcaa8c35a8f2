"""The server's side of electronic signing: the CA made at init, signer certificates on CSRs
(with the refusals), revocation and CRL numbers in sync answers, the RFC 3161 timestamp service
checked by OpenSSL, a server without a CA, the rules for signing records (insert-only
signatures, the timestamped PDF, verification codes) and certificates through bundles.

Runs on SQLite, and on PostgreSQL too when NASKAH_TEST_PG_URL is set.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from desktop.signing.keys import build_csr, generate_key
from sync import clock as server_clock
from sync.pki import ca
from sync.pki.identity import SignerIdentity, office_label
from sync.pki.tsa import NASKAH_TSA_POLICY, TimeStampResp
from sync.protocol import PROTOCOL_VERSION, TIMESTAMP_QUERY_TYPE, TIMESTAMP_REPLY_TYPE
from sync.server import bundle as server_bundle
from sync.server import db, pki
from sync.server.cli import main as naskah_server
from tests.sync.conftest import TEST_CA_ORGANISATION, TEST_CA_PASSPHRASE, DeviceClient

NIP = "198503122010011002"
NAME = "Agustinus Mabel, S.IP"
JABATAN = "Camat Wamena"


def _signer(pc: DeviceClient, *, roles: str = "signer", active: bool = True) -> str:
    pc.put_office("Wamena", "Jayawijaya")
    return pc.add_person(NAME, NIP, JABATAN, roles=roles, active=active)


def _identity(**changes: str) -> SignerIdentity:
    values = {
        "name": NAME,
        "nip": NIP,
        "jabatan": JABATAN,
        "office": office_label("Wamena", "Jayawijaya"),
        **changes,
    }
    return SignerIdentity(**values)


def _csr(identity: SignerIdentity | None = None, key: ec.EllipticCurvePrivateKey | None = None):
    key = key or generate_key()
    return key, ca.csr_to_pem(build_csr(key, identity or _identity())).decode()


def _ask(pc: DeviceClient, person_id: str, csr_pem: str) -> requests.Response:
    return pc.post("/api/v1/pki/certificates", json={"person_id": person_id, "csr_pem": csr_pem})


def _issue(pc: DeviceClient, person_id: str) -> dict[str, Any]:
    _key, csr_pem = _csr()
    r = _ask(pc, person_id, csr_pem)
    assert r.status_code == 200, r.text
    return r.json()


# -- certificates -----------------------------------------------------------------------------


def test_signer_certificate_is_issued_on_a_real_csr(module_pki_server) -> None:
    server = module_pki_server
    office, office_id = server.new_office()
    pc = server.enrol(office)
    person = _signer(pc)
    key, csr_pem = _csr()
    r = _ask(pc, person, csr_pem)
    assert r.status_code == 200, r.text
    body = r.json()
    cert = ca.cert_from_pem(body["certificate_pem"].encode())
    root = ca.cert_from_pem(body["chain_pem"].encode())
    trust = pc.get("/api/v1/pki/trust").json()
    assert root == ca.cert_from_pem(trust["root_pem"].encode())
    assert ca.common_name(root.subject) == f"Naskah Root CA - {TEST_CA_ORGANISATION}"

    assert cert.subject == _identity().subject()
    assert cert.issuer == root.subject
    cert.verify_directly_issued_by(root)
    assert cert.public_key() == key.public_key()
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert body["person_id"] == person
    assert body["serial"] == format(cert.serial_number, "x")
    assert abs(cert.not_valid_after_utc - cert.not_valid_before_utc - timedelta(days=365)) < (
        timedelta(minutes=10)
    )
    assert datetime.fromisoformat(body["not_after"]) == cert.not_valid_after_utc
    # No public address configured: no CRL distribution point naming a private address.
    with pytest.raises(x509.ExtensionNotFound):
        cert.extensions.get_extension_for_class(x509.CRLDistributionPoints)

    with db.read_tx(server.engine) as conn:
        row = conn.execute(
            select(db.certificates).where(db.certificates.c.serial == body["serial"])
        ).one()
    assert (row.person_id, row.office_id, row.device_id) == (person, office_id, pc.device_id)
    assert row.revoked_at is None and "CN=" in row.subject


def test_trust_material_and_public_files(module_pki_server) -> None:
    server = module_pki_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    r = pc.get("/api/v1/pki/trust")
    assert r.status_code == 200, r.text
    trust = r.json()
    root = ca.cert_from_pem(trust["root_pem"].encode())
    tsa_cert = ca.cert_from_pem(trust["tsa_pem"].encode())
    crl = ca.crl_from_pem(trust["crl_pem"].encode())
    tsa_cert.verify_directly_issued_by(root)
    assert crl.is_signature_valid(root.public_key())  # type: ignore[arg-type]
    assert (
        crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
        == (trust["crl_number"])
    )
    assert trust["crl_number"] >= 1
    assert trust["public_url"] == server.url  # nothing configured: the request's own address
    assert pc.sync()["crl_number"] == trust["crl_number"]

    # The root and the CRL are public (no token), as PEM.
    root_file = requests.get(server.url + "/pki/root.pem", timeout=10)
    assert root_file.status_code == 200
    assert root_file.headers["content-type"].startswith("application/x-pem-file")
    assert root_file.text == trust["root_pem"]
    crl_file = requests.get(server.url + "/pki/crl.pem", timeout=10)
    assert crl_file.status_code == 200 and crl_file.text == trust["crl_pem"]
    assert TEST_CA_PASSPHRASE not in repr(server.settings)


def test_certificate_refusals(module_pki_server) -> None:
    server = module_pki_server
    office_a, _ = server.new_office()
    office_b, _ = server.new_office()
    pc = server.enrol(office_a)
    other = server.enrol(office_b)
    signer = _signer(pc)
    _key, csr_pem = _csr()

    unknown = _ask(pc, str(uuid.uuid4()), csr_pem)
    assert unknown.status_code == 404
    assert unknown.json()["detail"] == (
        "Data pegawai belum tersinkron; sinkronkan dulu lalu coba lagi."
    )
    # A person of another office is unknown here: offices never see each other's records.
    other.put_office("Asolokobal", "Jayawijaya")
    assert _ask(other, signer, csr_pem).status_code == 404

    clerk = pc.add_person("Maria Wenda", "199001012015032001", "Pengadministrasi", roles="drafter")
    r = _ask(pc, clerk, _csr(_identity(name="Maria Wenda", nip="199001012015032001"))[1])
    assert r.status_code == 403
    assert "penanda tangan" in r.json()["detail"]
    inactive = pc.add_person("Yonas Kogoya", "198001012005011001", "Sekcam", active=False)
    assert _ask(pc, inactive, csr_pem).status_code == 403
    gone = pc.add_person("Lukas Itlay", "198201012006011001", "Kasi Pem")
    assert pc.push("person", gone, op="delete", base_version=1)["status"] == "applied"
    assert _ask(pc, gone, csr_pem).status_code == 403

    # The CSR must name exactly the person and office the server knows.
    for wrong in (
        _identity(jabatan="Bupati Jayawijaya"),
        _identity(nip="198503122010011003"),
        _identity(name="Agustinus Mabel"),
        _identity(office=office_label("Wamena Kota", "Jayawijaya")),
    ):
        r = _ask(pc, signer, _csr(wrong)[1])
        assert r.status_code == 422, wrong
        assert r.json()["detail"] == (
            "Nama, NIP, jabatan atau kantor dalam permintaan sertifikat tidak sesuai data."
        )
    bad = _ask(pc, signer, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n")
    assert bad.status_code == 422
    assert bad.json()["detail"] == "Permintaan sertifikat (CSR) tidak dapat dibaca."
    tampered = _ask(pc, signer, csr_pem.replace("A", "B", 3))
    assert tampered.status_code == 422
    assert _ask(pc, signer, "x" * 9000).status_code == 422  # over the schema's limit

    # An office whose own record never synced yet.
    office_c, _ = server.new_office()
    lone = server.enrol(office_c)
    person = lone.add_person(NAME, NIP, JABATAN)
    r = _ask(lone, person, csr_pem)
    assert r.status_code == 404 and "Data kantor" in r.json()["detail"]

    # Nothing was issued for any of these.
    with db.read_tx(server.engine) as conn:
        issued = conn.execute(
            select(db.certificates.c.person_id).where(
                db.certificates.c.person_id.in_([signer, clerk, inactive, gone, person])
            )
        ).all()
    assert issued == []


def test_pki_endpoints_need_a_device_token(module_pki_server) -> None:
    url = module_pki_server.url
    csr = {"person_id": str(uuid.uuid4()), "csr_pem": _csr()[1]}
    for token in (None, "Bearer nope"):
        headers = {"Authorization": token} if token else {}
        calls = (
            requests.get(url + "/api/v1/pki/trust", headers=headers, timeout=10),
            requests.post(url + "/api/v1/pki/certificates", json=csr, headers=headers, timeout=10),
            requests.post(
                url + "/api/v1/pki/timestamp",
                data=b"\x30\x00",
                headers={**headers, "Content-Type": TIMESTAMP_QUERY_TYPE},
                timeout=10,
            ),
        )
        assert [r.status_code for r in calls] == [401, 401, 401]


# -- revocation -------------------------------------------------------------------------------


def test_revoke_grows_the_crl_and_lists_the_serial(
    module_pki_server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server = module_pki_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    person = _signer(pc)
    serial = _issue(pc, person)["serial"]
    before = pc.sync()["crl_number"]

    monkeypatch.setenv(pki.PASSPHRASE_ENV, TEST_CA_PASSPHRASE)
    db_args = ["--db", server.db_url]
    assert naskah_server(["cert", "list", *db_args, "--office", office]) == 0
    listing = capsys.readouterr().out
    assert serial in listing and NAME in listing and "valid" in listing
    revoke = ["cert", "revoke", serial.upper(), *db_args, "--reason", "key_compromise"]
    assert naskah_server(revoke) == 0
    out = capsys.readouterr().out
    assert f"CRL number {before + 1}" in out

    assert pc.sync()["crl_number"] == before + 1
    trust = pc.get("/api/v1/pki/trust").json()
    assert trust["crl_number"] == before + 1
    crl = ca.crl_from_pem(trust["crl_pem"].encode())
    entry = crl.get_revoked_certificate_by_serial_number(int(serial, 16))
    assert entry is not None
    reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
    assert reason == x509.ReasonFlags.key_compromise
    assert requests.get(server.url + "/pki/crl.pem", timeout=10).text == trust["crl_pem"]

    assert naskah_server(["cert", "list", *db_args, "--office", office]) == 0
    assert "revoked" in capsys.readouterr().out
    assert naskah_server(revoke) == 1  # already revoked
    assert "already revoked" in capsys.readouterr().err
    assert naskah_server(["cert", "revoke", "abcdef", *db_args]) == 1
    assert "no certificate" in capsys.readouterr().err
    monkeypatch.setenv(pki.PASSPHRASE_ENV, "kata-sandi-yang-salah")
    assert naskah_server(["cert", "revoke", serial, *db_args]) == 1
    assert "does not open" in capsys.readouterr().err
    assert pc.sync()["crl_number"] == before + 1


def test_a_stale_crl_is_replaced_with_the_next_number(module_pki_server) -> None:
    server = module_pki_server
    keys = server.ca_keys()
    with db.read_tx(server.engine) as conn:
        newest = pki.crl_number(conn)
    assert pki.refresh_crl(server.engine, keys) == newest  # fresh: kept
    later = db.utcnow() + pki.CRL_REFRESH_AFTER + timedelta(hours=1)
    assert pki.refresh_crl(server.engine, keys, now=later) == newest + 1
    with db.read_tx(server.engine) as conn:
        material = pki.public_material(conn)
    assert material is not None and material.crl_number == newest + 1
    crl = ca.crl_from_pem(material.crl_pem.encode())
    assert crl.next_update_utc is not None
    assert crl.next_update_utc - crl.last_update_utc == pki.CRL_VALIDITY


# -- timestamps -------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_timestamp_service_verified_by_openssl(module_pki_server, tmp_path: Path) -> None:
    server = module_pki_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    data = tmp_path / "surat.pdf"
    data.write_bytes(b"%PDF-1.7\n" + os.urandom(2048))
    query = tmp_path / "q.tsq"
    subprocess.run(
        ["openssl", "ts", "-query", "-data", str(data), "-sha256", "-cert", "-out", str(query)],
        check=True,
        capture_output=True,
    )
    r = pc.post(
        "/api/v1/pki/timestamp",
        data=query.read_bytes(),
        headers={"Content-Type": TIMESTAMP_QUERY_TYPE},
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == TIMESTAMP_REPLY_TYPE
    reply = tmp_path / "r.tsr"
    reply.write_bytes(r.content)
    trust = pc.get("/api/v1/pki/trust").json()
    (tmp_path / "root.pem").write_text(trust["root_pem"])
    (tmp_path / "tsa.pem").write_text(trust["tsa_pem"])
    at = str(int(server_clock.now().timestamp()))  # the suite's instant, not today's date
    verify = subprocess.run(
        [
            "openssl", "ts", "-verify", "-data", str(data), "-in", str(reply),
            "-CAfile", str(tmp_path / "root.pem"), "-untrusted", str(tmp_path / "tsa.pem"),
            "-attime", at,
        ],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "Verification: OK" in verify.stdout
    # The token is for another document: OpenSSL says so.
    other = tmp_path / "lain.pdf"
    other.write_bytes(b"%PDF-1.7\nlain")
    wrong = subprocess.run(
        ["openssl", "ts", "-verify", "-data", str(other), "-in", str(reply),
         "-CAfile", str(tmp_path / "root.pem"), "-untrusted", str(tmp_path / "tsa.pem"),
         "-attime", at],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert wrong.returncode != 0
    assert "message imprint mismatch" in wrong.stdout + wrong.stderr


def test_garbage_timestamp_requests_get_a_rejection(module_pki_server) -> None:
    server = module_pki_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    for body in (b"", b"not asn.1 at all", b"\x30\x03\x02\x01\x01", os.urandom(300)):
        r = pc.post(
            "/api/v1/pki/timestamp", data=body, headers={"Content-Type": TIMESTAMP_QUERY_TYPE}
        )
        assert r.status_code == 200, body
        assert r.headers["content-type"] == TIMESTAMP_REPLY_TYPE
        status = TimeStampResp.load(r.content)["status"]
        assert status["status"].native == "rejection"
    # A request over MD5 is refused with bad_alg.
    md5 = tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {
                "hash_algorithm": {"algorithm": "md5"},
                "hashed_message": hashlib.md5(b"x").digest(),
            },
            "cert_req": True,
        }
    ).dump()
    r = pc.post("/api/v1/pki/timestamp", data=md5, headers={"Content-Type": TIMESTAMP_QUERY_TYPE})
    assert TimeStampResp.load(r.content)["status"]["fail_info"].native == {"bad_alg"}
    assert pc.post("/api/v1/pki/timestamp", data=b"x").status_code == 415
    big = pc.post(
        "/api/v1/pki/timestamp",
        data=b"\x30" * 20_000,
        headers={"Content-Type": TIMESTAMP_QUERY_TYPE},
    )
    assert big.status_code == 413


# -- without a CA -----------------------------------------------------------------------------


def test_a_server_without_a_ca_still_syncs_and_answers_503(module_sync_server) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    person = _signer(pc)
    assert pc.sync()["crl_number"] == 0
    for r in (
        pc.get("/api/v1/pki/trust"),
        _ask(pc, person, _csr()[1]),
        pc.post(
            "/api/v1/pki/timestamp",
            data=b"\x30\x00",
            headers={"Content-Type": TIMESTAMP_QUERY_TYPE},
        ),
        requests.get(server.url + "/pki/root.pem", timeout=10),
        requests.get(server.url + "/pki/crl.pem", timeout=10),
    ):
        assert r.status_code == 503
        assert r.json()["detail"] == pki.NO_CA


def test_without_the_passphrase_trust_is_served_but_nothing_signed(sync_server_factory) -> None:
    server = sync_server_factory(ca=True, ca_passphrase=None)
    office, _ = server.new_office()
    pc = server.enrol(office)
    person = _signer(pc)
    assert pc.get("/api/v1/pki/trust").status_code == 200
    assert pc.sync()["crl_number"] == 1
    r = _ask(pc, person, _csr()[1])
    assert r.status_code == 503 and r.json()["detail"] == pki.NO_KEY
    ts = pc.post(
        "/api/v1/pki/timestamp", data=b"\x30\x00", headers={"Content-Type": TIMESTAMP_QUERY_TYPE}
    )
    assert ts.status_code == 503


def test_public_address_names_the_crl_in_certificates(sync_server_factory) -> None:
    server = sync_server_factory(ca=True, public_url="https://naskah.example.go.id/")
    office, _ = server.new_office()
    pc = server.enrol(office)
    cert = ca.cert_from_pem(_issue(pc, _signer(pc))["certificate_pem"].encode())
    points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    assert points[0].full_name is not None
    assert points[0].full_name[0].value == "https://naskah.example.go.id/pki/crl.pem"
    assert pc.get("/api/v1/pki/trust").json()["public_url"] == "https://naskah.example.go.id"


# -- signing records --------------------------------------------------------------------------


def _signed_letter(pc: DeviceClient, pdf_hash: str | None, **fields: Any) -> tuple[str, int]:
    letter_id = str(uuid.uuid4())
    ack = pc.push(
        "letter",
        letter_id,
        {
            "status": "signed",
            "sifat": "Biasa",
            "hal": "Undangan",
            "number": "005/1/Kec.UJI/2026",
            "signature_kind": "tte_internal",
            "pdf_hash": pdf_hash,
            "timestamped_at": None,
            **fields,
        },
    )
    assert ack["status"] == "applied", ack
    return letter_id, int(ack["version"])


def _stamp(pc: DeviceClient, letter_id: str, version: int, pdf_hash: str) -> dict[str, Any]:
    return pc.push(
        "letter",
        letter_id,
        {"pdf_hash": pdf_hash, "timestamped_at": "2026-03-03T01:42:00+00:00"},
        base_version=version,
    )


def test_a_signed_pdf_may_only_grow_by_its_timestamp(module_pki_server) -> None:
    server = module_pki_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    signed = b"%PDF-1.7\n" + os.urandom(4000) + b"\n%%EOF\n"
    stamped = signed + b"1 0 obj <</Type/DocTimeStamp>> endobj\n%%EOF\n"
    old = pc.upload_blob(signed)
    letter, version = _signed_letter(pc, old)

    new = hashlib.sha256(stamped).hexdigest()
    ack = _stamp(pc, letter, version, new)
    assert ack["status"] == "rejected" and "belum diterima server" in ack["reason"]
    assert pc.upload_blob(stamped) == new
    no_time = pc.push("letter", letter, {"pdf_hash": new}, base_version=version)
    assert no_time["status"] == "rejected"
    ack = _stamp(pc, letter, version, new)
    assert ack["status"] in {"applied", "merged"}, ack  # merged: only two fields were sent
    assert ack["record"]["pdf_hash"] == new and ack["record"]["status"] == "signed"
    # Once timestamped, the PDF never changes again.
    again = stamped + b"% more\n"
    ack2 = _stamp(pc, letter, ack["version"], pc.upload_blob(again))
    assert ack2["status"] == "rejected"
    changed = pc.push(
        "letter", letter, {"pdf_hash": pc.upload_blob(again)}, base_version=ack["version"]
    )
    assert changed["status"] == "rejected"

    # A "timestamped" PDF that is not the signed one with bytes appended.
    letter2, v2 = _signed_letter(pc, pc.upload_blob(signed + b"% second\n"))
    forged = pc.upload_blob(b"%PDF-1.7\n" + os.urandom(5000))
    ack = _stamp(pc, letter2, v2, forged)
    assert ack["status"] == "rejected" and "bukan tambahan" in ack["reason"]
    assert ack["record"]["pdf_hash"] != forged

    # The signed PDF itself never reached the server: the extension cannot be checked.
    never = b"%PDF-1.7\n" + os.urandom(3000)
    letter3, v3 = _signed_letter(pc, hashlib.sha256(never).hexdigest())
    ack = _stamp(pc, letter3, v3, pc.upload_blob(never + b"% ts\n"))
    assert ack["status"] == "rejected" and "ditandatangani belum diterima" in ack["reason"]

    # Another office holding the same bytes does not count for this one.
    office_b, _ = server.new_office()
    pc_b = server.enrol(office_b)
    base = b"%PDF-1.7\n" + os.urandom(3000)
    pc.upload_blob(base + b"% ts\n")
    letter4, v4 = _signed_letter(pc_b, pc_b.upload_blob(base))
    ack = _stamp(pc_b, letter4, v4, hashlib.sha256(base + b"% ts\n").hexdigest())
    assert ack["status"] == "rejected" and "belum diterima server" in ack["reason"]


def test_letter_signatures_are_insert_only(module_pki_server) -> None:
    server = module_pki_server
    office, _ = server.new_office()
    pc, pc2 = server.enrol(office), server.enrol(office, "PC2")
    letter, _ = _signed_letter(pc, None)
    signature = str(uuid.uuid4())
    fields = {
        "letter_id": letter,
        "position": 1,
        "signer_id": str(uuid.uuid4()),
        "kind": "tte_internal",
        "signed_at": "2026-03-03T01:30:00+00:00",
        "signer_name": NAME,
        "signer_jabatan": JABATAN,
        "cert_serial": "1a2b",
        "cert_sha256": "0" * 64,
        "pdf_hash": "1" * 64,
    }
    assert pc.push("letter_signature", signature, fields)["status"] == "applied"
    # The same record again (another device that never saw it, base 0): nothing to change,
    # not even its updated_at.
    again = pc2.push("letter_signature", signature, {**fields, "updated_at": "2026-03-04"})
    assert again["status"] == "applied" and again["version"] == 1
    assert pc2.push("letter_signature", signature, fields)["status"] == "applied"
    for changed in ({"signer_name": "Orang Lain"}, {"kind": "tte_bsre"}, {"position": 2}):
        ack = pc.push("letter_signature", signature, {**fields, **changed}, base_version=1)
        assert ack["status"] == "rejected" and ack["record"]["signer_name"] == NAME
    ack = pc.push("letter_signature", signature, op="delete", base_version=1)
    assert ack["status"] == "rejected"
    bad_kind = pc.push("letter_signature", str(uuid.uuid4()), {**fields, "kind": "stempel"})
    assert bad_kind["status"] == "rejected"
    no_letter = pc.push("letter_signature", str(uuid.uuid4()), {**fields, "letter_id": ""})
    assert no_letter["status"] == "rejected"
    with db.read_tx(server.engine) as conn:
        rows = conn.execute(
            select(db.letter_signatures.c.signature_id).where(
                db.letter_signatures.c.letter_id == letter
            )
        ).all()
        stored = conn.execute(
            select(db.records.c.version, db.records.c.fields).where(
                db.records.c.entity == "letter_signature", db.records.c.entity_id == signature
            )
        ).one()
    assert [r.signature_id for r in rows] == [signature]
    assert stored.version == 1 and "updated_at" not in stored.fields


def _code() -> str:
    """A fresh verification code (base32, 100 bits), as the app makes them."""
    return base64.b32encode(os.urandom(13)).decode().lower()[:20]


def _verify_row(server: Any, code: str) -> Any:
    with db.read_tx(server.engine) as conn:
        return conn.execute(select(db.verify_codes).where(db.verify_codes.c.code == code)).first()


def test_verify_codes_are_indexed(module_pki_server) -> None:
    server = module_pki_server
    office, office_id = server.new_office()
    pc = server.enrol(office)
    code = _code()
    letter, version = _signed_letter(pc, None, verify_code=code)
    row = _verify_row(server, code)
    assert (row.office_id, row.letter_id) == (office_id, letter)
    # A draft gets its code when it is signed (an update).
    draft = str(uuid.uuid4())
    assert pc.push("letter", draft, {"status": "awaiting_signature"})["status"] == "applied"
    code2 = _code()
    ack = pc.push("letter", draft, {"status": "signed", "verify_code": code2}, base_version=1)
    assert ack["status"] == "applied", ack
    assert _verify_row(server, code2).letter_id == draft
    # Malformed codes and codes of another letter are refused.
    for bad in ("ABCDEFGHIJKLMNOPQRST", "abc", "abcdefghijklmnopqrs1", 12345):
        ack = pc.push("letter", str(uuid.uuid4()), {"status": "signed", "verify_code": bad})
        assert ack["status"] == "rejected", bad
    ack = pc.push("letter", str(uuid.uuid4()), {"status": "signed", "verify_code": code})
    assert ack["status"] == "rejected" and "sudah dipakai" in ack["reason"]
    office_b, _ = server.new_office()
    taken = server.enrol(office_b).push("letter", letter, {"status": "signed", "verify_code": code})
    assert taken["status"] == "rejected"
    # The code is part of the signed letter: it cannot change afterwards.
    ack = pc.push("letter", letter, {"verify_code": _code()}, base_version=version)
    assert ack["status"] == "rejected"
    assert _verify_row(server, code).letter_id == letter


# -- bundles ----------------------------------------------------------------------------------


def test_bundle_carries_certificate_requests_and_trust(module_pki_server, tmp_path: Path) -> None:
    server = module_pki_server
    office, office_id = server.new_office()
    pc = server.enrol(office)
    person, office_record, code = str(uuid.uuid4()), str(uuid.uuid4()), _code()
    mutations = [
        DeviceClient.mutation(
            "office", office_record, {"kecamatan": "Wamena", "kabupaten": "Jayawijaya"}
        ),
        DeviceClient.mutation(
            "person",
            person,
            {"name": NAME, "nip": NIP, "jabatan": JABATAN, "roles": "admin,signer", "active": True},
        ),
        DeviceClient.mutation(
            "letter", str(uuid.uuid4()), {"status": "signed", "sifat": "Biasa", "verify_code": code}
        ),
    ]
    key, csr_pem = _csr()
    header = {
        "protocol": PROTOCOL_VERSION,
        "device_id": pc.device_id,
        "office_id": office_id,
        "office_code": office,
        "server_id": db.server_id(server.engine),
        "created": server_clock.now().isoformat(),
        "cursor": 0,
        "lease_epoch": 0,
    }
    body: dict[str, Any] = {
        "batches": [{"request": {"cursor": 0, "mutations": mutations}, "covers": {}}],
        "blobs": {},
        "csr_requests": [
            {"person_id": person, "csr_pem": csr_pem},
            {"person_id": str(uuid.uuid4()), "csr_pem": csr_pem},
            {"person_id": person},
        ],
    }
    file, reply = tmp_path / "bundle", tmp_path / "reply"
    pc.write_bundle(file, header, body)
    done = server_bundle.import_bundle(server.engine, server.settings, file, reply)
    assert (done.certificates, done.refused) == (1, 2)
    _header, answer = pc.read_reply(reply)
    issued, unknown, malformed = answer["certificates"]
    cert = ca.cert_from_pem(issued["certificate_pem"].encode())
    assert issued["person_id"] == person and cert.public_key() == key.public_key()
    assert unknown["error"] == pki.PERSON_UNKNOWN
    assert malformed == {"person_id": person, "error": "Permintaan sertifikat tidak sesuai format."}
    trust = answer["trust"]
    assert ca.cert_from_pem(trust["root_pem"].encode()) == ca.cert_from_pem(
        issued["chain_pem"].encode()
    )
    assert trust["crl_number"] == answer["exchanges"][-1]["response"]["crl_number"] >= 1
    assert _verify_row(server, code).office_id == office_id  # the same apply path

    # A bundle without requests still brings the trust material, and an empty list.
    pc.write_bundle(file, header, {"batches": [], "blobs": {}})
    server_bundle.import_bundle(server.engine, server.settings, file, reply)
    _header, answer = pc.read_reply(reply)
    assert answer["certificates"] == [] and answer["trust"]["root_pem"] == trust["root_pem"]

    # Imported without the CA passphrase: no request is answered (they stay pending on the PC,
    # as after a 503 online), the trust material still comes.
    again = {"batches": [], "blobs": {}, "csr_requests": body["csr_requests"][:2]}
    pc.write_bundle(file, header, again)
    locked = replace(server.settings, ca_passphrase=None)
    done = server_bundle.import_bundle(server.engine, locked, file, reply)
    assert (done.certificates, done.refused, done.deferred) == (0, 0, 2)
    _header, answer = pc.read_reply(reply)
    assert answer["certificates"] == [] and answer["trust"]["crl_number"] >= 1


# -- the command line -------------------------------------------------------------------------


@pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)
def test_init_makes_the_ca_once(
    sync_engine_kind: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = ["--db", str(tmp_path / "s.db"), "--blobs", str(tmp_path / "blobs")]
    monkeypatch.delenv(pki.PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    assert naskah_server(["init", *store]) == 0  # no terminal, no passphrase: no CA yet
    assert "no CA created" in capsys.readouterr().err
    assert naskah_server(["ca", "info", "--db", store[1]]) == 1

    monkeypatch.setenv(pki.PASSPHRASE_ENV, "pendek")
    assert naskah_server(["init", *store]) == 1
    assert "at least 12" in capsys.readouterr().err
    monkeypatch.setenv(pki.PASSPHRASE_ENV, TEST_CA_PASSPHRASE)
    org = ["--org", "Pemerintah Kabupaten Jayawijaya", "--public-url", "https://naskah.test/"]
    assert naskah_server(["init", *store, *org]) == 0
    out = capsys.readouterr().out
    assert "CA created: Naskah Root CA - Pemerintah Kabupaten Jayawijaya" in out
    assert TEST_CA_PASSPHRASE not in out
    fingerprint = out.split("fingerprint: ")[1].splitlines()[0].strip()
    assert naskah_server(["init", *store]) == 0
    assert "already exists (passphrase checked)" in capsys.readouterr().out

    monkeypatch.delenv(pki.PASSPHRASE_ENV)
    secret = tmp_path / "ca-passphrase"
    secret.write_text("bukan-kata-sandinya\n")
    secret.chmod(0o600)
    assert naskah_server(["init", *store, "--ca-passphrase-file", str(secret)]) == 1
    assert "does not open" in capsys.readouterr().err
    secret.write_text(TEST_CA_PASSPHRASE + "\n")
    assert naskah_server(["init", *store, "--ca-passphrase-file", str(secret)]) == 0
    capsys.readouterr()

    assert naskah_server(["ca", "info", "--db", store[1]]) == 0
    info = capsys.readouterr().out
    assert fingerprint in info and "CRL:  number 1" in info and "https://naskah.test" in info
    engine = db.make_engine(store[1])
    try:
        with db.read_tx(engine) as conn:
            keys = conn.execute(select(db.pki_keys.c.kind, db.pki_keys.c.key_pem)).all()
        assert sorted(k.kind for k in keys) == ["root", "tsa"]
        assert all("ENCRYPTED PRIVATE KEY" in k.key_pem for k in keys)
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)
def test_serve_takes_the_passphrase_from_a_credential_file(
    sync_engine_kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ["--db", str(tmp_path / "s.db"), "--blobs", str(tmp_path / "blobs")]
    monkeypatch.setenv(pki.PASSPHRASE_ENV, TEST_CA_PASSPHRASE)
    assert naskah_server(["init", *store]) == 0
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / pki.CREDENTIAL_NAME).write_text("salah-salah-salah-salah")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {pki.PASSPHRASE_ENV, "CREDENTIALS_DIRECTORY"}
    }
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    base = [sys.executable, "-m", "sync.server.cli", "serve", *store]
    wrong = subprocess.run(
        [*base, "--port", str(_free_port())],
        env={**env, "CREDENTIALS_DIRECTORY": str(credentials)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert wrong.returncode == 1 and "does not open" in wrong.stderr
    (credentials / pki.CREDENTIAL_NAME).write_text(TEST_CA_PASSPHRASE + "\n")
    port = _free_port()
    proc = subprocess.Popen(
        [*base, "--port", str(port)],
        env={**env, "CREDENTIALS_DIRECTORY": str(credentials)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        while True:  # until it listens (one that never does: pytest-timeout)
            try:
                r = requests.get(f"http://127.0.0.1:{port}/pki/root.pem", timeout=60)
                break
            except requests.ConnectionError:
                assert proc.poll() is None, "the server exited"
                time.sleep(0.1)
        assert r.status_code == 200 and "BEGIN CERTIFICATE" in r.text
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=60)
    assert TEST_CA_PASSPHRASE not in output
    assert "no CA passphrase" not in output


def test_the_tsa_names_this_servers_own_policy(tmp_path: Path) -> None:
    """Tokens name a policy OID the organisation owns: one made for the server under the UUID
    arc at init, or the registered one it gives; never someone else's arc."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    env_pass = {"NASKAH_CA_PASSPHRASE": TEST_CA_PASSPHRASE}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env_pass.items():
            mp.setenv(k, v)
        assert naskah_server(["init", "--db", url, "--blobs", str(tmp_path / "b")]) == 0
        engine = db.make_engine(url)
        with db.read_tx(engine) as conn:
            made = pki.tsa_policy(conn)
        assert made.startswith("2.25.") and made != NASKAH_TSA_POLICY
        assert (
            naskah_server(
                ["init", "--db", url, "--blobs", str(tmp_path / "b"), "--tsa-policy", "1.2.3.4.5"]
            )
            == 0
        )
        keys = pki.load_keys(engine, TEST_CA_PASSPHRASE)
        request = tsp.TimeStampReq(
            {"version": "v1", "message_imprint": {
                "hash_algorithm": {"algorithm": "sha256"}, "hashed_message": bytes(32)}}
        )  # fmt: skip
        token = tsp.TimeStampResp.load(keys.timestamper.respond(request.dump()))
        info = token["time_stamp_token"]["content"]["encap_content_info"]["content"].parsed
        assert info["policy"].dotted == "1.2.3.4.5"
        with pytest.raises(ValueError):
            pki.store_tsa_policy(engine, "bukan-oid")
        engine.dispose()
