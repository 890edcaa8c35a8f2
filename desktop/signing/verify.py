"""Offline verification of the signatures in a PDF (pyHanko), against the roots we trust.

``verify_pdf(pdf, trust_roots, crls, now)`` never fetches anything from the network. For each
signature it reports whether it is intact: the digest, the signature value, and the /Contents
container byte for byte, since those bytes lie outside the signed ranges (canonical hex of one
strict-DER object with zero padding only; every unsigned part of the CMS consistent with the
signed ones, see ``container.py``; its timestamp token intact); which bytes it covers and
which it does not; whether what was appended later is only signatures, timestamps or
validation data; the signer; the chain status at ``now`` (trusted / unknown / revoked /
expired / invalid) and, for a revoked or expired certificate, whether it was good when the
letter was signed; the signing time claimed by the signer, its timestamp token and the first
document timestamp covering it.

Evidence of the signing time for "valid at signing": a trusted timestamp (the signature's own
token or a later document timestamp); else the signing time the organisation's server recorded
for exactly that signature (``recorded``: the caller matched the signature's revision and
certificate to the synced records of its own letters); without either, the time claimed by
the signer's PC is accepted only for an expired certificate, or for a certificate revoked for
a reason other than key compromise or an unspecified one (someone holding a stolen key can
claim any time).

A certificate that names a trusted root as its issuer without having been issued by it (a
self-made CA copying the root's name) is reported as forged, not merely unknown. A document
timestamp is reported on the signatures it covers even when its issuer is not trusted here
(it then proves nothing, and says so). Times in messages are in ``zone`` (with its label).

Raises ``NotAPdf``, ``DamagedPdf``, ``EncryptedPdf`` or ``NoSignatures``; a damaged signature
is reported as not intact, never raised.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from asn1crypto import cms
from asn1crypto import crl as asn1_crl
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation.pdf_embedded import (
    EmbeddedPdfSignature,
    async_validate_pdf_signature,
    async_validate_pdf_timestamp,
)
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.policy_decl import (
    CertRevTrustPolicy,
    FreshnessReqType,
    RevocationCheckingPolicy,
    RevocationCheckingRule,
)

from desktop.i18n import _
from desktop.signing.container import container_problems, contents_problem
from desktop.signing.errors import DamagedPdf, NoSignatures
from desktop.signing.report import (
    DocumentTimestampReport,
    LaterChanges,
    SignatureReport,
    TimestampInfo,
    VerificationReport,
)
from desktop.signing.verify_chain import judge_chain
from desktop.signing.verify_parts import (
    NAMES,
    impostor_of,
    later_changes,
    name_attr,
    signed_end,
    spans,
    ts_info,
    tsa_cert,
    unreadable,
    unreadable_timestamp,
)
from desktop.signing.verify_read import open_pdf
from desktop.store import clock
from sync.pki import ca
from sync.pki.asn1 import from_asn1_cert, to_asn1_cert, to_asn1_crl
from sync.pki.zones import LOCAL, Zone

# pyHanko and certvalidator log every failed check as a warning with a traceback; the report
# carries what matters, so keep the app's log readable.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.ERROR)


class _Verifier:
    def __init__(
        self,
        pdf: bytes,
        reader: PdfFileReader,
        trust_roots: Sequence[x509.Certificate],
        crls: Sequence[x509.CertificateRevocationList],
        now: datetime,
        recorded: Mapping[int, datetime],
        zone: Zone,
    ) -> None:
        self.pdf, self.reader, self.now = pdf, reader, now
        self.recorded, self.zone = recorded, zone
        self.trust_roots = list(trust_roots)
        self.roots = [to_asn1_cert(c) for c in trust_roots]
        self.crls: list[asn1_crl.CertificateList] = [to_asn1_crl(c) for c in crls]
        self.crl_objects = list(crls)

    def crls_for(self, cert: asn1_x509.Certificate) -> list[x509.CertificateRevocationList]:
        """The given revocation lists issued by ``cert``'s issuer."""
        issuer = from_asn1_cert(cert).issuer
        return [c for c in self.crl_objects if c.issuer == issuer]

    def context(
        self, moment: datetime, cert: asn1_x509.Certificate | None = None
    ) -> ValidationContext:
        """A context at ``moment``. When a revocation list from ``cert``'s issuer is at hand,
        checking it is required (our certificates name no CRL location, so certvalidator
        would otherwise skip it), and an old list still counts: offline, it is the best
        knowledge there is (``judge_chain`` warns when it is out of date)."""
        required = cert is not None and bool(self.crls_for(cert))
        rule = RevocationCheckingRule.CRL_REQUIRED if required else RevocationCheckingRule.NO_CHECK
        policy = CertRevTrustPolicy(
            RevocationCheckingPolicy(
                ee_certificate_rule=rule,
                intermediate_ca_cert_rule=RevocationCheckingRule.CHECK_IF_DECLARED,
            ),
            freshness=timedelta(days=365 * 100),
            freshness_req_type=FreshnessReqType.MAX_DIFF_REVOCATION_VALIDATION,
        )
        return ValidationContext(
            trust_roots=self.roots,
            crls=self.crls,
            moment=moment,
            allow_fetching=False,
            revinfo_policy=policy,
        )

    async def run(self) -> VerificationReport:
        size = len(self.pdf)
        try:
            embedded = list(self.reader.embedded_signatures)
        except Exception as exc:  # a signature dictionary that does not even parse
            raise DamagedPdf(type(exc).__name__) from exc
        if not embedded:
            raise NoSignatures()
        ends = {id(e): signed_end(e) for e in embedded}
        last_end = max(ends.values())
        tail = (last_end, size) if last_end < size else None
        doc_ts: list[tuple[int, DocumentTimestampReport]] = []
        for emb in embedded:
            if emb.sig_object_type == "/DocTimeStamp":
                try:
                    ts_report = await self.document_timestamp(emb, size)
                except Exception as exc:  # damage pyHanko trips over while reading details
                    ts_report = unreadable_timestamp(emb, size, exc)
                doc_ts.append((ends[id(emb)], ts_report))
        # The last signed revision's own diff tells what the unsigned tail changed.
        tail_benign = True
        if tail is not None:
            last = max(embedded, key=lambda e: ends[id(e)])
            try:
                last.compute_integrity_info()
                level = getattr(last.diff_result, "modification_level", None)
                tail_benign = (
                    level is not None and level.value <= ModificationLevel.LTA_UPDATES.value
                )
            except Exception:
                tail_benign = False
        if not tail_benign:
            doc_ts = [(end, _replace_changes(r, LaterChanges.MODIFIED)) for end, r in doc_ts]
        signatures = []
        for emb in embedded:
            if emb.sig_object_type != "/DocTimeStamp":
                covering = [r for end, r in doc_ts if end > ends[id(emb)] and r.timestamp]
                first_ts = _first_timestamp(covering)
                try:
                    report = await self.signature(emb, size, tail_benign, first_ts)
                except Exception as exc:  # damage pyHanko trips over while reading details
                    report = unreadable(emb, size, exc)
                signatures.append(report)
        return VerificationReport(
            size=size,
            signatures=signatures,
            document_timestamps=[r for _end, r in doc_ts],
            unsigned_tail=tail,
            checked_at=self.now,
        )

    async def document_timestamp(
        self, emb: EmbeddedPdfSignature, size: int
    ) -> DocumentTimestampReport:
        signed, uncovered = spans(emb, size)
        problems = []
        problem = contents_problem(self.pdf, [int(v) for v in emb.byte_range])
        if problem:
            problems.append(problem)
        try:
            status = await async_validate_pdf_timestamp(emb, self.context(self.now, tsa_cert(emb)))
            info = ts_info(status)
            later = later_changes(
                status.coverage, status.modification_level, True, signed[-1][1], size
            )
        except Exception as exc:
            info, later = None, LaterChanges.MODIFIED
            problems.append(
                _("Cap waktu dokumen tidak dapat diperiksa ({e}).").format(e=type(exc).__name__)
            )
        problems += container_problems(_content_info(emb), self.trust_roots)
        if info is not None and not info.intact:
            problems.append(_("Cap waktu dokumen rusak atau tidak cocok dengan isi dokumen."))
        elif info is not None and not info.trusted:
            problems.append(_("Penerbit cap waktu dokumen tidak tepercaya."))
        return DocumentTimestampReport(
            field_name=str(emb.field_name),
            timestamp=info,
            signed_ranges=signed,
            covers_whole_document=not uncovered,
            uncovered_ranges=uncovered,
            later_changes=later,
            problems=problems,
        )

    async def valid_at(self, emb: EmbeddedPdfSignature, moment: datetime) -> bool:
        validator = CertificateValidator(
            emb.signer_cert,
            intermediate_certs=list(emb.other_embedded_certs),
            validation_context=self.context(moment, emb.signer_cert),
        )
        try:
            await validator.async_validate_usage({"non_repudiation"})
        except Exception:
            return False
        return True

    async def signature(
        self,
        emb: EmbeddedPdfSignature,
        size: int,
        tail_benign: bool,
        doc_timestamp: TimestampInfo | None,
    ) -> SignatureReport:
        signed, uncovered = spans(emb, size)
        cert = emb.signer_cert
        problems: list[str] = []
        container = contents_problem(self.pdf, [int(v) for v in emb.byte_range])
        if container:
            problems.append(container)
        try:
            status = await async_validate_pdf_signature(
                emb,
                self.context(self.now, cert),
                ts_validation_context=self.context(self.now, tsa_cert(emb)),
            )
        except Exception as exc:
            problems.append(
                _("Tanda tangan tidak dapat diperiksa ({e}).").format(e=type(exc).__name__)
            )
            status = None
        intact = bool(status and status.intact and status.valid) and container is None
        if status is not None and not intact and not container:
            problems.append(_("Isi dokumen tidak cocok dengan tanda tangan (dokumen diubah)."))
        later = (
            later_changes(
                status.coverage, status.modification_level, tail_benign, signed[-1][1], size
            )
            if status is not None and signed
            else LaterChanges.MODIFIED
        )
        if later == LaterChanges.MODIFIED and uncovered:
            start, end = uncovered[0]
            problems.append(
                _(
                    "Dokumen diubah setelah ditandatangani: bita {a}-{b} tidak dilindungi "
                    "tanda tangan ini."
                ).format(a=start, b=end - 1)
            )
        elif later == LaterChanges.MODIFIED:
            problems.append(_("Struktur dokumen diubah setelah ditandatangani."))
        claimed = status.signer_reported_dt if status is not None else None
        timestamp = ts_info(status.timestamp_validity) if status is not None else None
        recorded = self.recorded.get(signed[-1][1]) if signed else None
        impostor = impostor_of(
            from_asn1_cert(cert),
            [from_asn1_cert(c) for c in emb.other_embedded_certs],
            self.trust_roots,
        )
        verdict = await judge_chain(
            status,
            cert,
            now=self.now,
            crls=self.crls_for(cert),
            timestamp=timestamp,
            doc_timestamp=doc_timestamp,
            claimed=claimed,
            valid_at=lambda moment: self.valid_at(emb, moment),
            recorded=recorded,
            impostor_of=ca.common_name(impostor.subject) if impostor is not None else "",
            zone=self.zone,
        )
        altered = container_problems(_content_info(emb), self.trust_roots)
        if altered:
            intact = False
            problems += altered
        if timestamp is not None and not timestamp.intact:
            intact = False  # the token is part of the container and no longer what was issued
        return SignatureReport(
            field_name=str(emb.field_name),
            intact=intact,
            signed_ranges=signed,
            covers_whole_document=not uncovered,
            uncovered_ranges=uncovered,
            later_changes=later,
            signer_name=name_attr(cert, "common_name") or cert.subject.human_friendly,
            signer_subject=from_asn1_cert(cert).subject.rfc4514_string(NAMES),
            signer_nip=name_attr(cert, "serial_number"),
            issuer=from_asn1_cert(cert).issuer.rfc4514_string(NAMES),
            serial=cert.serial_number,
            chain=verdict.chain,
            valid_at_signing=verdict.valid_at_signing,
            claimed_signing_time=claimed.astimezone(UTC) if claimed else None,
            timestamp=timestamp,
            document_timestamp=doc_timestamp,
            revoked_at=verdict.revoked_at,
            recorded_signing_time=recorded,
            problems=problems + verdict.problems,
            warnings=verdict.warnings,
        )


