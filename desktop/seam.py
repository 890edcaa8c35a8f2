"""The seam between the domain (``desktop.letters``) and the sync client (``sync.client``).

Neither package imports the other (the import contract in pyproject.toml says so, and the test
run checks it). The sync client states what it needs from the domain as plain functions
(``sync.client.domain.DomainHandlers``); this module, above both, hands over the domain's
public functions that provide them. Whoever starts the program calls ``install()`` once before
any sync: ``naskah`` (``desktop.__main__.main``, GUI and every command) and the test suite
(tests/conftest.py). A sync without it stops with ``DomainMissing`` before it sends anything.

It also holds what is made of both halves: a signer's online enrolment (``enrol_signer``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sync.client import domain

if TYPE_CHECKING:
    from desktop.letters.accounts import CurrentUser
    from desktop.store.db import Store
    from desktop.store.sync_models import SignerCredential
    from sync.client.transport import Transport


def handlers() -> domain.DomainHandlers:
    """The domain's functions for the sync client (imported when the first sync asks)."""
    from desktop.letters import (
        classification,
        drafting,
        numbering,
        signed_letters,
        signer_keys,
        trust,
    )
    from sync.protocol import Entity

    return domain.DomainHandlers(
        keep_refused_edit={Entity.LETTER: drafting.keep_refused_edit},
        series_wanted=numbering.series_wanted,
        load_reference_data=classification.load_reference_if_missing,
        held_crl_number=trust.held_crl_number,
        save_trust=trust.save,
        pending_certificate_requests=signer_keys.pending_requests,
        install_certificate=signer_keys.install_certificate,
        record_certificate_refusal=signer_keys.record_refusal,
        letters_to_timestamp=signed_letters.letters_to_timestamp,
        add_timestamp=signed_letters.add_timestamp,
    )


def install() -> None:
    """Register the domain's handlers with the sync client (cheap: nothing is imported until
    the first sync). Safe to call more than once."""
    domain.register(handlers)


def enrol_signer(
    store: Store, user: CurrentUser, passphrase: str, link: Transport
) -> SignerCredential:
    """The signer's online enrolment: key + CSR on this PC, certificate from the server.

    Raises WeakPassphrase before anything is made; EnrolRefused with the server's reason; a
    SyncError when offline (the request then stays pending and goes with the next sync)."""
    from desktop.letters import signer_keys
    from sync.client import pki
    from sync.client.errors import EnrolRefused
    from sync.protocol import CertificateRequest

    pki.refresh_trust(store, link)
    credential = signer_keys.prepare_request(store, user, passphrase)
    issued = pki.request_certificate(
        store, link, CertificateRequest(person_id=user.id, csr_pem=credential.csr_pem)
    )
    if issued is None:
        raise EnrolRefused(signer_keys.status(store, user.id).message)
    return credential
