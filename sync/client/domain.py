"""What the sync client needs from the domain, handed over once at start-up.

``sync.client`` imports the store, ``sync.protocol``, ``sync.pki`` and sync's shared modules,
never ``desktop.letters`` (the contract in pyproject.toml fails the test run if it does). The
few things only the domain knows (how a refused edit of a letter is kept as a new draft, which
number series to lease, the shipped reference data a fresh PC needs, trust material, signer
certificates, document timestamps) are functions of ``desktop.letters`` that take plain data;
``desktop.seam.install()`` registers them here, and the app, the CLI and the test suite call it
at start-up. Every entry point of the sync client (``engine.enroll``, ``engine.sync_once``,
``bundle.export_bundle``, ``bundle.import_reply``) asks for them first, so a sync without them
stops with ``DomainMissing`` before it sends or changes anything: a bug in how the program was
started, never something a clerk can fix.

The handlers are loaded on first use (``register`` takes a function that returns them), so
registering costs nothing at start-up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sync.protocol import CertificateIssued, CertificateRequest, Entity, TrustMaterial

if TYPE_CHECKING:
    from pyhanko.sign.timestamps import TimeStamper
    from sqlmodel import Session

    from desktop.store.db import Store

# (session, the refused edit's fields, the server's record, the server's reason) -> the id of
# the new record that keeps the edit, written with its outbox row and audit entry.
KeepRefusedEdit = Callable[["Session", dict[str, Any], dict[str, Any], str], str]


@dataclass(frozen=True)
class DomainHandlers:
    """The domain's side of the seam. Each function runs in the caller's transaction when it
    takes a session; those that take the store open their own."""

    # Refused writes: per entity kind, how the domain keeps a refused edit as a new record
    # (a letter edit refused because the letter was signed becomes a new draft). Kinds not
    # listed are kept as a local conflict record for a person to look at.
    keep_refused_edit: Mapping[Entity, KeepRefusedEdit]
    # The number series this PC may issue from, so that the server leases each of them.
    series_wanted: Callable[[Session], list[str]]
    # At enrolment: load the shipped reference data (classification codes) into a fresh PC.
    load_reference_data: Callable[[Session], None]
    # Trust material: the revocation list number held (None: no trust yet), and keeping newer
    # material (True if it changed; raises a UserError when the root does not match).
    held_crl_number: Callable[[Session], int | None]
    save_trust: Callable[[Session, TrustMaterial], bool]
    # Signer enrolment: this PC's pending certificate requests, installing the server's
    # certificate (False: not for a key of this PC) and keeping its refusal.
    pending_certificate_requests: Callable[[Session], list[CertificateRequest]]
    install_certificate: Callable[[Session, CertificateIssued], bool]
    record_certificate_refusal: Callable[[Session, str, str, str], None]
    # Document timestamps: the letters signed offline still without one (ids, oldest first),
    # and adding one to a letter in its own transaction (raises a UserError when the server's
    # timestamp cannot be had).
    letters_to_timestamp: Callable[[Store], list[str]]
    add_timestamp: Callable[[Store, str, TimeStamper], object]


class DomainMissing(RuntimeError):
    """The sync client was used before the domain registered its handlers (a bug)."""

    def __init__(self) -> None:
        super().__init__(
            "sync.client needs the domain's handlers: call desktop.seam.install() at start-up"
        )


_lock = threading.Lock()
_source: Callable[[], DomainHandlers] | None = None
_loaded: DomainHandlers | None = None


def register(source: Callable[[], DomainHandlers]) -> None:
    """Register the function that returns the domain's handlers (called on first use)."""
    global _source, _loaded
    with _lock:
        _source, _loaded = source, None


def unregister() -> None:
    """Forget the handlers (tests prove that nothing syncs without them)."""
    global _source, _loaded
    with _lock:
        _source, _loaded = None, None


def registered() -> Callable[[], DomainHandlers] | None:
    """The registered source of the handlers, if any (to put it back after ``unregister``)."""
    return _source


def handlers() -> DomainHandlers:
    """The domain's handlers; DomainMissing when none were registered."""
    global _loaded
    with _lock:
        if _loaded is None:
            if _source is None:
                raise DomainMissing()
            _loaded = _source()
        return _loaded
