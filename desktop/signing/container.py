"""Strict checks of the unsigned parts of a CMS signature container.

A PDF signature's /Contents lies outside the signed byte ranges, and inside the CMS object
several fields are not covered by the signature value either: the certificate bag, the
SignedData version and digest-algorithm set, unsigned attributes (the timestamp token, whose
own certificate bag is unsigned again) and CRLs. Changing them leaves a signature "valid".
``container_problems`` requires each of them to be consistent with the signed parts, so that a
changed byte anywhere in the container shows:

- versions are the ones RFC 5652 prescribes for the structure (SignedData v1/v3, SignerInfo
  v1 for issuer-and-serial, v3 for a key identifier);
- the digest-algorithm set is exactly the signers' digest algorithms;
- the content-type attribute equals the encapsulated content type;
- unsigned attributes are timestamp tokens only, checked the same way recursively;
- every embedded certificate (and CRL) is signed by an issuer that is embedded, trusted or
  itself; when the signer's certificate (the one the signer identifier names, itself pinned by
  the signed signing-certificate attribute) was issued by a root we trust, nothing may be
  missing, so a certificate whose issuer cannot be found is a problem too. Containers from
  other CAs (e.g. BSrE) may leave out certificates we cannot check; that is no alteration.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import Any

from asn1crypto import cms, core
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.utils import CryptographyDeprecationWarning

from desktop.i18n import _

TIMESTAMP_TOKEN = "signature_time_stamp_token"
TIMESTAMP_TOKEN_OID = "1.2.840.113549.1.9.16.2.14"
HEX = re.compile(rb"[0-9a-f]*|[0-9A-F]*")  # one case throughout


def contents_problem(pdf: bytes, byte_range: Sequence[int]) -> str | None:
    """Why the bytes between the signed ranges are not exactly an untouched signature
    container (``<`` hex of one well-formed DER object, zero padding ``>``), or None.
    ISO 32000-2 12.8.3.3.1 requires /Contents to be DER, so this rejects no genuine signer."""
    if len(byte_range) != 4 or byte_range[0] != 0:
        return _("Rentang bita tanda tangan tidak baku.")
    start, end = byte_range[0] + byte_range[1], byte_range[2]
    raw = pdf[start:end]
    if not 0 < start < end <= len(pdf) or raw[:1] != b"<" or raw[-1:] != b">":
        return _("Rentang bita tanda tangan tidak menunjuk ke isi tanda tangan.")
    hexpart = raw[1:-1]
    if len(hexpart) % 2 or not HEX.fullmatch(hexpart):
        return _("Isi tanda tangan (/Contents) diubah di luar bagian yang ditandatangani.")
    data = bytes.fromhex(hexpart.decode("ascii"))
    try:
        length = der_end(data) if data[:1] == b"\x30" else -1
    except ValueError:
        length = -1
    if length < 0 or any(data[length:]):
        return _("Isi tanda tangan (/Contents) diubah di luar bagian yang ditandatangani.")
    return None


def der_end(data: bytes, pos: int = 0, depth: int = 0) -> int:
    """The end of the DER element at ``pos``, checking that it is strict DER all the way down:
    definite minimal lengths, and every constructed element exactly filled by its children (a
    changed length byte cannot borrow the zero padding after the container). Raises
    ``ValueError`` otherwise."""
    if depth > 64 or pos + 2 > len(data):
        raise ValueError("truncated or too deep")
    tag = data[pos]
    if tag == 0:  # end-of-contents: only in BER indefinite lengths, never in DER
        raise ValueError("end-of-contents marker in DER")
    pos += 1
    if tag & 0x1F == 0x1F:  # high tag number form
        while pos < len(data) and data[pos] & 0x80:
            pos += 1
        pos += 1
    if pos >= len(data):
        raise ValueError("truncated tag")
    first = data[pos]
    pos += 1
    if first < 0x80:
        length = first
    else:
        count = first & 0x7F
        raw = data[pos : pos + count]
        if count == 0 or count > 4 or len(raw) < count or raw[0] == 0:
            raise ValueError("indefinite or non-minimal length")
        length = int.from_bytes(raw, "big")
        if length < 0x80:
            raise ValueError("non-minimal length")
        pos += count
    end = pos + length
    if end > len(data):
        raise ValueError("element runs past the data")
    if tag & 0x20:  # constructed: the children must fill it exactly
        while pos < end:
            pos = der_end(data[:end], pos, depth + 1)
        if pos != end:
            raise ValueError("children do not fill their parent")
    return end


def _present(value: Any) -> Any:
    """``value``, or an empty list for an absent optional field (without ``.native``, which
    would parse and convert the whole subtree: seconds for a damaged one)."""
    return [] if isinstance(value, core.Void) else value


def _altered(what: str) -> str:
    return _("Bagian tanda tangan yang tidak ditandatangani telah diubah ({what}).").format(
        what=what
    )


def _issued_by(cert: x509.Certificate | x509.CertificateRevocationList,
               candidates: Sequence[x509.Certificate]) -> bool | None:  # fmt: skip
    """True if a candidate issuer's signature verifies, False if issuers exist but none
    verifies, None if no candidate has the issuer's name."""
    found = [c for c in candidates if c.subject == cert.issuer]
    for issuer in found:
        try:
            if isinstance(cert, x509.Certificate):
                cert.verify_directly_issued_by(issuer)
                return True
            if cert.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
                return True
        except (InvalidSignature, ValueError, TypeError):
            continue
    return False if found else None


