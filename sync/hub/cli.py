"""``naskah-server hub ...``: enrol a hub with central, and run it (docs/office-hub.md).

    naskah-server hub enroll --central URL --office KEC-WMN --code CODE --token-file FILE
    naskah-server hub enroll-code --db hub.db [--hours 24]
    naskah-server hub backup --db hub.db --blobs DIR --to FOLDER
    naskah-server hub restore --db hub.db --blobs DIR --from FOLDER      (the hub stopped)
    naskah-server hub serve --central URL --token-file FILE --db hub.db --blobs DIR
                            [--host 0.0.0.0] [--port 8751] [--certfile F --keyfile F]
                            [--central-ca FILE] [--interval 5] [--announce]

The administrator of central then makes the enrolled device a hub:
``naskah-server hub allow DEVICE_ID --db ...``. The hub serves its LAN over TLS (a certificate
from the organisation's CA: ``--certfile``/``--keyfile``); without them it listens on loopback
only.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sync.protocol import CLIENT_PROTOCOL_HEADER, PROTOCOL_VERSION, EnrollResponse

if TYPE_CHECKING:
    from sync.hub.upstream import RoundReport

log = logging.getLogger("naskah.hub")
WAKE_QUIET_S = 0.3  # relay once no PC request has come for this long


# The files of a hub's data folder (``naskah-hub``: sync/hub/program.py).
TOKEN_FILE = "hub-token"
DB_FILE = "hub.db"
BLOB_DIR = "blobs"
# Told after every upstream round: the report, or why the round did not go through.
RoundWatcher = Callable[["RoundReport | None", str], None]


class HubRefused(Exception):
    """A hub command that cannot go on; the message says why."""


def _file_arg(
    parser: argparse.ArgumentParser, flag: str, default: Path | str | None, **kw: Any
) -> None:
    """``flag`` is required unless the program gives a default (``naskah-hub``'s data folder)."""
    if default is None:
        parser.add_argument(flag, required=True, **kw)
    else:
        parser.add_argument(flag, default=default, help=f"default {default}", **kw)


def add_commands(sub: Any, home: Path | None = None) -> None:
    """The hub commands under ``naskah-server hub`` (``sub``: its sub-parsers). With ``home``
    (``naskah-hub``'s data folder), the token, database and blob folder default to its files."""
    enroll = sub.add_parser("enroll", help="enrol this hub with central as a device")
    enroll.add_argument("--central", required=True, help="central server's address")
    enroll.add_argument("--office", required=True, help="office code")
    enroll.add_argument("--code", required=True, help="one-time enrolment code")
    _file_arg(enroll, "--token-file", home and home / TOKEN_FILE, type=Path)
    enroll.add_argument("--name", default="Server kantor")
    enroll.add_argument("--central-ca", help="CA bundle to verify central's TLS certificate")

    code = sub.add_parser(
        "enroll-code", help="a one-time code to enrol a PC through this hub (central not needed)"
    )
    _file_arg(code, "--db", home and str(home / DB_FILE))
    code.add_argument("--hours", type=float, default=24, help="validity (default 24)")

    serve = sub.add_parser("serve", help="serve the office's PCs and relay to central")
    serve.add_argument("--central", required=True)
    _file_arg(serve, "--token-file", home and home / TOKEN_FILE, type=Path)
    _file_arg(serve, "--db", home and str(home / DB_FILE))
    _file_arg(serve, "--blobs", home and str(home / BLOB_DIR))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8751)
    serve.add_argument("--certfile", help="TLS certificate (from the organisation's CA)")
    serve.add_argument("--keyfile", help="its private key")
    serve.add_argument("--central-ca", help="CA bundle to verify central's TLS certificate")
    serve.add_argument("--interval", type=float, default=5.0, help="seconds between rounds")
    serve.add_argument("--lease-block", type=int, default=10, help="numbers per PC sub-lease")
    serve.add_argument("--announce", action="store_true", help="announce it on the LAN (mDNS)")

    files = (str(home / DB_FILE), str(home / BLOB_DIR)) if home else (None, None)
    keep = sub.add_parser("backup", help="copy the hub's database and files (while it runs)")
    back = sub.add_parser(
        "restore", help="put a backup back (hub stopped; PCs reconcile with it: no loss)"
    )
    for command in (keep, back):
        _path_arg(command, "--db", files[0], "the hub's SQLite file")
        _path_arg(command, "--blobs", files[1], "the hub's blob directory")
    keep.add_argument("--to", required=True, type=Path, help="the backup folder")
    back.add_argument("--from", dest="source", required=True, type=Path, help="a backup folder")
    add_bundle_commands(
        sub, *files
    )  # the office's upstream round by USB stick (sync/hub/bundle.py)


