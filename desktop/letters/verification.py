"""Checking any signed PDF on this PC: is it intact, who signed it, is the chain trusted, and is
it one of our own letters (``naskah verify FILE.pdf`` and a PDF dropped on the app).

``check_pdf(store, data)`` verifies offline against the trust material pinned on this PC (the
organisation's root and the newest revocation list). With no store or no trust material it
still checks integrity, with no trusted roots, so every chain reads "unknown" and the check
says why. It then looks for the matching record: the file hashes to a letter's stored PDF;
or a signed revision inside it does (our PDF with bytes added later); or, as a last clue, the
number named in the signature's reason. A letter above Biasa the current user is not on is
reported only as "a letter of this office", as the public verification page does.

For a copy of our own letter whose signer's certificate was revoked later, and which carries no
timestamp proving when it was signed (a copy mailed before the next sync), the signing time the
server recorded decides, as on the public verification page: the synced ``letter_signature``
record whose PDF is exactly that signature's revision, made with that certificate. The check
then names the letter's final copy (with its timestamp) kept in the archive.

Times are shown in the office's zone (WIB, WITA or WIT, ``sync.pki.zones.office_zone``).

``check_code(store, typed)`` checks the stored PDF of the letter whose verification code a
person typed from paper, read as the public page reads it (any case, 0/O, 1/l/I, 8/B:
``sync.pki.codes``).

Guarantees:
- Never touches the network, never writes the file, never raises for bad input: a file that
  is not a PDF, is encrypted, damaged or unsigned gives a ``PdfCheck`` whose ``error`` is the
  message of ``NotAPdf``/``EncryptedPdf``/``DamagedPdf``/``NoSignatures``.
- Reads the store only, except that showing a confidential letter's details to a participant
  is written to the audit log (``drafting.get_letter``).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from cryptography import x509

from desktop.i18n import _
from desktop.letters import trust
from desktop.letters.errors import NotFound, PermissionDenied, ServiceError
from desktop.letters.labels import SIGNING_REASON, kind_label, status_label
from desktop.render.dates import format_date_id
from desktop.signing.errors import DamagedPdf, NoSignatures, SigningError
from desktop.signing.report import ChainStatus, SignatureReport, TimestampInfo, VerificationReport
from desktop.store.reading import Query, Reader, StoreQueries, parse_date, parse_datetime
from sync.pki import ca
from sync.pki.zones import LOCAL, Zone, office_zone
from sync.vocabulary import PUBLIC_SIFAT, LetterStatus

if TYPE_CHECKING:
    from desktop.letters.accounts import CurrentUser
    from desktop.store.db import Store

# What a check needs from the store is read with plain SQL (``desktop.store.reading``), on the
# app's open ``Store`` or, for ``naskah verify``, on a ``Reader`` (sqlite3 alone): the command
# then starts without SQLAlchemy, the models or pydantic. Only what concerns a logged-in user
# (is she a participant, the audited read) goes through the domain services and the ORM.

log = logging.getLogger(__name__)


class TrustSource(StrEnum):
    PINNED = "pinned"  # the organisation's root held on this PC
    NO_TRUST = "no_trust"  # a store, but no root received from the server yet
    NO_STORE = "no_store"  # no Naskah data on this PC at all


class MatchKind(StrEnum):
    EXACT = "exact"  # byte for byte the PDF the letter holds now
    EARLIER = "earlier"  # byte for byte an earlier stored version (before a timestamp/cosigner)
    EXTENDED = "extended"  # one of our stored versions with bytes added after it
    CLAIMED = "claimed"  # only names our letter's number: the content is not ours


@dataclass(frozen=True)
class RecordedSignature:
    """What the letter's ``letter_signature`` record says about one signature."""

    pdf_hash: str  # the PDF this signature produced (its revision, byte for byte)
    cert_serial: str  # lowercase hex
    signed_at: datetime
    on_server: bool  # the server holds the record (acknowledged or received in sync)


