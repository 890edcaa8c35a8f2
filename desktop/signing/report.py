"""What ``verify_pdf`` found, as plain data (the app, ``naskah verify`` and the server's
verification page all read this; messages are in Bahasa Indonesia)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from desktop.i18n import _

ByteSpan = tuple[int, int]  # [start, end) in bytes


class ChainStatus(StrEnum):
    TRUSTED = "trusted"  # leads to a trusted root and is valid at the time of checking
    UNKNOWN = "unknown"  # no path to a trusted root (e.g. another CA, or self-signed)
    FORGED = "forged"  # names a trusted root as its issuer but was not issued by it
    REVOKED = "revoked"  # revoked (see valid_at_signing for signatures made before that)
    EXPIRED = "expired"  # outside its validity at the time of checking (or not yet valid)
    INVALID = "invalid"  # not a signing certificate, broken chain, forbidden algorithm


class LaterChanges(StrEnum):
    NONE = "none"  # the signature covers the whole file
    ALLOWED = "allowed"  # later revisions only add signatures, timestamps, validation data
    MODIFIED = "modified"  # anything else was changed or appended after signing


@dataclass(frozen=True)
class TimestampInfo:
    """An RFC 3161 timestamp (in a signature, or a document timestamp)."""

    time: datetime
    intact: bool  # the token's signature is valid and covers what it claims to
    trusted: bool  # the TSA certificate leads to a trusted root
    tsa: str  # the TSA's name

    @property
    def ok(self) -> bool:
        return self.intact and self.trusted


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    intact: bool  # digest matches, signature valid, signature container unaltered
    signed_ranges: list[ByteSpan]
    covers_whole_document: bool
    uncovered_ranges: list[ByteSpan]  # bytes after the signed revision (not the signature hole)
    later_changes: LaterChanges
    signer_name: str
    signer_subject: str
    signer_nip: str
    issuer: str
    serial: int | None
    chain: ChainStatus
    valid_at_signing: bool  # chain good when it was signed (revoked/expired only later)
    claimed_signing_time: datetime | None  # from the signer's PC clock; not proof
    timestamp: TimestampInfo | None  # the signature's own timestamp token, if any
    document_timestamp: TimestampInfo | None  # first later document timestamp covering it
    revoked_at: datetime | None = None
    recorded_signing_time: datetime | None = None  # as the organisation's server recorded it
    problems: list[str] = field(default_factory=list)  # why it is not valid
    warnings: list[str] = field(default_factory=list)  # valid, but worth knowing

    @property
    def modified_after_signing(self) -> bool:
        return self.later_changes == LaterChanges.MODIFIED

    @property
    def chain_ok(self) -> bool:
        return self.chain == ChainStatus.TRUSTED or self.valid_at_signing

    @property
    def valid(self) -> bool:
        """Intact, not modified afterwards, and signed with a certificate that was good."""
        return self.intact and not self.modified_after_signing and self.chain_ok

    @property
    def proven_time(self) -> datetime | None:
        """The earliest time a trusted timestamp proves the signature existed."""
        times = [t.time for t in (self.timestamp, self.document_timestamp) if t and t.ok]
        return min(times) if times else None


@dataclass(frozen=True)
class DocumentTimestampReport:
    field_name: str
    timestamp: TimestampInfo | None  # None when the token could not be read at all
    signed_ranges: list[ByteSpan]
    covers_whole_document: bool
    uncovered_ranges: list[ByteSpan]
    later_changes: LaterChanges
    problems: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return (
            self.timestamp is not None
            and self.timestamp.ok
            and self.later_changes != LaterChanges.MODIFIED
            and not self.problems
        )


@dataclass(frozen=True)
class VerificationReport:
    size: int
    signatures: list[SignatureReport]  # in file order (the first signer first)
    document_timestamps: list[DocumentTimestampReport]
    unsigned_tail: ByteSpan | None  # bytes after the last signature or timestamp, if any
    checked_at: datetime

    @property
    def valid(self) -> bool:
        return (
            bool(self.signatures)
            and all(s.valid for s in self.signatures)
            and all(t.valid for t in self.document_timestamps)
        )

    def summary(self) -> str:
        """One line for a person."""
        if self.valid:
            names = ", ".join(s.signer_name.rstrip(".") for s in self.signatures)
            warned = any(s.warnings for s in self.signatures)
            text = _("Tanda tangan sah dan dokumen tidak berubah: {names}.").format(names=names)
            return text + (" " + _("Perhatikan peringatan.") if warned else "")
        if any(s.chain == ChainStatus.FORGED for s in self.signatures):
            return _(
                "Tanda tangan palsu: sertifikatnya tidak diterbitkan oleh penerbit yang dipercaya."
            )
        if any(s.modified_after_signing or not s.intact for s in self.signatures):
            return _("Dokumen telah diubah setelah ditandatangani.")
        return _("Tanda tangan tidak dapat dipercaya.")
