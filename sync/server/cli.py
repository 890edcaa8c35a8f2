"""``naskah-server``: initialise, serve and administer the central sync server.

    naskah-server init --db URL --blobs DIR [--org NAME] [--public-url URL] [--no-ca]
    naskah-server serve --db URL --blobs DIR [--host 127.0.0.1] [--port 8750]
                        [--ca-passphrase-file FILE] [--public-url URL] [--cert-days 365]
    naskah-server office add --db URL --code KEC-WMN --name "Kecamatan Wamena"
    naskah-server enroll-code --db URL --office KEC-WMN [--hours 24]
    naskah-server bundle import FILE --reply REPLY --db URL --blobs DIR
    naskah-server cert list --db URL [--office KEC-WMN]
    naskah-server cert revoke SERIAL --db URL [--reason key_compromise]
    naskah-server ca info --db URL
    naskah-server device list --db URL [--office KEC-WMN]
    naskah-server device revoke DEVICE_ID --db URL
    naskah-server hub allow DEVICE_ID --db URL      (make an enrolled device an office hub)
    naskah-server hub enroll|serve ...              (run an office hub: sync/hub/cli.py)

``--db`` takes a SQLite file path (default ``naskah-server.db`` in the current directory),
``sqlite:///path`` or ``postgresql://user:pass@host/dbname`` (driven by psycopg 3).

``serve`` (and PostgreSQL) need the server's dependencies, the ``server`` extra; without them
every command says which extra to install instead of failing with a traceback.

The CA passphrase (docs/admin-guide.md, "The organisation's CA") is never a command-line
argument: it comes from ``--ca-passphrase-file`` (e.g. a systemd credential), the environment
variable ``NASKAH_CA_PASSPHRASE``, a systemd credential named ``naskah-ca-passphrase`` in
``$CREDENTIALS_DIRECTORY``, or a prompt when a terminal is attached (``init``, ``cert revoke``).
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from sqlalchemy import Engine, select

from sync.pki import ca
from sync.server import admin, db, pki

DEFAULT_DB = "naskah-server.db"
DEFAULT_BLOBS = "naskah-blobs"
# Modules of the ``server`` extra (and what they pull in): a command that needs one without it
# says which extra to install.
SERVER_EXTRA_MODULES = frozenset(
    {"fastapi", "starlette", "uvicorn", "psycopg", "psycopg_binary", "psycopg_c", "h11", "anyio"}
)
INSTALL_SERVER_EXTRA = 'pip install "naskah[server]"'


class _Refused(Exception):
    """A command that cannot go on; the message says why (exit status 1)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="naskah-server", description="Naskah sync server")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--db",
            default=DEFAULT_DB,
            help="SQLite file or postgresql://... URL (default: %(default)s)",
        )
        return p

    def with_passphrase_file(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--ca-passphrase-file",
            type=Path,
            help=f"file holding the CA passphrase (else ${pki.PASSPHRASE_ENV}, a systemd "
            f"credential {pki.CREDENTIAL_NAME!r}, or a prompt)",
        )
        return p

    def with_public_url(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--public-url",
            default="",
            help="public base address of this server, e.g. https://naskah.example.go.id "
            "(verification addresses in QR codes; remembered in the database)",
        )
        return p

    def with_cert_days(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--cert-days",
            type=int,
            default=ca.DEFAULT_SIGNER_DAYS,
            help="validity of signer certificates in days (default %(default)s)",
        )
        return p

    init = with_db(sub.add_parser("init", help="create the database, blob directory and CA"))
    init.add_argument("--blobs", default=DEFAULT_BLOBS, help="blob directory")
    init.add_argument(
        "--org",
        default=pki.DEFAULT_ORGANISATION,
        help="organisation named in the CA certificates (default: %(default)s)",
    )
    init.add_argument("--no-ca", action="store_true", help="do not create the CA (yet)")
    init.add_argument(
        "--tsa-policy",
        metavar="OID",
        help="the policy OID the timestamp tokens name (default: one made for this server "
        "under the UUID arc 2.25; give your organisation's registered OID if it has one)",
    )
    with_passphrase_file(init)
    with_public_url(init)

    serve = with_db(sub.add_parser("serve", help="serve the sync API with uvicorn"))
    serve.add_argument("--blobs", default=DEFAULT_BLOBS, help="blob directory")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--lease-block", type=int, default=50, help="numbers per lease grant")
    serve.add_argument(
        "--lease-reserve-max",
        type=int,
        default=500,
        metavar="N",
        help="the most unused numbers per series a PC's administrator may ask it to hold "
        "before going offline for long (0: none; default %(default)s)",
    )
    serve.add_argument(
        "--time-zone",
        default="Asia/Jakarta",
        help="time zone of the verification page (Asia/Jakarta, Asia/Makassar, Asia/Jayapura)",
    )
    serve.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="address or network (CIDR) of a reverse proxy in front of this server, e.g. "
        "127.0.0.1; only requests from it have their X-Forwarded-For believed (per-address "
        "limits). Repeat it or separate with commas",
    )
    with_passphrase_file(serve)
    with_public_url(serve)
    with_cert_days(serve)

    hub = sub.add_parser("hub", help="office hubs on the LAN (docs/office-hub.md)")
    hub_sub = hub.add_subparsers(dest="hub_command", required=True)
    allow = with_db(hub_sub.add_parser("allow", help="make an enrolled device an office hub"))
    allow.add_argument("device_id")
    hub_cert = with_passphrase_file(
        with_db(hub_sub.add_parser("cert", help="issue a hub's TLS certificate from the CA"))
    )
    hub_cert.add_argument(
        "--host", action="append", required=True, help="an address PCs dial (IP or name)"
    )
    hub_cert.add_argument("--cert-out", required=True, type=Path)
    hub_cert.add_argument("--key-out", required=True, type=Path)
    hub_cert.add_argument("--days", type=int, default=397)
    from sync.hub.cli import add_commands as add_hub_commands

    add_hub_commands(hub_sub)

    office = sub.add_parser("office", help="manage offices")
    office_sub = office.add_subparsers(dest="office_command", required=True)
    add = with_db(office_sub.add_parser("add", help="add an office"))
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)

    code = with_db(sub.add_parser("enroll-code", help="print a one-time enrolment code"))
    code.add_argument("--office", required=True, help="office code")
    code.add_argument("--hours", type=float, default=24, help="validity (default 24)")

    bundle = sub.add_parser("bundle", help="sync by USB stick")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", required=True)
    imp = with_db(bundle_sub.add_parser("import", help="apply a PC's bundle, write the reply"))
    imp.add_argument("file", type=Path, help="the bundle from the PC")
    imp.add_argument("--reply", type=Path, required=True, help="the reply file to write")
    imp.add_argument("--blobs", default=DEFAULT_BLOBS, help="blob directory")
    with_passphrase_file(imp)
    with_cert_days(imp)

    cert = sub.add_parser("cert", help="signer certificates")
    cert_sub = cert.add_subparsers(dest="cert_command", required=True)
    listing = with_db(cert_sub.add_parser("list", help="list issued certificates"))
    listing.add_argument("--office", help="only this office (code)")
    revoke = with_db(cert_sub.add_parser("revoke", help="revoke a certificate"))
    revoke.add_argument("serial", help="serial number (hex, as `cert list` prints it)")
    revoke.add_argument("--reason", choices=list(pki.REASONS), default="unspecified")
    with_passphrase_file(revoke)

    ca_cmd = sub.add_parser("ca", help="the organisation's CA")
    ca_sub = ca_cmd.add_subparsers(dest="ca_command", required=True)
    with_db(ca_sub.add_parser("info", help="show the CA, TSA and newest CRL"))

    device = sub.add_parser("device", help="enrolled PCs")
    device_sub = device.add_subparsers(dest="device_command", required=True)
    devices = with_db(device_sub.add_parser("list", help="list enrolled devices"))
    devices.add_argument("--office", help="only this office (code)")
    cut = with_db(device_sub.add_parser("revoke", help="revoke a device (a lost or stolen PC)"))
    cut.add_argument("device_id", help="the device id, as `device list` prints it")
    stored = sub.add_parser("records", help="the offices' stored records")
    stored_sub = stored.add_subparsers(dest="records_command", required=True)
    check = with_db(
        stored_sub.add_parser(
            "check", help="list records a pull cannot send (skipped and logged by every sync)"
        )
    )
    check.add_argument("--office", help="only this office (code)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 refused with a message on stderr)."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ModuleNotFoundError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing not in SERVER_EXTRA_MODULES:
            raise
        print(
            f"naskah-server: '{args.command}' needs the server's dependencies, which are not "
            f"installed (no module {missing!r}). Install them with: {INSTALL_SERVER_EXTRA}",
            file=sys.stderr,
        )
        return 1


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command == "init":
            _init(args)
        elif args.command == "serve":
            _serve(args)
        elif args.command == "hub":
            return _hub(args)
        elif args.command == "office":
            with _engine(args) as engine:
                office_id = admin.add_office(engine, args.code, args.name)
            print(f"office {args.code} added: {office_id}")
        elif args.command == "records":
            return _records_check(args)
        elif args.command == "enroll-code":
            with _engine(args) as engine:
                print(admin.make_enrol_code(engine, args.office, args.hours))
        elif args.command == "bundle":
            _bundle_import(args)
        elif args.command == "cert":
            _cert(args)
        elif args.command == "ca":
            _ca_info(args)
        elif args.command == "device":
            _device(args)
    except KeyError:  # a bug (a missing key), not a refusal: let it show its traceback
        raise
    except (ValueError, LookupError, RuntimeError, _Refused) as exc:
        print(f"naskah-server: {exc}", file=sys.stderr)
        return 1
    except pki.PkiRefused as exc:
        print(f"naskah-server: {exc.message}", file=sys.stderr)
        return 1
    return 0


class _engine:
    """``with _engine(args) as engine``: an engine for ``--db``, disposed afterwards."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.engine = db.make_engine(args.db)

    def __enter__(self) -> Engine:
        return self.engine

    def __exit__(self, *_exc: object) -> None:
        self.engine.dispose()


# -- the CA passphrase ------------------------------------------------------------------------


def _read_secret_file(path: Path) -> str:
    try:
        info = path.stat()
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise _Refused(f"cannot read the CA passphrase file {path}: {exc.strerror}") from exc
    if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        print(
            f"naskah-server: warning: {path} is readable by other users; "
            f"chmod 600 it (or use a systemd credential)",
            file=sys.stderr,
        )
    value = text.rstrip("\r\n")
    if not value:
        raise _Refused(f"the CA passphrase file {path} is empty")
    return value


def _passphrase(args: argparse.Namespace, *, prompt: bool, confirm: bool = False) -> str | None:
    """The CA passphrase from the file option, the environment, a systemd credential, or (with
    ``prompt`` and a terminal) typed; None when there is none."""
    path: Path | None = getattr(args, "ca_passphrase_file", None)
    if path is not None:
        return _read_secret_file(path)
    if value := os.environ.get(pki.PASSPHRASE_ENV):
        return value
    credentials = os.environ.get("CREDENTIALS_DIRECTORY")
    if credentials and (Path(credentials) / pki.CREDENTIAL_NAME).is_file():
        return _read_secret_file(Path(credentials) / pki.CREDENTIAL_NAME)
    if not (prompt and sys.stdin is not None and sys.stdin.isatty()):
        return None
    value = getpass.getpass("CA passphrase: ")
    if confirm:
        if problem := pki.passphrase_problem(value):
            raise _Refused(problem)
        if getpass.getpass("CA passphrase again: ") != value:
            raise _Refused("the two passphrases differ; nothing was created")
    return value


def _fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


# -- commands ---------------------------------------------------------------------------------


def _init(args: argparse.Namespace) -> None:
    server_id = admin.init_server(args.db, Path(args.blobs))
    print(f"server {server_id} ready: {args.db}, blobs in {args.blobs}")
    with _engine(args) as engine:
        if args.public_url:
            url = pki.store_public_url(engine, args.public_url)
            print(f"public address: {url}")
        if args.no_ca:
            return
        with db.read_tx(engine) as conn:
            exists = pki.ca_exists(conn)
        passphrase = _passphrase(args, prompt=not exists, confirm=True)
        if passphrase is None:
            if exists:
                print("CA already exists (passphrase not checked: none given)")
            else:
                print(
                    f"naskah-server: no CA created: give its passphrase in "
                    f"${pki.PASSPHRASE_ENV} or --ca-passphrase-file, or run init in a "
                    "terminal, then run init again",
                    file=sys.stderr,
                )
            return
        try:
            created = pki.create_ca(engine, args.org, passphrase)
        except pki.WrongCaPassphrase as exc:
            raise _Refused("the CA already exists and this passphrase does not open it") from exc
        if args.tsa_policy:
            pki.store_tsa_policy(engine, args.tsa_policy)
        root = pki.load_keys(engine, passphrase).root_cert
        with db.read_tx(engine) as conn:
            policy = pki.tsa_policy(conn)
    state = "created" if created else "already exists (passphrase checked)"
    print(f"CA {state}: {ca.common_name(root.subject)}")
    print(f"root SHA-256 fingerprint: {_fingerprint(root)}")
    print(f"TSA policy OID: {policy}")


def _hub(args: argparse.Namespace) -> int:
    if args.hub_command == "allow":
        with _engine(args) as engine:
            db.create_tables(engine)
            from sync.server.hubs import allow

            try:
                office = allow(engine, args.device_id)
            except ValueError as exc:
                raise _Refused(str(exc)) from exc
        print(f"device {args.device_id} is now a hub of office {office}")
        return 0
    if args.hub_command == "cert":
        _hub_cert(args)
        return 0
    from sync.hub.cli import HubRefused, run

    try:
        return run(args)
    except HubRefused as exc:
        raise _Refused(str(exc)) from exc


def _hub_cert(args: argparse.Namespace) -> None:
    from cryptography.hazmat.primitives import serialization

    from sync.pki import tls

    passphrase = _passphrase(args, prompt=True)
    if passphrase is None:
        raise _Refused("the CA passphrase is needed to issue a hub certificate")
    with _engine(args) as engine:
        try:
            keys = pki.load_keys(engine, passphrase)
        except pki.WrongCaPassphrase as exc:
            raise _Refused("the CA passphrase does not open the CA keys") from exc
    cert, key = tls.issue_hub_certificate(keys.root_key, keys.root_cert, args.host, days=args.days)
    args.cert_out.write_bytes(ca.certs_to_pem([cert, keys.root_cert]))
    fd = os.open(args.key_out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    print(f"hub certificate for {', '.join(args.host)}: {args.cert_out}, key {args.key_out}")
    print(f"SHA-256 fingerprint: {_fingerprint(cert)}")


def _serve(args: argparse.Namespace) -> None:
    import uvicorn

    from sync.server.app import create_app
    from sync.server.settings import Settings, parse_networks

    if args.cert_days < 1:
        raise _Refused("--cert-days must be at least 1")
    try:
        proxies = tuple(
            str(net.network_address) if net.num_addresses == 1 else str(net)
            for net in parse_networks(args.trusted_proxy)
        )
    except ValueError as exc:
        raise _Refused(f"--trusted-proxy: {exc}") from exc
    _check_leases(args.lease_block, args.lease_reserve_max)
    try:
        ZoneInfo(args.time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise _Refused(f"unknown time zone {args.time_zone!r}") from exc
    passphrase = _passphrase(args, prompt=False)
    os.environ.pop(pki.PASSPHRASE_ENV, None)  # not inherited by anything this process starts
    with _engine(args) as engine:
        db.server_id(engine)  # a clear message instead of a failed start-up
        db.create_tables(engine)  # tables added by a newer version
        public_url = pki.store_public_url(engine, args.public_url) if args.public_url else ""
        with db.read_tx(engine) as conn:
            exists = pki.ca_exists(conn)
        if exists and passphrase:
            try:
                pki.load_keys(engine, passphrase)
            except pki.WrongCaPassphrase as exc:
                raise _Refused("the CA passphrase does not open the CA keys") from exc
        elif exists:
            print(
                "naskah-server: no CA passphrase given: serving sync and the trust material, "
                "but no signer certificates and no timestamps",
                file=sys.stderr,
            )
        else:
            print(
                "naskah-server: this server has no CA yet (naskah-server init): no signer "
                "certificates, no timestamps",
                file=sys.stderr,
            )
    settings = Settings(
        db_url=args.db,
        blob_dir=Path(args.blobs),
        lease_block=args.lease_block,
        lease_reserve_max=args.lease_reserve_max,
        ca_passphrase=passphrase,
        public_url=public_url,
        cert_days=args.cert_days,
        time_zone=args.time_zone,
        trusted_proxies=proxies,
    )
    if proxies:
        print(f"naskah-server: X-Forwarded-For is believed from {', '.join(proxies)} only")
    uvicorn.run(
        create_app(settings), host=args.host, port=args.port, access_log=False, proxy_headers=False
    )


def _check_leases(block: int, reserve_max: int) -> None:
    """Refuse lease settings that cannot work, naming the option."""
    from sync.protocol import MAX_LEASE_RESERVE

    if not 1 <= block <= MAX_LEASE_RESERVE:
        raise _Refused(f"--lease-block must be between 1 and {MAX_LEASE_RESERVE}, not {block}")
    if not 0 <= reserve_max <= MAX_LEASE_RESERVE:
        raise _Refused(
            f"--lease-reserve-max must be between 0 and {MAX_LEASE_RESERVE}, not {reserve_max}"
        )


def _bundle_import(args: argparse.Namespace) -> None:
    from sync.server.bundle import import_bundle
    from sync.server.settings import Settings

    if args.cert_days < 1:
        raise _Refused("--cert-days must be at least 1")
    settings = Settings(
        db_url=args.db,
        blob_dir=Path(args.blobs),
        ca_passphrase=_passphrase(args, prompt=False),
        cert_days=args.cert_days,
    )
    with _engine(args) as engine:
        db.create_tables(engine)
        done = import_bundle(engine, settings, args.file, args.reply)
    print(
        f"bundle of device {done.device_id} ({done.office_code}) applied: "
        f"{done.mutations} mutations, {done.blobs_in} blobs in; reply {args.reply}: "
        f"{done.pages} answers, {done.blobs_out} blobs"
    )
    if done.certificates or done.refused:
        print(f"certificates: {done.certificates} issued, {done.refused} refused (see the reply)")
    if done.delivered or done.not_delivered:
        print(
            f"deliveries: {done.delivered} sent, {done.not_delivered} refused (the reply says why)"
        )
    if done.deferred:
        print(
            f"naskah-server: {done.deferred} certificate request(s) left pending: the CA is not "
            f"active (no CA, or no passphrase: ${pki.PASSPHRASE_ENV} or --ca-passphrase-file)",
            file=sys.stderr,
        )


def _cert(args: argparse.Namespace) -> None:
    with _engine(args) as engine:
        if args.cert_command == "list":
            if args.office is not None:
                admin.office_id_for(engine, args.office)  # LookupError for an unknown code
            rows = pki.list_certificates(engine, args.office)
            now = db.utcnow()
            print(f"{'SERIAL':<40}  {'OFFICE':<16}  {'NOT AFTER':<10}  {'STATUS':<28}  NAME")
            for r in rows:
                if r.revoked_at is not None:
                    status = f"revoked {r.revoked_at:%Y-%m-%d} ({r.reason or 'unspecified'})"
                elif r.not_after < now:
                    status = "expired"
                else:
                    status = "valid"
                print(
                    f"{r.serial:<40}  {r.office_code:<16}  {r.not_after:%Y-%m-%d}  "
                    f"{status:<28}  {r.name}"
                )
            print(f"{len(rows)} certificate(s)")
            return
        passphrase = _passphrase(args, prompt=True)
        if passphrase is None:
            raise _Refused(
                f"revoking needs the CA passphrase (${pki.PASSPHRASE_ENV}, "
                "--ca-passphrase-file, or run it in a terminal)"
            )
        try:
            keys = pki.load_keys(engine, passphrase)
        except pki.WrongCaPassphrase as exc:
            raise _Refused("the CA passphrase does not open the CA keys") from exc
        serial = pki.normalise_serial(args.serial)
        number = pki.revoke(engine, keys, serial, args.reason)
    print(
        f"certificate {serial} revoked ({args.reason}); CRL number {number}: devices receive "
        "it on their next sync"
    )


def _ca_info(args: argparse.Namespace) -> None:
    with _engine(args) as engine, db.read_tx(engine) as conn:
        material = pki.public_material(conn)
        public_url = pki.stored_public_url(conn)
        policy = pki.tsa_policy(conn)
        revoked = conn.execute(
            select(db.certificates.c.serial).where(db.certificates.c.revoked_at.is_not(None))
        ).all()
    if material is None:
        raise _Refused("this server has no CA yet (naskah-server init)")
    root = ca.cert_from_pem(material.root_pem.encode())
    tsa = ca.cert_from_pem(material.tsa_pem.encode())
    crl = ca.crl_from_pem(material.crl_pem.encode())
    print(f"root: {ca.common_name(root.subject)}, valid until {root.not_valid_after_utc:%Y-%m-%d}")
    print(f"root SHA-256 fingerprint: {_fingerprint(root)}")
    print(f"TSA:  {ca.common_name(tsa.subject)}, valid until {tsa.not_valid_after_utc:%Y-%m-%d}")
    until = f"{crl.next_update_utc:%Y-%m-%d}" if crl.next_update_utc else "-"
    print(
        f"CRL:  number {material.crl_number}, issued {crl.last_update_utc:%Y-%m-%d %H:%M} UTC, "
        f"valid until {until}, {len(revoked)} revoked certificate(s)"
    )
    print(f"public address: {public_url or '(not set: --public-url)'}")
    print(f"TSA policy OID: {policy or '(made when the CA is next unlocked)'}")


def _records_check(args: argparse.Namespace) -> int:
    """Exit 0 when every record can be served, 1 (and the list) when some cannot."""
    with _engine(args) as engine:
        found = admin.unservable_records(engine, args.office)
    if not found:
        print("every stored record can be served")
        return 0
    print(f"{'OFFICE':<16}  {'ENTITY':<24}  {'ID':<36}  {'VERSION':>7}  WHY")
    for r in found:
        print(f"{r.office_code:<16}  {r.entity:<24}  {r.entity_id:<36}  {r.version:>7}  {r.reason}")
    print(
        f"{len(found)} record(s) cannot be served: every pull skips them. Restore each from the "
        "database backup or delete it (admin guide: 'Records that cannot be served')."
    )
    return 1


def _device(args: argparse.Namespace) -> None:
    with _engine(args) as engine:
        if args.device_command == "list":
            rows = admin.list_devices(engine, args.office)
            print(f"{'DEVICE ID':<36}  {'OFFICE':<16}  {'ENROLLED':<10}  {'LAST SYNC':<16}  "
                  f"{'STATUS':<18}  NAME")  # fmt: skip
            for r in rows:
                seen = f"{r.last_seen:%Y-%m-%d %H:%M}" if r.last_seen else "-"
                status = f"revoked {r.revoked_at:%Y-%m-%d}" if r.revoked_at else "active"
                print(
                    f"{r.id:<36}  {r.office_code:<16}  {r.created_at:%Y-%m-%d}  {seen:<16}  "
                    f"{status:<18}  {r.name}"
                )
            print(f"{len(rows)} device(s); times in UTC")
            return
        device_id = args.device_id.strip()
        before = {r.id: r for r in admin.list_devices(engine)}.get(device_id)
        if before is None or not admin.revoke_device(engine, device_id):
            raise _Refused(f"no device with id {device_id!r} (naskah-server device list)")
    if before.revoked_at is not None:
        print(f"device {device_id} ({before.name}, {before.office_code}) was already revoked "
              f"on {before.revoked_at:%Y-%m-%d}")  # fmt: skip
        return
    print(
        f"device {device_id} ({before.name}, {before.office_code}) revoked: its next request "
        "is refused (401); it can enrol again only with a new enrolment code"
    )


if __name__ == "__main__":
    raise SystemExit(main())