@dataclass(frozen=True)
class RecordMatch:
    """The letter of this office the file belongs to (details empty when not for this user)."""

    how: MatchKind
    visible: bool
    letter_id: str = ""
    number: str = ""
    letter_date: date | None = None
    hal: str = ""
    status: str = ""
    signature_kind: str = ""
    signers: list[str] = field(default_factory=list)  # "name, position" in signing order
    added_bytes: int = 0  # for EXTENDED: bytes after our stored version
    final_sha256: str = ""  # the letter's PDF as kept now (the final copy once all signed)
    final_timestamped_at: datetime | None = None  # the server's timestamp on that copy
    complete: bool = False  # every signer has signed
    recorded: tuple[RecordedSignature, ...] = ()

    @property
    def byte_identical(self) -> bool:
        return self.how is MatchKind.EXACT


@dataclass(frozen=True)
class PdfCheck:
    name: str  # the file name shown to the person ("" when unknown)
    size: int
    sha256: str
    trust: TrustSource
    organisation: str = ""  # whose root was used (PINNED only)
    report: VerificationReport | None = None
    error: str = ""  # why the file could not be checked
    unreadable: bool = False  # not a PDF, encrypted or damaged (as opposed to "no signatures")
    record: RecordMatch | None = None
    zone: Zone = LOCAL  # the zone times are shown in (the office's)

    @property
    def valid(self) -> bool:
        return self.report is not None and self.report.valid

    @property
    def warned(self) -> bool:
        return self.report is not None and any(s.warnings for s in self.report.signatures)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_pdf(
    store: Store | Reader | None,
    data: bytes,
    *,
    user: CurrentUser | None = None,
    name: str = "",
    now: datetime | None = None,
) -> PdfCheck:
    """Verify ``data`` and find its record (see the module docs). ``user`` is who asks (None on
    the command line: confidential letters then show no details). ``store`` is the app's
    open store or a ``Reader`` (``naskah verify``); a ``user`` needs the app's store."""
    from desktop.signing.verify import verify_pdf

    held = None
    others: list[x509.Certificate] = []
    kabupaten: str | None = None
    reads = _source(store)
    if reads is not None:
        with reads.reading() as query:
            held = trust.read(query)
            office = query("SELECT kabupaten FROM office LIMIT 1", ())
            kabupaten = str(office[0][0]) if office else None
        others = trust.extra_roots(reads.data_dir)
    zone = office_zone(kabupaten)
    source = (
        TrustSource.NO_STORE
        if store is None
        else (TrustSource.PINNED if held is not None else TrustSource.NO_TRUST)
    )
    check = PdfCheck(
        name=name,
        size=len(data),
        sha256=_sha256(data),
        trust=source,
        organisation=ca.organisation_of(held.root) if held is not None else "",
        zone=zone,
    )
    roots = ([held.root] if held is not None else []) + others
    crls = held.crls if held is not None else []
    try:
        report = verify_pdf(data, roots, crls, now=now, zone=zone)
    except NoSignatures as exc:
        check = replace(check, error=exc.message)
    except SigningError as exc:
        return replace(check, error=exc.message, unreadable=True)
    except Exception as exc:  # a parser corner pyHanko does not wrap: still the file's fault
        log.warning("verification failed on %s", name or "a PDF", exc_info=True)
        return replace(check, error=DamagedPdf(type(exc).__name__).message, unreadable=True)
    else:
        check = replace(check, report=report)
    if reads is None:
        return check
    record = _find_record(reads, user, data, check.report)
    check = replace(check, record=record)
    if record is None or check.report is None or record.how is MatchKind.CLAIMED:
        return check
    revoked = [s for s in check.report.signatures if s.chain == ChainStatus.REVOKED]
    if all(s.valid_at_signing for s in revoked):
        return check
    recorded = _recorded_times(data, check.report, record)
    if not recorded:
        return check
    report = verify_pdf(data, roots, crls, now=now, recorded=recorded, zone=zone)
    return replace(check, report=report)


class UnknownCode(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Kode verifikasi tidak dikenal di komputer ini. Periksa kembali kode pada surat "
                "(20 huruf a–z dan angka 2–7), atau periksa di halaman verifikasi server."
            )
        )


