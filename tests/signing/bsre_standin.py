"""A stand-in for BSrE's Esign Client Service API v1, run for real on loopback.

It answers the paths, HTTP Basic auth, multipart fields and JSON errors that the public BSrE
clients listed in docs/bsre.md rely on, with its own literals (not the adapter's constants, so
a typo on either side shows up):

- ``GET /api/user/status/{nik}`` -> 200 ``{"status_code", "status", "message"}``, status one
  of ISSUE, EXPIRED, REVOKE, SUSPEND, NOT_REGISTERED, ...
- ``POST /api/sign/pdf`` (multipart: file, nik, passphrase, tampilan, image, imageTTD,
  linkQR, page, halaman, xAxis, yAxis, width, height, tag_koordinat, reason, location, text)
  -> 200 with the signed PDF (``application/pdf``) and an ``id_dokumen`` header; or 400
  ``{"status_code": 2011, "error": "Penandatangan tidak terdaftar"}`` / ``{"status_code": 2031,
  "error": "Passphrase anda salah"}``; 401 without the right Basic credentials.
- ``GET /api/sign/download/{id}`` -> the signed PDF once, then 404 with status_code 4044.

It really signs: PAdES (ETSI.CAdES.detached) with pyHanko, appended as an incremental update,
with a certificate for the NIK's owner from a throwaway CA (``sync.pki.ca``), visible at the
rectangle (xAxis, yAxis)-(width, height) when tampilan=visible, with a QR code of linkQR.

Not in the sources, so chosen here: the codes and texts for a certificate that is expired
(2051) or revoked (2052) when signing is attempted anyway, and the user-status codes other
than 1111 (ISSUE). The adapter reads the status words, not these numbers.

Switches for failure cases (``StandIn`` attributes, reset with ``reset()``): ``delay`` (seconds
before any answer), ``mode`` ("normal", "garbage", "error500", "unsigned", "tampered",
"id_only", "error_on_200", "status_always_issue"), ``wrong_passphrase_text``.
"""

from __future__ import annotations

import asyncio
import base64
import hmac
import re
import socket
import threading
import uuid
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any, cast

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from starlette.concurrency import run_in_threadpool

from desktop.signing import keys
from desktop.signing.keys import LoadedSigner
from desktop.signing.pades import pyhanko_signer
from desktop.signing.stamp import NaskahStampStyle, StampLine
from sync.pki import ca
from sync.pki.identity import SignerIdentity

BSRE_ORG = "BSrE (tiruan untuk uji)"
CLIENT_ID = "naskah-uji"
CLIENT_SECRET = "rahasia-klien-uji"


@dataclass
class Holder:
    """A NIK registered at the stand-in and its certificate's state."""

    nik: str
    name: str
    passphrase: str
    state: str = "ISSUE"  # ISSUE, EXPIRED, REVOKE, SUSPEND, NEW, RENEW, ...
    nip: str = "198003152005011002"
    signer: LoadedSigner | None = None
    registered_state: str = ""

    def __post_init__(self) -> None:
        self.registered_state = self.registered_state or self.state


@dataclass
class Part:
    name: str
    data: bytes
    filename: str | None = None

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


_STATUS_CODES = {"ISSUE": 1111, "NOT_REGISTERED": 2011}


def parse_multipart(body: bytes, content_type: str) -> dict[str, Part]:
    """multipart/form-data as RFC 7578 lays it out (python-multipart is not a dependency)."""
    found = re.search(r'boundary="?([^";]+)"?', content_type)
    if not content_type.startswith("multipart/form-data") or not found:
        raise ValueError("not multipart/form-data")
    delimiter = b"--" + found.group(1).encode("ascii")
    parts: dict[str, Part] = {}
    for section in body.split(delimiter)[1:]:
        if section.startswith(b"--"):
            break
        head, sep, data = section.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not sep:
            raise ValueError("part without headers")
        disposition = next(
            (
                line.decode("utf-8")
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-disposition:")
            ),
            "",
        )
        name = re.search(r'\bname="([^"]*)"', disposition)
        filename = re.search(r'\bfilename="([^"]*)"', disposition)
        if name is None:
            raise ValueError("part without a name")
        parts[name.group(1)] = Part(
            name.group(1), data.removesuffix(b"\r\n"), filename.group(1) if filename else None
        )
    return parts


