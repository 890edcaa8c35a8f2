"""RFC 3161: the in-process token signer the server runs, its HTTP answer, and the client."""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from asn1crypto import algos, cms, tsp
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko_certvalidator import ValidationContext

from desktop.store import clock
from sync.pki import ca, tsa
from sync.pki.asn1 import to_asn1_cert
from tests.clocks import start_instant
from tests.signing.signing_support import Pki

AT = start_instant().astimezone(UTC).replace(microsecond=0)


def _request(digest: bytes, algorithm: str = "sha256", nonce: int = 4242) -> tsp.TimeStampReq:
    return tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {
                "hash_algorithm": algos.DigestAlgorithm({"algorithm": algorithm}),
                "hashed_message": digest,
            },
            "nonce": nonce,
            "cert_req": True,
        }
    )


def test_token_is_real_and_validates(pki: Pki) -> None:
    stamper = pki.timestamper(at=AT)
    digest = hashlib.sha256(b"surat").digest()
    response = tsa.TimeStampResp.load(stamper.respond(_request(digest).dump()))
    assert response["status"]["status"].native == "granted"
    token: cms.ContentInfo = response["time_stamp_token"]
    info = token["content"]["encap_content_info"]["content"].parsed
    assert info["message_imprint"]["hashed_message"].native == digest
    assert info["nonce"].native == 4242
    assert info["gen_time"].native == AT
    assert info["policy"].dotted == tsa.NASKAH_TSA_POLICY
    signer_info = token["content"]["signer_infos"][0]
    assert signer_info["signature_algorithm"]["algorithm"].native == "sha256_ecdsa"

    context = ValidationContext(trust_roots=[to_asn1_cert(pki.root)], moment=AT)
    status = asyncio.run(
        validate_tst_signed_data(token["content"], context, lambda _algorithm: digest)
    )
    assert status["intact"] and status["valid"] and status["trust_problem_indic"] is None
    assert status["timestamp"] == AT


def test_bad_requests_are_rejected_not_raised(pki: Pki) -> None:
    stamper = pki.timestamper()
    for bad in (b"", b"\x30\x03\x02\x01\x01", b"GET / HTTP/1.1"):
        response = tsa.TimeStampResp.load(stamper.respond(bad))
        assert response["status"]["status"].native == "rejection"
        assert response["status"]["fail_info"].native == {"bad_data_format"}
    sha1 = _request(hashlib.sha1(b"x").digest(), "sha1")
    response = tsa.TimeStampResp.load(stamper.respond(sha1.dump()))
    assert response["status"]["fail_info"].native == {"bad_alg"}


@pytest.fixture
def tsa_server(pki: Pki) -> Iterator[str]:
    """The TSA behind plain HTTP on loopback, answering as the central server will."""
    stamper = pki.timestamper()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            assert self.headers["Content-Type"] == "application/timestamp-query"
            answer = stamper.respond(body)
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    server.shutdown()
    thread.join()


def test_http_client_gets_a_token_from_the_tsa(tsa_server: str) -> None:
    client = tsa.http_timestamper(tsa_server, timeout=5)
    digest = hashlib.sha256(b"surat").digest()
    token = asyncio.run(client.async_timestamp(digest, "sha256"))
    info = token["content"]["encap_content_info"]["content"].parsed
    assert info["message_imprint"]["hashed_message"].native == digest


def test_tsa_certificate_pem(pki: Pki) -> None:
    assert tsa.tsa_cert_pem(pki.timestamper()).startswith(b"-----BEGIN CERTIFICATE-----")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl command not installed")
def test_openssl_verifies_the_token_independently(pki: Pki, tmp_path: Path) -> None:
    data = tmp_path / "surat.txt"
    data.write_bytes(b"Surat Undangan Musrenbang 2026")
    request = _request(hashlib.sha256(data.read_bytes()).digest())
    (tmp_path / "reply.tsr").write_bytes(pki.timestamper().respond(request.dump()))
    (tmp_path / "root.pem").write_bytes(ca.cert_to_pem(pki.root))
    result = subprocess.run(
        ["openssl", "ts", "-verify", "-data", str(data), "-in", str(tmp_path / "reply.tsr"),
         "-CAfile", str(tmp_path / "root.pem"),
         "-attime", str(int(clock.now().timestamp()))],  # judged at the suite's instant
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "Verification: OK" in result.stdout, result.stdout + result.stderr