def check_code(
    store: Store,
    typed: str,
    *,
    user: CurrentUser | None = None,
    now: datetime | None = None,
) -> PdfCheck:
    """Check the stored PDF of the letter whose verification code is ``typed`` (as a person
    types it from paper). Raises ``UnknownCode`` when no letter here, or more than one, has a
    code it may stand for, and ``ServiceError`` when the letter's PDF has not reached this PC."""
    from sqlmodel import col, select

    from desktop.store.blobs import BlobStore
    from desktop.store.models import Letter
    from sync.pki.codes import code_candidates

    candidates = code_candidates(typed)
    with store.read() as session:
        letters = (
            list(
                session.exec(
                    select(Letter).where(
                        col(Letter.verify_code).in_(candidates),
                        col(Letter.deleted_at).is_(None),
                    )
                ).all()
            )
            if candidates
            else []
        )
    if len(letters) != 1:
        raise UnknownCode()
    letter = letters[0]
    try:
        if not letter.pdf_hash:
            raise FileNotFoundError(letter.id)
        data = BlobStore(store.blob_dir).get(letter.pdf_hash)
    except OSError as exc:
        raise ServiceError(
            _("PDF surat dengan kode ini belum ada di komputer ini. Sinkronkan dulu.")
        ) from exc
    name = _("surat berkode {c}").format(c=letter.verify_code)
    return check_pdf(store, data, user=user, name=name, now=now)


def _recorded_times(
    data: bytes, report: VerificationReport, record: RecordMatch
) -> dict[int, datetime]:
    """The server's recorded signing time of each signature in ``data`` that is exactly one of
    the letter's synced signature records: the signature's revision hashes to the record's PDF
    and its certificate is the record's. Keyed by where that revision ends."""
    times = {}
    for sig in report.signatures:
        if not sig.signed_ranges or sig.serial is None:
            continue
        end = sig.signed_ranges[-1][1]
        digest = _sha256(data[:end])
        for r in record.recorded:
            if r.on_server and r.pdf_hash == digest and r.cert_serial == format(sig.serial, "x"):
                times[end] = r.signed_at
    return times


# -- the matching record ------------------------------------------------------------------------


def _signed_ends(report: VerificationReport | None) -> list[int]:
    if report is None:
        return []
    spans = [s.signed_ranges for s in report.signatures]
    spans += [t.signed_ranges for t in report.document_timestamps]
    return sorted({r[-1][1] for r in spans if r})


def _source(store: Store | Reader | None) -> Reader | StoreQueries | None:
    if store is None or isinstance(store, Reader):
        return store
    return StoreQueries(store)


@dataclass(frozen=True)
class _LetterRow:
    """The columns of a ``letter`` row that a check reports."""

    id: str
    sifat: str
    number: str
    letter_date: date | None
    hal: str
    status: str
    signature_kind: str
    pdf_hash: str | None
    timestamped_at: datetime | None


_LETTER_COLUMNS = (
    "letter.id, letter.sifat, letter.number, letter.letter_date, letter.hal, letter.status, "
    "letter.signature_kind, letter.pdf_hash, letter.timestamped_at"
)


def _letter_row(row: Sequence[Any]) -> _LetterRow:
    return _LetterRow(
        id=str(row[0]),
        sifat=str(row[1]),
        number=str(row[2]),
        letter_date=parse_date(row[3]),
        hal=str(row[4]),
        status=str(row[5]),
        signature_kind=str(row[6]),
        pdf_hash=row[7],
        timestamped_at=parse_datetime(row[8]),
    )


@dataclass(frozen=True)
class _SignatureRow:
    signer_name: str
    signer_jabatan: str
    pdf_hash: str
    cert_serial: str
    signed_at: datetime
    version: int


