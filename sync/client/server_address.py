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
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from desktop.i18n import _
from desktop.store import sync_models
from desktop.store.db import Store
from desktop.store.sync_models import SyncState
from sync.client import engine
from sync.client.errors import BadServerUrl, NotEnrolled, SyncError, TlsFailed
from sync.client.transport import API, Transport, check_server_url, fetch_root


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


# -- roaming between the office hub and central (docs/office-hub.md) ---------------------------

log = logging.getLogger("naskah.sync")
PATH_FILE = "sync-path.json"  # beside the store: the hub's address and the path last used
HUB = "hub"
CENTRAL = "central"
HUB_CONNECT_TIMEOUT = 3.0


def _path_file(store: Store) -> Path:
    return Path(store.data_dir) / PATH_FILE


def _read_path(store: Store) -> dict[str, str]:
    try:
        data = json.loads(_path_file(store).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_path(store: Store, data: dict[str, str]) -> None:
    target = _path_file(store)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, target)


def hub_address(store: Store) -> str:
    """The office hub's address this PC uses when it answers ("" when none is set)."""
    return _read_path(store).get("hub_url", "")


def check_hub_address(url: str) -> str:
    """The office hub's address as kept (``https://host[:port]``, or ``http://`` to this machine
    only); BadServerUrl with a message for the administrator who typed it."""
    raw = url.strip()
    parts = urlsplit(raw if "://" in raw else f"//{raw}")
    example = "https://192.168.1.10:8751"
    if not parts.scheme:
        raise BadServerUrl(
            _("Alamat server kantor harus diawali https://, misalnya {example}.").format(
                example=example
            )
        )
    try:
        return check_server_url(raw)
    except BadServerUrl:
        pass
    if parts.scheme == "http":
        message = _(
            "Alamat server kantor harus memakai https:// (koneksi aman dengan sertifikat dari CA "
            "organisasi); http:// hanya boleh untuk server di PC ini sendiri. Contoh: {example}"
        )
    else:
        message = _("Alamat server kantor tidak valid: {url}. Contoh: {example}")
    raise BadServerUrl(message.format(url=raw, example=example))


def set_hub_address(store: Store, url: str) -> str:
    """Remember the office hub's address (``https://``, or ``http://`` on this machine only);
    "" forgets it (every sync goes to central). BadServerUrl for anything else, and then the
    address kept before stays. Returns the address as kept."""
    data = _read_path(store)
    data["hub_url"] = check_hub_address(url) if url.strip() else ""
    _write_path(store, data)
    return data["hub_url"]


def probe_hub(store: Store, url: str) -> None:
    """Check that the hub at ``url`` answers as this PC's server, over TLS verified against the
    organisation's root this PC pinned (no trust on first use). Returns quietly when it does;
    raises a SyncError saying why not (NotEnrolled, NoRootYet, NotTheSameServer, or the
    transport's Offline, NoServer, TlsFailed). Network I/O: call it off the GUI thread."""
    with store.read() as session:
        state = sync_models.enrolment(session)
    if state is None:
        raise NotEnrolled()
    hub = check_hub_address(url)
    root = _pinned_root(store)
    if hub.startswith("https://") and not root:
        raise NoRootYet()
    link = Transport(hub, "", connect_timeout=HUB_CONNECT_TIMEOUT, ca_bundle=root)
    try:
        found = link.hello().hello
    finally:
        link.close()
    if state.server_id and found.server_id != state.server_id:
        raise NotTheSameServer(
            _(
                "Server di {url} bukan server kantor untuk PC ini (ID server berbeda dari server "
                "tempat PC ini terdaftar)."
            ).format(url=hub)
        )


class NoRootYet(SyncError):
    """The hub's TLS certificate cannot be checked: this PC holds no root of the organisation
    yet (it comes with a sync with central)."""

    retry = False

    def __init__(self) -> None:
        super().__init__(
            _(
                "PC ini belum menyimpan sertifikat akar organisasi untuk memeriksa server kantor. "
                "Sinkronkan sekali dengan server pusat, lalu coba lagi."
            )
        )


