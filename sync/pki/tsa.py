"""RFC 3161 timestamping: the token signer the server runs, and the client the app uses.

``make_timestamper(tsa_cert, tsa_key)`` returns a pyHanko ``TimeStamper`` that signs real RFC 3161
tokens in-process with the TSA key (pyHanko's ``DummyTimeStamper`` extended to EC keys, an ESS
signing-certificate-v2 attribute with SHA-256, our policy OID and a one-second accuracy). The
server answers HTTP requests with ``respond(request_der)``; tests use the timestamper directly.
``http_timestamper(url)`` returns pyHanko's HTTP client for a TSA at ``url``.

Guarantees of a token: it covers exactly the message imprint asked for (SHA-256/384/512 only),
echoes the request's nonce, names the TSA, is signed by the TSA key and carries the TSA
certificate and the given chain. A malformed or unsupported request gets a ``rejection``
response, never an exception.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from asn1crypto import algos, cms, core, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from pyhanko.sign import general
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from sync import clock as sync_clock
from sync.pki.asn1 import to_asn1_cert, to_asn1_key
from sync.protocol import QUERY_KEY_HEADER

# The policy a token names when its TSA has none configured (the server stores its own, see
# sync.server.pki.tsa_policy): an OID under the UUID arc 2.25 (ITU-T X.667), which anyone may
# use without registering, so it belongs to nobody else.
NASKAH_TSA_POLICY = "2.25.98348514400338553032733365884972248200"
TSA_POLICY_PATTERN = r"^[0-2](\.(0|[1-9][0-9]*))+$"
ACCEPTED_DIGESTS = {"sha256", "sha384", "sha512"}

_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


class TimeStampResp(core.Sequence):
    """RFC 3161 TimeStampResp; asn1crypto's own requires the token, which a rejection lacks."""

    _fields = [
        ("status", tsp.PKIStatusInfo),
        ("time_stamp_token", cms.ContentInfo, {"optional": True}),
    ]


class LocalTimeStamper(DummyTimeStamper):
    """A TSA in this process: real tokens from the TSA key, no network."""

    def __init__(
        self,
        tsa_cert: x509.Certificate,
        tsa_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
        chain: list[x509.Certificate] | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        policy_oid: str = NASKAH_TSA_POLICY,
    ) -> None:
        super().__init__(
            tsa_cert=to_asn1_cert(tsa_cert),
            tsa_key=to_asn1_key(tsa_key),
            certs_to_embed=SimpleCertificateStore.from_certs(
                [to_asn1_cert(c) for c in chain or []]
            ),
        )
        self._key = tsa_key
        self._clock = clock or sync_clock.now
        self._policy = policy_oid

    def _build_tst_info(
        self, message_imprint: tsp.MessageImprint, dt: datetime, req: tsp.TimeStampReq
    ) -> tsp.TSTInfo:
        info = super()._build_tst_info(message_imprint, dt, req)
        info["policy"] = tsp.ObjectIdentifier(self._policy)
        info["accuracy"] = tsp.Accuracy({"seconds": 1})
        return info

    def _sign_tst_info(
        self, tst_info_data: bytes, md_algorithm: str, dt: datetime
    ) -> tuple[bytes, cms.CMSAttributes]:
        digest = hashes.Hash(_HASHES[md_algorithm]())
        digest.update(tst_info_data)
        signed_attrs = cms.CMSAttributes(
            [
                general.simple_cms_attribute("content_type", "tst_info"),
                general.simple_cms_attribute(
                    "signing_time", cms.Time({"utc_time": core.UTCTime(dt)})
                ),
                general.simple_cms_attribute(
                    "signing_certificate_v2",
                    general.as_signing_certificate_v2(self.tsa_cert, "sha256"),
                ),
                general.simple_cms_attribute("message_digest", digest.finalize()),
            ]
        )
        data = signed_attrs.dump()
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            signature = self._key.sign(data, ec.ECDSA(_HASHES[md_algorithm]()))
        else:
            signature = self._key.sign(data, padding.PKCS1v15(), _HASHES[md_algorithm]())
        return signature, signed_attrs

    def _build_signed_data(
        self,
        tst_info_data: bytes,
        md_algorithm: str,
        signature: bytes,
        signed_attrs: cms.CMSAttributes,
    ) -> dict[str, object]:
        signed_data = super()._build_signed_data(
            tst_info_data, md_algorithm, signature, signed_attrs
        )
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            signer_info = signed_data["signer_infos"][0]
            signer_info["signature_algorithm"] = algos.SignedDigestAlgorithm(
                {"algorithm": f"{md_algorithm}_ecdsa"}
            )
        return signed_data

    def request_tsa_response(self, req: tsp.TimeStampReq) -> TimeStampResp:
        algorithm = req["message_imprint"]["hash_algorithm"]["algorithm"].native
        if algorithm not in ACCEPTED_DIGESTS:
            return rejection("bad_alg")
        if req["version"].native != "v1":
            return rejection("bad_data_format")
        message_imprint: tsp.MessageImprint = req["message_imprint"]
        when = self._clock().astimezone(UTC).replace(microsecond=0)
        tst_info_data = self._build_tst_info(message_imprint, when, req).dump()
        signature, signed_attrs = self._sign_tst_info(tst_info_data, algorithm, when)
        signed_data = self._build_signed_data(tst_info_data, algorithm, signature, signed_attrs)
        token = cms.ContentInfo(
            {"content_type": cms.ContentType("signed_data"), "content": cms.SignedData(signed_data)}
        )
        granted = tsp.PKIStatusInfo({"status": tsp.PKIStatus("granted")})
        return TimeStampResp({"status": granted, "time_stamp_token": token})

    def respond(self, request_der: bytes) -> bytes:
        """The DER ``TimeStampResp`` for a DER ``TimeStampReq`` (what the TSA endpoint sends)."""
        try:
            req = tsp.TimeStampReq.load(request_der, strict=True)
            _ = req.native  # parse it all now, not halfway through the answer
        except Exception:  # asn1crypto raises ValueError, TypeError, ...
            return bytes(rejection("bad_data_format").dump())
        return bytes(self.request_tsa_response(req).dump())