def _find_record(
    source: Reader | StoreQueries,
    user: CurrentUser | None,
    data: bytes,
    report: VerificationReport | None,
) -> RecordMatch | None:
    whole = _sha256(data)
    # Each signed revision inside the file, hashed: one of them is our stored PDF when the
    # file is our letter with something appended (a timestamp, a co-signer, or a change).
    prefixes = {_sha256(data[:end]): end for end in _signed_ends(report) if end < len(data)}
    with source.reading() as query:
        found = _by_hash(query, whole, prefixes, len(data))
        if found is None and report is not None:
            found = _by_claimed_number(query, _reasons(data))
        if found is None:
            return None
        letter, how, added = found
        rows = _signature_rows(query, letter.id)
    visible = letter.sifat in PUBLIC_SIFAT
    signers = [", ".join(p for p in (r.signer_name, r.signer_jabatan) if p) for r in rows]
    recorded = tuple(
        RecordedSignature(r.pdf_hash, r.cert_serial.lower(), r.signed_at, r.version > 0)
        for r in rows
    )
    final_sha256, final_at = letter.pdf_hash or "", letter.timestamped_at
    complete = letter.status == LetterStatus.SIGNED.value
    if not visible and user is not None and isinstance(source, StoreQueries):
        visible = _shown_to_participant(source.store, user, letter.id)
    if not visible:
        return RecordMatch(
            how=how,
            visible=False,
            added_bytes=added,
            final_sha256=final_sha256,
            final_timestamped_at=final_at,
            complete=complete,
            recorded=recorded,
        )
    return RecordMatch(
        how=how,
        visible=True,
        letter_id=letter.id,
        number=letter.number,
        letter_date=letter.letter_date,
        hal=letter.hal,
        status=letter.status,
        signature_kind=letter.signature_kind,
        signers=signers,
        added_bytes=added,
        final_sha256=final_sha256,
        final_timestamped_at=final_at,
        complete=complete,
        recorded=recorded,
    )


def _shown_to_participant(store: Store, user: CurrentUser, letter_id: str) -> bool:
    """A letter above Biasa is described to the people on it, by the same rule as opening the
    letter (and the read is audited)."""
    from sqlmodel import select

    from desktop.letters import drafting
    from desktop.store.models import Letter

    with store.read() as session:
        letter = session.exec(select(Letter).where(Letter.id == letter_id)).first()
        if letter is None or user.id not in drafting.participants(session, letter):
            return False
    try:
        drafting.get_letter(store, user, letter_id)
    except (PermissionDenied, NotFound):
        return False
    return True


def _by_hash(
    query: Query, whole: str, prefixes: dict[str, int], size: int
) -> tuple[_LetterRow, MatchKind, int] | None:
    exact = query(
        f"SELECT {_LETTER_COLUMNS} FROM letter "
        "WHERE letter.pdf_hash = ? AND letter.deleted_at IS NULL LIMIT 1",
        (whole,),
    )
    if exact:
        return _letter_row(exact[0]), MatchKind.EXACT, 0
    hashes = [whole, *prefixes]
    marks = ", ".join("?" * len(hashes))
    rows = query(
        f"SELECT letter_signature.pdf_hash, {_LETTER_COLUMNS} FROM letter_signature "
        "JOIN letter ON letter.id = letter_signature.letter_id "
        f"WHERE letter_signature.pdf_hash IN ({marks}) AND letter.deleted_at IS NULL "
        "ORDER BY letter_signature.position DESC",
        hashes,
    )
    if not rows:
        return None
    earlier = [row for row in rows if row[0] == whole]
    if earlier:
        return _letter_row(earlier[0][1:]), MatchKind.EARLIER, 0
    # The longest of our versions inside the file (the last signer's): fewest bytes added.
    longest = max(rows, key=lambda r: prefixes[r[0]])
    return _letter_row(longest[1:]), MatchKind.EXTENDED, size - prefixes[longest[0]]


def _reasons(data: bytes) -> list[str]:
    """The /Reason of each signature in ``data`` (unsigned claims: only a clue)."""
    from desktop.signing.verify_read import open_pdf

    try:
        return [
            str(emb.sig_object.get("/Reason", "")) for emb in open_pdf(data).embedded_signatures
        ]
    except Exception:  # already verified once; a clue we cannot read is no clue
        return []


