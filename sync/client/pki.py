"""The signing side of sync: trust material, signer certificates and document timestamps.

- ``refresh_trust``: fetch the root, TSA certificate and newest CRL when the server's CRL number
  (``SyncResponse.crl_number``) is newer than ours, or when we hold none.
- ``request_certificates``: send every pending CSR of this PC and install what comes back.
- ``enrol_signer``: a signer's whole online enrolment (key + CSR + certificate) in one call.
- ``timestamp_letters``: add the server's RFC 3161 document timestamp to each letter signed
  offline; each letter is its own transaction, so a dropped link loses nothing.

Nothing here imports Qt; it runs on the sync thread with the sync's transport.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.letters import signed_letters, signer_keys, trust
from desktop.letters.accounts import CurrentUser
from desktop.letters.errors import ServiceError
from desktop.signing.errors import TimestampFailed
from desktop.store.db import Store
from desktop.store.sync_models import SignerCredential
from sync.client.errors import EnrolRefused, ServerFailed, SyncError
from sync.client.transport import API, Transport, detail_of
from sync.protocol import CertificateIssued, CertificateRequest, TrustMaterial

if TYPE_CHECKING:
    from pyhanko.sign.timestamps import TimeStamper

log = logging.getLogger(__name__)


@dataclass
class PkiReport:
    trust_updated: bool = False
    certificates: int = 0
    refused: int = 0
    timestamped: int = 0
    error: str = ""  # the first problem (refused trust, unreadable certificate, a failed timestamp)


def held_crl_number(store: Store) -> int | None:
    with store.read() as session:
        held = trust.load(session)
    return held.crl_number if held is not None else None


def refresh_trust(store: Store, link: Transport, server_crl_number: int | None = None) -> bool:
    """Fetch and keep the trust material when ours is missing or older; True if it changed."""
    held = held_crl_number(store)
    if held is not None and server_crl_number is not None and server_crl_number <= held:
        return False
    response = link.request("GET", f"{API}/pki/trust", allow=frozenset({503}))
    if response.status_code == 503:
        return False  # the server has no CA (yet): nothing to trust
    material = Transport._parse(response, TrustMaterial)
    with store.write() as session:
        return trust.save(session, material)


def newer_trust(store: Store, link: Transport, crl_number: int, report: PkiReport) -> None:
    """After the records: fetch a newer revocation list the server announced."""
    try:
        report.trust_updated |= refresh_trust(store, link, crl_number)
    except (ServiceError, SyncError) as exc:
        report.error = exc.message


def request_certificate(
    store: Store, link: Transport, request: CertificateRequest
) -> CertificateIssued | None:
    """Send one CSR; install the certificate. A refusal is kept on the request (shown to the
    signer) and returned as None; a failed connection raises and leaves the request pending."""
    response = link.request(
        "POST",
        f"{API}/pki/certificates",
        json=request.model_dump(),
        allow=frozenset({403, 404, 422}),
    )
    if response.status_code in (403, 404, 422):
        message = detail_of(response)
        with store.write() as session:
            signer_keys.record_refusal(session, request.person_id, request.csr_pem, message)
        return None
    issued = Transport._parse(response, CertificateIssued)
    with store.write() as session:
        installed = signer_keys.install_certificate(session, issued)
    if not installed:
        raise ServerFailed(_("Server mengirim sertifikat yang bukan untuk kunci di PC ini."))
    return issued


def request_certificates(store: Store, link: Transport) -> tuple[int, int]:
    """Send every pending request of this PC: (installed, refused)."""
    with store.read() as session:
        pending = signer_keys.pending_requests(session)
    done = refused = 0
    for request in pending:
        if request_certificate(store, link, request) is None:
            refused += 1
        else:
            done += 1
    return done, refused


def enrol_signer(
    store: Store, user: CurrentUser, passphrase: str, link: Transport
) -> SignerCredential:
    """The signer's online enrolment: key + CSR here, certificate from the server.

    Raises WeakPassphrase before anything is made; EnrolRefused with the server's reason; a
    SyncError when offline (the request then stays pending and goes with the next sync)."""
    refresh_trust(store, link)
    credential = signer_keys.prepare_request(store, user, passphrase)
    issued = request_certificate(
        store, link, CertificateRequest(person_id=user.id, csr_pem=credential.csr_pem)
    )
    if issued is None:
        status = signer_keys.status(store, user.id)
        raise EnrolRefused(status.message)
    return credential


def timestamper_for(link: Transport) -> TimeStamper:
    """pyHanko's RFC 3161 client for the server's timestamp service, with this device's token
    (TLS verified as for every request; plain HTTP only to loopback, see the transport)."""
    from sync.pki import tsa

    auth = str(link.session.headers.get("Authorization", ""))
    return tsa.http_timestamper(
        link.base_url + f"{API}/pki/timestamp",
        bearer_token=auth.removeprefix("Bearer ") or None,
        timeout=int(link.timeout[1]),
    )


def timestamp_letters(store: Store, link: Transport) -> tuple[int, str]:
    """Timestamp every letter signed offline: (how many, the first error or "")."""
    done = 0
    stamper = timestamper_for(link)
    for letter_id in signed_letters.letters_to_timestamp(store):
        try:
            signed_letters.add_timestamp(store, letter_id, stamper)
        except TimestampFailed as exc:
            log.warning("timestamp failed for a letter: %s", exc.message)
            return done, exc.message
        done += 1
    return done, ""


def sync_signing(store: Store, link: Transport) -> PkiReport:
    """The signing part of one sync, run by the engine before records go up (so timestamped
    letters go up in the same sync): pending certificate requests, timestamps. Both cost no
    request when there is nothing to do; the trust material follows the server's CRL number
    after the records (``newer_trust``). A server without a CA, or any failure here, never
    fails the record sync."""
    report = PkiReport()
    try:
        report.certificates, report.refused = request_certificates(store, link)
        report.timestamped, report.error = timestamp_letters(store, link)
    except (ServiceError, SyncError) as exc:  # refused trust, an unreadable certificate, offline
        report.error = exc.message
    return report
