"""Small pieces of the verification report: byte spans, later-change verdicts, timestamp info,
and the reports for signatures too damaged to read."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from asn1crypto import core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.x509.oid import NameOID
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel, TimestampSignatureStatus

from desktop.i18n import _
from desktop.signing.report import (
    ByteSpan,
    ChainStatus,
    DocumentTimestampReport,
    LaterChanges,
    SignatureReport,
    TimestampInfo,
)

NAMES = {NameOID.SERIAL_NUMBER: "serialNumber", NameOID.TITLE: "title"}


def spans(emb: EmbeddedPdfSignature, size: int) -> tuple[list[ByteSpan], list[ByteSpan]]:
    br = [int(v) for v in emb.byte_range]
    if len(br) != 4:
        return [], [(0, size)]
    signed = [(br[0], br[0] + br[1]), (br[2], br[2] + br[3])]
    end = br[2] + br[3]
    return signed, ([(end, size)] if end < size else [])


def signed_end(emb: EmbeddedPdfSignature) -> int:
    br = [int(v) for v in emb.byte_range]
    return br[2] + br[3] if len(br) == 4 else 0


def later_changes(
    coverage: SignatureCoverageLevel | None,
    level: ModificationLevel | None,
    tail_benign: bool,
    signed_end: int,
    size: int,
) -> LaterChanges:
    if coverage == SignatureCoverageLevel.ENTIRE_FILE and signed_end == size:
        return LaterChanges.NONE
    if coverage != SignatureCoverageLevel.ENTIRE_REVISION or level is None:
        return LaterChanges.MODIFIED
    if level.value > ModificationLevel.FORM_FILLING.value or not tail_benign:
        return LaterChanges.MODIFIED
    return LaterChanges.ALLOWED


def ts_info(status: TimestampSignatureStatus | None) -> TimestampInfo | None:
    if status is None:
        return None
    cn = status.signing_cert.subject.native.get("common_name", "")
    return TimestampInfo(
        time=status.timestamp.astimezone(UTC),
        intact=bool(status.intact and status.valid),
        trusted=status.trusted,
        tsa=str(cn),
    )


def unreadable(emb: EmbeddedPdfSignature, size: int, exc: Exception) -> SignatureReport:
    """The report for a signature too damaged to read its details: not intact, not trusted."""
    signed, uncovered = spans(emb, size)
    try:
        name = name_attr(emb.signer_cert, "common_name")
    except Exception:
        name = ""
    return SignatureReport(
        field_name=str(emb.field_name),
        intact=False,
        signed_ranges=signed,
        covers_whole_document=not uncovered,
        uncovered_ranges=uncovered,
        later_changes=LaterChanges.MODIFIED,
        signer_name=name,
        signer_subject="",
        signer_nip="",
        issuer="",
        serial=None,
        chain=ChainStatus.UNKNOWN,
        valid_at_signing=False,
        claimed_signing_time=None,
        timestamp=None,
        document_timestamp=None,
        problems=[
            _("Tanda tangan rusak dan tidak dapat dibaca ({e}).").format(e=type(exc).__name__)
        ],
    )


def tsa_cert(emb: EmbeddedPdfSignature) -> asn1_x509.Certificate | None:
    """The TSA certificate of a document timestamp or of a signature's timestamp token."""
    try:
        if emb.sig_object_type == "/DocTimeStamp":
            return emb.signer_cert
        attrs = emb.signer_info["unsigned_attrs"]
        for attr in [] if isinstance(attrs, core.Void) else attrs:
            if attr["type"].native == "signature_time_stamp_token":
                token = attr["values"][0]["content"]
                sid = token["signer_infos"][0]["sid"].chosen
                for choice in token["certificates"]:
                    cert = choice.chosen
                    if cert.serial_number == sid["serial_number"].native:
                        return cert
    except (KeyError, IndexError, ValueError, AttributeError):
        return None
    return None


def impostor_of(
    cert: x509.Certificate,
    embedded: Sequence[x509.Certificate],
    roots: Sequence[x509.Certificate],
) -> x509.Certificate | None:
    """The trusted root that ``cert``, or a CA certificate above it in ``embedded``, names as
    its issuer without being signed by it (a self-made CA copying the real root's name)."""
    current = cert
    for _step in range(8):
        for root in roots:
            if current.issuer == root.subject and current != root:
                try:
                    current.verify_directly_issued_by(root)
                except (InvalidSignature, ValueError, TypeError):
                    return root
                return None
        above = next((c for c in embedded if c.subject == current.issuer and c != current), None)
        if above is None:
            return None
        current = above
    return None


def name_attr(cert: asn1_x509.Certificate, attr: str) -> str:
    return str(cert.subject.native.get(attr, "") or "")


def unreadable_timestamp(
    emb: EmbeddedPdfSignature, size: int, exc: Exception
) -> DocumentTimestampReport:
    """The report for a document timestamp too damaged to read."""
    signed, uncovered = spans(emb, size)
    return DocumentTimestampReport(
        field_name="",
        timestamp=None,
        signed_ranges=signed,
        covers_whole_document=not uncovered,
        uncovered_ranges=uncovered,
        later_changes=LaterChanges.MODIFIED,
        problems=[_("Cap waktu dokumen rusak ({e}).").format(e=type(exc).__name__)],
    )