def _by_claimed_number(
    query: Query, reasons: list[str]
) -> tuple[_LetterRow, MatchKind, int] | None:
    # ``esign`` gives each signature this reason; the number in it is the letter it claims.
    head, _sep, tail = SIGNING_REASON.partition("{n}")
    pattern = re.compile(re.escape(head) + r"(.+?)" + re.escape(tail) + "$")
    for number in (m.group(1).strip() for m in map(pattern.match, reasons) if m):
        rows = query(
            f"SELECT {_LETTER_COLUMNS} FROM letter WHERE letter.number = ? "
            "AND letter.deleted_at IS NULL AND letter.verify_code != '' LIMIT 1",
            (number,),
        )
        if rows:
            return _letter_row(rows[0]), MatchKind.CLAIMED, 0
    return None


def _signature_rows(query: Query, letter_id: str) -> list[_SignatureRow]:
    rows = query(
        "SELECT signer_name, signer_jabatan, pdf_hash, cert_serial, signed_at, version "
        "FROM letter_signature WHERE letter_id = ? AND deleted_at IS NULL ORDER BY position",
        (letter_id,),
    )
    out = []
    for name, jabatan, pdf_hash, serial, signed_at, version in rows:
        when = parse_datetime(signed_at)
        assert when is not None  # NOT NULL in the schema
        out.append(
            _SignatureRow(str(name), str(jabatan or ""), str(pdf_hash), str(serial or ""),
                          when, int(version))
        )  # fmt: skip
    return out


# -- in words -------------------------------------------------------------------------------------


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _cn(rfc4514: str) -> str:
    """The CN of an RFC 4514 name string, unescaped (the whole string when it has none)."""
    found = re.search(r"(?:^|,)CN=((?:\\.|[^,\\])+)", rfc4514)
    return re.sub(r"\\(.)", r"\1", found.group(1)) if found else rfc4514


def _attr(rfc4514: str, key: str) -> str:
    found = re.search(rf"(?:^|,){key}=((?:\\.|[^,\\])+)", rfc4514)
    return re.sub(r"\\(.)", r"\1", found.group(1)) if found else ""


def headline(check: PdfCheck) -> str:
    """The verdict in one line (the dialog shows it green when ``check.valid``, red else)."""
    if check.error:
        return check.error
    report = check.report
    assert report is not None
    forged = [s for s in report.signatures if s.chain == ChainStatus.FORGED]
    if forged:
        issuer = forged[0].issuer
        return _("PALSU: ditandatangani oleh sertifikat yang bukan dari {org}.").format(
            org=_attr(issuer, "O") or _cn(issuer) or "?"
        )
    if report.valid:
        text = _("SAH: tanda tangan utuh dan dokumen tidak berubah sejak ditandatangani.")
        return text + (" " + _("Perhatikan peringatan.") if check.warned else "")
    if any(s.modified_after_signing or not s.intact for s in report.signatures):
        return _("TIDAK SAH: dokumen DIUBAH setelah ditandatangani.")
    if any(s.chain == ChainStatus.UNKNOWN for s in report.signatures):
        return _("TIDAK DAPAT DIPASTIKAN: penerbit sertifikat penanda tangan tidak dikenal.")
    return _("TIDAK SAH: tanda tangan tidak dapat dipercaya.")


def _integrity(sig: SignatureReport) -> list[str]:
    if not sig.intact:
        return [_("Keutuhan: DIUBAH setelah ditandatangani (isi tidak cocok dengan tanda tangan).")]
    if sig.modified_after_signing:
        spans = ", ".join(
            _("bita {a}–{b}").format(a=start, b=end - 1) for start, end in sig.uncovered_ranges
        )
        if spans:
            return [
                _(
                    "Keutuhan: DIUBAH setelah ditandatangani; tidak dilindungi tanda tangan: {s}."
                ).format(s=spans)
            ]
        return [_("Keutuhan: DIUBAH setelah ditandatangani (struktur dokumen diubah).")]
    if sig.covers_whole_document:
        return [_("Keutuhan: utuh, tanda tangan mencakup seluruh berkas.")]
    return [
        _(
            "Keutuhan: utuh; sesudahnya hanya ditambahkan tanda tangan, cap waktu atau data "
            "validasi."
        )
    ]


