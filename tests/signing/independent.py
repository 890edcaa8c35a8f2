"""Independent checkers of a signed PDF, for comparing their verdicts with Naskah's.

- ``pyhanko_verdicts``: pyHanko's own validation API with only the organisation's root trusted:
  each document timestamp checked by ``validate_pdf_timestamp``, then each signature by
  ``validate_pdf_signature`` at the earliest time a trusted timestamp proves (its own token or a
  later document timestamp; now when there is none), with revocation checking required and the
  revocation data from the file's document security store
  (``DocumentSecurityStore.as_validation_context``) plus any CRL the validator fetched. That is
  PAdES long-term validation (a document timestamp serves as the B-T timestamp, ETSI EN 319
  142-1) and what pyHanko's former ``--ltv-profile pades`` did; pyHanko 0.38 removed that
  profile, and its ``ades_lta_validation`` (``pyhanko sign adesverify``) requires a signature
  timestamp token inside the CMS, which a letter signed offline cannot carry. A proof of
  existence known from elsewhere (the signing time the organisation's server recorded, what
  ``naskah verify`` uses for the office's own copies) may be given per signature field, as
  AdES validation takes "known POEs".
- ``pdfsig``: poppler's pdfsig with an NSS database trusting the root. It judges at the
  machine's real time and has no revocation data for our CA (our certificates name no OCSP
  responder and its database holds no CRL; imported, it would call every signature of a
  revoked certificate revoked, whenever made), so what it says is whether the signed bytes are
  intact, whether the signature covers the whole file, and whether the certificate chains to
  the root. It lists a document timestamp but does not check RFC 3161 tokens.
"""

from __future__ import annotations

import asyncio
import logging
import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.errors import NoDSSFoundError
from pyhanko.sign.validation.pdf_embedded import (
    EmbeddedPdfSignature,
    async_validate_pdf_signature,
    async_validate_pdf_timestamp,
)
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.policy_decl import (
    CertRevTrustPolicy,
    FreshnessReqType,
    RevocationCheckingPolicy,
    RevocationCheckingRule,
)

from sync.pki import ca
from sync.pki.asn1 import to_asn1_cert, to_asn1_crl

for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# Revocation data must be at hand for the signer (end entity) and checked where declared above
# it; a CRL counts for the moment it speaks about however long after it was issued.
REQUIRED = CertRevTrustPolicy(
    RevocationCheckingPolicy(
        ee_certificate_rule=RevocationCheckingRule.CRL_REQUIRED,
        intermediate_ca_cert_rule=RevocationCheckingRule.CHECK_IF_DECLARED,
    ),
    freshness=timedelta(days=365 * 100),
    freshness_req_type=FreshnessReqType.MAX_DIFF_REVOCATION_VALIDATION,
)


@dataclass(frozen=True)
class PyhankoSignature:
    field: str
    valid: bool  # pyHanko's bottom line at ``moment``
    moment: datetime  # when it was judged: the proven signing time, or now
    basis: str  # "timestamp", "known" (a proof of existence given) or "now"
    summary: str  # pyHanko's own one-line summary


def _context(
    dss: DocumentSecurityStore | None,
    root: x509.Certificate,
    crls: Sequence[x509.CertificateRevocationList],
    moment: datetime,
) -> ValidationContext:
    kwargs: dict[str, object] = dict(
        trust_roots=[to_asn1_cert(root)],
        crls=[to_asn1_crl(c) for c in crls],
        moment=moment,
        allow_fetching=False,
        revinfo_policy=REQUIRED,
    )
    if dss is None:
        return ValidationContext(**kwargs)  # type: ignore[arg-type]
    return dss.as_validation_context(kwargs)


def _revision_end(emb: EmbeddedPdfSignature) -> int:
    br = [int(v) for v in emb.byte_range]
    return br[2] + br[3]