def _path_arg(parser: argparse.ArgumentParser, flag: str, default: str | None, help: str) -> None:
    """``flag`` is required unless the program gives a default (``naskah-hub``'s files)."""
    if default is None:
        parser.add_argument(flag, required=True, help=help)
    else:
        parser.add_argument(flag, default=default, help=f"{help} (default {default})")


def add_bundle_commands(sub: Any, db_file: str | None = None, blob_dir: str | None = None) -> None:
    """``hub bundle export|import-reply`` (``sub``: the hub's sub-parsers; ``db_file`` and
    ``blob_dir``: the hub program's own, as defaults)."""
    bundle = sub.add_parser("bundle", help="the office's upstream sync by USB stick")
    bundle_sub = bundle.add_subparsers(dest="hub_bundle_command", required=True)
    export = bundle_sub.add_parser("export", help="write what the hub would send to central")
    reply = bundle_sub.add_parser("import-reply", help="take central's reply to the bundle")
    for command in (export, reply):
        _path_arg(command, "--db", db_file, "the hub's SQLite file")
        _path_arg(command, "--blobs", blob_dir, "the hub's blob directory")
    export.add_argument("--out", required=True, type=Path, help="the bundle file to write")
    reply.add_argument("--in", dest="reply", required=True, type=Path, help="the reply file")


def run(args: argparse.Namespace) -> int:
    if args.hub_command == "enroll":
        return _enroll(args)
    if args.hub_command == "enroll-code":
        return _enrol_code(args)
    if args.hub_command == "bundle":
        from sync.hub import bundle

        return bundle.run(args)
    if args.hub_command in ("backup", "restore"):
        return _backup_or_restore(args)
    return serve(args)


def _backup_or_restore(args: argparse.Namespace) -> int:
    from sync.hub import restore

    try:
        db_file = restore.sqlite_path(args.db)
        if args.hub_command == "backup":
            made = restore.backup(db_file, Path(args.blobs), args.to)
            print(f"backup of log {made.log_id} in {made.folder} ({made.blobs} new files)")
            return 0
        put = restore.restore(db_file, Path(args.blobs), args.source)
    except restore.RestoreRefused as exc:
        raise HubRefused(str(exc)) from exc
    print(
        f"restored the backup made {put.made_at} ({put.blobs} files put back). The hub has a "
        "new change log: each PC pulls it from the start and sends back what the backup lacks."
    )
    return 0


def _enrol_code(args: argparse.Namespace) -> int:
    """A code that only this hub accepts (central does not know it), so it is used at most
    once whichever way the PC goes (docs/office-hub.md, "Enrolment through the hub")."""
    from sqlalchemy import select

    from sync.hub import mirror
    from sync.hub.forward import held_trust
    from sync.pki.tls import root_fingerprint
    from sync.server import admin, db

    engine = db.make_engine(args.db)
    try:
        office = mirror.office_id(engine)
        if office is None:
            raise HubRefused("this hub has not reached central yet: it knows no office")
        with db.read_tx(engine) as conn:
            office_code = conn.execute(
                select(db.offices.c.code).where(db.offices.c.id == office)
            ).scalar()
        code = admin.make_enrol_code(engine, str(office_code), args.hours)
        trust = held_trust(engine)
    finally:
        engine.dispose()
    print(code)  # alone on its line: scripts take the first line
    if trust is not None:
        # A new PC holds no root to check this hub's TLS certificate against: the person
        # enrolling it types this (docs/office-hub.md, "Enrolment through the hub").
        print(f"root fingerprint: {root_fingerprint(trust.root_pem)}")
    else:
        print("(no root from central yet: a PC can enrol here only over http:// on this machine)")
    return 0