def _chain(sig: SignatureReport, zone: Zone) -> str:
    issuer = _cn(sig.issuer)
    if sig.chain == ChainStatus.TRUSTED:
        return _("Sertifikat: terpercaya (diterbitkan oleh {i}).").format(i=issuer)
    if sig.chain == ChainStatus.FORGED:
        return _("Sertifikat: PALSU (tidak diterbitkan oleh sertifikat akar yang dipercaya).")
    if sig.chain == ChainStatus.UNKNOWN:
        return _("Sertifikat: tidak dikenal (penerbit {i} tidak dipercaya komputer ini).").format(
            i=issuer or "?"
        )
    if sig.chain == ChainStatus.REVOKED:
        text = (
            _("Sertifikat: dicabut pada {d}").format(d=zone.time_text(sig.revoked_at))
            if sig.revoked_at
            else _("Sertifikat: dicabut")
        )
        good = _("; sah pada saat ditandatangani") if sig.valid_at_signing else ""
        return f"{text}{good}."
    if sig.chain == ChainStatus.EXPIRED:
        good = _("; masih berlaku saat ditandatangani") if sig.valid_at_signing else ""
        return _("Sertifikat: kedaluwarsa") + good + "."
    return _("Sertifikat: tidak sah untuk tanda tangan.")


def _stamp(label: str, ts: TimestampInfo, zone: Zone) -> str:
    state = _("tepercaya") if ts.ok else (_("penerbit tidak dikenal") if ts.intact else _("rusak"))
    return _("{label}: {t} oleh {tsa} ({s}).").format(
        label=label, t=zone.time_text(ts.time), tsa=ts.tsa or "?", s=state
    )


def _signature_lines(sig: SignatureReport, index: int, total: int, zone: Zone) -> list[str]:
    who = sig.signer_name or "?"
    if sig.signer_nip:
        who += _(" (NIP {nip})").format(nip=sig.signer_nip)
    title = _attr(sig.signer_subject, "title")
    if title:
        who += f", {title}"
    head = (
        _("Tanda tangan {i} dari {n}: {who}").format(i=index, n=total, who=who)
        if total > 1
        else _("Penanda tangan: {who}").format(who=who)
    )
    lines = [head, *_integrity(sig), _chain(sig, zone)]
    if sig.claimed_signing_time is not None:
        lines.append(
            _("Waktu tanda tangan: {t} (menurut jam komputer penanda tangan).").format(
                t=zone.time_text(sig.claimed_signing_time)
            )
        )
    if sig.timestamp is not None:
        lines.append(_stamp(_("Cap waktu tanda tangan"), sig.timestamp, zone))
    if sig.document_timestamp is not None:
        lines.append(_stamp(_("Cap waktu dokumen"), sig.document_timestamp, zone))
    if sig.timestamp is None and sig.document_timestamp is None:
        if sig.recorded_signing_time is not None:
            lines.append(
                _(
                    "Cap waktu: belum ada pada berkas ini; waktu penandatanganan tercatat di "
                    "server kantor: {t}."
                ).format(t=zone.time_text(sig.recorded_signing_time))
            )
        else:
            lines.append(
                _("Cap waktu: belum ada (waktu hanya menurut jam komputer penanda tangan).")
            )
    said = {
        _(
            "Dokumen diubah setelah ditandatangani: bita {a}-{b} tidak dilindungi tanda tangan ini."
        ).format(a=start, b=end - 1)
        for start, end in sig.uncovered_ranges
    }
    said.add(_("Isi dokumen tidak cocok dengan tanda tangan (dokumen diubah)."))
    lines += [_("Masalah: {p}").format(p=p) for p in sig.problems if p not in said]
    lines += [_("Peringatan: {w}").format(w=w) for w in sig.warnings]
    return lines


def _trust_line(check: PdfCheck) -> str:
    if check.trust is TrustSource.PINNED:
        return _("Diperiksa terhadap sertifikat akar {org} yang dipercaya komputer ini.").format(
            org=check.organisation or "?"
        )
    if check.trust is TrustSource.NO_TRUST:
        return _(
            "Komputer ini belum menerima sertifikat akar kantor (sinkronkan dulu): hanya keutuhan "
            "dokumen yang diperiksa, penerbit sertifikat tidak dapat dipastikan."
        )
    return _(
        "Tidak ada data Naskah di komputer ini, jadi belum ada sertifikat akar yang dipercaya: "
        "hanya keutuhan dokumen yang diperiksa, penerbit sertifikat tidak dapat dipastikan."
    )


