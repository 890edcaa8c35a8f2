"""TTE BSrE: sign a letter's PDF with the signer's BSrE certificate through BSrE's signing API.

BSrE (Balai Besar Sertifikasi Elektronik, BSSN) keeps the signer's key on its own servers: the
signer types their NIK and passphrase at that moment, this module sends them with the PDF and
checks what comes back. The NIK and the passphrase are never stored, logged or repeated: not
in exception text, not in a repr, not in urllib3's request log (the user-status line, whose
path holds the NIK, is redacted), and no error is chained to a ``requests`` exception (those
carry the request, its URL and its body).

Public API::

    BsreConfig(base_url, client_id, timeout=60.0)  # validated on creation
        .save(data_dir) -> Path;  BsreConfig.load(data_dir) -> BsreConfig | None  (bsre.json)
    save_client_secret(client_id, secret);  load_client_secret(client_id) -> str | None
    delete_client_secret(client_id)                 # OS keyring, service "naskah-bsre"
    BsreClient(config, client_secret=None)          # secret from the keyring when None
        .user_status(nik) -> UserStatus
        .sign_pdf(pdf, nik, passphrase, *, page, box, qr_url, reason, location) -> bytes

``page`` is 0-based (like ``pades.StampBox.page``); ``box`` is ``(x1, y1, x2, y2)`` in PDF
points from the page's bottom-left corner. ``sign_pdf`` first asks BSrE whether the NIK's
certificate may sign (nothing is uploaded otherwise), then sends the PDF, and returns the signed
PDF only after checking it: it starts with ``%PDF-``, holds a new signature whose /Contents
verifies over what it covers, keeps the page count, and either is the original file with
incremental updates appended (the signature covering the original; anything after it only
validation data) or a rewritten file whose new signature covers the whole file.

Every failure is a ``BsreError`` (a ``SigningError``) whose ``message`` tells the signer, in
Bahasa Indonesia, what to do; nothing is retried automatically and nothing half-signed is
returned, so the letter simply stays in the TTE BSrE queue. A PDF that is not a PDF, is
encrypted or damaged, or a box off the page raise ``NotAPdf``, ``EncryptedPdf``,
``DamagedPdf`` or ``StampDoesNotFit`` before anything is sent.

The wire format is BSrE's "Esign Client Service" API v1 (multipart, HTTP Basic auth), all of it
in the ``Wire`` class below; the sources it follows are listed in docs/bsre.md
(kiiskominfokepri/esign-php after BSrE's "Petunjuk Teknis Penggunaan API Esign Client Service
v2.2.1", dptsi/laravel-esign-bsre, and the rio80 esign-library README for the error bodies).
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import keyring
import keyring.errors
import requests

from desktop.i18n import _
from desktop.signing.errors import SigningError, StampDoesNotFit

if TYPE_CHECKING:  # pyHanko takes most of a second to import: loaded when a PDF is checked
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

log = logging.getLogger(__name__)

KEYRING_SERVICE = "naskah-bsre"
CONFIG_FILE = "bsre.json"
DEFAULT_TIMEOUT = 60.0
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
Box = tuple[float, float, float, float]
_MIN_BOX = 20.0  # points; a smaller QR stamp cannot be scanned
_MAX_PDF_ANSWER = 200 * 1024 * 1024
_MAX_JSON_ANSWER = 1024 * 1024


class Wire:
    """BSrE's Esign Client Service API v1, as the public clients in docs/bsre.md use it."""

    STATUS_PATH = "/api/user/status/{nik}"  # GET -> {"status_code", "status", "message"}
    SIGN_PATH = "/api/sign/pdf"  # POST multipart -> the signed PDF, header id_dokumen
    DOWNLOAD_PATH = "/api/sign/download/{id}"  # GET -> the signed PDF (some deployments)
    DOCUMENT_ID_HEADER = "id_dokumen"
    # Multipart fields of SIGN_PATH. BSrE hands the four numbers to iText as a rectangle
    # (llx, lly, urx, ury): despite their names, width and height are the upper-right corner.
    FILE, NIK, PASSPHRASE = "file", "nik", "passphrase"
    TAMPILAN, VISIBLE, IMAGE, LINK_QR = "tampilan", "visible", "image", "linkQR"
    PAGE, X1, Y1, X2, Y2 = "page", "xAxis", "yAxis", "width", "height"
    REASON, LOCATION = "reason", "location"
    # Error bodies: {"status_code": int, "error": str} (some deployments say "message").
    CODE_NOT_REGISTERED = 2011  # "Penandatangan tidak terdaftar"
    CODE_WRONG_PASSPHRASE = 2031  # "Passphrase anda salah"
    # User status values; only ISSUE may sign.
    ISSUE = "ISSUE"
    EXPIRED, RENEW = "EXPIRED", "RENEW"
    REVOKE, SUSPEND = "REVOKE", "SUSPEND"
    NOT_REGISTERED = "NOT_REGISTERED"
    PENDING = frozenset({"NEW", "WAITING_FOR_VERIFICATION", "NO_CERTIFICATE"})