async def _judge(
    pdf: bytes, root: x509.Certificate, crls: Sequence[x509.CertificateRevocationList],
    now: datetime, known: Mapping[str, datetime],
) -> list[PyhankoSignature]:  # fmt: skip
    reader = PdfFileReader(BytesIO(pdf))
    try:
        dss: DocumentSecurityStore | None = DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        dss = None
    stamps: list[tuple[int, datetime]] = []
    for emb in reader.embedded_timestamp_signatures:
        stamp = await async_validate_pdf_timestamp(emb, _context(dss, root, crls, now))
        if stamp.intact and stamp.valid and stamp.trusted:
            stamps.append((_revision_end(emb), stamp.timestamp))
    verdicts = []
    for emb in reader.embedded_regular_signatures:
        at_now = await async_validate_pdf_signature(
            emb,
            _context(dss, root, crls, now),
            ts_validation_context=_context(dss, root, crls, now),
        )
        proofs = [t for end, t in stamps if end > _revision_end(emb)]
        token = at_now.timestamp_validity
        if token is not None and token.intact and token.valid and token.trusted:
            proofs.append(token.timestamp)
        basis = "timestamp" if proofs else "now"
        if not proofs and str(emb.field_name) in known:
            proofs.append(known[str(emb.field_name)])
            basis = "known"
        moment = min(proofs) if proofs else now
        status = (
            await async_validate_pdf_signature(
                emb,
                _context(dss, root, crls, moment),
                ts_validation_context=_context(dss, root, crls, now),
            )
            if proofs
            else at_now
        )
        verdicts.append(
            PyhankoSignature(
                field=str(emb.field_name),
                valid=status.bottom_line,
                moment=moment,
                basis=basis,
                summary=status.summary(),
            )
        )
    return verdicts


def pyhanko_verdicts(
    pdf: bytes,
    root: x509.Certificate,
    crls: Sequence[x509.CertificateRevocationList],
    now: datetime,
    known: Mapping[str, datetime] | None = None,
) -> list[PyhankoSignature]:
    """pyHanko's judgement of every signature in ``pdf`` (see the module docs); ``crls`` are
    the ones the validator fetched itself (the organisation's /pki/crl.pem), if any; ``known``
    maps a signature field to a time it is known to have existed by (no timestamp needed)."""
    return asyncio.run(_judge(pdf, root, crls, now, known or {}))


# -- pdfsig -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfsigSignature:
    signer: str  # "Signer Certificate Common Name"
    intact: bool  # "Signature is Valid."
    whole_file: bool  # "Total document signed"
    certificate: str  # "Certificate is Trusted.", "Certificate issuer isn't Trusted.", ...
    timestamp: bool  # poppler lists a document timestamp but does not check it

    @property
    def trusted(self) -> bool:
        return self.certificate == "Certificate is Trusted."


def nss_db(directory: Path, root: x509.Certificate) -> str:
    """An NSS database trusting ``root`` for signing (what pdfsig asks NSS for)."""
    db = directory / "nss"
    db.mkdir(parents=True)
    pem = directory / "root.pem"
    pem.write_bytes(ca.cert_to_pem(root))
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True)
    subprocess.run(
        ["certutil", "-A", "-d", f"sql:{db}", "-n", "Naskah Root CA", "-t", "C,C,", "-a",
         "-i", str(pem)],
        check=True,
    )  # fmt: skip
    return f"sql:{db}"


def pdfsig(pdf: bytes, directory: Path, nssdir: str) -> list[PdfsigSignature]:
    """pdfsig's findings for each signature and document timestamp of ``pdf``, in file order."""
    path = directory / "checked.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdfsig", "-nssdir", nssdir, str(path)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found = []
    for block in out.split("Signature #")[1:]:
        signer = re.search(r"Signer Certificate Common Name: (.*)", block)
        cert = re.search(r"Certificate Validation: (.*)", block)
        found.append(
            PdfsigSignature(
                signer=signer.group(1).strip() if signer else "",
                intact="Signature is Valid." in block,
                whole_file="Total document signed" in block,
                certificate=cert.group(1).strip() if cert else "",
                timestamp="Signature Type: unknown" in block or "ETSI.RFC3161" in block,
            )
        )
    return found