def _final_copy(record: RecordMatch, zone: Zone) -> str:
    """Which copy of the letter is the final one, when this file is not it."""
    digest = record.final_sha256[:16]
    if not record.complete:
        return _(
            "Surat ini belum selesai ditandatangani; versi terbaru (SHA-256 {h}…) ada di arsip "
            "kantor."
        ).format(h=digest)
    if record.final_timestamped_at is None:
        return _(
            "Salinan akhir surat ini (SHA-256 {h}…) ada di arsip kantor dan belum bertanda waktu "
            "server."
        ).format(h=digest)
    return _(
        "Salinan akhir surat ini adalah versi bertanda waktu server {t} (SHA-256 {h}…) di arsip "
        "kantor; gunakan salinan itu."
    ).format(t=zone.time_text(record.final_timestamped_at), h=digest)


def _record_lines(record: RecordMatch, zone: Zone) -> list[str]:
    if not record.visible:
        head = _("Arsip: surat milik kantor ini (rincian hanya untuk pihak terkait).")
    else:
        when = format_date_id(record.letter_date) if record.letter_date else "-"
        status = status_label(record.status)
        head = _("Arsip: surat nomor {no} tanggal {d}, hal {hal} ({s}, {k}).").format(
            no=record.number or "-",
            d=when,
            hal=record.hal or "-",
            s=status.lower(),
            k=kind_label(record.signature_kind) if record.signature_kind else "-",
        )
    lines = [head]
    if record.visible and record.signers:
        lines.append(_("Penanda tangan tercatat: {s}.").format(s="; ".join(record.signers)))
    lines.append(
        {
            MatchKind.EXACT: _("Berkas ini sama persis (bita demi bita) dengan salinan tersimpan."),
            MatchKind.EARLIER: _(
                "Berkas ini sama persis dengan salinan lebih awal surat ini yang tersimpan, "
                "sebelum tambahan berikutnya (cap waktu server atau tanda tangan berikutnya)."
            ),
            MatchKind.EXTENDED: _(
                "Berkas ini adalah salinan tersimpan ditambah {n} bita sesudahnya yang tidak ada "
                "di arsip."
            ).format(n=_count(record.added_bytes)),
            MatchKind.CLAIMED: _(
                "Berkas ini menyebut nomor surat tersebut, tetapi isinya TIDAK SAMA dengan "
                "salinan tersimpan."
            ),
        }[record.how]
    )
    if record.how in (MatchKind.EARLIER, MatchKind.EXTENDED):
        lines.append(_final_copy(record, zone))
    elif record.how is MatchKind.EXACT and record.complete and not record.final_timestamped_at:
        lines.append(
            _(
                "Salinan ini belum bertanda waktu server; cap waktu ditambahkan pada "
                "sinkronisasi berikutnya."
            )
        )
    return lines


def describe(check: PdfCheck) -> list[str]:
    """What a person reads about ``check``, in Bahasa Indonesia, the verdict first (the
    command line prints these lines; the dialog shows them)."""
    lines = [headline(check)]
    if check.name:
        lines.append(_("Berkas: {f} ({n} bita).").format(f=check.name, n=_count(check.size)))
    report = check.report
    if report is not None:
        total = len(report.signatures)
        for index, sig in enumerate(report.signatures, start=1):
            lines += _signature_lines(sig, index, total, check.zone)
        for ts in report.document_timestamps:
            lines += [_("Masalah cap waktu dokumen: {p}").format(p=p) for p in ts.problems]
    if not check.unreadable:
        lines.append(_trust_line(check))
    if check.record is not None:
        lines += _record_lines(check.record, check.zone)
    elif check.trust is not TrustSource.NO_STORE and not check.unreadable:
        lines.append(_("Arsip: tidak ditemukan surat kantor ini yang cocok dengan berkas ini."))
    return lines
