"""Judging a signer's certificate chain, including "revoked/expired, but good when signed".

Kept apart from ``verify.py`` so the rules read in one place (see that module's docs).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.validation.status import PdfSignatureStatus

from desktop.i18n import _
from desktop.signing.report import ChainStatus, TimestampInfo
from sync.pki.zones import LOCAL, Zone

# Revocation reasons after which the signer's own clock is still believed for "signed before".
CLAIMED_TIME_OK_REASONS = frozenset(
    {
        "affiliation_changed",
        "superseded",
        "cessation_of_operation",
        "privilege_withdrawn",
    }
)

_CHAIN: dict[object, ChainStatus] = {
    AdESIndeterminate.REVOKED_NO_POE: ChainStatus.REVOKED,
    AdESIndeterminate.REVOKED_CA_NO_POE: ChainStatus.REVOKED,
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE: ChainStatus.EXPIRED,
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED: ChainStatus.EXPIRED,
    AdESIndeterminate.EXPIRED: ChainStatus.EXPIRED,
    AdESIndeterminate.NOT_YET_VALID: ChainStatus.EXPIRED,
    AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND: ChainStatus.UNKNOWN,
}


@dataclass
class ChainVerdict:
    chain: ChainStatus
    valid_at_signing: bool = False
    revoked_at: datetime | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def fmt(when: datetime, zone: Zone = LOCAL) -> str:
    """A time as people read it here, with its zone ("3 Maret 2026 10:04 WIB")."""
    return zone.time_text(when)


def _status_of(
    status: PdfSignatureStatus, cert: asn1_x509.Certificate, now: datetime
) -> ChainStatus:
    indic = status.trust_problem_indic
    if indic is None and status.validation_path is not None:
        return ChainStatus.TRUSTED
    if indic == AdESIndeterminate.TRY_LATER:  # revocation list out of date: soft-fail
        return ChainStatus.TRUSTED
    chain = _CHAIN.get(indic, ChainStatus.INVALID) if indic else ChainStatus.INVALID
    validity = cert["tbs_certificate"]["validity"]
    if chain == ChainStatus.INVALID and not (
        validity["not_before"].native <= now <= validity["not_after"].native
    ):
        return ChainStatus.EXPIRED  # certvalidator reports "not yet valid" generically
    return chain


async def judge_chain(
    status: PdfSignatureStatus | None,
    cert: asn1_x509.Certificate,
    *,
    now: datetime,
    crls: Sequence[x509.CertificateRevocationList],
    timestamp: TimestampInfo | None,
    doc_timestamp: TimestampInfo | None,
    claimed: datetime | None,
    valid_at: Callable[[datetime], Awaitable[bool]],
    recorded: datetime | None = None,
    impostor_of: str = "",
    zone: Zone = LOCAL,
) -> ChainVerdict:
    """The chain status at ``now`` and, when revoked or expired, whether it was good when
    signed (``valid_at(t)`` re-validates the chain at ``t``). ``recorded`` is the signing time
    the organisation's server recorded for this signature, when the caller knows it;
    ``impostor_of`` the name of a trusted root the certificate names as its issuer without
    being signed by it."""
    if status is None:
        return ChainVerdict(ChainStatus.UNKNOWN)
    verdict = ChainVerdict(_status_of(status, cert, now))
    if verdict.chain == ChainStatus.UNKNOWN and impostor_of:
        verdict.chain = ChainStatus.FORGED
        verdict.problems.append(
            _(
                "Sertifikat penanda tangan memakai nama penerbit {i}, tetapi tidak diterbitkan "
                "olehnya: sertifikat palsu."
            ).format(i=impostor_of)
        )
        return verdict
    when = partial(fmt, zone=zone)
    if timestamp is not None and not timestamp.intact:
        verdict.problems.append(_("Cap waktu pada tanda tangan rusak."))
    elif timestamp is not None and not timestamp.trusted:
        verdict.warnings.append(_("Penerbit cap waktu pada tanda tangan tidak tepercaya."))
    proofs = [t.time for t in (timestamp, doc_timestamp) if t is not None and t.ok]
    proven = min(proofs) if proofs else None
    claimed = claimed.astimezone(UTC) if claimed else None
    if proven is None and claimed is not None and claimed > now:
        verdict.warnings.append(_("Waktu penandatanganan yang dinyatakan ada di masa depan."))

    newest = max(crls, key=lambda c: c.last_update_utc, default=None)
    if newest is None:
        verdict.warnings.append(
            _("Daftar pencabutan sertifikat belum tersedia; status pencabutan tidak diperiksa.")
        )
    elif newest.next_update_utc is not None and newest.next_update_utc < now:
        verdict.warnings.append(
            _(
                "Daftar pencabutan sertifikat yang ada terbit {d} dan sudah lewat masa "
                "berlakunya; perbarui dengan sinkronisasi."
            ).format(d=when(newest.last_update_utc))
        )
    if verdict.chain == ChainStatus.REVOKED:
        await _revoked(verdict, status, proven, claimed, valid_at, recorded, when)
    elif verdict.chain == ChainStatus.EXPIRED:
        await _expired(verdict, cert, proven, claimed, valid_at, when)
    elif verdict.chain == ChainStatus.UNKNOWN:
        verdict.problems.append(
            _("Sertifikat penanda tangan tidak diterbitkan oleh CA yang dipercaya aplikasi ini.")
        )
    elif verdict.chain == ChainStatus.INVALID:
        indic = status.trust_problem_indic
        verdict.problems.append(
            _("Sertifikat penanda tangan tidak sah untuk tanda tangan ({why}).").format(
                why=getattr(indic, "name", "?")
            )
        )
    return verdict


async def _revoked(
    verdict: ChainVerdict,
    status: PdfSignatureStatus,
    proven: datetime | None,
    claimed: datetime | None,
    valid_at: Callable[[datetime], Awaitable[bool]],
    recorded: datetime | None,
    fmt: Callable[[datetime], str],
) -> None:
    details = status.revocation_details
    if details is None:  # a CA above the signer was revoked without details
        verdict.problems.append(_("Sertifikat dalam rantai penanda tangan telah dicabut."))
        return
    revoked_at = details.revocation_date.astimezone(UTC)
    reason = str(details.revocation_reason.native or "unspecified")
    verdict.revoked_at = revoked_at
    if proven is not None and proven < revoked_at and await valid_at(proven):
        verdict.valid_at_signing = True
        verdict.warnings.append(
            _(
                "Sertifikat penanda tangan dicabut pada {r}, setelah dokumen ditandatangani "
                "(dibuktikan cap waktu {t}). Tanda tangan sah pada saat dibuat."
            ).format(r=fmt(revoked_at), t=fmt(proven))
        )
    elif recorded is not None and recorded < revoked_at and await valid_at(recorded):
        verdict.valid_at_signing = True
        verdict.warnings.append(
            _(
                "Sertifikat penanda tangan dicabut pada {r}, setelah surat ditandatangani pada "
                "{t} menurut catatan server kantor. Tanda tangan sah pada saat dibuat."
            ).format(r=fmt(revoked_at), t=fmt(recorded))
        )
    elif (
        claimed is not None
        and claimed < revoked_at
        and reason in CLAIMED_TIME_OK_REASONS
        and await valid_at(claimed)
    ):
        verdict.valid_at_signing = True
        verdict.warnings.append(
            _(
                "Sertifikat penanda tangan dicabut pada {r}, setelah waktu penandatanganan {t}. "
                "Waktu itu hanya menurut jam komputer penanda tangan (tanpa cap waktu)."
            ).format(r=fmt(revoked_at), t=fmt(claimed))
        )
    elif claimed is not None and claimed >= revoked_at:
        verdict.problems.append(
            _("Dokumen ditandatangani pada {t}, sesudah sertifikat dicabut pada {r}.").format(
                t=fmt(claimed), r=fmt(revoked_at)
            )
        )
    else:
        verdict.problems.append(
            _(
                "Sertifikat penanda tangan dicabut pada {r} dan tidak ada cap waktu tepercaya "
                "yang membuktikan dokumen ditandatangani sebelumnya."
            ).format(r=fmt(revoked_at))
        )


async def _expired(
    verdict: ChainVerdict,
    cert: asn1_x509.Certificate,
    proven: datetime | None,
    claimed: datetime | None,
    valid_at: Callable[[datetime], Awaitable[bool]],
    fmt: Callable[[datetime], str],
) -> None:
    when = proven or claimed
    not_after = cert["tbs_certificate"]["validity"]["not_after"].native
    if when is not None and await valid_at(when):
        verdict.valid_at_signing = True
        verdict.warnings.append(
            _(
                "Sertifikat penanda tangan berakhir pada {e}; saat ditandatangani ({t}) masih "
                "berlaku."
            ).format(e=fmt(not_after), t=fmt(when))
        )
        if proven is None:
            verdict.warnings.append(
                _("Waktu penandatanganan hanya menurut jam komputer penanda tangan.")
            )
    else:
        verdict.problems.append(
            _("Sertifikat penanda tangan tidak berlaku pada saat penandatanganan.")
        )
