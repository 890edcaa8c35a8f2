"""PAdES signatures and document timestamps on PDF letters (pyHanko), offline.

``sign_pdf`` appends one incremental update holding a PAdES baseline B-B signature
(``ETSI.CAdES.detached``, SHA-256, ECDSA, signing-certificate-v2, the certificate chain
embedded) in a new visible signature field whose appearance is the Naskah stamp (QR code with
the verification address, signer name, position and date). With a ``timestamper`` the
signature also carries an RFC 3161 signature timestamp (B-T). ``add_document_timestamp``
appends a PAdES document timestamp (``ETSI.RFC3161``) in another incremental update, with the
long-term validation data under it in the document security store (PAdES B-LT: the document
timestamp proves when the signatures existed; the DSS holds what shows they were good then).

Guarantees:
- The original bytes are never rewritten: the output starts with the input, byte for byte.
- Before signing, the certificate is checked at ``now`` against the given revocation lists:
  an expired, not yet valid (a PC clock set in the past) or revoked certificate raises
  ``CertificateUnusable`` with what to do; nothing is signed.
- PDF/A-1b as far as an incremental signature allows: the XMP packet keeps its pdfaid
  entries and is updated together with the Info dictionary (the same ModDate and Producer in
  both, customary schema prefixes, uncompressed); no cross-reference streams; the stamp
  embeds its fonts, uses DeviceGray and no transparency; the widget is printable. The catalog is
  not stamped with ``/Version 2.0`` or ``/Extensions`` (pyHanko would add them for PAdES and
  ECDSA), which would contradict the PDF 1.4 the file declares. Remaining caveats: ECDSA and
  ``ETSI.CAdES.detached`` postdate PDF 1.4 (readers accept them; strict PDF/A-1 validators may
  flag the SubFilter), and a document timestamp is a PDF 2.0 object.
- Errors a person can act on are ``SigningError`` subclasses (``NotAPdf``, ``EncryptedPdf``,
  ``DamagedPdf``, ``StampDoesNotFit``, ``CertificateUnusable``, ``TimestampFailed``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from typing import Any, cast

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID
from lxml import etree
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata import model as metadata_model
from pyhanko.pdf_utils.metadata.info import update_info_dict
from pyhanko.pdf_utils.metadata.xmp_xml import MetadataStream
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop.i18n import _
from desktop.render.dates import format_date_id as _format_date_id
from desktop.signing.errors import (
    CertificateUnusable,
    StampDoesNotFit,
    TimestampFailed,
)
from desktop.signing.keys import LoadedSigner
from desktop.signing.stamp import NaskahStampStyle, StampLine
from desktop.signing.verify_read import open_pdf as open_pdf
from desktop.store import clock
from sync.pki.asn1 import to_asn1_cert, to_asn1_crl, to_asn1_key
from sync.pki.ca import SIGNER_EKUS, find_revocation

DEFAULT_HEADING = "Ditandatangani secara elektronik"
MM = 72.0 / 25.4


@dataclass(frozen=True)
class StampBox:
    """Where the visible stamp goes: a page (0-based) and a rectangle in PDF points with the
    origin at the page's bottom-left corner."""

    page: int
    x: float
    y: float
    width: float
    height: float

    @classmethod
    def from_top_left_mm(
        cls, page: int, left_mm: float, top_mm: float, width_mm: float, height_mm: float,
        page_height_pt: float,
    ) -> StampBox:  # fmt: skip
        """A box given as a layout program measures it: from the page's top-left, in mm."""
        return cls(
            page,
            left_mm * MM,
            page_height_pt - (top_mm + height_mm) * MM,
            width_mm * MM,
            height_mm * MM,
        )


# Predefined XMP schemas keep their customary prefixes when pyHanko rewrites the packet
# (lxml would otherwise write "ns0:", which PDF/A validators may reject).
for _prefix, _uri in (
    ("xmpMM", "http://ns.adobe.com/xap/1.0/mm/"),
    ("pdfxid", "http://www.npes.org/pdfx/ns/id/"),
):
    etree.register_namespace(_prefix, _uri)


class _PdfAWriter(IncrementalPdfFileWriter):
    """An incremental writer that keeps a PDF/A-1 file's promises: the catalog's /Version and
    /Extensions are left alone (the file declares PDF 1.4), and the Info dictionary and the
    XMP packet get the same modification time and producer (PDF/A-1 6.7.3)."""

    def ensure_output_version(self, version: tuple[int, int]) -> None:
        return None

    def register_extension(self, ext: object) -> None:
        return None

    def modified(self) -> datetime:
        """The update's modification time: now."""
        return clock.now()

    def _update_meta(self) -> None:
        # Indexing (not .get) makes pyHanko load the packet as a MetadataStream.
        stream = self.root["/Metadata"] if "/Metadata" in self.root else None  # noqa: SIM401
        if self._info is None or not isinstance(stream, MetadataStream):
            super()._update_meta()
            return
        self._meta.last_modified = self.modified().astimezone().replace(microsecond=0)
        info = self._info.get_object()
        update_info_dict(self._meta, info, only_update_existing=True)
        info["/Producer"] = generic.TextStringObject(metadata_model.VENDOR)
        self.mark_update(self._info)
        stream.update_xmp_with_meta(self._meta)
        self.update_container(stream)