def _certificates(signed_data: cms.SignedData, problems: list[str]) -> list[x509.Certificate]:
    certs: list[x509.Certificate] = []
    bag = signed_data["certificates"]
    for choice in _present(bag):
        if choice.name != "certificate":
            problems.append(_altered(_("sertifikat jenis lain")))
            continue
        try:
            with warnings.catch_warnings():  # e.g. a serial number made negative by tampering
                warnings.simplefilter("ignore", CryptographyDeprecationWarning)
                certs.append(x509.load_der_x509_certificate(choice.chosen.dump()))
        except ValueError:
            problems.append(_altered(_("sertifikat rusak")))
    return certs


def container_problems(
    content_info: cms.ContentInfo,
    trust_roots: Sequence[x509.Certificate],
    *,
    _depth: int = 0,
) -> list[str]:
    """What in ``content_info`` outside the signed attributes is inconsistent (see above)."""
    problems: list[str] = []
    try:
        signed_data = content_info["content"]
        if not _complete(content_info) or not _complete(signed_data):
            problems.append(_altered(_("struktur CMS")))
        _check(signed_data, trust_roots, problems, _depth)
    except (KeyError, ValueError, TypeError, AttributeError, IndexError):
        problems.append(_altered(_("struktur CMS")))
    return problems


def _complete(value: Any) -> bool:
    """Whether every element of a parsed SEQUENCE is one of its known fields (asn1crypto keeps
    unknown elements aside without complaint: a retagged timestamp token would just vanish)."""
    _ = value[value._fields[0][0]]  # make sure the children are parsed
    return len(value.children or ()) == len(value._fields)


def _named_by(sid: Any, certs: Sequence[x509.Certificate]) -> list[x509.Certificate]:
    """The certificates in ``certs`` that are exactly the one ``sid`` names."""
    if sid.name == "issuer_and_serial_number":
        ias = sid.chosen
        if not _complete(ias):
            return []
        issuer, serial = ias["issuer"].dump(), ias["serial_number"].native
        return [c for c in certs if c.serial_number == serial and c.issuer.public_bytes() == issuer]
    key_id = sid.chosen.native
    found = []
    for cert in certs:
        try:
            ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        except x509.ExtensionNotFound:
            continue
        if ski.digest == key_id:
            found.append(cert)
    return found


def _check(
    signed_data: cms.SignedData,
    trust_roots: Sequence[x509.Certificate],
    problems: list[str],
    depth: int,
) -> None:
    signer_infos = list(signed_data["signer_infos"])
    if not _complete(signed_data["encap_content_info"]):
        problems.append(_altered(_("struktur CMS")))
    content_type = signed_data["encap_content_info"]["content_type"].native
    versions = {si["version"].native for si in signer_infos}
    expected = "v3" if content_type != "data" or "v3" in versions else "v1"
    if signed_data["version"].native != expected:
        problems.append(_altered(_("versi SignedData")))
    digests = {si["digest_algorithm"].dump() for si in signer_infos}
    if {alg.dump() for alg in signed_data["digest_algorithms"]} != digests:
        problems.append(_altered(_("daftar algoritma digest")))
    crls = _present(signed_data["crls"])

    certs = _certificates(signed_data, problems)
    for si in signer_infos:
        if not _complete(si) or not _named_by(si["sid"], certs):
            problems.append(_altered(_("identitas penanda tangan")))
        sid_kind = si["sid"].name
        wanted = "v1" if sid_kind == "issuer_and_serial_number" else "v3"
        if si["version"].native != wanted:
            problems.append(_altered(_("versi SignerInfo")))
        for attr in _present(si["signed_attrs"]):
            if attr["type"].native == "content_type" and attr["values"][0].native != content_type:
                problems.append(_altered(_("jenis isi")))
        unsigned = si["unsigned_attrs"]
        for attr in _present(unsigned):
            if attr["type"].native not in (TIMESTAMP_TOKEN, TIMESTAMP_TOKEN_OID) or depth > 1:
                problems.append(_altered(_("atribut tak bertanda tangan")))
                continue
            for token in attr["values"]:
                problems += container_problems(token, trust_roots, _depth=depth + 1)

    ours = {root.subject for root in trust_roots}
    strict = any(cert.issuer in ours for si in signer_infos for cert in _named_by(si["sid"], certs))
    candidates = [*certs, *trust_roots]
    for cert in certs:
        issued = _issued_by(cert, candidates)
        if issued is False or (issued is None and strict):
            problems.append(
                _altered(_("sertifikat {name}").format(name=cert.subject.rfc4514_string()))
            )
    for choice in crls:
        try:
            crl = x509.load_der_x509_crl(choice.chosen.dump())
        except ValueError:
            problems.append(_altered(_("daftar pencabutan rusak")))
            continue
        issued = _issued_by(crl, candidates)
        if issued is False or (issued is None and strict):
            problems.append(_altered(_("daftar pencabutan")))
