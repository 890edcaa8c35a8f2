"""Move an enrolled PC to its server's new address (a new domain, IP or port).

The PC keeps its enrolment (device, token, cursor, leases): only ``sync_state.server_url``
changes, and only after the new address has proved to be the same server:

- the address follows the transport's rules: ``https://``, or plain ``http://`` to this
  machine only; TLS certificates are verified as always (no way to turn that off here);
- it answers ``hello`` as a Naskah server with the ``server_id`` this PC enrolled with (a PC
  enrolled before server ids were recorded adopts the one it finds, once its token is accepted);
- it accepts this device's token (a harmless authenticated request): a revoked device or a
  server that lost the device is told so, and nothing changes.

Nothing here imports Qt; call it off the GUI thread (it does network I/O).
"""

from __future__ import annotations

import io
import json

from desktop.i18n import _
from desktop.store import sync_models
from desktop.store.db import Store
from desktop.store.sync_models import SyncState
from sync.client.errors import NotEnrolled, SyncError
from sync.client.transport import API, Transport, check_server_url


class NotTheSameServer(SyncError):
    """The new address answers, but as another Naskah server (another ``server_id``)."""

    retry = False


def change_server_address(
    store: Store, new_url: str, *, transport: Transport | None = None
) -> SyncState:
    """Point this enrolled PC at ``new_url`` once it proves to be the same server; the new
    state. Raises BadServerUrl, NotEnrolled (no enrolment, no token, or the server refuses the
    token: e.g. the device was revoked), NotTheSameServer, or the transport's errors (Offline,
    NoServer, TlsFailed, UpgradeRequired); on any error the address is left as it was."""
    with store.read() as session:
        state = sync_models.enrolment(session)
    if state is None:
        raise NotEnrolled()
    url = check_server_url(new_url)
    token = sync_models.token(state.device_id)
    if not token:
        raise NotEnrolled(_("token tidak ada di keyring"))
    link = transport or Transport(url, token)
    url = link.base_url
    try:
        hello = link.hello().hello
        if state.server_id and hello.server_id != state.server_id:
            raise NotTheSameServer(
                _(
                    "Server di {url} bukan server tempat PC ini terdaftar (ID server berbeda); "
                    "alamat tidak diubah."
                ).format(url=url)
            )
        # The token must be accepted there too (401 raises NotEnrolled with the reason).
        body = json.dumps({"hashes": []}).encode()
        link.request(
            "POST",
            f"{API}/blobs/missing",
            data=io.BytesIO(body),
            headers={"Content-Type": "application/json"},
        )
    finally:
        if transport is None:
            link.close()
    with store.write() as session:
        current = sync_models.enrolment(session)
        if current is None or current.device_id != state.device_id:
            raise NotEnrolled()  # enrolled again meanwhile: leave that enrolment alone
        current.server_url = url
        if not current.server_id:
            current.server_id = hello.server_id
        current.last_error = ""
        session.add(current)
    with store.read() as session:
        updated = sync_models.enrolment(session)
    assert updated is not None
    return updated
