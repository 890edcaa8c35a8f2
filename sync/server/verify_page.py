"""The public verification page behind a signed letter's QR code: ``/v/<code>``.

Anyone with the code (printed on the letter) may ask. For a letter whose sifat is public
(``PUBLIC_SIFAT``, i.e. "Biasa") the answer shows the number, date, hal, office, each signer's
name and position, the kind of signature, the document timestamp and whether the PDF the server
holds still hashes to the recorded value; for any other sifat it says only "valid" or "not
valid". Plain server-rendered HTML (Bahasa Indonesia, inline CSS allowed by its hash in a strict
Content-Security-Policy, no scripts) and the same as JSON.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, select

from sync.pki.codes import code_candidates
from sync.pki.identity import office_label
from sync.pki.zones import ZONE_LABELS
from sync.protocol import (
    INDONESIAN_MONTHS,
    PUBLIC_SIFAT,
    SIGNATURE_KIND_TEXT,
    VERIFY_CODE_PATTERN,
    Entity,
    LetterStatus,
    SignatureKind,
)
from sync.server import db, pki
from sync.server.blobs import blob_path, office_holds, valid_hash

UNKNOWN_CODE = "Kode verifikasi tidak dikenal"


class Verdict(StrEnum):
    VALID = "SAH"
    INVALID = "TIDAK SAH"
    VOIDED = "TIDAK BERLAKU"
    # Signed, nothing against it, but the server does not yet hold what proves it: the signed
    # PDF, or the record of who signed with which certificate. Never SAH on a bare claim.
    PENDING = "BELUM DAPAT DIPASTIKAN"


class PdfState(StrEnum):
    MATCH = "match"
    MISSING = "missing"  # the letter names a PDF the server has not received yet
    MISMATCH = "mismatch"
    NONE = "none"  # no PDF recorded for the letter


PDF_TEXT = {
    PdfState.MATCH: "Berkas PDF di server cocok",
    PdfState.MISSING: "Berkas PDF belum diterima server",
    PdfState.MISMATCH: "Berkas PDF di server TIDAK cocok",
    PdfState.NONE: "Tidak ada berkas PDF tercatat",
}


@dataclass
class Signer:
    position: int
    name: str
    jabatan: str
    kind: str
    signed_at: datetime | None

    @property
    def kind_text(self) -> str:
        return SIGNATURE_KIND_TEXT.get(self.kind, "Tanda tangan")


@dataclass
class Verification:
    code: str
    public: bool
    verdict: Verdict
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    number: str = ""
    letter_date: date | None = None
    hal: str = ""
    sifat: str = ""
    kecamatan: str = ""
    kabupaten: str = ""
    signers: list[Signer] = field(default_factory=list)
    timestamped_at: datetime | None = None
    pdf: PdfState = PdfState.NONE

    @property
    def valid(self) -> bool:
        return self.verdict == Verdict.VALID

    @property
    def status_text(self) -> str:
        if self.verdict == Verdict.VOIDED and self.public:
            return "TIDAK BERLAKU (nomor dibatalkan)"
        if self.verdict in (Verdict.VALID, Verdict.PENDING):
            return self.verdict.value
        return Verdict.INVALID.value


# -- finding and judging the letter -------------------------------------------------------------


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _parse_date(value: Any) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _position(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def lookup(engine: Engine, blob_dir: Path, code: str) -> Verification | None:
    """The verification of the letter with ``code``, or None when no letter has it. ``code``
    is taken as a person types it from paper (any case, separators, 0/O, 1/l/I, 8/B: see
    ``sync.pki.codes``); it is found when exactly one letter has one of the codes it may
    stand for."""
    candidates = [c for c in code_candidates(code) if re.fullmatch(VERIFY_CODE_PATTERN, c)]
    if not candidates:
        return None
    r = db.records
    with db.read_tx(engine) as conn:
        matches = conn.execute(
            select(
                db.verify_codes.c.code, db.verify_codes.c.office_id, db.verify_codes.c.letter_id
            ).where(db.verify_codes.c.code.in_(candidates))
        ).all()
        if len(matches) != 1:
            return None
        found = matches[0]
        code, office_id, letter_id = found.code, found.office_id, found.letter_id
        letter = conn.execute(
            select(r.c.deleted, r.c.fields).where(
                r.c.office_id == office_id,
                r.c.entity == Entity.LETTER.value,
                r.c.entity_id == letter_id,
            )
        ).first()
        if letter is None or letter.deleted or letter.fields.get("verify_code") != code:
            return None
        fields = dict(letter.fields)
        ids: list[str] = list(
            conn.execute(
                select(db.letter_signatures.c.signature_id).where(
                    db.letter_signatures.c.office_id == office_id,
                    db.letter_signatures.c.letter_id == letter_id,
                )
            ).scalars()
        )
        signatures = [
            dict(row.fields)
            for row in conn.execute(
                select(r.c.fields).where(
                    r.c.office_id == office_id,
                    r.c.entity == Entity.LETTER_SIGNATURE.value,
                    r.c.entity_id.in_(ids),
                    ~r.c.deleted,
                )
            )
        ]
        signatures.sort(key=lambda s: (_position(s.get("position")), str(s.get("signed_at"))))
        recorded = len(signatures)
        if not signatures and fields.get("signer_id"):
            person = conn.execute(
                select(r.c.fields).where(
                    r.c.office_id == office_id,
                    r.c.entity == Entity.PERSON.value,
                    r.c.entity_id == str(fields["signer_id"]),
                )
            ).first()
            if person is not None:
                signatures = [
                    {
                        "position": 1,
                        "signer_name": person.fields.get("name", ""),
                        "signer_jabatan": person.fields.get("jabatan", ""),
                        "kind": fields.get("signature_kind") or "",
                        "signed_at": fields.get("signed_at"),
                    }
                ]
        serials: dict[int, str] = {}
        for i, s in enumerate(signatures):
            try:
                serials[i] = pki.normalise_serial(str(s.get("cert_serial") or ""))
            except ValueError:
                continue
        revoked = pki.revocation_times(conn, serials.values())
        issued = pki.issued_to(conn, serials.values())
        ours = {i for i, serial in serials.items() if issued.get(serial) == office_id}
        office = pki.office_record(conn, office_id) or {}
        pdf_hash = fields.get("pdf_hash")
        held = (
            isinstance(pdf_hash, str)
            and valid_hash(pdf_hash)
            and office_holds(conn, blob_dir, office_id, pdf_hash)
        )
    return _judge(
        code,
        fields,
        signatures,
        recorded > 0,
        serials,
        revoked,
        ours,
        office,
        blob_dir,
        held,
    )


def _judge(
    code: str,
    fields: dict[str, Any],
    signatures: list[dict[str, Any]],
    recorded: bool,
    serials: dict[int, str],
    revoked: dict[str, datetime],
    ours: set[int],
    office: dict[str, Any],
    blob_dir: Path,
    held: bool,
) -> Verification:
    """The verdict. SAH needs all of: the letter signed, a ``letter_signature`` record for its
    signatures (an internal TTE one made with a certificate this server's CA issued to this
    office), the signed PDF held by the server and matching ``pdf_hash``, and no certificate
    revoked before its signing time. Something against it gives TIDAK SAH; something missing
    (the PDF or the signature record not received yet) gives BELUM DAPAT DIPASTIKAN."""
    sifat = str(fields.get("sifat") or "")
    status = fields.get("status")
    v = Verification(
        code=code,
        public=sifat in PUBLIC_SIFAT,
        verdict=Verdict.VALID,
        number=str(fields.get("number") or ""),
        letter_date=_parse_date(fields.get("letter_date")),
        hal=str(fields.get("hal") or ""),
        sifat=sifat,
        kecamatan=str(office.get("kecamatan") or ""),
        kabupaten=str(office.get("kabupaten") or ""),
        timestamped_at=_parse_time(fields.get("timestamped_at")),
    )
    pdf_hash = fields.get("pdf_hash")
    if not pdf_hash:
        v.pdf = PdfState.NONE
    elif not held:
        v.pdf = PdfState.MISSING
    elif _sha256_file(blob_path(blob_dir, str(pdf_hash))) == pdf_hash:
        v.pdf = PdfState.MATCH
    else:
        v.pdf = PdfState.MISMATCH
        v.reasons.append("Berkas PDF yang disimpan server tidak cocok dengan catatan surat.")
    for i, s in enumerate(signatures):
        signer = Signer(
            position=_position(s.get("position")),
            name=str(s.get("signer_name") or ""),
            jabatan=str(s.get("signer_jabatan") or ""),
            kind=str(s.get("kind") or ""),
            signed_at=_parse_time(s.get("signed_at")),
        )
        v.signers.append(signer)
        if recorded and signer.kind == SignatureKind.INTERNAL.value and i not in ours:
            v.reasons.append(
                f"Tanda tangan {signer.name or '?'} tidak dibuat dengan sertifikat yang "
                "diterbitkan server ini untuk kantor surat ini."
            )
            continue
        revoked_at = revoked.get(serials.get(i, ""))
        if revoked_at is None:
            continue
        if signer.signed_at is None or revoked_at <= signer.signed_at:
            v.reasons.append(
                f"Sertifikat penanda tangan {signer.name or '?'} sudah dicabut sebelum "
                "surat ditandatangani."
            )
        else:
            v.notes.append(
                f"Sertifikat penanda tangan {signer.name or '?'} dicabut setelah surat "
                "ditandatangani; tanda tangan tetap sah pada saat penandatanganan."
            )
    if status == LetterStatus.VOIDED.value:
        v.verdict = Verdict.VOIDED
        v.reasons.insert(0, "Nomor surat ini telah dibatalkan.")
    elif status != LetterStatus.SIGNED.value:
        v.verdict = Verdict.INVALID
        v.reasons.insert(0, "Surat ini belum ditandatangani.")
    elif v.reasons:
        v.verdict = Verdict.INVALID
    else:
        if not recorded:
            v.reasons.append("Catatan tanda tangan surat ini belum diterima server.")
        if v.pdf != PdfState.MATCH:
            v.reasons.append("Berkas PDF bertanda tangan surat ini belum diterima server.")
        if v.reasons:
            v.verdict = Verdict.PENDING
    return v


# -- presenting it --------------------------------------------------------------------------------


class Clock:
    """Shows times in the office's zone with its Indonesian label (WIB, WITA, WIT)."""

    def __init__(self, zone: str) -> None:
        try:
            self.zone: ZoneInfo | None = ZoneInfo(zone)
            self.label = ZONE_LABELS.get(zone, zone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone, self.label = None, "UTC"

    def date_text(self, value: date | None) -> str:
        return f"{value.day} {INDONESIAN_MONTHS[value.month - 1]} {value.year}" if value else "-"

    def time_text(self, value: datetime | None) -> str:
        if value is None:
            return "-"
        local = value.astimezone(self.zone or UTC)
        return f"{self.date_text(local.date())} {local:%H:%M} {self.label}"


def as_json(v: Verification, clock: Clock) -> dict[str, Any]:
    """The JSON answer; for a letter that is not public, nothing beyond valid / not valid."""
    base: dict[str, Any] = {
        "code": v.code,
        "valid": v.valid,
        "status": v.verdict.value if v.public else v.status_text,
        "status_text": v.status_text,
        "details_public": v.public,
    }
    if not v.public:
        return base
    return {
        **base,
        "reasons": v.reasons,
        "notes": v.notes,
        "letter": {
            "number": v.number,
            "letter_date": v.letter_date.isoformat() if v.letter_date else None,
            "letter_date_text": clock.date_text(v.letter_date),
            "hal": v.hal,
            "sifat": v.sifat,
            "office": {
                "kecamatan": v.kecamatan,
                "kabupaten": v.kabupaten,
                "label": _office_text(v),
            },
        },
        "signers": [
            {
                "position": s.position,
                "name": s.name,
                "jabatan": s.jabatan,
                "kind": s.kind,
                "kind_text": s.kind_text,
                "signed_at": s.signed_at.isoformat() if s.signed_at else None,
                "signed_at_text": clock.time_text(s.signed_at),
            }
            for s in v.signers
        ],
        "timestamp": {
            "at": v.timestamped_at.isoformat() if v.timestamped_at else None,
            "text": _timestamp_text(v, clock),
        },
        "pdf": {"state": v.pdf.value, "text": PDF_TEXT[v.pdf]},
    }


def _office_text(v: Verification) -> str:
    if v.kecamatan and v.kabupaten:
        return office_label(v.kecamatan, v.kabupaten)
    return v.kecamatan or v.kabupaten or "-"


def _timestamp_text(v: Verification, clock: Clock) -> str:
    if v.timestamped_at is None:
        return "belum bertanda waktu"
    return f"bertanda waktu {clock.time_text(v.timestamped_at)}"


CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
background:#f2f4f7;color:#1d2330}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.25rem;margin:.5rem 0 1rem}
h2{font-size:1.05rem;margin:1.25rem 0 .5rem}
.card{background:#fff;border-radius:.75rem;padding:1rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.status{font-size:1.5rem;font-weight:700;padding:.75rem 1rem;border-radius:.5rem;margin:0 0 1rem;
text-align:center;letter-spacing:.02em}
.ok{background:#e3f5e8;color:#14602e;border:2px solid #2e9b50}
.bad{background:#fde8e8;color:#8c1d1d;border:2px solid #d14343}
.wait{background:#fff6e0;color:#6b4a00;border:2px solid #d19a1f}
dl{margin:0}
dt{font-size:.8rem;color:#5a6272;text-transform:uppercase;letter-spacing:.04em;margin-top:.75rem}
dd{margin:0;font-weight:500;overflow-wrap:anywhere}
ol{padding-left:1.25rem;margin:.25rem 0}
li{margin:.5rem 0}
.muted{color:#5a6272;font-size:.9rem}
ul.notes{padding-left:1.25rem}
footer{margin-top:1.5rem;font-size:.8rem;color:#5a6272;text-align:center;overflow-wrap:anywhere}
"""
_CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; img-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="id"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="robots" content="noindex, nofollow">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head>"
        f'<body><main><h1>{_e(title)}</h1><div class="card">{body}</div>'
        "<footer>Layanan verifikasi dokumen elektronik Naskah</footer></main></body></html>\n"
    )


def _status(v: Verification) -> str:
    css = "ok" if v.valid else "wait" if v.verdict == Verdict.PENDING else "bad"
    return f'<p id="status" class="status {css}">{_e(v.status_text)}</p>'


def render_html(v: Verification, clock: Clock) -> str:
    """The page for ``v``; for a letter that is not public, only valid / not valid."""
    title = "Verifikasi Dokumen"
    code = f'<p class="muted">Kode verifikasi: <span id="code">{_e(v.code)}</span></p>'
    if not v.public:
        what = {
            Verdict.VALID: "Dokumen ini tercatat dan sah.",
            Verdict.PENDING: "Dokumen ini tercatat, tetapi keabsahannya belum dapat dipastikan.",
        }.get(v.verdict, "Dokumen ini tercatat tetapi tidak sah.")
        body = (
            _status(v) + f"<p>{what} Rincian dokumen ini tidak ditampilkan untuk umum.</p>" + code
        )
        return _page(title, body)
    rows = [
        ("Nomor", v.number or "-", "number"),
        ("Tanggal", clock.date_text(v.letter_date), "date"),
        ("Hal", v.hal or "-", "hal"),
        ("Kantor", _office_text(v), "office"),
        ("Cap waktu dokumen", _timestamp_text(v, clock), "timestamp"),
        ("Berkas PDF", PDF_TEXT[v.pdf], "pdf"),
    ]
    details = "".join(f'<dt>{_e(k)}</dt><dd id="{i}">{_e(val)}</dd>' for k, val, i in rows)
    signers = "".join(
        f'<li class="signer"><strong>{_e(s.name or "-")}</strong><br>{_e(s.jabatan or "-")}'
        f'<br><span class="muted">{_e(s.kind_text)}, {_e(clock.time_text(s.signed_at))}</span>'
        "</li>"
        for s in v.signers
    )
    signer_part = (
        f'<h2>Penanda tangan</h2><ol id="signers">{signers}</ol>'
        if signers
        else '<h2>Penanda tangan</h2><p class="muted">Data penanda tangan belum diterima '
        "server.</p>"
    )
    remarks = [*v.reasons, *v.notes]
    remark_part = (
        '<h2>Keterangan</h2><ul class="notes">'
        + "".join(f"<li>{_e(r)}</li>" for r in remarks)
        + "</ul>"
        if remarks
        else ""
    )
    summary = {
        Verdict.VALID: "Surat ini tercatat di server dan sah.",
        Verdict.VOIDED: "Surat ini tercatat di server, tetapi nomornya telah dibatalkan.",
        Verdict.INVALID: "Surat ini tercatat di server, tetapi tidak sah.",
        Verdict.PENDING: "Surat ini tercatat di server, tetapi keabsahannya belum dapat "
        "dipastikan: server belum menerima semua bukti tanda tangannya. Coba lagi nanti.",
    }[v.verdict]
    body = (
        _status(v)
        + f'<p id="summary">{summary}</p>'
        + f"<dl>{details}</dl>"
        + signer_part
        + remark_part
        + code
    )
    return _page(title, body)


def render_unknown() -> str:
    return render_message(
        UNKNOWN_CODE,
        "Periksa kembali alamat pada kode QR. Dokumen dengan kode ini tidak tercatat di server.",
    )


def render_message(headline: str, text: str = "") -> str:
    body = f'<p id="status" class="status bad">{_e(headline)}</p>'
    if text:
        body += f"<p>{_e(text)}</p>"
    return _page("Verifikasi Dokumen", body)