def enroll(
    store: Store,
    url: str,
    office_code: str,
    code: str,
    device_name: str | None = None,
    *,
    root_fingerprint: str = "",
) -> SyncState:
    """Enrol this PC at ``url``: central, or the office hub (docs/office-hub.md, "Enrolment
    through the hub"). ``engine.enroll``'s errors, and BadFingerprint / NoRootServed.

    With the ``root_fingerprint`` printed by ``hub enroll-code`` (a new PC holds no root yet to
    check the hub's TLS certificate against), the organisation's root is fetched from the hub
    and accepted only when it matches; the enrolment then goes over TLS verified against that
    root, and the root is pinned with the enrolment. Without one, the server's certificate is
    verified as always (central's public certificate; plain HTTP only on this machine).

    When the hub's answer names central, the PC keeps central as its server and the hub as its
    office hub, so it roams between them from its first sync."""
    ca_bundle = root = None
    if root_fingerprint.strip():
        root = fetch_root(url, root_fingerprint)
        ca_bundle = _root_file(store, root)
    link = Transport(url, ca_bundle=ca_bundle)
    try:
        state = engine.enroll(
            store, url, office_code, code, device_name, transport=link, root_pem=root, roam=True
        )
    except TlsFailed as exc:
        if root is None:  # perhaps a hub, whose certificate only the organisation's root proves
            exc.message += " " + _(
                "Bila ini server kantor, isi sidik jari akar yang dicetak bersama kode "
                "pendaftarannya."
            )
            exc.args = (exc.message,)
        raise
    finally:
        link.close()
    if state.server_url != link.base_url:  # a hub that named central: it is the office hub
        data = _read_path(store)
        data["hub_url"] = link.base_url
        _write_path(store, data)
    return state


def last_path(store: Store) -> str:
    """``hub`` or ``central``: the path of the last sync ("" before the first, or after a
    switch of path that a crash cut short)."""
    path = _read_path(store).get("path", "")
    return path if path in (HUB, CENTRAL) else ""


SWITCHING = "switching"  # noted while the cursor moves from one server's log to the other's


def _use_path(store: Store, path: str, url: str) -> None:
    """The change-log cursor belongs to one server's log. Central's place is kept when the PC
    moves to the hub and taken up again when it comes back, so a laptop that leaves the office
    (or a hub that is off for an hour) costs a pull of what central changed since, not of the
    whole office. The hub is always pulled from 0 when the PC moves to it (each record once,
    newest state, over the LAN): a replaced hub's new log could not be told from the old one.

    Crash-safe in this order: central's place is written down and the file marked ``switching``
    first, the cursor changed second, the new path written last. A crash in between leaves a file
    that names no path, and the next sync then starts its pull from 0 on the hub or from central's
    written place; it never uses one server's cursor with the other."""
    data = _read_path(store)
    old = data.get("path", "")
    if old == path and data.get("path_url") == url:
        return
    if path == CENTRAL and old in ("", CENTRAL):
        # Central's cursor stays central's at any of its addresses (an address change proves the
        # same server_id), and a PC with no path recorded has only ever synced with central.
        data.update(path=path, path_url=url)
        _write_path(store, data)
        return
    state = engine.state_of(store)
    if state is None:
        raise NotEnrolled()
    if old in ("", CENTRAL):
        data["central_cursor"] = str(state.cursor)
    data["path"] = SWITCHING
    _write_path(store, data)
    kept = data.get("central_cursor", "")
    engine.move_cursor(store, int(kept) if path == CENTRAL and kept.isdigit() else 0)
    data.update(path=path, path_url=url)
    _write_path(store, data)


def _pinned_root(store: Store) -> str | None:
    """A file holding the organisation's root this PC pinned (its trust material), the only
    authority a hub's TLS certificate is checked against; None when none is held yet."""
    with store.read() as session:
        trust = session.get(sync_models.TrustMaterial, 1)
        root = trust.root_pem if trust is not None else ""
    return _root_file(store, root) if root else None


