"""The signing side of sync: trust material, signer certificates and document timestamps.

- ``refresh_trust``: fetch the root, TSA certificate and newest CRL when the server's CRL number
  (``SyncResponse.crl_number``) is newer than ours, or when we hold none.
- ``request_certificates``: send every pending CSR of this PC and install what comes back.
- ``timestamp_letters``: add the server's RFC 3161 document timestamp to each letter signed
  offline; each letter is its own transaction, so a dropped link loses nothing.

What the trust material, the certificates and the letters mean is the domain's business: it is
reached through the handlers it registered (``sync.client.domain``). A signer's whole online
enrolment (key, CSR, certificate) is ``desktop.seam.enrol_signer``.

Nothing here imports Qt; it runs on the sync thread with the sync's transport.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.store.db import Store
from desktop.store.errors import UserError
from sync.client import domain
from sync.client.errors import ServerFailed
from sync.client.transport import API, Transport, detail_of, parse_answer
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
        return domain.handlers().held_crl_number(session)


def refresh_trust(store: Store, link: Transport, server_crl_number: int | None = None) -> bool:
    """Fetch and keep the trust material when ours is missing or older; True if it changed."""
    held = held_crl_number(store)
    if held is not None and server_crl_number is not None and server_crl_number <= held:
        return False
    response = link.request("GET", f"{API}/pki/trust", allow=frozenset({503}))
    if response.status_code == 503:
        return False  # the server has no CA (yet): nothing to trust
    material = parse_answer(response, TrustMaterial)
    with store.write() as session:
        return domain.handlers().save_trust(session, material)


def newer_trust(store: Store, link: Transport, crl_number: int, report: PkiReport) -> None:
    """After the records: fetch a newer revocation list the server announced."""
    try:
        report.trust_updated |= refresh_trust(store, link, crl_number)
    except UserError as exc:  # refused trust, offline
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
            domain.handlers().record_certificate_refusal(
                session, request.person_id, request.csr_pem, message
            )
        return None
    issued = parse_answer(response, CertificateIssued)
    with store.write() as session:
        installed = domain.handlers().install_certificate(session, issued)
    if not installed:
        raise ServerFailed(_("Server mengirim sertifikat yang bukan untuk kunci di PC ini."))
    return issued


def request_certificates(store: Store, link: Transport) -> tuple[int, int]:
    """Send every pending request of this PC: (installed, refused)."""
    with store.read() as session:
        pending = domain.handlers().pending_certificate_requests(session)
    done = refused = 0
    for request in pending:
        if request_certificate(store, link, request) is None:
            refused += 1
        else:
            done += 1
    return done, refused


def timestamper_for(link: Transport, key: str | None = None) -> TimeStamper:
    """pyHanko's RFC 3161 client for the server's timestamp service, with this device's token
    (TLS verified as for every request; plain HTTP only to loopback, see the transport);
    ``key`` names what it timestamps (a letter's id: an office hub holds one query per key)."""
    from sync.pki import tsa

    auth = str(link.session.headers.get("Authorization", ""))
    return tsa.http_timestamper(
        link.base_url + f"{API}/pki/timestamp",
        bearer_token=auth.removeprefix("Bearer ") or None,
        timeout=int(link.timeout[1]),
        key=key,
    )


def timestamp_letters(store: Store, link: Transport) -> tuple[int, str]:
    """Timestamp every letter signed offline: (how many, the first error or "")."""
    done = 0
    handlers = domain.handlers()
    waiting = list(handlers.letters_to_timestamp(store))
    if not waiting:
        return 0, ""  # an idle sync builds no timestamper (pyHanko's costs seconds of CPU)
    for letter_id in waiting:
        try:
            handlers.add_timestamp(store, letter_id, timestamper_for(link, letter_id))
        except UserError as exc:
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
    except UserError as exc:  # refused trust, an unreadable certificate, offline
        report.error = exc.message
    return report