def _enroll(args: argparse.Namespace) -> int:
    import requests

    response = requests.post(
        args.central.rstrip("/") + "/api/v1/enroll",
        json={"office_code": args.office, "enrol_code": args.code, "device_name": args.name},
        headers={CLIENT_PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
        verify=args.central_ca or True,
        timeout=30,
    )
    if response.status_code != 200:
        raise HubRefused(f"central refused the enrolment: {response.text[:300]}")
    answer = EnrollResponse.model_validate(response.json())
    fd = os.open(args.token_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(answer.token)
    print(answer.device_id)
    return 0


def serve(args: argparse.Namespace, on_round: RoundWatcher | None = None) -> int:
    """Serve the office's PCs until stopped, relaying to central; ``on_round`` is told of every
    upstream round (``naskah-hub status`` shows the last one)."""
    import uvicorn

    from sync.hub import memory, mirror
    from sync.hub.app import create_hub_app
    from sync.hub.upstream import CentralUnreachable, Upstream
    from sync.server import db
    from sync.server.settings import Settings

    if args.host not in ("127.0.0.1", "::1", "localhost") and not args.certfile:
        raise HubRefused("a hub on the LAN serves TLS only: give --certfile and --keyfile")
    memory.limit_arenas()  # before any thread exists
    token = args.token_file.read_text(encoding="utf-8").strip()
    blob_dir = Path(args.blobs)
    blob_dir.mkdir(parents=True, exist_ok=True)
    engine = db.make_engine(args.db)
    mirror.create_schema(engine)
    upstream = Upstream(engine, blob_dir, args.central, token, ca_bundle=args.central_ca)
    told: RoundWatcher = on_round or (lambda _report, _error: None)
    while mirror.office_id(engine) is None:  # a new hub rebuilds itself from central first
        try:
            told(upstream.round(), "")
        except CentralUnreachable as exc:
            told(None, f"central unreachable: {exc}")
            print(f"naskah-server hub: waiting for central: {exc}", file=sys.stderr, flush=True)
            time.sleep(min(args.interval, 5.0))
    wake = threading.Event()
    stop = threading.Event()
    engines = [engine]  # and the app's, once made

    def loop() -> None:
        while not stop.is_set():
            woken = wake.wait(args.interval)
            if woken:
                # A PC's sync is usually several requests: let it finish before relaying, so
                # the relay does not take the database's write lock between its requests.
                while wake.wait(WAKE_QUIET_S):
                    wake.clear()
            wake.clear()
            try:
                report = upstream.round()
                if report.relayed or report.adopted:
                    log.info("upstream round: %s", report)
                told(report, "")
            except CentralUnreachable as exc:
                log.info("central unreachable: %s", exc)
                told(None, f"central unreachable: {exc}")
            except Exception as exc:
                log.exception("upstream round failed")
                told(None, f"upstream round failed: {exc}")
            if woken:  # the PCs went quiet: their connections' page caches go too
                for idle in engines:
                    idle.dispose()
            memory.trim(collect=woken)  # what the PCs' requests and this round freed

    threading.Thread(target=loop, name="hub-upstream", daemon=True).start()
    settings = Settings(
        db_url=args.db,
        blob_dir=blob_dir,
        lease_block=args.lease_block,
        central_url=args.central.rstrip("/"),
        # A PC request is relayed whole: the hub takes no more mutations than central does.
        max_mutations=mirror.central_limit(engine, Settings.max_mutations),
    )
    app = create_hub_app(settings, wake.set, upstream)
    engines.append(app.state.engine)
    print(f"naskah hub serving office {mirror.office_id(engine)}", flush=True)
    announced = None
    if args.announce:  # to be found only: PCs trust the hub through its TLS certificate
        from sync.hub.announce import announce

        announced = announce(engine, host=args.host, port=args.port, tls=bool(args.certfile))
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        log_level="warning",
        timeout_keep_alive=5,
    )
    if announced is not None:
        announced.close()
    stop.set()
    return 0