class _StampWriter(_PdfAWriter):
    """The writer of a document timestamp's update: the same letter PDF, trust material and
    ``modified_at`` always give the same bytes to be timestamped (the second part of the file
    ID is derived from the PDF instead of drawn at random), so a query held by an office hub
    while central is unreachable is the query this PC makes again later (docs/office-hub.md,
    "Hub bundles")."""

    modified_at: datetime | None = None

    @classmethod
    def _handle_id(cls, prev: PdfFileReader) -> generic.ArrayObject:
        ids = super()._handle_id(prev)
        stream = prev.stream
        stream.seek(0)
        derived = hashlib.sha256(b"naskah-stamp-id\0" + stream.read()).digest()[:16]
        return generic.ArrayObject([ids[0], generic.ByteStringObject(derived)])

    def modified(self) -> datetime:
        return self.modified_at or clock.now()


# Room for the timestamp token in the update (DER bytes): the token of our TSA with its
# certificates is about 2 KiB. A fixed size (no estimate from a trial token, which would be a
# request of its own) keeps the update the same from one attempt to the next.
TIMESTAMP_ROOM = 12 * 1024


class _ClockedPdfSigner(signers.PdfSigner):
    """pyHanko stamps the CMS signing time from the system clock; ours comes from the store's
    clock, the same moment the letter records as signed and the certificate was checked at."""

    def __init__(self, signing_time: datetime, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signing_time = signing_time

    def init_signing_session(self, *args: Any, **kwargs: Any) -> Any:
        session = super().init_signing_session(*args, **kwargs)
        session.system_time = self._signing_time
        return session


def _date(when: datetime) -> str:
    return _format_date_id(when.astimezone().date())


def check_signer_usable(
    signer: LoadedSigner,
    *,
    crls: Sequence[x509.CertificateRevocationList] = (),
    now: datetime | None = None,
) -> None:
    """Raise ``CertificateUnusable`` unless ``signer``'s certificate may sign at ``now``."""
    now = (now or clock.now()).astimezone(UTC)
    cert = signer.cert
    if now < cert.not_valid_before_utc:
        raise CertificateUnusable(
            _(
                "Sertifikat tanda tangan baru berlaku mulai {d}, padahal tanggal di komputer "
                "ini {n}. Periksa tanggal dan jam komputer, lalu coba lagi."
            ).format(d=_date(cert.not_valid_before_utc), n=_date(now))
        )
    if now > cert.not_valid_after_utc:
        raise CertificateUnusable(
            _(
                "Sertifikat tanda tangan sudah kedaluwarsa sejak {d}. Minta sertifikat baru "
                "kepada pengelola sistem (daftar ulang penanda tangan)."
            ).format(d=_date(cert.not_valid_after_utc))
        )
    issuer = next((c for c in signer.chain if c.subject == cert.issuer), None)
    revocation = find_revocation(cert, crls, issuer)
    if revocation is not None and revocation.revoked_at <= now:
        raise CertificateUnusable(
            _(
                "Sertifikat tanda tangan telah dicabut pada {d}. Surat tidak dapat "
                "ditandatangani dengan sertifikat ini; hubungi pengelola sistem."
            ).format(d=_date(revocation.revoked_at))
        )
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        allowed = usage.content_commitment and usage.digital_signature
    except x509.ExtensionNotFound:
        allowed = False
    try:
        purposes = set(cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
        allowed = allowed and bool(
            purposes & {*SIGNER_EKUS, ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE}
        )
    except x509.ExtensionNotFound:
        pass  # no extended key usage: any purpose
    if not allowed:
        raise CertificateUnusable(_("Sertifikat ini bukan sertifikat untuk tanda tangan."))


def pyhanko_signer(signer: LoadedSigner) -> signers.SimpleSigner:
    """The pyHanko signer for ``signer`` (certificate chain embedded, root included)."""
    return signers.SimpleSigner(
        signing_cert=to_asn1_cert(signer.cert),
        signing_key=to_asn1_key(signer.key),
        cert_registry=SimpleCertificateStore.from_certs([to_asn1_cert(c) for c in signer.chain]),
    )


def _check_box(reader: PdfFileReader, box: StampBox) -> int:
    pages = int(reader.root["/Pages"]["/Count"])
    index = box.page if box.page >= 0 else pages + box.page
    if not 0 <= index < pages or box.width < 20 or box.height < 20:
        raise StampDoesNotFit()
    page_ref = reader.find_page_for_modification(index)[0]
    media = [float(v) for v in page_ref.get_object()["/MediaBox"]]
    if (
        box.x < media[0]
        or box.y < media[1]
        or box.x + box.width > media[2] + 0.01
        or box.y + box.height > media[3] + 0.01
    ):
        raise StampDoesNotFit()
    return index


def _field_name(reader: PdfFileReader) -> str:
    taken = {name for name, _value, _ref in fields.enumerate_sig_fields(reader)}
    n = 1
    while f"TandaTangan{n}" in taken:
        n += 1
    return f"TandaTangan{n}"


def _reserve(signer: LoadedSigner) -> int:
    """Hex digits to reserve for a CMS container with ``signer``'s certificates and no
    timestamp: the certificates, signed attributes and signature take well under 1.5 KiB
    more than the certificates themselves."""
    certs = sum(len(c.public_bytes(Encoding.DER)) for c in [signer.cert, *signer.chain])
    return 2 * (certs + 2048)


def sign_pdf(
    pdf: bytes,
    signer: LoadedSigner,
    *,
    reason: str,
    location: str,
    signer_name: str,
    position: str,
    date_text: str,
    verify_url: str,
    field_box: StampBox,
    timestamper: timestamps.TimeStamper | None = None,
    heading: str = DEFAULT_HEADING,
    crls: Sequence[x509.CertificateRevocationList] = (),
    now: datetime | None = None,
    field_name: str | None = None,
) -> bytes:
    """Return ``pdf`` with a PAdES signature by ``signer`` appended (see the module docs)."""
    check_signer_usable(signer, crls=crls, now=now)
    reader = open_pdf(pdf)
    page = _check_box(reader, field_box)
    name = field_name or _field_name(reader)
    style = NaskahStampStyle(
        url=verify_url,
        lines=(
            StampLine(heading, scale=0.85),
            StampLine(signer_name, bold=True),
            StampLine(position),
            StampLine(date_text, scale=0.85),
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        name=signer_name,
    )
    rect = (
        round(field_box.x, 2),
        round(field_box.y, 2),
        round(field_box.x + field_box.width, 2),
        round(field_box.y + field_box.height, 2),
    )
    # pyHanko writes the rectangle as reals; its type hint says int only.
    spec = fields.SigFieldSpec(sig_field_name=name, on_page=page, box=cast(Any, rect))
    pdf_signer = _ClockedPdfSigner(
        (now or clock.now()).astimezone(UTC),
        meta,
        signer=pyhanko_signer(signer),
        timestamper=timestamper,
        stamp_style=style,
        new_field_spec=spec,
    )
    out = BytesIO()
    try:
        pdf_signer.sign_pdf(
            _PdfAWriter(BytesIO(pdf)),
            # Without a timestamp the container's size is known in advance: skipping pyHanko's
            # trial signature saves a third of the signing time.
            bytes_reserved=None if timestamper else _reserve(signer),
            output=out,
        )
    except (OSError, timestamps.TimestampRequestError) as exc:
        raise TimestampFailed(str(exc)) from exc
    return out.getvalue()


def add_document_timestamp(
    pdf: bytes,
    timestamper: timestamps.TimeStamper,
    *,
    certs: Sequence[x509.Certificate] = (),
    crls: Sequence[x509.CertificateRevocationList] = (),
    field_name: str | None = None,
    modified_at: datetime | None = None,
) -> bytes:
    """Return ``pdf`` with a PAdES document timestamp from ``timestamper`` appended.

    The bytes timestamped depend only on ``pdf``, the trust material and ``modified_at`` (the
    update's modification time; None: now): retried, the same query goes to the TSA.

    ``certs`` and ``crls`` (the root, the TSA certificate, the revocation list valid when the
    letter was signed) go into the document security store in the same incremental update,
    under the timestamp, together with the certificates embedded in each signature and a VRI
    entry per signature naming its certificates and the CRLs: the long-term validation data a
    verifier needs years later, with no network (PAdES B-LT)."""
    reader = open_pdf(pdf)
    taken = {name for name, _value, _ref in fields.enumerate_sig_fields(reader)}
    n = 1
    while f"CapWaktu{n}" in taken:
        n += 1
    writer = _StampWriter(BytesIO(pdf))
    writer.modified_at = modified_at
    if certs or crls:
        given = [to_asn1_cert(c) for c in certs]
        lists = [to_asn1_crl(c) for c in crls]
        DocumentSecurityStore.supply_dss_in_writer(writer, None, certs=given, crls=lists)
        for emb in reader.embedded_regular_signatures:
            try:
                own = [emb.signer_cert, *emb.other_embedded_certs]
                contents = emb.pkcs7_content.hex().encode("ascii")
            except Exception:  # a signature too damaged to read adds nothing
                continue
            DocumentSecurityStore.supply_dss_in_writer(writer, contents, certs=own, crls=lists)
    stamper = PdfTimeStamper(timestamper, field_name=field_name or f"CapWaktu{n}")
    out = BytesIO()
    try:
        stamper.timestamp_pdf(writer, "sha256", output=out, bytes_reserved=TIMESTAMP_ROOM)
    except (OSError, timestamps.TimestampRequestError) as exc:
        raise TimestampFailed(str(exc)) from exc
    return out.getvalue()