# -- errors ------------------------------------------------------------------------------------


def _queued() -> str:
    return _("Tidak ada yang ditandatangani; surat tetap dalam antrean TTE BSrE.")


class BsreError(SigningError):
    """Base class of every TTE BSrE failure; most messages end by saying the letter is still
    queued and nothing was signed."""

    def __init__(self, message: str, *, queued: bool = True) -> None:
        super().__init__(f"{message} {_queued()}" if queued else message)


class BsreInvalidSettings(BsreError):
    """The address, client id or timeout typed in the settings cannot be used (says why)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, queued=False)


class BsreNotConfigured(BsreError):
    def __init__(self, kind: str = "missing") -> None:
        texts = {
            "missing": _(
                "TTE BSrE belum diatur di komputer ini. Petugas TI perlu mengisi alamat server, "
                "ID klien dan kata sandi klien BSrE di Pengaturan."
            ),
            "damaged": _(
                "Berkas pengaturan TTE BSrE rusak. Petugas TI perlu mengisi ulang pengaturan "
                "BSrE di Pengaturan."
            ),
            "keyring": _(
                "Penyimpanan kata sandi sistem (keyring) tidak dapat dibuka, sehingga kata sandi "
                "klien BSrE tidak terbaca. Hubungi petugas TI."
            ),
        }
        super().__init__(texts[kind], queued=False)
        self.kind = kind


class BsreInvalidNik(BsreError):
    def __init__(self) -> None:
        super().__init__(
            _("NIK harus 16 angka, sesuai KTP. Periksa lalu ketik ulang."), queued=False
        )


class BsreNotRegistered(BsreError):
    def __init__(self, *, pending: bool = False) -> None:
        super().__init__(
            _(
                "Pendaftaran sertifikat elektronik BSrE untuk NIK ini belum selesai (sertifikat "
                "belum terbit). Hubungi admin TTE/BSrE di instansi Anda untuk menyelesaikannya."
            )
            if pending
            else _(
                "NIK ini belum terdaftar sebagai pemilik sertifikat elektronik BSrE. Periksa NIK; "
                "bila sudah benar, hubungi admin TTE/BSrE di instansi Anda untuk pendaftaran."
            )
        )
        self.pending = pending


class BsreCertificateExpired(BsreError):
    def __init__(self, *, renewing: bool = False) -> None:
        super().__init__(
            _(
                "Perpanjangan sertifikat elektronik BSrE Anda sedang diproses. Tunggu sampai "
                "sertifikat baru terbit (hubungi admin TTE/BSrE bila lama), lalu coba lagi."
            )
            if renewing
            else _(
                "Sertifikat elektronik BSrE Anda sudah kedaluwarsa. Ajukan perpanjangan "
                "sertifikat di BSrE melalui admin TTE instansi Anda, lalu tandatangani lagi."
            )
        )
        self.renewing = renewing


class BsreCertificateRevoked(BsreError):
    def __init__(self, *, suspended: bool = False) -> None:
        super().__init__(
            _(
                "Sertifikat elektronik BSrE Anda sedang dibekukan (suspend) oleh BSrE. Hubungi "
                "admin TTE/BSrE di instansi Anda untuk mengaktifkannya kembali."
            )
            if suspended
            else _(
                "Sertifikat elektronik BSrE Anda telah dicabut dan tidak dapat dipakai lagi. "
                "Ajukan sertifikat baru di BSrE melalui admin TTE instansi Anda."
            )
        )
        self.suspended = suspended


class BsreWrongPassphrase(BsreError):
    def __init__(self, *, lock_warning: bool = False) -> None:
        text = _("Passphrase BSrE salah. Periksa huruf besar/kecil lalu coba lagi.")
        if lock_warning:
            text += " " + _(
                "BSrE memperingatkan bahwa akun TTE dapat terkunci setelah beberapa kali salah: "
                "bila tidak yakin, hubungi admin TTE/BSrE sebelum mencoba lagi."
            )
        super().__init__(text)
        self.lock_warning = lock_warning


class BsreUnreachable(BsreError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Server BSrE tidak dapat dihubungi atau tidak menjawab tepat waktu. Periksa "
                "koneksi internet lalu coba lagi."
            )
        )


class BsreTlsFailed(BsreError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Sambungan aman ke server BSrE gagal: sertifikat server tidak sah untuk alamat "
                "itu. Petugas TI perlu memeriksa alamat server BSrE di Pengaturan."
            )
        )


class BsreClientRejected(BsreError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Server BSrE menolak aplikasi ini (ID klien atau kata sandi klien salah). "
                "Petugas TI perlu memeriksa pengaturan TTE BSrE."
            )
        )


class BsreServerError(BsreError):
    def __init__(self, status: int) -> None:
        text = _("Server BSrE sedang bermasalah (HTTP {s}). Coba lagi beberapa saat lagi.")
        super().__init__(text.format(s=status))
        self.status = status


class BsreBadResponse(BsreError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Jawaban server BSrE tidak dapat dipakai (bukan PDF bertanda tangan yang sah), "
                "jadi tidak disimpan; surat tetap dalam antrean TTE BSrE. Bila berulang, minta "
                "petugas TI memeriksa alamat server BSrE di Pengaturan."
            ),
            queued=False,
        )


class BsreRejected(BsreError):
    """BSrE refused the request for a reason this module does not know (its words, redacted)."""

    def __init__(self, code: int, text: str) -> None:
        said = f": {text}" if text else ""
        super().__init__(
            _("BSrE menolak permintaan tanda tangan (kode {c}){t}.").format(c=code, t=said)
        )
        self.code = code


# -- settings and the client secret ------------------------------------------------------------


@dataclass(frozen=True)
class BsreConfig:
    """Where BSrE is and who this installation is to it. No secret lives here."""

    base_url: str
    client_id: str
    timeout: float = DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        url = self.base_url.strip().rstrip("/")
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError:
            raise BsreInvalidSettings(_("Alamat server BSrE tidak sah.")) from None
        if parts.scheme not in ("https", "http") or not host:
            raise BsreInvalidSettings(
                _("Alamat server BSrE harus lengkap, misalnya https://tte.contoh.go.id")
            )
        if parts.scheme == "http" and host not in LOOPBACK_HOSTS:
            raise BsreInvalidSettings(
                _(
                    "Alamat server BSrE harus memakai https:// (sambungan terenkripsi): NIK dan "
                    "passphrase tidak boleh dikirim tanpa enkripsi."
                )
            )
        if parts.username or parts.password or parts.query or parts.fragment:
            raise BsreInvalidSettings(
                _("Alamat server BSrE tidak boleh memuat nama pengguna, kata sandi atau '?'/'#'.")
            )
        client_id = self.client_id.strip()
        if not client_id or ":" in client_id or any(c.isspace() for c in client_id):
            raise BsreInvalidSettings(_("ID klien BSrE wajib diisi, tanpa spasi dan tanpa ':'."))
        timeout = self.timeout
        if isinstance(timeout, bool) or not isinstance(timeout, int | float):
            raise BsreInvalidSettings(_("Batas waktu BSrE harus berupa angka (detik)."))
        if not 0.1 <= timeout <= 600:
            raise BsreInvalidSettings(_("Batas waktu BSrE harus antara 0,1 dan 600 detik."))
        object.__setattr__(self, "base_url", url)
        object.__setattr__(self, "client_id", client_id)
        object.__setattr__(self, "timeout", float(self.timeout))

    @property
    def is_loopback(self) -> bool:
        return (urlsplit(self.base_url).hostname or "").lower() in LOOPBACK_HOSTS

    def save(self, data_dir: Path) -> Path:
        """Write ``bsre.json`` in ``data_dir`` atomically (a crash leaves the old file)."""
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / CONFIG_FILE
        tmp = path.with_name(CONFIG_FILE + ".tmp")
        data = {"base_url": self.base_url, "client_id": self.client_id, "timeout": self.timeout}
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
        return path

    @classmethod
    def load(cls, data_dir: Path) -> BsreConfig | None:
        """The saved settings, ``None`` when there are none; ``BsreNotConfigured("damaged")``
        for a file that does not parse, ``BsreInvalidSettings`` for values that do not pass."""
        try:
            raw = json.loads((data_dir / CONFIG_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            raise BsreNotConfigured("damaged") from None
        if not isinstance(raw, dict) or not isinstance(raw.get("timeout", 0), int | float):
            raise BsreNotConfigured("damaged")
        return cls(
            str(raw.get("base_url", "")),
            str(raw.get("client_id", "")),
            float(raw.get("timeout", DEFAULT_TIMEOUT)),
        )


def save_client_secret(client_id: str, secret: str) -> None:
    """Keep the client secret (the Basic-auth password BSrE issued) in the OS keyring."""
    try:
        keyring.set_password(KEYRING_SERVICE, client_id, secret)
    except keyring.errors.KeyringError:
        raise BsreNotConfigured("keyring") from None


def load_client_secret(client_id: str) -> str | None:
    try:
        return keyring.get_password(KEYRING_SERVICE, client_id)
    except keyring.errors.KeyringError:
        raise BsreNotConfigured("keyring") from None


def delete_client_secret(client_id: str) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, client_id)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError:
        raise BsreNotConfigured("keyring") from None


# -- keeping the NIK out of logs ---------------------------------------------------------------

_STATUS_IN_URL = re.compile(r"/api/user/status/[^\s\"?#]*")
_NIK_LIKE = re.compile(r"\d{16}")


def _redact_status_path(value: object) -> object:
    return _STATUS_IN_URL.sub("/api/user/status/***", value) if isinstance(value, str) else value


class _RedactStatusPath(logging.Filter):
    """urllib3 logs every request line at DEBUG; the user-status path holds the NIK."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _redact_status_path(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_status_path(a) for a in record.args)
        return True