@dataclass
class StandIn:
    """The stand-in's state: its CA, its registry of NIKs, the switches and what it saw."""

    root_key: ec.EllipticCurvePrivateKey = field(repr=False)
    root: x509.Certificate = field(repr=False)
    holders: dict[str, Holder] = field(default_factory=dict, repr=False)
    delay: float = 0.0
    mode: str = "normal"
    wrong_passphrase_text: str = "Passphrase anda salah"
    requests: list[dict[str, Any]] = field(default_factory=list)  # field names, never values
    documents: dict[str, bytes] = field(default_factory=dict, repr=False)
    base_url: str = ""

    @classmethod
    def create(cls) -> StandIn:
        root_key, root = ca.create_root_ca(BSRE_ORG)
        return cls(root_key, root)

    def register(self, holder: Holder) -> Holder:
        key = keys.generate_key()
        identity = SignerIdentity(holder.name, holder.nip, "Camat", "Kecamatan Sukamaju")
        cert = ca.issue_signer_certificate(keys.build_csr(key, identity), self.root_key, self.root)
        holder.signer = LoadedSigner(key, cert, [self.root])
        self.holders[holder.nik] = holder
        return holder

    def reset(self) -> None:
        self.delay, self.mode = 0.0, "normal"
        self.wrong_passphrase_text = "Passphrase anda salah"
        self.requests.clear()
        self.documents.clear()
        for holder in self.holders.values():
            holder.state = holder.registered_state

    # -- signing -----------------------------------------------------------------------------

    def sign(self, holder: Holder, form: dict[str, Part]) -> bytes:
        assert holder.signer is not None
        pdf = form["file"].data
        visible = form.get("tampilan", Part("tampilan", b"invisible")).text == "visible"
        name = f"BSrE-{uuid.uuid4().hex[:12]}"
        meta = signers.PdfSignatureMetadata(
            field_name=name,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=form["reason"].text if "reason" in form else None,
            location=form["location"].text if "location" in form else None,
            name=holder.name,
        )
        spec, style = None, None
        if visible:
            page = int(form["page"].text) - 1 if "page" in form else 0
            box = tuple(float(form[k].text) for k in ("xAxis", "yAxis", "width", "height"))
            spec = fields.SigFieldSpec(sig_field_name=name, on_page=page, box=cast(Any, box))
            link = form["linkQR"].text if "linkQR" in form else "https://bsre.bssn.go.id"
            style = NaskahStampStyle(
                url=link,
                lines=(
                    StampLine("Ditandatangani secara elektronik oleh", scale=0.85),
                    StampLine(holder.name, bold=True),
                    StampLine("BSrE - BSSN", scale=0.85),
                ),
            )
        out = BytesIO()
        signers.PdfSigner(
            meta, signer=pyhanko_signer(holder.signer), stamp_style=style, new_field_spec=spec
        ).sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)), output=out)
        return out.getvalue()


def _error(status: int, code: int, text: str) -> JSONResponse:
    return JSONResponse({"status_code": code, "error": text}, status_code=status)


def _authorized(request: Request) -> bool:
    header = request.headers.get("authorization", "")
    expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    return hmac.compare_digest(header.encode(), expected.encode())


def _unauthorized() -> JSONResponse:
    return JSONResponse(
        {"status": 401, "error": "Unauthorized", "message": "Bad credentials"},
        status_code=401,
        headers={"WWW-Authenticate": 'Basic realm="esign"'},
    )