def rejection(fail_info: str) -> TimeStampResp:
    """A TimeStampResp refusing the request with ``fail_info`` (RFC 3161 PKIFailureInfo)."""
    status = tsp.PKIStatusInfo(
        {"status": tsp.PKIStatus("rejection"), "fail_info": tsp.PKIFailureInfo({fail_info})}
    )
    return TimeStampResp({"status": status})


def make_timestamper(
    tsa_cert: x509.Certificate,
    tsa_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
    chain: list[x509.Certificate] | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
) -> LocalTimeStamper:
    """A timestamper signing real RFC 3161 tokens with ``tsa_key`` (no network)."""
    return LocalTimeStamper(tsa_cert, tsa_key, chain, clock=clock)


def http_timestamper(
    url: str, *, timeout: float = 10, bearer_token: str | None = None, key: str | None = None
) -> TimeStamper:
    """pyHanko's RFC 3161 HTTP client for the TSA at ``url`` (``bearer_token`` sent as
    ``Authorization: Bearer ...`` when given; ``key`` in ``QUERY_KEY_HEADER``).

    Its nonce is derived from the digest to be timestamped, not drawn at random: the same
    document always gives the same query, so a query an office hub held for a hub bundle is
    answered when the PC asks again (docs/office-hub.md, "Hub bundles"). The nonce still binds
    the reply to the query; the digest binds it to the document, so a reply replayed for the
    same query can only ever prove the same document."""
    headers: dict[str, str] = {}
    if bearer_token:
        headers["Authorization"] = f"Bearer {bearer_token}"
    if key:
        headers[QUERY_KEY_HEADER] = key
    return _repeatable_client()(url, timeout=timeout, headers=headers or None)


@functools.cache
def _repeatable_client() -> type[HTTPTimeStamper]:
    """``HTTPTimeStamper`` with the nonce of ``repeatable_nonce`` (made on first use: the HTTP
    client loads aiohttp, ``sync.pki.deferred_http``)."""

    class RepeatableHTTPTimeStamper(HTTPTimeStamper):
        def request_cms(self, message_digest: bytes, md_algorithm: str) -> tuple[int, Any]:
            _random, request = super().request_cms(message_digest, md_algorithm)
            nonce = repeatable_nonce(message_digest)
            request["nonce"] = nonce
            return nonce, request

    return RepeatableHTTPTimeStamper


def repeatable_nonce(message_digest: bytes) -> int:
    """A positive 8-byte nonce for ``message_digest`` (the width pyHanko's random ones have)."""
    head = hashlib.sha256(b"naskah-tsq-nonce\0" + message_digest).digest()[:7]
    return int.from_bytes(b"\x01" + head, "big")


def tsa_cert_pem(timestamper: LocalTimeStamper) -> bytes:
    """The TSA certificate as PEM (for publishing next to the endpoint)."""
    cert: asn1_x509.Certificate = timestamper.tsa_cert
    return x509.load_der_x509_certificate(cert.dump()).public_bytes(serialization.Encoding.PEM)