logging.getLogger("urllib3.connectionpool").addFilter(_RedactStatusPath())
# pyHanko logs a failed trust path (BSrE's root is not ours) as a warning with a traceback.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def _redact(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        if len(secret) >= 3:
            text = text.replace(secret, "***")
    return _NIK_LIKE.sub("***", text)[:200]


# -- the client --------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserStatus:
    """BSrE's word on a NIK's certificate (``message`` is BSrE's own text, NIK removed)."""

    status: str
    code: int | None = None
    message: str = ""

    @property
    def can_sign(self) -> bool:
        return self.status == Wire.ISSUE

    def problem(self) -> BsreError | None:
        """The error that keeps this certificate from signing, ``None`` when it may sign."""
        if self.status == Wire.ISSUE:
            return None
        if self.status in (Wire.EXPIRED, Wire.RENEW):
            return BsreCertificateExpired(renewing=self.status == Wire.RENEW)
        if self.status in (Wire.REVOKE, Wire.SUSPEND):
            return BsreCertificateRevoked(suspended=self.status == Wire.SUSPEND)
        if self.status == Wire.NOT_REGISTERED:
            return BsreNotRegistered()
        if self.status in Wire.PENDING:
            return BsreNotRegistered(pending=True)
        return BsreRejected(self.code or 0, _redact(f"status {self.status}", ()))