def _first_timestamp(covering: list[DocumentTimestampReport]) -> TimestampInfo | None:
    """The first valid document timestamp of those covering a signature; failing that, the
    first one that is intact but from an issuer not trusted here (shown, proving nothing)."""
    valid = [r.timestamp for r in covering if r.valid and r.timestamp is not None]
    if valid:
        return min(valid, key=lambda t: t.time)
    untrusted = [r.timestamp for r in covering if r.timestamp and r.timestamp.intact]
    untrusted = [t for t in untrusted if not t.trusted]
    return min(untrusted, key=lambda t: t.time) if untrusted else None


def _replace_changes(
    report: DocumentTimestampReport, later: LaterChanges
) -> DocumentTimestampReport:
    return replace(report, later_changes=later)


def _content_info(emb: EmbeddedPdfSignature) -> cms.ContentInfo:
    return cms.ContentInfo.load(emb.pkcs7_content)


def verify_pdf(
    pdf: bytes,
    trust_roots: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList] = (),
    now: datetime | None = None,
    *,
    recorded: Mapping[int, datetime] | None = None,
    zone: Zone = LOCAL,
) -> VerificationReport:
    """Verify every signature and document timestamp in ``pdf`` (see the module docs).
    ``recorded`` maps where a signature's revision ends (the offset after its signed bytes) to
    the signing time the organisation's server recorded for exactly that signature."""
    reader = open_pdf(pdf, strict=True)
    moment = (now or clock.now()).astimezone(UTC)
    verifier = _Verifier(pdf, reader, trust_roots, crls, moment, recorded or {}, zone)
    return asyncio.run(verifier.run())