def _root_file(store: Store, root: str) -> str:
    """``root`` (PEM) in the file beside the store that the transport verifies hubs with."""
    path = Path(store.data_dir) / "hub-root.pem"
    try:
        if path.read_text(encoding="utf-8") == root:
            return str(path)
    except OSError:
        pass
    tmp = path.with_suffix(".tmp")
    tmp.write_text(root, encoding="utf-8")
    os.replace(tmp, path)
    return str(path)


def sync_by_best_path(
    store: Store, *, ca_bundle: str | None = None, progress: engine.Progress | None = None
) -> tuple[str, engine.SyncReport]:
    """One sync through the office hub when it answers as this PC's server, else directly with
    central; returns the path used (``hub`` or ``central``) and the report. Mutation ids,
    request numbers, lease epochs and versions are the same on both paths.

    Cheap while in the office: when the last sync went through the hub at the same address, the
    sync goes straight there with no ``hello`` first (an idle sync is one request; the answer
    names its server, and one from another server is refused before anything of it is applied).
    If that sync fails (the hub is off, unreachable, broken, or refuses this PC), this one goes
    to central. A switch of path is made only towards a server that answered ``hello``, so a
    flaky hub in an office without internet does not reset the cursor twice per hiccup."""
    with store.read() as session:
        state = sync_models.enrolment(session)
    if state is None:
        raise NotEnrolled()
    token = sync_models.token(state.device_id)
    if not token:
        raise NotEnrolled(_("token tidak ada di keyring"))
    hub = hub_address(store)
    hub_ca = ca_bundle or _pinned_root(store)
    if hub and hub.startswith("https://") and not hub_ca:
        log.info("office hub %s not used: no root certificate held yet to verify it", hub)
        hub = ""
    if hub:
        link = Transport(hub, token, connect_timeout=HUB_CONNECT_TIMEOUT, ca_bundle=hub_ca)
        remembered = _read_path(store)
        try:
            if remembered.get("path") == HUB and remembered.get("path_url") == link.base_url:
                try:
                    return HUB, _sync_at_hub(store, link, progress)
                except SyncError as exc:
                    log.info("office hub %s failed, syncing with central: %s", hub, exc.message)
            else:
                found = link.hello().hello
                if not state.server_id or found.server_id == state.server_id:
                    _use_path(store, HUB, link.base_url)
                    return HUB, _sync_at_hub(store, link, progress)
        except SyncError as exc:  # not in the office (or the hub is off): central directly
            log.info("office hub %s not used: %s", hub, exc.message)
        finally:
            link.close()
    link = Transport(state.server_url, token, ca_bundle=ca_bundle)
    try:
        if last_path(store) == HUB:
            link.hello()  # switch only to a server that answers: the cursor stays otherwise
        _use_path(store, CENTRAL, link.base_url)
        return CENTRAL, engine.sync_once(store, transport=link, progress=progress)
    finally:
        link.close()


def _sync_at_hub(
    store: Store, link: Transport, progress: engine.Progress | None
) -> engine.SyncReport:
    """``engine.sync_once`` through the hub, its cursor checked against the hub's change log
    it counts in (``hub_log`` in ``sync-path.json``): a hub replaced by one rebuilt from central
    at the same address has another log, and the PC then pulls it from 0. The cursor is reset
    (in the store) before the new log is written down here, so a crash in between costs one
    more pull from 0, never a skipped change."""
    known = _read_path(store).get("hub_log", "")
    report = engine.sync_once(store, transport=link, progress=progress, log_id=known)
    if report.log_id != known:
        data = _read_path(store)
        data["hub_log"] = report.log_id
        _write_path(store, data)
    return report


def sync_best(store: Store, *, progress: engine.Progress | None = None) -> engine.SyncReport:
    """``sync_by_best_path`` for the scheduler and ``naskah sync``: the report alone (the path
    used is ``last_path(store)`` afterwards)."""
    return sync_by_best_path(store, progress=progress)[1]