@dataclass
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def _clean_nik(nik: str) -> str:
    nik = "".join(nik.split())
    if len(nik) != 16 or not nik.isascii() or not nik.isdigit():
        raise BsreInvalidNik()
    return nik


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _json(body: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _as_int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


_LOCK_WORDS = ("kunci", "lock", "blokir", "blocked", "sisa", "percobaan", "attempt")
_EXPIRED_WORDS = ("expired", "kedaluwarsa", "kadaluarsa", "kadaluwarsa")
_REVOKED_WORDS = ("revoke", "dicabut", "suspend", "dibekukan")


def _api_error(status: int, body: bytes, secrets: Sequence[str]) -> BsreError:
    """The error for a refusal (a 4xx, or a 200 carrying an error object)."""
    info = _json(body)
    if info is None:
        return BsreBadResponse()
    code = _as_int(info.get("status_code"))
    if code is None and status == 404:
        return BsreBadResponse()  # a wrong address (path) rather than a refusal
    text = _redact(str(info.get("error") or info.get("message") or ""), secrets)
    low = text.lower()
    if code == Wire.CODE_NOT_REGISTERED or "tidak terdaftar" in low:
        return BsreNotRegistered()
    if code == Wire.CODE_WRONG_PASSPHRASE or "passphrase" in low:
        return BsreWrongPassphrase(lock_warning=any(w in low for w in _LOCK_WORDS))
    if any(w in low for w in _EXPIRED_WORDS):
        return BsreCertificateExpired()
    if any(w in low for w in _REVOKED_WORDS):
        return BsreCertificateRevoked(suspended="suspend" in low or "beku" in low)
    return BsreRejected(code or status, text)


def _media_box(page: Any) -> list[float]:
    node = page
    while node is not None:
        if "/MediaBox" in node:
            return [float(v) for v in node["/MediaBox"]]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    raise StampDoesNotFit()


def _check_box(reader: PdfFileReader, page: int, box: Box) -> int:
    """The page count, after checking that ``box`` lies on page ``page`` (0-based)."""
    pages = int(reader.root["/Pages"]["/Count"])
    x1, y1, x2, y2 = (float(v) for v in box)
    if (
        not 0 <= page < pages
        or not all(math.isfinite(v) for v in (x1, y1, x2, y2))
        or x2 - x1 < _MIN_BOX
        or y2 - y1 < _MIN_BOX
    ):
        raise StampDoesNotFit()
    media = _media_box(reader.find_page_for_modification(page)[0].get_object())
    if x1 < media[0] or y1 < media[1] or x2 > media[2] + 0.01 or y2 > media[3] + 0.01:
        raise StampDoesNotFit()
    return pages


def _signed_end(emb: EmbeddedPdfSignature) -> int:
    br = [int(v) for v in emb.byte_range]
    return br[2] + br[3] if len(br) == 4 else 0


def _check_signed(original: bytes, signed: bytes, pages: int) -> None:
    """Raise ``BsreBadResponse`` unless ``signed`` is the letter with BSrE's signature."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from desktop.signing.pades import open_pdf

    if not signed.startswith(b"%PDF-"):
        raise BsreBadResponse()
    try:
        reader = open_pdf(signed)
        same_pages = int(reader.root["/Pages"]["/Count"]) == pages
        signatures = list(reader.embedded_regular_signatures)
    except Exception:  # NotAPdf, DamagedPdf, EncryptedPdf or a broken signature dictionary
        raise BsreBadResponse() from None
    incremental = len(signed) > len(original) and signed.startswith(original)
    if incremental:  # the new signatures are those covering more than the original
        signatures = [s for s in signatures if _signed_end(s) > len(original)]
    if not same_pages or not signatures:
        raise BsreBadResponse()
    newest = max(signatures, key=_signed_end)
    try:
        if not newest.pkcs7_content:
            raise BsreBadResponse()
        status = asyncio.run(
            async_validate_pdf_signature(
                newest, ValidationContext(trust_roots=[], allow_fetching=False)
            )
        )
    except Exception:
        raise BsreBadResponse() from None
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    # Appended after the signature, only validation data (an LTV update) is acceptable.
    benign_tail = (
        incremental
        and status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and status.modification_level is not None
        and status.modification_level.value <= ModificationLevel.LTA_UPDATES.value
    )
    if not (status.intact and status.valid and (whole or benign_tail)):
        raise BsreBadResponse()


class BsreClient:
    """Talks to one BSrE service; thread-compatible (one call at a time per client)."""

    def __init__(self, config: BsreConfig, client_secret: str | None = None) -> None:
        secret = (
            client_secret if client_secret is not None else load_client_secret(config.client_id)
        )
        if not secret:
            raise BsreNotConfigured()
        self.config = config
        self._auth = (config.client_id, secret)
        self._session = requests.Session()
        # Loopback (the test stand-in) must never go through a proxy from the environment.
        self._session.trust_env = not config.is_loopback

    def __repr__(self) -> str:
        return f"BsreClient({self.config.base_url!r}, client_id={self.config.client_id!r})"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> BsreClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def user_status(self, nik: str) -> UserStatus:
        """BSrE's status of ``nik``'s certificate. Raises ``BsreInvalidNik``, a transport or
        server ``BsreError``, or ``BsreNotRegistered`` when BSrE answers with a refusal."""
        nik = _clean_nik(nik)
        answer = self._call("GET", Wire.STATUS_PATH.format(nik=nik), limit=_MAX_JSON_ANSWER)
        info = _json(answer.body)
        if answer.status != 200 or info is None or "error" in info:
            raise _api_error(answer.status, answer.body, (nik,))
        status = str(info.get("status", "")).strip().upper()
        if not status:
            raise BsreBadResponse()
        message = _redact(str(info.get("message", "")), (nik,))
        return UserStatus(status, _as_int(info.get("status_code")), message)

    def sign_pdf(
        self,
        pdf: bytes,
        nik: str,
        passphrase: str,
        *,
        page: int,
        box: Box,
        qr_url: str,
        reason: str,
        location: str,
    ) -> bytes:
        """``pdf`` signed by BSrE with a visible QR stamp (``qr_url``) in ``box`` on ``page``
        (see the module docs for what is checked). Raises a ``BsreError`` or a PDF error."""
        nik = _clean_nik(nik)
        if not passphrase:
            raise BsreWrongPassphrase()
        from desktop.signing.pades import open_pdf

        pages = _check_box(open_pdf(pdf), page, box)
        if urlsplit(qr_url).scheme not in ("https", "http"):
            raise BsreInvalidSettings(_("Alamat verifikasi untuk kode QR tidak sah."))
        problem = self.user_status(nik).problem()
        if problem is not None:
            raise problem
        x1, y1, x2, y2 = (float(v) for v in box)
        fields = {
            Wire.NIK: nik,
            Wire.PASSPHRASE: passphrase,
            Wire.TAMPILAN: Wire.VISIBLE,
            Wire.IMAGE: "false",
            Wire.LINK_QR: qr_url,
            Wire.PAGE: str(page + 1),
            Wire.X1: _number(x1),
            Wire.Y1: _number(y1),
            Wire.X2: _number(x2),
            Wire.Y2: _number(y2),
            Wire.REASON: reason,
            Wire.LOCATION: location,
        }
        answer = self._call(
            "POST",
            Wire.SIGN_PATH,
            data=fields,
            files={Wire.FILE: ("naskah.pdf", pdf, "application/pdf")},
            limit=_MAX_PDF_ANSWER,
        )
        secrets = (nik, passphrase)
        if answer.status != 200:
            raise _api_error(answer.status, answer.body, secrets)
        signed = answer.body
        info = _json(signed) if not signed.startswith(b"%PDF-") else None
        if info is not None and "error" in info:
            raise _api_error(answer.status, signed, secrets)
        document_id = answer.headers.get(Wire.DOCUMENT_ID_HEADER, "")
        if info is not None and info.get(Wire.DOCUMENT_ID_HEADER):
            # Some deployments answer with the document's id; the PDF is fetched separately.
            document_id = str(info[Wire.DOCUMENT_ID_HEADER])
            path = Wire.DOWNLOAD_PATH.format(id=quote(document_id, safe=""))
            download = self._call("GET", path, limit=_MAX_PDF_ANSWER)
            if download.status != 200:
                raise _api_error(download.status, download.body, secrets)
            signed = download.body
        _check_signed(pdf, signed, pages)
        log.info("TTE BSrE: signed %d bytes (id_dokumen %r)", len(signed), document_id[:64])
        return signed

    # -- transport ---------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        limit: int,
        data: dict[str, str] | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> _Answer:
        """One request; 200 and 4xx answers come back, the rest raise a ``BsreError``.
        Errors are raised outside the ``except`` blocks so that none is chained to a
        ``requests`` exception, which holds the URL and the request body."""
        result = self._exchange(method, path, limit=limit, data=data, files=files)
        if isinstance(result, BsreError):
            log.warning("TTE BSrE %s failed: %s", method, type(result).__name__)
            raise result
        if result.status in (401, 403):
            raise BsreClientRejected()
        if result.status >= 500:
            raise BsreServerError(result.status)
        if result.status != 200 and not 400 <= result.status < 500:
            raise BsreBadResponse()  # redirects are not followed: they could drop TLS
        return result

    def _exchange(
        self,
        method: str,
        path: str,
        *,
        limit: int,
        data: dict[str, str] | None,
        files: dict[str, tuple[str, bytes, str]] | None,
    ) -> _Answer | BsreError:
        timeout = self.config.timeout
        # ``timeout`` bounds each wait (connecting, each read); a whole answer trickling in
        # byte by byte is cut off after three times that.
        deadline = time.monotonic() + 3 * timeout
        try:
            with self._session.request(
                method,
                self.config.base_url + path,
                auth=self._auth,
                data=data,
                files=files,
                timeout=(min(10.0, timeout), timeout),
                allow_redirects=False,
                verify=True,
                stream=True,
                headers={"Accept": "application/pdf, application/json"},
            ) as resp:
                declared = _as_int(resp.headers.get("Content-Length", "0")) or 0
                if declared > limit:
                    return BsreBadResponse()
                chunks, size = [], 0
                for chunk in resp.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > limit:
                        return BsreBadResponse()
                    if time.monotonic() > deadline:
                        return BsreUnreachable()
                    chunks.append(chunk)
                headers = {k.lower(): v for k, v in resp.headers.items()}
                return _Answer(resp.status_code, headers, b"".join(chunks))
        except requests.exceptions.SSLError:
            return BsreTlsFailed()
        except (requests.exceptions.Timeout, requests.exceptions.ConnectionError):
            return BsreUnreachable()
        except requests.exceptions.RequestException:  # chunked encoding, decoding, ...
            return BsreBadResponse()