def build_app(state: StandIn) -> FastAPI:
    app = FastAPI()

    async def pause() -> None:
        if state.delay:
            await asyncio.sleep(state.delay)

    @app.get("/api/user/status/{nik}")
    async def user_status(nik: str, request: Request) -> Response:
        await pause()
        if not _authorized(request):
            return _unauthorized()
        if state.mode == "error500":
            return JSONResponse({"error": "Internal Server Error"}, status_code=500)
        holder = state.holders.get(nik)
        status = holder.state if holder else "NOT_REGISTERED"
        if state.mode == "status_always_issue" and holder:
            status = "ISSUE"  # a deployment whose status lags behind its signing service
        messages = {
            "ISSUE": "Sertifikat aktif",
            "NOT_REGISTERED": "User tidak terdaftar",
            "EXPIRED": "Sertifikat telah kedaluwarsa",
            "REVOKE": "Sertifikat telah dicabut",
        }
        return JSONResponse(
            {
                "status_code": _STATUS_CODES.get(status, 1100),
                "status": status,
                "message": messages.get(status, status),
            }
        )

    @app.post("/api/sign/pdf")
    async def sign_pdf(request: Request) -> Response:
        await pause()
        if not _authorized(request):
            return _unauthorized()
        try:
            form = parse_multipart(await request.body(), request.headers.get("content-type", ""))
        except ValueError:
            return _error(400, 4000, "Request tidak valid")
        state.requests.append({"path": "/api/sign/pdf", "fields": sorted(form)})
        if state.mode == "error500":
            return JSONResponse({"error": "Internal Server Error"}, status_code=500)
        if state.mode == "garbage":
            return Response(b"<html>Gateway sedang sibuk</html>", media_type="application/pdf")
        for required in ("file", "nik", "passphrase"):
            if required not in form or not form[required].data:
                return _error(400, 4014, f"{required} harus diisi")
        holder = state.holders.get(form["nik"].text)
        if holder is None:
            return _error(400, 2011, "Penandatangan tidak terdaftar")
        if not hmac.compare_digest(form["passphrase"].data, holder.passphrase.encode()):
            return _error(400, 2031, state.wrong_passphrase_text)
        if holder.state in ("EXPIRED", "RENEW"):
            return _error(400, 2051, "Sertifikat user telah expired")
        if holder.state in ("REVOKE", "SUSPEND"):
            return _error(400, 2052, "Sertifikat user telah di-revoke")
        if not form["file"].data.startswith(b"%PDF-"):
            return _error(400, 4015, "File bukan PDF")
        if state.mode == "error_on_200":
            return JSONResponse({"status_code": 2099, "error": "Dokumen gagal ditandatangani"})
        signed = await run_in_threadpool(state.sign, holder, form)
        if state.mode == "unsigned":
            signed = form["file"].data + b"\n% nothing signed\n"
        elif state.mode == "tampered":
            at = signed.index(b"/MediaBox") + 12  # a byte inside the signed range
            signed = signed[:at] + bytes([signed[at] ^ 1]) + signed[at + 1 :]
        document_id = uuid.uuid4().hex
        state.documents[document_id] = signed
        if state.mode == "id_only":
            return JSONResponse({"id_dokumen": document_id})
        return Response(signed, media_type="application/pdf", headers={"id_dokumen": document_id})

    @app.get("/api/sign/download/{document_id}")
    async def download(document_id: str, request: Request) -> Response:
        await pause()
        if not _authorized(request):
            return _unauthorized()
        signed = state.documents.pop(document_id, None)
        if signed is None:
            return _error(
                404, 4044, "File tidak tersedia, pastikan bahwa dokumen belum di download"
            )
        return Response(signed, media_type="application/pdf", headers={"id_dokumen": document_id})

    return app


class StandInServer:
    """The stand-in served by uvicorn on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, state: StandIn) -> None:
        self.state = state
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        port = self._socket.getsockname()[1]
        state.base_url = f"http://127.0.0.1:{port}"
        config = uvicorn.Config(
            build_app(state), log_level="warning", lifespan="off", timeout_graceful_shutdown=1
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self) -> StandInServer:
        self._thread.start()
        for _ in range(500):
            if self._server.started:
                return self
            self._thread.join(0.01)
        raise RuntimeError("the BSrE stand-in did not start")

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(5)
        self._socket.close()


def unused_loopback_url() -> str:
    """An address on loopback where nothing listens (for the unreachable case)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


__all__ = [
    "CLIENT_ID",
    "CLIENT_SECRET",
    "Holder",
    "StandIn",
    "StandInServer",
    "parse_multipart",
    "unused_loopback_url",
]
